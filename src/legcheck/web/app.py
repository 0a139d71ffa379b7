"""The app factory: `create_app(settings)` builds the FastAPI app (REST API under /api/v1, pages,
static files). `legcheck serve` runs it under uvicorn."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from legcheck import __version__
from legcheck.diary.database import connect
from legcheck.diary.store import DiaryStore
from legcheck.diary.when import local_zone_name
from legcheck.errors import InputError, NotFoundError, SettingsError, StorageError
from legcheck.settings import Settings
from legcheck.web.accounts import Owner
from legcheck.web.context import WebContext

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    """The whole web app for `settings` (default: read from the environment).

    Raises SettingsError in hosted mode with a placeholder secret, and StorageError when the
    database cannot be opened: the server does not start."""
    settings = settings or Settings()
    problem = settings.unsafe_for_hosting()
    if problem:
        raise SettingsError(problem)
    engine = connect(settings.database_url)
    app = FastAPI(title="legcheck", version=__version__, docs_url=f"{API_PREFIX}/docs",
                  redoc_url=None, openapi_url=f"{API_PREFIX}/openapi.json",
                  description="Are my leg jerks normal? The check, the diary and its statistics "
                              "as a REST API. Not a diagnosis.")
    app.state.web = WebContext(settings=settings, engine=engine,
                               local_owner=None if settings.hosted else _local_owner(
                                   engine, settings))
    _add_error_handlers(app)
    from legcheck.web import api, api_accounts, pages, pages_account, pages_diary, pages_interview

    app.include_router(api.router, prefix=API_PREFIX)
    if settings.hosted:
        app.include_router(api_accounts.router, prefix=API_PREFIX)
        app.include_router(pages_account.router)
    app.include_router(pages.router)
    app.include_router(pages_diary.router)
    app.include_router(pages_interview.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("legcheck.web") / "static")),
              name="static")
    return app


def app_from_environment() -> FastAPI:
    """For uvicorn's --factory (several worker processes): settings from LEGCHECK_*."""
    return create_app(Settings())


def _local_owner(engine: object, settings: Settings) -> Owner:
    store = DiaryStore(engine, profile=settings.profile,  # type: ignore[arg-type]
                       timezone_name=settings.timezone or local_zone_name())
    return Owner(None, None, store.profile_id, store.timezone)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def _add_error_handlers(app: FastAPI) -> None:
    from legcheck.web.pages import error_page

    def respond(request: Request, status: int, message: str,
                headers: dict[str, str] | None = None) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        return error_page(request, status, message, headers)

    @app.exception_handler(InputError)
    async def _input(request: Request, error: InputError) -> Response:
        return respond(request, 404 if isinstance(error, NotFoundError) else 422, str(error))

    @app.exception_handler(StorageError)
    async def _storage(request: Request, error: StorageError) -> Response:
        return respond(request, 503, str(error))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> Response:
        return respond(request, 422, validation_message(error.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> Response:
        return respond(request, error.status_code, str(error.detail),
                       getattr(error, "headers", None))


def validation_message(errors: object) -> str:
    """One readable line from FastAPI's list of validation errors."""
    details = list(errors)  # type: ignore[call-overload]
    if not details:
        return "the request is not valid"
    first = details[0]
    if first.get("type") == "json_invalid":
        return "the request body is not valid JSON"
    where = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    if first.get("type") == "missing" and not where:
        return "the request needs a JSON body"
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    return f"{'.'.join(where)}: {message}{more}" if where else f"{message}{more}"
