"""How the services start: the one description of each service's command line.

`make serve` (bot.services.serve), the end-to-end tests and the benchmark all take their command lines from
`commands`; their differences (the credentials file, the model, CORS, the interface) are its parameters.
The Rasa server is started through our entry point, `python -m bot.rasa_server run`, which installs the
patches to Rasa's internals before handing over to Rasa's CLI (bot/rasa_server/__main__.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from bot import settings
from bot.settings import Env, Ports

RASA_SERVER_MODULE = "bot.rasa_server"
WEB_MODULE = "bot.web"


def rasa_cli() -> Path:
    """Rasa's own command line in this virtual environment (it runs the action server)."""
    return Path(sys.executable).parent / "rasa"


def rasa_server_entry() -> List[str]:
    """The start of our Rasa server's command line: `python -m bot.rasa_server run`."""
    return [sys.executable, "-m", RASA_SERVER_MODULE, "run"]


def actions_command(ports: Ports) -> List[str]:
    """The action server: `rasa run actions` on the action port, serving the `actions` package."""
    return [str(rasa_cli()), "run", "actions", "--port", str(ports.action), "--actions", "actions"]


def rasa_command(
    ports: Ports, token: str, model: Path, credentials: Path, interface: str, cors: Sequence[str]
) -> List[str]:
    """Our Rasa server with its HTTP API behind the token; `--cors` only when origins are given."""
    cors_args = ["--cors", *cors] if cors else []
    return [
        *rasa_server_entry(), "--model", str(model), "--interface", interface, "--port", str(ports.rasa),
        "--enable-api", f"--auth-token={token}", *cors_args,
        "--credentials", str(credentials), "--endpoints", str(settings.ENDPOINTS_FILE),
    ]  # fmt: skip


def web_command(ports: Ports) -> List[str]:
    """The demo page on the web port, talking to Rasa on the Rasa port."""
    return [sys.executable, "-m", WEB_MODULE, "--port", str(ports.web), "--rasa-port", str(ports.rasa)]


def commands(
    ports: Ports,
    token: str,
    env: Env,
    *,
    model: Optional[Path] = None,
    credentials: Path = settings.EFFECTIVE_CREDENTIALS,
    interface: Optional[str] = None,
    cors: bool = True,
) -> Dict[str, List[str]]:
    """The command line of each service ("actions", "rasa", "web").

    Defaults are `make serve`'s: the model of BOT_MODEL, the effective credentials, the interface of RASA_HOST
    and CORS for the demo page plus BOT_CORS_ORIGINS. The tests and the benchmark pass their own.
    """
    origins = settings.cors_origins(ports.web, env) if cors else []
    return {
        "actions": actions_command(ports),
        "rasa": rasa_command(
            ports,
            token,
            model or settings.model_path(env),
            credentials,
            interface or settings.rasa_host(env),
            origins,
        ),
        "web": web_command(ports),
    }
