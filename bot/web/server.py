"""A small aiohttp server for the demo page: static files plus the page's runtime configuration."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from aiohttp import web

STATIC = Path(__file__).resolve().parent / "static"
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def content_security_policy(rasa: str) -> str:
    """A strict policy: only this page's own assets, and connections to itself and Rasa."""
    websocket = rasa.replace("http", "ws", 1)
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {rasa} {websocket}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )


def rasa_url(request: web.Request, rasa_port: int) -> str:
    """Where the browser reaches Rasa: BOT_PUBLIC_RASA_URL, else the page's host on the Rasa port."""
    public = os.environ.get("BOT_PUBLIC_RASA_URL")
    if public:
        return public.rstrip("/")
    host = request.url.host or "localhost"
    return f"http://{host}:{rasa_port}"


def make_app(rasa_port: int, static_dir: Path = STATIC) -> web.Application:
    """The web application serving the page and /config.json."""

    async def config(request: web.Request) -> web.Response:
        """Runtime settings the page's script reads."""
        return web.json_response({"rasaUrl": rasa_url(request, rasa_port)})

    async def index(request: web.Request) -> web.FileResponse:
        """The page itself."""
        return web.FileResponse(static_dir / "index.html")

    @web.middleware
    async def security_headers(request: web.Request, handler):
        """Add a strict content security policy and related headers to every response."""
        response = await handler(request)
        response.headers.update(SECURITY_HEADERS)
        response.headers["Content-Security-Policy"] = content_security_policy(rasa_url(request, rasa_port))
        return response

    app = web.Application(middlewares=[security_headers])
    app.router.add_get("/", index)
    app.router.add_get("/config.json", config)
    app.router.add_static("/static/", static_dir, show_index=False, follow_symlinks=False)
    return app


def run(port: int, rasa_port: int, host: Optional[str] = None) -> None:
    """Serve the page until interrupted."""
    web.run_app(make_app(rasa_port), host=host or os.environ.get("WEB_HOST", "127.0.0.1"), port=port, print=None)
