"""The admin CLI's enquiry and data-protection commands: enquiries list/export/mark, forget and purge."""

from __future__ import annotations

import csv
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, insert, select

from bot.admin import main
from bot.store import Store, dispose_engines
from bot.store.export import safe_cell

NOW = datetime.now(timezone.utc).replace(microsecond=0)


@pytest.fixture(autouse=True)
def _close_engines() -> Iterator[None]:
    yield
    dispose_engines()


@pytest.fixture
def db_url(tmp_path, monkeypatch, capsys) -> str:
    """A SQLite enrolment database prepared with `setup --no-demo`, named by --db-url in every call."""
    monkeypatch.delenv("BOT_DB_URL", raising=False)
    monkeypatch.delenv("BOT_RETENTION_DAYS", raising=False)
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    assert main(["--db-url", url, "setup", "--no-demo"]) == 0
    capsys.readouterr()
    return url


@pytest.fixture
def store(db_url) -> Store:
    return Store(db_url)


def add(store: Store, **overrides) -> int:
    values = dict(
        name="Jane Doe",
        email="jane@example.org",
        question="How much is PB1?",
        consent=True,
        conversation_id="conv-jane",
        now=NOW,
    )
    values.update(overrides)
    return store.add_enquiry(**values)


def make_tracker(path: Path, events) -> Path:
    """A tracker store shaped like Rasa's SQLTrackerStore, with (sender_id, datetime) events."""
    metadata = MetaData()
    table = Table(
        "events",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255), nullable=False),
        Column("type_name", String(255), nullable=False),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )
    engine = create_engine(f"sqlite:///{path}", future=True)
    metadata.create_all(engine)
    with engine.begin() as connection:
        for sender_id, when in events:
            connection.execute(
                insert(table).values(sender_id=sender_id, type_name="user", timestamp=when.timestamp(), data="{}")
            )
    engine.dispose()
    return path


def tracker_senders(path: Path):
    engine = create_engine(f"sqlite:///{path}", future=True)
    try:
        table = Table("events", MetaData(), autoload_with=engine)
        with engine.connect() as connection:
            return sorted(connection.scalars(select(table.c.sender_id)).all())
    finally:
        engine.dispose()


@pytest.fixture
def tracker(tmp_path, monkeypatch) -> Path:
    path = make_tracker(
        tmp_path / "tracker.db",
        [
            ("conv-jane", NOW),
            ("conv-jane", NOW),
            ("conv-jane-2", NOW),
            ("conv-bob", NOW),
            ("conv-anon", NOW),
            ("conv-old", NOW - timedelta(days=40)),
        ],
    )
    monkeypatch.setenv("BOT_TRACKER_DB", str(path))
    return path


def run(capsys, db_url: str, *argv: str):
    status = main(["--db-url", db_url, *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- enquiries list / export / mark --------------------------------------------------------------


def test_list_shows_one_line_per_enquiry_newest_first(store, db_url, capsys):
    old = add(store, name="Old Person", email="old@example.org", now=NOW - timedelta(days=2))
    new = add(store, question="Line one\nline two \x1b[31m" + "x" * 100)
    status, out, _ = run(capsys, db_url, "enquiries", "list")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].split()[0] == str(new) and lines[1].split()[0] == str(old)
    assert NOW.date().isoformat() in lines[0] and "new" in lines[0]
    assert "Jane Doe <jane@example.org>" in lines[0]
    assert "Line one line two" in lines[0] and "\x1b" not in out
    assert "x" * 60 not in lines[0]  # the question is cut to 60 characters
    assert lines[-1] == "2 of 2 enquiry(ies)"


def test_list_filters_by_status_and_limits(store, db_url, capsys):
    first = add(store)
    add(store, now=NOW + timedelta(seconds=1))
    add(store, now=NOW + timedelta(seconds=2))
    store.mark_enquiry_handled(first, "Staff")
    status, out, _ = run(capsys, db_url, "enquiries", "list", "--status", "handled")
    assert status == 0 and out.splitlines()[0].split()[0] == str(first) and "1 of 1" in out
    status, out, _ = run(capsys, db_url, "enquiries", "list", "--status", "new", "--limit", "1")
    assert status == 0 and len(out.splitlines()) == 2 and "1 of 2" in out
    assert run(capsys, db_url, "enquiries", "list", "--limit", "0")[0] == 1


def test_export_writes_a_csv_with_every_field(store, db_url, tmp_path, capsys):
    first = add(store, question='He said "hi",\nthen left', now=NOW - timedelta(days=1))
    second = add(store, name="Bob", email="bob@example.org", conversation_id=None)
    store.mark_enquiry_handled(first, "Staff Member")
    out_file = tmp_path / "out.csv"
    status, out, _ = run(capsys, db_url, "enquiries", "export", "--out", str(out_file))
    assert status == 0 and "2 enquiry(ies) written" in out
    with out_file.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "id",
        "created_at",
        "status",
        "name",
        "email",
        "consent",
        "conversation_id",
        "question",
        "handled_at",
        "handled_by",
        "language",
    ]
    assert [row[0] for row in rows[1:]] == [str(first), str(second)]  # oldest first
    row = dict(zip(rows[0], rows[1], strict=False))
    assert row["question"] == 'He said "hi",\nthen left'  # quoted, newline kept inside the cell
    assert datetime.fromisoformat(row["created_at"]) == NOW - timedelta(days=1)
    assert row["status"] == "handled" and row["handled_by"] == "Staff Member" and row["handled_at"]
    assert row["consent"] == "yes" and row["conversation_id"] == "conv-jane"
    assert rows[2][6] == "" and rows[2][8] == ""
    assert row["language"] == "en"
    assert stat.S_IMODE(out_file.stat().st_mode) & 0o077 == 0  # personal data: owner only


def test_the_export_records_the_language_each_enquiry_was_left_in(store, db_url, tmp_path, capsys):
    add(store, name="Siân", language="cy")
    add(store, name="Jane", email="jane2@example.org", now=NOW + timedelta(seconds=1))
    out_file = tmp_path / "out.csv"
    assert run(capsys, db_url, "enquiries", "export", "--out", str(out_file))[0] == 0
    with out_file.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["name"], r["language"]) for r in rows] == [("Siân", "cy"), ("Jane", "en")]


def test_the_list_shows_the_language_each_enquiry_was_left_in(store, db_url, capsys):
    welsh = add(store, name="Siân", language="cy")
    english = add(store, name="Jane", now=NOW + timedelta(seconds=1))
    status, out, _ = run(capsys, db_url, "enquiries", "list")
    lines = {line.split()[0]: line.split() for line in out.splitlines()[:-1]}
    assert status == 0 and lines[str(welsh)][3] == "cy" and lines[str(english)][3] == "en"


def test_export_guards_against_formula_injection(store, db_url, tmp_path, capsys):
    add(store, name='=HYPERLINK("http://evil")', question="+1+1", conversation_id="-conv")
    add(store, name="@SUM(A1)", question="-2", email="b@example.org")
    add(store, name="Safe=Name", question="What is PB1? =no formula")
    out_file = tmp_path / "out.csv"
    assert run(capsys, db_url, "enquiries", "export", "--out", str(out_file))[0] == 0
    with out_file.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["question"] == "'+1+1" and rows[0]["conversation_id"] == "'-conv"
    assert rows[1]["name"] == "'@SUM(A1)" and rows[1]["question"] == "'-2"
    assert rows[2]["name"] == "Safe=Name" and rows[2]["question"] == "What is PB1? =no formula"
    assert safe_cell("\tx") == "'\tx" and safe_cell(None) == "" and safe_cell(3) == "3"


def test_export_by_status(store, db_url, tmp_path, capsys):
    handled = add(store)
    add(store)
    store.mark_enquiry_handled(handled, "Staff")
    out_file = tmp_path / "new.csv"
    assert run(capsys, db_url, "enquiries", "export", "--out", str(out_file), "--status", "new")[0] == 0
    rows = list(csv.DictReader(out_file.open(newline="", encoding="utf-8")))
    assert [r["status"] for r in rows] == ["new"]


def test_export_of_no_enquiries_writes_only_the_header(db_url, tmp_path, capsys):
    out_file = tmp_path / "none.csv"
    assert run(capsys, db_url, "enquiries", "export", "--out", str(out_file))[0] == 0
    assert out_file.read_text().splitlines() == [
        "id,created_at,status,name,email,consent,conversation_id,question,handled_at,handled_by,language"
    ]


def test_mark_handled(store, db_url, capsys):
    enquiry_id = add(store)
    status, out, _ = run(capsys, db_url, "enquiries", "mark", str(enquiry_id), "--by", "Staff Member")
    assert status == 0 and f"enquiry {enquiry_id} handled by Staff Member" in out
    enquiry = store.enquiry(enquiry_id)
    assert enquiry.status.value == "handled" and enquiry.handled_by == "Staff Member"


def test_mark_unknown_id_and_empty_name(store, db_url, capsys):
    status, _, err = run(capsys, db_url, "enquiries", "mark", "999", "--by", "Staff")
    assert status == 3 and "no enquiry with id 999" in err
    enquiry_id = add(store)
    assert run(capsys, db_url, "enquiries", "mark", str(enquiry_id), "--by", "  ")[0] == 1
    assert store.enquiry(enquiry_id).status.value == "new"


def test_enquiries_needs_an_action(db_url):
    with pytest.raises(SystemExit):
        main(["--db-url", db_url, "enquiries"])


# --- forget --------------------------------------------------------------------------------------


def test_forget_by_email_removes_enquiries_and_their_conversations_only(store, db_url, tracker, capsys):
    add(store, email="Jane@Example.org")
    add(store, conversation_id="conv-jane-2")
    add(store, conversation_id=None)
    bob = add(store, name="Bob", email="bob@example.org", conversation_id="conv-bob")
    status, out, _ = run(capsys, db_url, "forget", "--email", " JANE@example.ORG ")
    assert status == 0
    assert "3 enquiry(ies), 2 conversation(s), 3 conversation event(s)" in out
    assert [e.id for e in store.enquiries()] == [bob]
    assert tracker_senders(tracker) == ["conv-anon", "conv-bob", "conv-old"]


def test_forget_by_email_with_explicit_tracker_path(store, db_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BOT_TRACKER_DB", str(tmp_path / "not-this-one.db"))
    path = make_tracker(tmp_path / "other.db", [("conv-jane", NOW), ("conv-x", NOW)])
    add(store)
    status, out, _ = run(capsys, db_url, "forget", "--email", "jane@example.org", "--tracker-db", str(path))
    assert status == 0 and "1 conversation event(s)" in out
    assert tracker_senders(path) == ["conv-x"]
    assert not (tmp_path / "not-this-one.db").exists()


def test_forget_by_conversation(store, db_url, tracker, capsys):
    add(store)
    add(store, email="other@example.org")  # same conversation, another address: still that conversation's data
    keep = add(store, conversation_id="conv-jane-2")
    status, out, _ = run(capsys, db_url, "forget", "--conversation", "conv-jane")
    assert status == 0 and "2 conversation event(s), 2 enquiry(ies)" in out
    assert [e.id for e in store.enquiries()] == [keep]
    assert tracker_senders(tracker) == ["conv-anon", "conv-bob", "conv-jane-2", "conv-old"]


def test_forget_unknown_person_removes_nothing(store, db_url, tracker, capsys):
    add(store)
    status, out, _ = run(capsys, db_url, "forget", "--email", "nobody@example.org")
    assert status == 0 and "0 enquiry(ies), 0 conversation(s), 0 conversation event(s)" in out
    assert store.count_enquiries() == 1 and len(tracker_senders(tracker)) == 6


def test_forget_needs_exactly_one_of_email_or_conversation(db_url):
    with pytest.raises(SystemExit):
        main(["--db-url", db_url, "forget"])
    with pytest.raises(SystemExit):
        main(["--db-url", db_url, "forget", "--email", "a@example.org", "--conversation", "c"])


def test_forget_tolerates_a_missing_tracker_database(store, db_url, tmp_path, capsys):
    missing = tmp_path / "missing" / "tracker.db"
    add(store)
    status, out, _ = run(capsys, db_url, "forget", "--email", "jane@example.org", "--tracker-db", str(missing))
    assert status == 0 and "1 enquiry(ies), 1 conversation(s), 0 conversation event(s)" in out
    assert store.count_enquiries() == 0 and not missing.exists()
    status, out, _ = run(capsys, db_url, "forget", "--conversation", "conv-x", "--tracker-db", str(missing))
    assert status == 0 and "0 conversation event(s), 0 enquiry(ies)" in out


# --- purge ---------------------------------------------------------------------------------------


def test_purge_by_age(store, db_url, tracker, capsys):
    add(store, now=NOW - timedelta(days=40))
    keep = add(store, now=NOW - timedelta(days=10))
    status, out, _ = run(capsys, db_url, "purge", "--days", "30")
    assert status == 0 and "(30 days): 1 enquiry(ies), 1 conversation event(s)" in out
    assert [e.id for e in store.enquiries()] == [keep]
    assert "conv-old" not in tracker_senders(tracker) and len(tracker_senders(tracker)) == 5


def test_purge_days_from_environment(store, db_url, tracker, capsys, monkeypatch):
    add(store, now=NOW - timedelta(days=8))
    monkeypatch.setenv("BOT_RETENTION_DAYS", "7")
    status, out, _ = run(capsys, db_url, "purge")
    assert status == 0 and "(7 days): 1 enquiry(ies), 1 conversation event(s)" in out


@pytest.mark.parametrize(
    "argv, env, message",
    [
        ([], None, "give --days N or set $BOT_RETENTION_DAYS"),
        (["--days", "0"], None, "at least 1 day"),
        (["--days", "-5"], None, "at least 1 day"),
        ([], "soon", "not a whole number"),
        ([], "0", "at least 1 day"),
    ],
)
def test_purge_rejects_bad_retention(store, db_url, tracker, capsys, monkeypatch, argv, env, message):
    add(store, now=NOW - timedelta(days=400))
    if env is not None:
        monkeypatch.setenv("BOT_RETENTION_DAYS", env)
    status, _, err = run(capsys, db_url, "purge", *argv)
    assert status == 1 and message in err
    assert store.count_enquiries() == 1 and len(tracker_senders(tracker)) == 6


def test_purge_tolerates_a_missing_tracker_database(store, db_url, tmp_path, capsys):
    add(store, now=NOW - timedelta(days=40))
    missing = tmp_path / "missing.db"
    status, out, _ = run(capsys, db_url, "purge", "--days", "30", "--tracker-db", str(missing))
    assert status == 0 and "1 enquiry(ies), 0 conversation event(s)" in out and not missing.exists()


def test_existing_commands_still_work(db_url, capsys):
    status, out, _ = run(capsys, db_url, "list-learners")
    assert status == 0 and "0 learner(s)" in out
