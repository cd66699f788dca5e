"""Rasa SDK custom actions: thin glue between the tracker and the `bot` package, one module per topic."""
