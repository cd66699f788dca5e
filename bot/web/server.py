"""A small aiohttp server for the demo page: the page, its chat widget's assets and runtime configuration.

- `/` is the department's "About microcredentials" page, `/cy/` (and `/cy`) the same page in Welsh, each with a
  Cymraeg/English switch to the other (Welsh Language Standards: both at once, equally complete). Their figures
  are filled in from bot/policy.yaml when the server starts (`{{ name }}` placeholders, the same names in both
  templates), so no number is written twice.
- `/static/...` are the page's own files; `/vendor/socket.io.min.js` is the socket.io client from
  `node_modules` (installed by `npm ci`): nothing is loaded from a CDN.
- `/config.json` tells the page where Rasa is and whether the development sign-in is available.
- `/demo-token?as=L0006` (`?as=S0001&role=staff`) mints a demo token for a seed user, but only while the
  well-known development secret is in use outside production (IdentitySettings.demo_sign_in); otherwise it is a
  404 and the page is served without its "Sign in as" switch.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional
from urllib.parse import urlsplit

import yaml
from aiohttp import web

from bot import settings
from bot.answers.assessment import assessment_label
from bot.answers.reply import join_names
from bot.answers.texts import ENGLISH, WELSH
from bot.files.demo_learners import DEFAULT_DEMO_PATH
from bot.files.policy import get_policy
from bot.identity import ROLES, IdentitySettings, mint_token
from bot.rules.model import AssessmentType
from bot.rules.money import format_money
from bot.rules.policy import Policy

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE = TEMPLATES_DIR / "index.html"
WELSH_TEMPLATE = TEMPLATES_DIR / "index.cy.html"
# The page's address in each language (the language switch links to the other one).
PAGE_PATHS = {ENGLISH: "/", WELSH: "/cy/"}
NODE_MODULES = settings.NODE_MODULES
DEMO_LEARNERS = DEFAULT_DEMO_PATH
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
NO_STORE = {"Cache-Control": "no-store"}
DEMO_STAFF = ({"id": "S0001", "name": "Enquiry team", "role": "staff"},)
DEMO_TOKEN_TTL = 3600
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
HOSTNAME = re.compile(r"[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?")
IPV6 = re.compile(r"[0-9a-f:.]{2,45}")
DEV_SIGN_IN_BLOCK = re.compile(r"[ \t]*<!-- dev-sign-in -->.*?<!-- /dev-sign-in -->\n?", re.DOTALL)

# Browser files served from node_modules, by the name the page asks for under /vendor/.
VENDOR_FILES = {
    "socket.io.min.js": "socket.io-client/dist/socket.io.min.js",
    "socket.io.min.js.map": "socket.io-client/dist/socket.io.min.js.map",
}
CONTENT_TYPES = {".js": "text/javascript", ".map": "application/json"}


def content_security_policy(rasa: str) -> str:
    """A strict policy: only this page's own assets, and connections to itself and Rasa."""
    websocket = rasa.replace("http", "ws", 1)
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {rasa} {websocket}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )


def rasa_url(request: web.Request, rasa_port: int) -> str:
    """Where the browser reaches Rasa: BOT_PUBLIC_RASA_URL, else the page's host on the Rasa port."""
    public = settings.public_rasa_url()
    if public:
        return public
    return f"http://{page_hostname(request)}:{rasa_port}"


def page_hostname(request: web.Request) -> str:
    """The host name the browser used for the page, without its port; "localhost" if it looks odd.

    Read from the Host header directly: `request.url` cannot be built from a Host with a port under this
    aiohttp/yarl pair. The name ends up in the CSP header, so only plain names and IP addresses pass.
    """
    try:
        name = urlsplit("//" + (request.host or "")).hostname or ""
    except ValueError:
        return "localhost"
    if HOSTNAME.fullmatch(name):
        return name
    if ":" in name and IPV6.fullmatch(name):
        return f"[{name}]"
    return "localhost"


def page_values(policy: Policy, language: str = ENGLISH) -> Dict[str, str]:
    """The figures and links the page states, all from the policy (the one place numbers live).

    The Welsh page names the assessments and joins the programmes as the assistant's Welsh replies do.
    """
    contact = policy.contact
    report = policy.assessments[AssessmentType.REPORT]
    masters = policy.assessments[AssessmentType.MASTERS_TEST]
    data = policy.assessments[AssessmentType.DATA_ANALYSIS]
    return {
        "learning_fee": format_money(policy.learning_fee),
        "credit_fee": format_money(policy.credit_fee),
        "top_up": format_money(policy.top_up),
        "completion_weeks": str(policy.completion_weeks),
        "registration_months": str(policy.registration_months),
        "credits_per_microcredential": str(policy.credits_per_microcredential),
        "set_size": str(policy.set_size),
        "exemption_credits": str(policy.exemption_credits),
        "module_credits": str(policy.module_credits),
        "report_label": assessment_label(report, language),
        "report_pass_mark": str(report.pass_mark),
        "data_label": assessment_label(data, language),
        "data_pass_mark": str(data.pass_mark),
        "masters_label": assessment_label(masters, language),
        "masters_pass_mark": str(masters.pass_mark),
        "eligible_programmes": join_names(list(policy.eligible_programmes), "and", language),
        "enquiry_email": contact.enquiry_email,
        "enquiry_url": contact.enquiry_url,
        "booking_url": contact.booking_url,
        "course_list_url": contact.course_list_url,
        "brochure_url": contact.brochure_url,
        "research_proposal_form_url": contact.research_proposal_form_url,
        "privacy_url": contact.privacy_url,
    }


def render_page(template: str, values: Mapping[str, str]) -> str:
    """Fill `{{ name }}` placeholders with HTML-escaped values; an unknown name is an error, not a blank."""

    def value(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"index.html uses {{{{ {name} }}}}, which the page values do not define")
        return html.escape(values[name], quote=True)

    return PLACEHOLDER.sub(value, template)


def without_dev_sign_in(page: str) -> str:
    """The page without its development "Sign in as" switch (between the dev-sign-in comments)."""
    return DEV_SIGN_IN_BLOCK.sub("", page)


def demo_users(path: Path = DEMO_LEARNERS) -> List[Dict[str, str]]:
    """The seed learners (id and name from the demo file) and the demo staff user."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    entries = document.get("learners", []) if isinstance(document, dict) else []
    learners = [
        {"id": str(entry["id"]), "name": str(entry.get("name", entry["id"])), "role": "learner"}
        for entry in entries
        if isinstance(entry, dict) and entry.get("id")
    ]
    return learners + [dict(user) for user in DEMO_STAFF]


def make_app(
    rasa_port: int,
    static_dir: Path = STATIC,
    *,
    template: Path = TEMPLATE,
    welsh_template: Path = WELSH_TEMPLATE,
    vendor_dir: Path = NODE_MODULES,
    env: Optional[Mapping[str, str]] = None,
    policy: Optional[Policy] = None,
) -> web.Application:
    """The web application serving the page, its assets, /config.json and the development sign-in.

    `env` is where the identity settings are read from on every request (the process environment when None), so the
    development sign-in exists only while the development secret is in use.
    """
    policy = policy or get_policy()
    pages = {
        language: render_page(path.read_text(encoding="utf-8"), page_values(policy, language))
        for language, path in ((ENGLISH, template), (WELSH, welsh_template))
    }
    public_pages = {language: without_dev_sign_in(page) for language, page in pages.items()}
    users = {user["id"]: user for user in demo_users()}
    missing = [name for name, rel in VENDOR_FILES.items() if name.endswith(".js") and not (vendor_dir / rel).is_file()]
    if missing:
        logger.warning("chat widget assets missing (%s): run `npm ci` in %s", ", ".join(missing), settings.ROOT)

    def development() -> bool:
        """Whether the demo sign-in is on right now: the development secret, outside production."""
        return IdentitySettings.from_env(env).demo_sign_in

    def page_in(language: str) -> web.Response:
        """The page in one language, with the policy's figures filled in (the sign-in switch in development only)."""
        text = (pages if development() else public_pages)[language]
        return web.Response(
            text=text, content_type="text/html", charset="utf-8", headers={"Content-Language": language}
        )

    async def index(request: web.Request) -> web.Response:
        """The English page."""
        return page_in(ENGLISH)

    async def index_cy(request: web.Request) -> web.Response:
        """The Welsh page (the same page, as complete, at /cy/ and /cy)."""
        return page_in(WELSH)

    async def config(request: web.Request) -> web.Response:
        """Runtime settings the page's script reads."""
        body: Dict[str, Any] = {"rasaUrl": rasa_url(request, rasa_port), "devSignIn": development()}
        if body["devSignIn"]:
            body["demoUsers"] = list(users.values())
        return web.json_response(body, headers=NO_STORE)

    async def demo_token(request: web.Request) -> web.Response:
        """A token for a seed user (development only: 404 with any real secret or key)."""
        if not development():
            raise web.HTTPNotFound()
        user = users.get(request.query.get("as", ""))
        if user is None:
            raise web.HTTPBadRequest(text="unknown demo user", headers=NO_STORE)
        role = request.query.get("role", user["role"])
        if role not in ROLES or role != user["role"]:
            raise web.HTTPBadRequest(text=f"{user['id']} signs in as {user['role']}", headers=NO_STORE)
        settings = IdentitySettings.from_env(env)
        token = mint_token(user["id"], role, settings, ttl_seconds=DEMO_TOKEN_TTL)
        body = {"token": token, "sub": user["id"], "name": user["name"], "role": role, "expiresIn": DEMO_TOKEN_TTL}
        return web.json_response(body, headers=NO_STORE)

    async def vendor(request: web.Request) -> web.FileResponse:
        """A browser file from node_modules, by an allow-listed name."""
        relative = VENDOR_FILES.get(request.match_info["name"])
        path = vendor_dir / relative if relative else None
        if path is None or not path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(path, headers={"Content-Type": CONTENT_TYPES[path.suffix]})

    @web.middleware
    async def security_headers(request: web.Request, handler):
        """Add a strict content security policy and related headers to every response, errors included."""
        try:
            response = await handler(request)
        except web.HTTPException as error:
            response = error
        response.headers.update(SECURITY_HEADERS)
        response.headers["Content-Security-Policy"] = content_security_policy(rasa_url(request, rasa_port))
        if isinstance(response, web.HTTPException):
            raise response
        return response

    app = web.Application(middlewares=[security_headers])
    app.router.add_get(PAGE_PATHS[ENGLISH], index)
    app.router.add_get(PAGE_PATHS[WELSH], index_cy)
    app.router.add_get(PAGE_PATHS[WELSH].rstrip("/"), index_cy)
    app.router.add_get("/config.json", config)
    app.router.add_get("/demo-token", demo_token)
    app.router.add_get("/vendor/{name}", vendor)
    app.router.add_static("/static/", static_dir, show_index=False, follow_symlinks=False)
    return app


def run(port: int, rasa_port: int, host: Optional[str] = None) -> None:
    """Serve the page until interrupted."""
    web.run_app(make_app(rasa_port), host=host or settings.web_host(), port=port, print=None)
