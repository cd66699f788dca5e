"""Rasa SDK custom actions: thin glue between the tracker and the `bot` package, one module per topic.

The action server imports this package when it starts, so the production checks run first (bot.services.startup).
"""

from bot.services.startup import refuse_to_start_if_unsafe

refuse_to_start_if_unsafe("actions")
