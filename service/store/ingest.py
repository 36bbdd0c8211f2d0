"""Writing to the store: ingest a briefed article, delete one. Each is one transaction.

Identity (see service.store.identity): the same normalised text is one article, whatever its
URL or title; a new text at a known URL is a new revision of it, and only the latest revision is
current (its claims are the ones queries answer). A text already stored is left alone unless the
briefing comes from a newer extractor: then its claims are replaced, in the same transaction
that reads the old ones, so no reader ever sees an article with half its claims.

Concurrent writers: on PostgreSQL two of them may both decide to insert the same text or the
same revision number; the unique indexes let one win and the other gets an IntegrityError, and
the whole transaction is run again, when it finds the winner's row. SQLite writers are
serialised by BEGIN IMMEDIATE and never collide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.errors import Problem
from service.store.engine import Store
from service.store.identity import canonical_url, content_hash
from service.store.models import Article, Claim
from service.store.names import english_name
from service.store.version import EXTRACTOR_VERSION, is_newer

# A collision means another writer committed the row we wanted; the rerun finds it. More than a
# few in a row would mean something else is wrong.
ATTEMPTS = 5
# Keys the API adds to a stored claim; never part of the claim itself.
_NOT_CLAIM = ("id", "article")

Outcome = Literal["created", "revision", "replaced", "unchanged"]


@dataclass(frozen=True)
class ArticleIn:
    """A briefed article to store: the text as briefed and the claims as the API answered."""

    text: str
    language: str
    claims: Sequence[Mapping[str, Any]]
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    extractor_version: str = EXTRACTOR_VERSION


@dataclass(frozen=True)
class Stored:
    article_id: int
    outcome: Outcome


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def claim_day(published: dt.date | None, stored_at: dt.datetime) -> dt.date:
    """The date a claim is filed under: the article's published date, else its stored date."""
    if published is not None:
        return published
    if stored_at.tzinfo is not None:  # SQLite hands timestamps back naive (they are UTC)
        stored_at = stored_at.astimezone(dt.timezone.utc)
    return stored_at.date()


def claim_row(position: int, claim: Mapping[str, Any], day: dt.date) -> Claim:
    """One claim as stored: actors by canonical English name, in the columns and in the JSON."""
    data = {k: v for k, v in claim.items() if k not in _NOT_CLAIM}
    data["supplier"] = english_name(str(data["supplier"]))
    data["recipient"] = english_name(str(data["recipient"]))
    evidence = data["evidence"]
    return Claim(
        position=position,
        supplier=data["supplier"],
        recipient=data["recipient"],
        items=data["items"],
        stance=data["stance"],
        hedged=bool(data["hedged"]),
        source=data.get("source"),
        trigger=data.get("trigger") or "",
        mentions=int(data.get("mentions") or 1),
        evidence_text=evidence["text"],
        evidence_start=evidence["start"],
        evidence_end=evidence["end"],
        evidence_text_en=evidence.get("text_en"),
        evidence_field=evidence.get("field") or "text",
        data=data,
        day=day,
    )


def ingest(store: Store, item: ArticleIn, *, now: dt.datetime | None = None) -> Stored:
    """Store one briefed article (see the module docstring for what happens when). Raises a 422
    Problem for text no database column can hold the same way (a NUL character)."""
    for name, value in (("text", item.text), ("title", item.title), ("url", item.url),
                        ("outlet", item.outlet)):  # fmt: skip
        if value is not None and "\x00" in value:
            # PostgreSQL text cannot hold U+0000 and SQLite can: refused on both alike.
            raise Problem(422, "nul-character", f"{name} contains a NUL character (U+0000).")
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with store.write() as session:
                return _ingest(session, item, now or utcnow())
        except IntegrityError:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _ingest(session: Session, item: ArticleIn, now: dt.datetime) -> Stored:
    digest = content_hash(item.text)
    url = canonical_url(item.url)
    # FOR UPDATE (PostgreSQL): a concurrent re-extraction of this article waits for ours.
    existing = session.scalars(
        select(Article).where(Article.content_hash == digest).with_for_update()
    ).first()
    if existing is not None:
        return _update(session, existing, item, url, now)
    revision = 1
    if url is not None:
        if session.get_bind().dialect.name == "postgresql":
            # Writers of new texts at one URL take turns (until commit): each then reads the
            # revision the previous one wrote, instead of all colliding on the unique index and
            # retrying, which eight at once could do more often than ATTEMPTS allows.
            session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:url))"), {"url": url})
        latest = session.scalar(select(func.max(Article.revision)).where(Article.url == url))
        if latest is not None:
            revision = latest + 1
            session.execute(
                update(Article)
                .where(Article.url == url, Article.is_current)
                .values(is_current=False)
            )
    article = Article(
        url=url,
        title=item.title,
        outlet=item.outlet,
        published=item.published,
        language=item.language,
        content_hash=digest,
        text=item.text,
        extractor_version=item.extractor_version,
        stored_at=now,
        extracted_at=now,
        revision=revision,
        is_current=True,
    )
    day = claim_day(item.published, now)
    article.claims = [claim_row(n, c, day) for n, c in enumerate(item.claims)]
    session.add(article)
    session.flush()  # the unique indexes speak here, inside the retry
    return Stored(article.id, "created" if revision == 1 else "revision")


def _update(
    session: Session, article: Article, item: ArticleIn, url: str | None, now: dt.datetime
) -> Stored:
    # Metadata only fills gaps: a later copy of the same text does not overwrite what an
    # earlier one said (a syndicated copy is not the original outlet).
    article.title = article.title or item.title
    article.outlet = article.outlet or item.outlet
    dated = article.published is None and item.published is not None
    if dated:
        article.published = item.published
    if article.url is None and url is not None:
        taken = session.scalar(select(Article.id).where(Article.url == url).limit(1))
        if taken is None:
            article.url = url
    day = claim_day(article.published, article.stored_at)
    if not is_newer(item.extractor_version, article.extractor_version):
        if dated:
            session.execute(update(Claim).where(Claim.article_id == article.id).values(day=day))
        return Stored(article.id, "unchanged")
    session.execute(delete(Claim).where(Claim.article_id == article.id))
    rows = [claim_row(n, c, day) for n, c in enumerate(item.claims)]
    for row in rows:
        row.article_id = article.id
    session.add_all(rows)
    article.extractor_version = item.extractor_version
    article.extracted_at = now
    article.language = item.language
    return Stored(article.id, "replaced")


def delete_article(store: Store, article_id: int) -> bool:
    """Remove an article and its claims; False when there is no such article. When it was the
    current revision of its URL, the latest remaining revision becomes current again (a
    correction withdrawn leaves the previous text standing)."""
    with store.write() as session:
        article = session.get(Article, article_id, with_for_update=True)
        if article is None:
            return False
        was_current, url = article.is_current, article.url
        session.execute(delete(Claim).where(Claim.article_id == article_id))
        session.execute(delete(Article).where(Article.id == article_id))
        if was_current and url is not None:
            previous = session.scalar(
                select(Article.id)
                .where(Article.url == url)
                .order_by(Article.revision.desc())
                .limit(1)
            )
            if previous is not None:
                session.execute(
                    update(Article).where(Article.id == previous).values(is_current=True)
                )
    return True


def from_brief(
    brief: Mapping[str, Any],
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
) -> ArticleIn:
    """An ArticleIn from a briefing as the API answers it (BriefResponse JSON)."""
    return ArticleIn(
        text=text,
        language=brief["language"]["language"],
        claims=brief["claims"],
        title=title,
        url=url,
        outlet=outlet,
        published=published,
    )
