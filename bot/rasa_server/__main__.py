"""`python -m bot.rasa_server run <rasa run options>`: our Rasa server, Rasa's own CLI with the patches installed.

Every place that serves this assistant starts Rasa this way (`make serve`, the end-to-end tests, the benchmark),
so the patches of bot.rasa_server.patches are in place before Rasa loads the channels, the model or the tracker
store. The arguments are those of `rasa run`; the leading `run` may be left out.
"""

from __future__ import annotations

import sys
from typing import List, Optional, Sequence

from bot.rasa_server import log_privacy, patches
from bot.services.startup import refuse_to_start_if_unsafe


def rasa_argv(args: Sequence[str]) -> List[str]:
    """The sys.argv Rasa's CLI is given: `rasa run` and the arguments (`run` added when it is missing)."""
    args = list(args)
    if not args or args[0] != "run":
        args = ["run", *args]
    return ["rasa", *args]


def main(argv: Optional[Sequence[str]] = None) -> None:
    """Check the production settings, install the patches and the log's privacy filter, then hand over to Rasa."""
    refuse_to_start_if_unsafe("rasa")
    patches.install()
    log_privacy.install()
    sys.argv = rasa_argv(sys.argv[1:] if argv is None else argv)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
