"""`python -m bot.services` (`make serve`): the action server, the Rasa server and the demo page, supervised."""

from bot.services.serve import main

if __name__ == "__main__":
    raise SystemExit(main())
