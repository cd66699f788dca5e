"""Enquiries: add, list, read, mark handled, erase by email (GDPR) and purge by age."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.store import Enquiry, EnquiryStatus, StoreError

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)


def add(store, when: datetime = NOW, email: str = "visitor@example.org", **overrides) -> int:
    """Add an enquiry with sensible defaults."""
    values = dict(name="Visitor", email=email, question="Can I book Genomics 4?", consent=True, now=when)
    values.update(overrides)
    return store.add_enquiry(**values)


def test_add_returns_an_id_and_stores_the_enquiry(empty_store):
    enquiry_id = add(empty_store, conversation_id="conv-1", name="  Jane Doe ")
    assert isinstance(enquiry_id, int)
    enquiry = empty_store.enquiry(enquiry_id)
    assert type(enquiry) is Enquiry
    assert enquiry.name == "Jane Doe"
    assert enquiry.conversation_id == "conv-1"
    assert enquiry.consent is True
    assert enquiry.status is EnquiryStatus.NEW
    assert enquiry.created_at == NOW
    assert enquiry.created_at.tzinfo is not None
    assert enquiry.handled_at is None and enquiry.handled_by is None


def test_email_is_stored_lower_case(empty_store):
    enquiry_id = add(empty_store, email=" Jane@Example.ORG ")
    assert empty_store.enquiry(enquiry_id).email == "jane@example.org"


def test_default_time_is_now_in_utc(empty_store):
    before = datetime.now(timezone.utc)
    enquiry_id = empty_store.add_enquiry(name="A", email="a@example.org", question="Q?", consent=True)
    created = empty_store.enquiry(enquiry_id).created_at
    assert before - timedelta(seconds=1) <= created <= datetime.now(timezone.utc) + timedelta(seconds=1)


def test_non_utc_time_is_converted(empty_store):
    local = datetime(2026, 11, 28, 13, 0, tzinfo=timezone(timedelta(hours=1)))
    enquiry_id = add(empty_store, when=local)
    assert empty_store.enquiry(enquiry_id).created_at == NOW


@pytest.mark.parametrize(
    "overrides",
    [
        {"consent": False},
        {"email": "not-an-email"},
        {"email": ""},
        {"question": "   "},
        {"name": ""},
        {"name": "x" * 201},
    ],
    ids=["no-consent", "bad-email", "empty-email", "empty-question", "empty-name", "long-name"],
)
def test_bad_enquiries_are_refused(empty_store, overrides):
    with pytest.raises(StoreError):
        add(empty_store, **overrides)
    assert empty_store.count_enquiries() == 0


# --- the language an enquiry was left in (Welsh Language Standards, Standard 2) -----------------------------------


def test_an_enquiry_left_in_welsh_is_recorded_as_welsh(empty_store):
    enquiry_id = add(empty_store, language="cy")
    assert empty_store.enquiry(enquiry_id).language == "cy"
    assert [e.language for e in empty_store.enquiries()] == ["cy"]


def test_an_enquiry_left_in_english_is_recorded_as_english(empty_store):
    assert empty_store.enquiry(add(empty_store, language="en")).language == "en"


def test_an_enquiry_with_no_language_given_is_recorded_as_english(empty_store):
    assert empty_store.enquiry(add(empty_store)).language == "en"


@pytest.mark.parametrize("given", ["fr", "", None, "welsh", "cy-GB", "english"])
def test_a_language_other_than_english_or_welsh_is_recorded_as_english(empty_store, given):
    assert empty_store.enquiry(add(empty_store, language=given)).language == "en"


def test_the_language_code_is_recorded_whatever_its_case(empty_store):
    assert empty_store.enquiry(add(empty_store, language=" CY ")).language == "cy"


def test_marking_an_enquiry_handled_keeps_the_language_it_was_left_in(empty_store):
    enquiry_id = add(empty_store, language="cy")
    assert empty_store.mark_enquiry_handled(enquiry_id, by="ann", now=NOW).language == "cy"
    assert empty_store.enquiry(enquiry_id).language == "cy"


def test_list_is_newest_first_and_filters_by_status(empty_store):
    first = add(empty_store, when=NOW - timedelta(days=2))
    second = add(empty_store, when=NOW - timedelta(days=1))
    third = add(empty_store, when=NOW)
    empty_store.mark_enquiry_handled(second, by="staff", now=NOW)
    assert [e.id for e in empty_store.enquiries()] == [third, second, first]
    assert [e.id for e in empty_store.enquiries(status="new")] == [third, first]
    assert [e.id for e in empty_store.enquiries(status=EnquiryStatus.HANDLED)] == [second]
    assert [e.id for e in empty_store.enquiries(limit=1)] == [third]
    assert empty_store.count_enquiries("new") == 2


def test_unknown_status_or_limit_is_refused(empty_store):
    with pytest.raises(StoreError):
        empty_store.enquiries(status="archived")
    with pytest.raises(StoreError):
        empty_store.enquiries(limit=0)


def test_mark_handled_records_who_and_when(empty_store):
    enquiry_id = add(empty_store)
    handled = empty_store.mark_enquiry_handled(enquiry_id, by="ann.staff", now=NOW + timedelta(hours=1))
    assert handled.status is EnquiryStatus.HANDLED
    assert handled.handled_by == "ann.staff"
    assert handled.handled_at == NOW + timedelta(hours=1)
    assert empty_store.enquiry(enquiry_id) == handled


def test_marking_twice_keeps_the_first_handler(empty_store):
    enquiry_id = add(empty_store)
    first = empty_store.mark_enquiry_handled(enquiry_id, by="ann", now=NOW)
    again = empty_store.mark_enquiry_handled(enquiry_id, by="bob", now=NOW + timedelta(days=1))
    assert again == first


def test_marking_an_unknown_enquiry_returns_none(empty_store):
    assert empty_store.mark_enquiry_handled(12345, by="ann") is None
    assert empty_store.enquiry(12345) is None


def test_delete_by_email_erases_only_that_person(empty_store):
    add(empty_store, email="jane@example.org")
    add(empty_store, email="Jane@Example.org")
    keep = add(empty_store, email="tom@example.org")
    assert empty_store.delete_enquiries_by_email("JANE@example.org") == 2
    assert [e.id for e in empty_store.enquiries()] == [keep]
    assert empty_store.delete_enquiries_by_email("jane@example.org") == 0


def test_purge_deletes_only_old_enquiries(empty_store):
    old = add(empty_store, when=NOW - timedelta(days=400))
    empty_store.mark_enquiry_handled(old, by="ann", now=NOW - timedelta(days=399))
    add(empty_store, when=NOW - timedelta(days=366))
    recent = add(empty_store, when=NOW - timedelta(days=10))
    assert empty_store.purge_enquiries_older_than(365, now=NOW) == 2
    assert [e.id for e in empty_store.enquiries()] == [recent]


def test_purge_rejects_negative_days(empty_store):
    with pytest.raises(StoreError):
        empty_store.purge_enquiries_older_than(-1, now=NOW)


def test_concurrent_adds_from_threads_all_succeed(empty_store):
    from concurrent.futures import ThreadPoolExecutor

    def add_one(i: int) -> int:
        """Add one enquiry, as a concurrent action would."""
        return add(empty_store, email=f"visitor{i}@example.org", when=NOW + timedelta(seconds=i))

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(add_one, range(24)))
    assert len(set(ids)) == 24
    assert empty_store.count_enquiries("new") == 24
