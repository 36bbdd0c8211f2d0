"""claims.day: the date claims are filtered (since/until) and paged by.

Revision 0001 had to join articles and compute COALESCE(published, stored date) for every
matching claim to filter and order; at 100,000 claims that is a full scan per page. The date
now lives on the claim, with an index on (day, id) that keyset pagination walks. Existing claims
are backfilled from their article.

Revision ID: 0002
Revises: 0001
Create Date: 2025-06-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEEP = {"sqlite_autoincrement": True}


def upgrade() -> None:
    op.add_column("claims", sa.Column("day", sa.Date(), nullable=True))
    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer()),
        sa.column("published", sa.Date()),
        sa.column("stored_at", sa.DateTime(timezone=True)),
    )
    claims = sa.table("claims", sa.column("article_id", sa.Integer()), sa.column("day", sa.Date()))
    bind = op.get_bind()
    # The stored timestamp's date, in each database's own terms (SQLite keeps text).
    stored_day = (
        sa.func.date(articles.c.stored_at)
        if bind.dialect.name == "sqlite"
        else sa.cast(sa.func.timezone("UTC", articles.c.stored_at), sa.Date)
    )
    day = (
        sa.select(sa.func.coalesce(articles.c.published, stored_day))
        .where(articles.c.id == claims.c.article_id)
        .scalar_subquery()
    )
    op.execute(claims.update().values(day=day))
    # SQLite rebuilds the table for NOT NULL; its AUTOINCREMENT is not reflected, so say it again.
    with op.batch_alter_table("claims", table_kwargs=_KEEP) as batch:
        batch.alter_column("day", existing_type=sa.Date(), nullable=False)
        batch.create_index("ix_claims_day_id", ["day", "id"])


def downgrade() -> None:
    with op.batch_alter_table("claims", table_kwargs=_KEEP) as batch:
        batch.drop_index("ix_claims_day_id")
        batch.drop_column("day")
