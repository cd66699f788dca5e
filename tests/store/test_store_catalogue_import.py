"""Importing the catalogue file into the courses table: upsert by code, idempotent."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.admin.database import import_catalogue_file
from bot.files.catalogue import DEFAULT_CATALOGUE_PATH, load_catalogue_file, load_descriptions
from bot.store import Store


def edited_catalogue(tmp_path: Path, edit) -> Path:
    """A copy of the catalogue file with `edit(document)` applied."""
    document = yaml.safe_load(DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / "catalogue.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def test_first_import_adds_every_course(migrated_url):
    result = import_catalogue_file(url=migrated_url)
    assert len(result.added) == len(load_catalogue_file())
    assert result.updated == result.unchanged == result.not_in_file == ()


def test_import_is_idempotent(migrated_url):
    import_catalogue_file(url=migrated_url)
    before = Store(migrated_url).catalogue()
    result = import_catalogue_file(url=migrated_url)
    assert result.added == result.updated == ()
    assert len(result.unchanged) == len(before)
    assert Store(migrated_url).catalogue() == before


def test_imported_catalogue_equals_the_file_in_order(migrated_url):
    import_catalogue_file(url=migrated_url)
    store = Store(migrated_url)
    assert store.catalogue() == load_catalogue_file()
    for code, description in load_descriptions().items():
        assert store.course_description(code) == description


def test_changed_course_is_updated(migrated_url, tmp_path):
    import_catalogue_file(url=migrated_url)

    def close_booking(document):
        """Make GN3 not bookable."""
        next(c for c in document["courses"] if c["code"] == "GN3")["bookable"] = False

    result = import_catalogue_file(edited_catalogue(tmp_path, close_booking), url=migrated_url)
    assert result.updated == ("GN3",)
    assert Store(migrated_url).course("GN3").bookable is False


def test_course_missing_from_file_is_kept_and_reported(migrated_url, tmp_path):
    import_catalogue_file(url=migrated_url)

    def drop_bi4(document):
        """Remove BI4 from the file."""
        document["courses"] = [c for c in document["courses"] if c["code"] != "BI4"]

    result = import_catalogue_file(edited_catalogue(tmp_path, drop_bi4), url=migrated_url)
    assert result.not_in_file == ("BI4",)
    assert Store(migrated_url).course("BI4") is not None
    assert "BI4" in result.summary()
