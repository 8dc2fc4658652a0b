"""Web UI and REST API over a lagebild store: ``create_app(db_path)`` and ``serve(db_path, host, port)``."""

from lagebild.web.app import create_app, serve

__all__ = ["create_app", "serve"]
