"""`python -m bot`: the admin command line (see bot/admin)."""

import sys

from bot.admin import main

if __name__ == "__main__":
    sys.exit(main())
