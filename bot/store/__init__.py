"""The enrolment store: SQLAlchemy tables, Alembic migrations and the Store the actions use (no Rasa here)."""

from bot.store.db import ENV_VAR, database_url, default_url, dispose_engines, get_engine, migrate
from bot.store.records import Enquiry, EnquiryStatus
from bot.store.store import Store, StoreError

__all__ = [
    "ENV_VAR",
    "Enquiry",
    "EnquiryStatus",
    "Store",
    "StoreError",
    "database_url",
    "default_url",
    "dispose_engines",
    "get_engine",
    "migrate",
]
