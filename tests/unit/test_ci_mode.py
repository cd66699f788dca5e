"""One rule decides whether a missing service or browser skips (developer machine) or fails (CI)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.ci_mode import in_ci, missing

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("value", ["true", "1", "yes", "True", "github"])
def test_any_truthy_ci_value_means_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci()


@pytest.mark.parametrize("value", ["", "0", "false", "no", "FALSE", " off "])
def test_empty_or_false_ci_value_means_a_developer_machine(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    assert not in_ci()


def test_something_missing_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL is missing.*failure, not a skip"):
        missing("PostgreSQL is missing")


def test_something_missing_skips_on_a_developer_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is missing"):
        missing("Chromium is missing")


def test_no_test_reads_the_ci_variable_but_the_shared_helper() -> None:
    readers = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "tests").rglob("*.py")
        if '"CI"' in path.read_text(encoding="utf-8") and path.name not in ("ci_mode.py", Path(__file__).name)
    ]
    assert readers == []


def test_ci_run_stops_when_postgresql_fails_to_start(tmp_path: Path) -> None:
    """.ci/run's PostgreSQL lines, with a start script that fails, stop before `make test`."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    start = script.index("pg_env=")
    end = script.rindex("make test")
    failing = tmp_path / "start-postgres.sh"
    failing.write_text("#!/usr/bin/env bash\necho 'start-postgres: cluster would not start' >&2\nexit 1\n")
    failing.chmod(0o755)
    body = script[start:end].replace("scripts/start-postgres.sh", str(failing))
    probe = f"set -euo pipefail\n{body}\necho REACHED-MAKE-TEST\n"
    env = {k: v for k, v in os.environ.items() if k != "BOT_TEST_PG_URL"}
    run = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, env=env)
    assert run.returncode != 0
    assert "REACHED-MAKE-TEST" not in run.stdout


def test_ci_run_goes_on_when_postgresql_starts(tmp_path: Path) -> None:
    """The same lines with a start script that prints its export line reach `make test` with the URL set."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    body = script[script.index("pg_env=") : script.rindex("make test")]
    working = tmp_path / "start-postgres.sh"
    working.write_text("#!/usr/bin/env bash\necho 'export BOT_TEST_PG_URL=postgresql+psycopg2://u:p@127.0.0.1/db'\n")
    working.chmod(0o755)
    probe = f'set -euo pipefail\n{body.replace("scripts/start-postgres.sh", str(working))}\necho "$BOT_TEST_PG_URL"\n'
    env = {k: v for k, v in os.environ.items() if k != "BOT_TEST_PG_URL"}
    run = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("postgresql+psycopg2://u:p@127.0.0.1/db")
