"""Enquiries record the language they were left in ("en" or "cy"), for the Welsh Language Standards (Standard 2).

Revision ID: 0002_enquiry_language
Revises: 0001_initial
Create Date: 2026-12-05

Existing enquiries were all taken before the assistant recorded a language; they get "en" through the server
default. The value list of the CHECK constraint is written out here on purpose (see 0001_initial). On SQLite the
constraint needs batch mode (env.py turns it on), which copies the table with its constraints and indexes.
The constraint's name is wrapped in op.f() so it is used as written: otherwise the metadata's naming convention
("ck_%(table_name)s_%(constraint_name)s") is applied to it a second time (ck_enquiries_ck_enquiries_...).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_enquiry_language"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add enquiries.language (server default "en", so existing rows read "en") and its CHECK constraint."""
    with op.batch_alter_table("enquiries") as batch:
        batch.add_column(sa.Column("language", sa.String(2), nullable=False, server_default="en"))
        batch.create_check_constraint(op.f("ck_enquiries_language_known"), "language IN ('en', 'cy')")


def downgrade() -> None:
    """Drop the CHECK constraint and the column."""
    with op.batch_alter_table("enquiries") as batch:
        batch.drop_constraint(op.f("ck_enquiries_language_known"), type_="check")
        batch.drop_column("language")
