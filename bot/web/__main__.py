"""`python -m bot.web --port 8080 --rasa-port 5005`: serve the demo page."""

from __future__ import annotations

import argparse

from bot.services.startup import refuse_to_start_if_unsafe
from bot.settings import Ports
from bot.web.server import run


def main() -> None:
    """Parse arguments and serve."""
    parser = argparse.ArgumentParser(prog="python -m bot.web", description=__doc__)
    ports = Ports.from_env()
    parser.add_argument("--port", type=int, default=ports.web)
    parser.add_argument("--rasa-port", type=int, default=ports.rasa)
    args = parser.parse_args()
    refuse_to_start_if_unsafe("web")
    run(args.port, args.rasa_port)


if __name__ == "__main__":
    main()
