"""The web app and REST API: thin routes over the same core functions as the CLI."""

from legcheck.web.app import create_app

__all__ = ["create_app"]
