"""The enrolment store: SQLAlchemy tables, Alembic migrations and the Store the actions use (no Rasa, no YAML here).

Besides the Store: catalogue_import and seed write the courses and learners read by bot.files, privacy erases
and purges personal data (with conversations, the tracker store), export writes the enquiries to CSV.
"""

from bot.store.db import ENV_VAR, database_url, dispose_engines, get_engine, migrate
from bot.store.records import Enquiry, EnquiryStatus
from bot.store.store import Store, StoreError

__all__ = [
    "ENV_VAR",
    "Enquiry",
    "EnquiryStatus",
    "Store",
    "StoreError",
    "database_url",
    "dispose_engines",
    "get_engine",
    "migrate",
]
