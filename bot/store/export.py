"""Export the enquiries to CSV for the enquiry team, with a guard against CSV (formula) injection.

Enquiries are typed by the public, so a cell that a spreadsheet would run as a formula is prefixed with '.
"""

from __future__ import annotations

import csv
import os
from datetime import datetime
from pathlib import Path
from typing import Iterable, Optional, TextIO, Union

from bot.store.records import Enquiry, EnquiryStatus
from bot.store.store import Store

EXPORT_COLUMNS = (
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
    "language",  # "en" or "cy" (Welsh Language Standards); last, so the other columns keep their places
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # cells a spreadsheet would run as a formula
FILE_MODE = 0o600  # personal data: readable and writable by the owner only

PathLike = Union[str, Path]


def export_enquiries(store: Store, path: PathLike, status: Union[EnquiryStatus, str, None] = None) -> int:
    """Write every enquiry (optionally of one status) to a CSV file, oldest first, readable only by the owner.

    The file is replaced if it exists; return how many enquiries were written.
    """
    total = store.count_enquiries(status)
    enquiries = store.enquiries(status, limit=total) if total else ()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with open(descriptor, "w", newline="", encoding="utf-8") as handle:
        write_enquiries_csv(handle, reversed(enquiries))
    return len(enquiries)


def write_enquiries_csv(handle: TextIO, enquiries: Iterable[Enquiry]) -> None:
    """Write a header and one row per enquiry; cells that a spreadsheet would evaluate are neutralised."""
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    for enquiry in enquiries:
        row = (
            enquiry.id,
            iso_timestamp(enquiry.created_at),
            enquiry.status.value,
            enquiry.name,
            enquiry.email,
            "yes" if enquiry.consent else "no",
            enquiry.conversation_id or "",
            enquiry.question,
            iso_timestamp(enquiry.handled_at),
            enquiry.handled_by or "",
            enquiry.language,
        )
        writer.writerow([safe_cell(value) for value in row])


def safe_cell(value: object) -> str:
    """A CSV cell as text, prefixed with ' when it starts like a formula (CSV injection guard)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def iso_timestamp(moment: Optional[datetime]) -> str:
    """ISO 8601 timestamp, or empty."""
    return moment.isoformat() if moment is not None else ""
