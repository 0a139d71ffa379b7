"""The ceiling for bench.web: one FastAPI endpoint that does nothing, served the same way."""

from fastapi import FastAPI

app = FastAPI()


@app.post("/ping")
def ping() -> dict[str, bool]:
    return {"ok": True}
