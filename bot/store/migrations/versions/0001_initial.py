"""Initial schema: learners, courses, enrolments, enquiries.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-28

The value lists in the CHECK constraints are written out here on purpose: a migration records the schema
as it was, so later changes to the Python enums need a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the four tables with their keys, constraints and indexes."""
    _create_learners()
    _create_courses()
    _create_enrolments()
    _create_enquiries()


def downgrade() -> None:
    """Drop the four tables (children first)."""
    op.drop_index("ix_enquiries_email", table_name="enquiries")
    op.drop_index("ix_enquiries_status_created_at", table_name="enquiries")
    op.drop_table("enquiries")
    op.drop_index("ix_enrolments_course_code", table_name="enrolments")
    op.drop_table("enrolments")
    op.drop_table("courses")
    op.drop_table("learners")


def _create_learners() -> None:
    """Learners, with a unique (lower-cased) email."""
    op.create_table(
        "learners",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_learners"),
        sa.UniqueConstraint("email", name="uq_learners_email"),
    )


def _create_courses() -> None:
    """The catalogue, one row per microcredential."""
    op.create_table(
        "courses",
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("set_code", sa.String(16), nullable=False),
        sa.Column("set_name", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("release_date", sa.Date(), nullable=False),
        sa.Column("bookable", sa.Boolean(), nullable=False),
        sa.Column("assessment", sa.String(32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_courses"),
        sa.UniqueConstraint("title", name="uq_courses_title"),
        sa.UniqueConstraint("set_code", "position", name="uq_courses_set_code_position"),
        sa.CheckConstraint("position >= 1", name="ck_courses_position_positive"),
        sa.CheckConstraint(
            "assessment IN ('report', 'data_analysis', 'masters_test')", name="ck_courses_assessment_known"
        ),
    )


def _create_enrolments() -> None:
    """Enrolments: what each learner paid on each course (integer pence) and the assessment outcome."""
    op.create_table(
        "enrolments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("learner_id", sa.String(16), nullable=False),
        sa.Column("course_code", sa.String(16), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("paid_learning_fee", sa.Integer(), nullable=False),
        sa.Column("paid_top_up", sa.Integer(), nullable=False),
        sa.Column("paid_credit_fee", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_enrolments"),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["learners.id"], name="fk_enrolments_learner_id_learners", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["course_code"], ["courses.code"], name="fk_enrolments_course_code_courses"),
        sa.UniqueConstraint("learner_id", "course_code", name="uq_enrolments_learner_id_course_code"),
        sa.CheckConstraint("paid_learning_fee >= 0", name="ck_enrolments_paid_learning_fee_non_negative"),
        sa.CheckConstraint("paid_top_up >= 0", name="ck_enrolments_paid_top_up_non_negative"),
        sa.CheckConstraint("paid_credit_fee >= 0", name="ck_enrolments_paid_credit_fee_non_negative"),
        sa.CheckConstraint("outcome IN ('none', 'pending', 'pass', 'fail')", name="ck_enrolments_outcome_known"),
    )
    op.create_index("ix_enrolments_course_code", "enrolments", ["course_code"])


def _create_enquiries() -> None:
    """Enquiries left for the enquiry team through the assistant."""
    op.create_table(
        "enquiries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("conversation_id", sa.String(128), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_enquiries"),
        sa.CheckConstraint("status IN ('new', 'handled')", name="ck_enquiries_status_known"),
        sa.CheckConstraint(
            "(status = 'new' AND handled_at IS NULL) OR (status = 'handled' AND handled_at IS NOT NULL)",
            name="ck_enquiries_handled_consistent",
        ),
    )
    op.create_index("ix_enquiries_status_created_at", "enquiries", ["status", "created_at"])
    op.create_index("ix_enquiries_email", "enquiries", ["email"])
