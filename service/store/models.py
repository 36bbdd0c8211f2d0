"""The store's tables, as SQLAlchemy 2 declarative models (the schema the migrations build).

Changing a column here needs a new Alembic revision in migrations/versions/; the test
tests/test_store_migrations.py fails while the two disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# JSONB on PostgreSQL (compact, indexable later); JSON text elsewhere.
JSONData = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class Article(Base):
    """One stored text. Revisions of one URL are separate rows; `is_current` marks the latest."""

    __tablename__ = "articles"
    # AUTOINCREMENT on SQLite: an id is never handed out again after a DELETE, so a link to a
    # taken-down article cannot start pointing at another one.
    __table_args__ = (
        # At most one current revision per URL; concurrent writers of a URL collide here.
        Index(
            "uq_articles_current_url",
            "url",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
        # Unique: two writers adding a revision of one URL at once cannot both take number n.
        Index("ix_articles_url_revision", "url", "revision", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(32))
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    extracted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article",
        order_by="Claim.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Claim(Base):
    """One claim of one article: the API's fields as columns (to filter on) and as JSON."""

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_day_id", "day", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # order in the briefing
    # Canonical English names (service.store.names), whatever the extractor wrote.
    supplier: Mapped[str] = mapped_column(String(200), index=True)
    recipient: Mapped[str] = mapped_column(String(200), index=True)
    items: Mapped[str] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(16))
    hedged: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str | None] = mapped_column(Text)
    trigger: Mapped[str] = mapped_column(String(200), default="")
    mentions: Mapped[int] = mapped_column(Integer, default=1)
    evidence_text: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text_en: Mapped[str | None] = mapped_column(Text)
    evidence_field: Mapped[str] = mapped_column(String(8), default="text")
    # The claim exactly as the API answered it, so fields the extractor gains later are kept
    # (and answered) without a migration.
    data: Mapped[dict[str, Any]] = mapped_column(JSONData)
    # The article's published date, else the day it was stored: what since/until filter on and
    # what claims are ordered by (with id, for keyset pagination). Revision 0002.
    day: Mapped[dt.date] = mapped_column(Date)

    article: Mapped[Article] = relationship(back_populates="claims")
