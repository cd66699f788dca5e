"""The demo web page that hosts the assistant."""
