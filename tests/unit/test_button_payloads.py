"""Every button the assistant offers sends an intent the domain knows (otherwise pressing it does nothing useful)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
INTENTS = set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"])
PAYLOAD = re.compile(r"""["']/([a-z_]+)""")
SOURCES = sorted([*(ROOT / "bot" / "answers").glob("*.py"), ROOT / "domain.yml"])


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_every_button_payload_is_an_intent_of_the_domain(path):
    payloads = set(PAYLOAD.findall(path.read_text(encoding="utf-8")))
    assert payloads - INTENTS == set()
