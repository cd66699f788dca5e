"""The demo page's web server: page, assets, /config.json, the development sign-in and security headers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.files.policy import get_policy
from bot.identity import DEV_SECRET, IdentitySettings, verify_token
from bot.rules.money import format_money
from bot.web import server
from bot.web.server import make_app, render_page

RASA_PORT = 5123
WEB = Path(server.__file__).resolve().parent
CDN_HOSTS = ("unpkg", "jsdelivr", "cdnjs", "googleapis", "gstatic", "cloudflare", "cdn.", "socket.io/")
DEV: Dict[str, str] = {}
REAL = {"BOT_JWT_SECRET": "a-production-secret-that-is-not-the-development-one"}


@pytest.fixture(autouse=True)
def no_public_rasa_url(monkeypatch):
    monkeypatch.delenv("BOT_PUBLIC_RASA_URL", raising=False)


@pytest.fixture
def vendor(tmp_path: Path) -> Path:
    """A stand-in node_modules holding the socket.io client build."""
    dist = tmp_path / "socket.io-client" / "dist"
    dist.mkdir(parents=True)
    (dist / "socket.io.min.js").write_text("/* socket.io client */")
    return tmp_path


async def client_for(env: Mapping[str, str], vendor_dir: Optional[Path] = None) -> TestClient:
    app = make_app(RASA_PORT, env=env, **({"vendor_dir": vendor_dir} if vendor_dir else {}))
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    return client


def directives(csp: str) -> Dict[str, List[str]]:
    parts = (part.split() for part in csp.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


# --- /config.json ----------------------------------------------------------------------------------------
async def test_config_points_at_rasa_on_the_page_host_and_offers_dev_sign_in():
    client = await client_for(DEV)
    try:
        response = await client.get("/config.json")
        assert response.status == 200
        body = await response.json()
        assert body["rasaUrl"] == f"http://127.0.0.1:{RASA_PORT}"
        assert body["devSignIn"] is True
        users = {user["id"]: user["role"] for user in body["demoUsers"]}
        assert {f"L{n:04d}" for n in range(1, 11)} <= set(users)
        assert users["S0001"] == "staff" and users["L0006"] == "learner"
        assert response.headers["Cache-Control"] == "no-store"
    finally:
        await client.close()


async def test_config_hides_dev_sign_in_with_a_real_secret():
    client = await client_for(REAL)
    try:
        body = await (await client.get("/config.json")).json()
        assert body["devSignIn"] is False and "demoUsers" not in body
    finally:
        await client.close()


async def test_config_uses_the_public_rasa_url(monkeypatch):
    monkeypatch.setenv("BOT_PUBLIC_RASA_URL", "https://chat.example.ac.uk/")
    client = await client_for(DEV)
    try:
        response = await client.get("/config.json")
        assert (await response.json())["rasaUrl"] == "https://chat.example.ac.uk"
        assert directives(response.headers["Content-Security-Policy"])["connect-src"] == [
            "'self'",
            "https://chat.example.ac.uk",
            "wss://chat.example.ac.uk",
        ]
    finally:
        await client.close()


# --- Content-Security-Policy -----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/config.json", "/static/widget.js", "/no-such-page"])
async def test_every_response_allows_only_self_and_rasa(path: str):
    client = await client_for(DEV)
    try:
        response = await client.get(path)
        policy = directives(response.headers["Content-Security-Policy"])
        rasa = f"http://127.0.0.1:{RASA_PORT}"
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
        assert policy["connect-src"] == ["'self'", rasa, rasa.replace("http", "ws", 1)]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "unsafe" not in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    finally:
        await client.close()


@pytest.mark.parametrize(
    "host, expected",
    [
        ("localhost:8080", "localhost"),
        ("Example.AC.UK", "example.ac.uk"),
        ("[::1]:8080", "[::1]"),
        ("evil.example; script-src *", "localhost"),
        ("", "localhost"),
    ],
)
async def test_the_host_header_cannot_inject_into_the_policy(host: str, expected: str):
    client = await client_for(DEV)
    try:
        response = await client.get("/config.json", headers={"Host": host})
        assert (await response.json())["rasaUrl"] == f"http://{expected}:{RASA_PORT}"
        assert directives(response.headers["Content-Security-Policy"])["script-src"] == ["'self'"]
    finally:
        await client.close()


# --- /demo-token -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query, sub, role", [("as=L0006", "L0006", "learner"), ("as=S0001&role=staff", "S0001", "staff")]
)
async def test_demo_token_is_minted_with_the_development_secret(query: str, sub: str, role: str):
    client = await client_for(DEV)
    try:
        response = await client.get(f"/demo-token?{query}")
        assert response.status == 200
        assert response.headers["Cache-Control"] == "no-store"
        body = await response.json()
        claims = verify_token(body["token"], IdentitySettings.from_env({}))
        assert claims is not None and (claims.sub, claims.role) == (sub, role)
    finally:
        await client.close()


@pytest.mark.parametrize(
    "env", [REAL, {"BOT_JWT_PUBLIC_KEY": "-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----"}]
)
async def test_demo_token_does_not_exist_without_the_development_secret(env: Mapping[str, str]):
    assert not IdentitySettings.from_env(env).is_development
    client = await client_for(env)
    try:
        for query in ("as=L0006", "as=S0001&role=staff", ""):
            response = await client.get(f"/demo-token?{query}")
            assert response.status == 404
            assert "token" not in await response.text()
    finally:
        await client.close()


@pytest.mark.parametrize(
    "query", ["as=L9999", "as=", "as=L0006&role=staff", "as=S0001&role=learner", "as=L0006&role=admin"]
)
async def test_demo_token_refuses_unknown_users_and_wrong_roles(query: str):
    client = await client_for({"BOT_JWT_SECRET": DEV_SECRET})
    try:
        response = await client.get(f"/demo-token?{query}")
        assert response.status == 400
    finally:
        await client.close()


# --- the page and its assets -----------------------------------------------------------------------------
class _Assets(HTMLParser):
    """Collects every URL the page loads (scripts, stylesheets, icons) and every link."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: List[str] = []
        self.links: List[str] = []

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe") and values.get("src"):
            self.loaded.append(values["src"])
        if tag == "link" and values.get("href"):
            self.loaded.append(values["href"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])


async def test_page_has_the_policy_figures_and_loads_nothing_from_elsewhere(vendor: Path):
    client = await client_for(DEV, vendor)
    try:
        response = await client.get("/")
        assert response.status == 200 and response.content_type == "text/html"
        page = await response.text()
        policy = get_policy()
        for pence in (policy.learning_fee, policy.credit_fee, policy.top_up):
            assert format_money(pence) in page
        assert "{{" not in page and "}}" not in page
        assets = _Assets()
        assets.feed(page)
        assert "/vendor/socket.io.min.js" in assets.loaded and "/static/widget.js" in assets.loaded
        for url in assets.loaded:
            assert url.startswith("/") and not url.startswith("//"), f"{url} is not served by this server"
            assert (await client.get(url)).status == 200, url
        for url in assets.links:
            assert url.startswith(("/", "#", "https://")), url
        assert not any(host in page.lower() for host in CDN_HOSTS)
    finally:
        await client.close()


def test_template_writes_no_figure_of_its_own():
    template = (WEB / "templates" / "index.html").read_text()
    assert not re.search(r"£\s?\d|\d\s?%|\d[- ]weeks?|\d[- ]credits?|\d[- ]months?", template)


def test_render_page_escapes_values_and_rejects_unknown_placeholders():
    assert render_page("<p>{{ x }}</p>", {"x": "<b>&"}) == "<p>&lt;b&gt;&amp;</p>"
    with pytest.raises(KeyError, match="nope"):
        render_page("{{ nope }}", {})


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/static/widget.js", "javascript"),
        ("/static/style.css", "text/css"),
        ("/vendor/socket.io.min.js", "javascript"),
    ],
)
async def test_static_assets_are_served(vendor: Path, path: str, content_type: str):
    client = await client_for(DEV, vendor)
    try:
        response = await client.get(path)
        assert response.status == 200 and content_type in response.headers["Content-Type"]
    finally:
        await client.close()


@pytest.mark.parametrize(
    "path",
    [
        "/vendor/axe.min.js",
        "/vendor/..%2Fpackage.json",
        "/vendor/socket.io.min.js.map",
        "/static/../server.py",
        "/static/",
    ],
)
async def test_only_allow_listed_files_are_served(vendor: Path, path: str):
    client = await client_for(DEV, vendor)
    try:
        assert (await client.get(path)).status in (403, 404)
    finally:
        await client.close()


def test_the_real_socket_io_client_is_version_4():
    built = server.NODE_MODULES / server.VENDOR_FILES["socket.io.min.js"]
    if not built.exists():
        pytest.skip("node_modules not installed (run `npm ci`)")
    assert re.search(r"Socket\.IO v4\.\d+\.\d+", built.read_text()[:200])


def test_the_widget_never_writes_html_from_strings():
    script = (WEB / "static" / "widget.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


@pytest.mark.parametrize("secret", [DEV_SECRET, "a-real-website-secret-of-at-least-32-characters"])
async def test_demo_token_and_sign_in_switch_do_not_exist_in_production(secret: str):
    client = await client_for({"BOT_ENV": "production", "BOT_JWT_SECRET": secret})
    try:
        assert (await client.get("/demo-token?as=L0006")).status == 404
        assert (await (await client.get("/config.json")).json())["devSignIn"] is False
        page = await (await client.get("/")).text()
        assert "chat-signin" not in page and "Sign in as" not in page
    finally:
        await client.close()


async def test_the_sign_in_switch_is_on_the_page_in_development():
    client = await client_for({"BOT_JWT_SECRET": DEV_SECRET})
    try:
        assert "Sign in as" in await (await client.get("/")).text()
    finally:
        await client.close()
