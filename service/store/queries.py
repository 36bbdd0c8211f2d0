"""Reading the store: pages of claims, their count, the whole set for export, one article.

Only current revisions are answered by the claim queries; an older revision is still readable
by its id (GET /v1/articles/{id}). Results are plain data (records), not ORM objects, so the
session can close before the answer is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from service.store.engine import Store
from service.store.filters import ARTICLE_VOICE, ClaimFilter, Cursor
from service.store.models import Article, Claim

EXPORT_BATCH = 1000


@dataclass(frozen=True)
class ArticleRef:
    id: int
    url: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None
    language: str


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    day: dt.date
    data: dict[str, Any]  # the claim as the API answered it when stored
    article: ArticleRef


@dataclass(frozen=True)
class Page:
    claims: list[ClaimRecord]
    next_cursor: Cursor | None
    total: int


@dataclass(frozen=True)
class ArticleRecord:
    ref: ArticleRef
    content_hash: str
    text: str
    extractor_version: str
    stored_at: dt.datetime
    extracted_at: dt.datetime
    revision: int
    current: bool
    revisions: list[int]  # ids of every revision of its URL, oldest first (itself included)
    claims: list[ClaimRecord]


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def conditions(f: ClaimFilter) -> list[ColumnElement[bool]]:
    """The WHERE terms of a filter (claims joined to their articles)."""
    terms: list[ColumnElement[bool]] = [Article.is_current.is_(True)]
    if f.supplier is not None:
        terms.append(Claim.supplier == f.supplier)
    if f.recipient is not None:
        terms.append(Claim.recipient == f.recipient)
    if f.actor is not None:
        terms.append(or_(Claim.supplier == f.actor, Claim.recipient == f.actor))
    if f.stances:
        terms.append(Claim.stance.in_(f.stances))
    if f.item is not None:
        terms.append(Claim.items.ilike(_like(f.item), escape="\\"))
    if f.source == ARTICLE_VOICE:
        terms.append(Claim.source.is_(None))
    elif f.source is not None:
        terms.append(func.lower(Claim.source) == f.source.lower())
    if f.language is not None:
        terms.append(Article.language == f.language)
    if f.since is not None:
        terms.append(Claim.day >= f.since)
    if f.until is not None:
        terms.append(Claim.day <= f.until)
    return terms


_COLUMNS = (
    Claim.id,
    Claim.day,
    Claim.data,
    Article.id,
    Article.url,
    Article.title,
    Article.outlet,
    Article.published,
    Article.language,
)


def _records(session: Session, stmt: Select[Any]) -> list[ClaimRecord]:
    rows = session.execute(stmt).all()
    return [
        ClaimRecord(cid, day, data, ArticleRef(aid, url, title, outlet, published, language))
        for cid, day, data, aid, url, title, outlet, published, language in rows
    ]


def _after(cursor: Cursor | None) -> list[ColumnElement[bool]]:
    if cursor is None:
        return []
    return [or_(Claim.day < cursor.day, and_(Claim.day == cursor.day, Claim.id < cursor.id))]


def _ordered(f: ClaimFilter, cursor: Cursor | None, limit: int) -> Select[Any]:
    return (
        select(*_COLUMNS)
        .join(Article, Claim.article_id == Article.id)
        .where(*conditions(f), *_after(cursor))
        .order_by(Claim.day.desc(), Claim.id.desc())
        .limit(limit)
    )


def _count(session: Session, f: ClaimFilter) -> int:
    stmt = (
        select(func.count())
        .select_from(Claim)
        .join(Article, Claim.article_id == Article.id)
        .where(*conditions(f))
    )
    return int(session.scalar(stmt) or 0)


def claims_page(store: Store, f: ClaimFilter, limit: int, cursor: Cursor | None) -> Page:
    """Up to `limit` claims after `cursor`, newest first, and how many match in all (one
    snapshot: the total and the page agree)."""
    with store.read() as session:
        found = _records(session, _ordered(f, cursor, limit + 1))  # one more: a next page?
        total = _count(session, f)
    page = found[:limit]
    more = len(found) > limit
    next_cursor = Cursor(page[-1].day, page[-1].id) if more and page else None
    return Page(page, next_cursor, total)


def iter_claims(
    store: Store, f: ClaimFilter, *, cursor: Cursor | None = None, limit: int | None = None
) -> Iterator[ClaimRecord]:
    """Every matching claim (up to `limit`), fetched in batches, each in its own short read
    transaction, so a slow reader of a large export holds no transaction open."""
    left = limit
    while left is None or left > 0:
        size = EXPORT_BATCH if left is None else min(EXPORT_BATCH, left)
        with store.read() as session:
            batch = _records(session, _ordered(f, cursor, size))
        yield from batch
        if len(batch) < size:
            return
        cursor = Cursor(batch[-1].day, batch[-1].id)
        if left is not None:
            left -= len(batch)


def get_article(store: Store, article_id: int) -> ArticleRecord | None:
    """An article (any revision) with its claims, in briefing order."""
    with store.read() as session:
        article = session.get(Article, article_id)
        if article is None:
            return None
        revisions = (
            list(
                session.scalars(
                    select(Article.id).where(Article.url == article.url).order_by(Article.revision)
                )
            )
            if article.url is not None
            else [article.id]
        )
        ref = ArticleRef(
            article.id,
            article.url,
            article.title,
            article.outlet,
            article.published,
            article.language,
        )
        claims = [ClaimRecord(c.id, c.day, c.data, ref) for c in article.claims]
        return ArticleRecord(
            ref=ref,
            content_hash=article.content_hash,
            text=article.text,
            extractor_version=article.extractor_version,
            stored_at=_utc(article.stored_at),
            extracted_at=_utc(article.extracted_at),
            revision=article.revision,
            current=article.is_current,
            revisions=revisions,
            claims=claims,
        )


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite returns the stored UTC timestamps without their zone.
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value
