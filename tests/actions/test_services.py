"""The composition root: one `Services` in use at a time, swapped as a whole, the store opened on first use."""

from __future__ import annotations

from datetime import date

import pytest

import actions.services as services_module
from actions.catalogue import ActionReleaseDate
from actions.services import Services, current, install, production, using
from bot.files.policy import get_policy
from bot.identity import IdentitySettings
from bot.store import StoreError


def test_the_installed_services_are_the_ones_in_use(services):
    assert current() is services


def test_install_returns_the_previous_services_and_using_puts_them_back(services, records):
    other = services.with_store(records)
    with using(other):
        assert current() is other
        assert install(services) is other
        assert current() is services
        install(other)
    assert current() is services


def test_with_policy_and_with_store_change_only_that(services, broken_store):
    assert services.with_store(broken_store).store is broken_store
    changed = services.with_store(broken_store)
    assert (changed.policy, changed.identity, changed.today) == (services.policy, services.identity, services.today)
    assert services.with_policy(get_policy()).open_store is services.open_store


def test_the_store_is_opened_on_first_use_once_and_tried_again_after_a_failure(services, records):
    calls = []

    def open_store():
        calls.append(1)
        if len(calls) == 1:
            raise StoreError("the database folder is missing")
        return records

    lazy = Services(policy=services.policy, identity=services.identity, today=services.today, open_store=open_store)
    assert calls == []
    with pytest.raises(StoreError):
        _ = lazy.store
    assert lazy.store is records and lazy.store is records
    assert len(calls) == 2


def test_the_production_services_come_from_the_policy_file_and_the_environment_and_open_no_store(services):
    install(None)  # the `services` fixture puts the test services back afterwards
    built = current()
    assert current() is built  # built once
    assert built.policy is get_policy()
    assert built.identity == IdentitySettings.from_env()
    assert built.today == date.today
    assert "store" not in vars(built)
    assert isinstance(production(), Services)
    assert services_module.current() is built


async def test_actions_read_the_date_from_the_services(ask, swap, services):
    turn = await ask(ActionReleaseDate(), "list_courses", text="what are the release dates?")
    swap(
        Services(
            policy=services.policy,
            identity=services.identity,
            today=lambda: date(2100, 1, 1),
            open_store=services.open_store,
        )
    )
    later = await ask(ActionReleaseDate(), "list_courses", text="what are the release dates?")
    assert later.text != turn.text
