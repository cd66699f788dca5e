"""Whether the suite runs in CI, where a missing service or browser is a failure rather than a skip.

One rule for every test that needs something from outside Python (PostgreSQL, Chromium): `CI` set to any value
other than empty, "0", "false" or "no" means CI. `.ci/run` sets `CI=true`; GitHub Actions and most others set it.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

NOT_CI = ("", "0", "false", "no", "off")


def in_ci() -> bool:
    """Whether we run in CI (the `CI` variable is set to something truthy)."""
    return os.environ.get("CI", "").strip().lower() not in NOT_CI


def missing(reason: str) -> NoReturn:
    """Skip on a developer machine, fail in CI, saying what is missing and how to get it."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)
