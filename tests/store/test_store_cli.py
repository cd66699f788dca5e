"""The admin CLI: setup, then show-learner for every demo learner prints the computed position."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.admin import main
from bot.answers.upgrade import deduction_lines
from bot.files.demo_learners import load_demo_learners
from bot.rules import credits_earned, upgrade_deduction
from bot.rules.money import format_money
from bot.store.db import head_revision

REPO = Path(__file__).resolve().parents[2]
DEMO = load_demo_learners()
TODAY = "2026-11-28"


@pytest.fixture
def cli_db(db_url, monkeypatch) -> str:
    """BOT_DB_URL pointing at an empty test database."""
    monkeypatch.setenv("BOT_DB_URL", db_url)
    return db_url


@pytest.fixture
def set_up(cli_db, capsys) -> str:
    """A database prepared with `setup`."""
    assert main(["setup"]) == 0
    capsys.readouterr()
    return cli_db


def run(capsys, *argv: str):
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_setup_reports_each_step_and_is_idempotent(cli_db, capsys):
    status, out, _ = run(capsys, "setup")
    assert status == 0
    assert f"revision {head_revision()}" in out and "16 added" in out and f"{len(DEMO)} added" in out
    status, out, _ = run(capsys, "setup")
    assert status == 0
    assert "0 added, 0 updated, 16 unchanged" in out
    assert "learners: 0 added, 0 updated" in out


def test_setup_without_demo_learners(cli_db, capsys):
    assert run(capsys, "setup", "--no-demo")[0] == 0
    status, out, _ = run(capsys, "list-learners")
    assert status == 0 and "0 learner(s)" in out


def test_separate_steps(cli_db, capsys):
    assert run(capsys, "migrate")[0] == 0
    assert run(capsys, "import-catalogue")[0] == 0
    status, out, _ = run(capsys, "seed-demo")
    assert status == 0 and "demo learners seeded" in out


@pytest.mark.parametrize("item", DEMO, ids=[item.case for item in DEMO])
def test_show_learner_prints_the_computed_position(set_up, capsys, policy, item):
    learner = item.learner
    status, out, _ = run(capsys, "show-learner", learner.learner_id, "--today", TODAY)
    assert status == 0
    assert f"Learner {learner.learner_id}: {learner.name} <{learner.email}>" in out
    assert f"Credits earned: {credits_earned(policy, learner.enrolments)}" in out
    assert "Exemption progress" in out and "Best exemption:" in out
    deduction = upgrade_deduction(policy, learner.enrolments)
    for line in deduction_lines(policy, deduction):
        assert line in out
    assert f"Registration (as of {TODAY})" in out
    for enrolment in learner.enrolments:
        assert enrolment.course.code in out


def test_show_learner_case_specific_lines(set_up, capsys, policy):
    out = run(capsys, "show-learner", "L0007", "--today", TODAY)[1]
    assert re.search(r"Plant Breeding \(PB\): 4 of 4, complete", out)
    assert "Best exemption: eligible" in out
    out = run(capsys, "show-learner", "jane@example.org", "--today", TODAY)[1]
    assert "Plant Breeding (PB): 3 of 4, 1 more needed (PB4)" in out
    out = run(capsys, "show-learner", "L0010", "--today", TODAY)[1]
    assert f"{format_money(policy.deduction_cap)} (the cap)" in out
    out = run(capsys, "show-learner", "L0009", "--today", "2026-08-01")[1]
    assert "re-registration due 2026-09-01" in out


def test_show_learner_by_email_in_any_case(set_up, capsys):
    status, out, _ = run(capsys, "show-learner", "JANE@example.org", "--today", TODAY)
    assert status == 0 and "Learner L0006" in out


def test_show_unknown_learner_fails(set_up, capsys):
    status, _, err = run(capsys, "show-learner", "L9999")
    assert status != 0 and "no learner" in err


def test_list_learners(set_up, capsys, policy):
    status, out, _ = run(capsys, "list-learners")
    assert status == 0
    for item in DEMO:
        assert item.learner.learner_id in out and item.learner.email in out
    assert f"{len(DEMO)} learner(s)" in out


def test_db_url_option_overrides_the_environment(db_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOT_DB_URL", f"sqlite:///{tmp_path / 'unused.db'}")
    assert run(capsys, "--db-url", db_url, "setup")[0] == 0
    assert not (tmp_path / "unused.db").exists()


def test_unmigrated_database_gives_a_clear_error(cli_db, capsys):
    status, _, err = run(capsys, "show-learner", "L0001")
    assert status == 1 and "python -m bot setup" in err


def test_bad_catalogue_file_gives_a_clear_error(cli_db, tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("courses: []\n", encoding="utf-8")
    assert run(capsys, "migrate")[0] == 0
    status, _, err = run(capsys, "import-catalogue", "--file", str(bad))
    assert status == 1 and "courses" in err


def test_python_dash_m_bot_runs(tmp_path):
    env = {"BOT_DB_URL": f"sqlite:///{tmp_path / 'm.db'}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "setup"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "bot", "show-learner", "L0004"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0 and "Credits earned: 5" in result.stdout
