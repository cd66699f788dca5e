"""The demo page in headless Chromium, against the real action, Rasa and web servers.

The action and Rasa servers are started exactly as the end-to-end tests start them (tests/e2e/conftest.py's
`start_servers`, loaded here by file path because tests/ is not a package); the web server is started on a
free port with `python -m bot.web` (its command line from bot.services.commands, as `make serve` starts it).
Chromium is Debian's /usr/bin/chromium: without it the tests skip on a developer machine and fail in CI
(CI=true), where .ci/run installs it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, List

import pytest

from bot.services.commands import web_command
from bot.services.procs import free_port, start_group, stop_group
from bot.settings import NODE_MODULES, ROOT, Ports
from tests.ci_mode import missing

CHROMIUM = Path("/usr/bin/chromium")
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
SOCKET_IO = NODE_MODULES / "socket.io-client" / "dist" / "socket.io.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _load_e2e_helpers():
    """tests/e2e/conftest.py as a module of its own (its hooks are not registered again)."""
    spec = importlib.util.spec_from_file_location("_e2e_servers", ROOT / "tests" / "e2e" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


e2e = _load_e2e_helpers()


@dataclass
class Site:
    """The three running servers and the page's address."""

    servers: "e2e.Servers"
    url: str
    web: subprocess.Popen

    @property
    def db_url(self) -> str:
        return self.servers.env["BOT_DB_URL"]


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium, or a skip (developer machine) / failure (CI) saying how to get it."""
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is missing: install it with `apt-get install chromium` to run the browser tests")
    for needed in (SOCKET_IO, AXE):
        if not needed.exists():
            pytest.fail(f"{needed.relative_to(ROOT)} is missing: run `npm ci` in {ROOT}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path: Path):
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site(browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Action server, Rasa server and the web page, on free ports with a freshly seeded database."""
    servers = e2e.start_servers(tmp_path_factory.mktemp("browser"))
    port = free_port()
    log = servers.logs / "web.log"
    ports = Ports(
        rasa=int(servers.rasa_url.rsplit(":", 1)[1]), action=int(servers.action_url.rsplit(":", 1)[1]), web=port
    )
    with log.open("w") as out:
        web = start_group(web_command(ports), ROOT, servers.env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        e2e.wait_for(f"{url}config.json", web, log, timeout=60)
        yield Site(servers, url, web)
    finally:
        stop_group(web, grace=10)
        servers.stop()


@pytest.fixture
def context(browser, site: Site):
    """A fresh browser profile (empty storage) per test, with the page's CSP enforced."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()


def watched(opened: Any, problems: List[str]) -> Any:
    """Collect a page's script errors and CSP violations into `problems` (they must stay empty)."""
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on(
        "console",
        lambda message: problems.append(f"console {message.type}: {message.text}")
        if message.type == "error" or "Content Security Policy" in message.text
        else None,
    )
    return opened


@pytest.fixture
def page(context, site: Site):
    """The demo page, loaded; CSP violations and script errors are collected and must stay empty."""
    problems: List[str] = []
    opened = watched(context.new_page(), problems)
    opened.goto(site.url)
    yield opened
    assert not problems, "the page logged errors:\n" + "\n".join(problems)
