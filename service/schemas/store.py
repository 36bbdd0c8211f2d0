"""The claim store on the wire: stored claims, pages of them, articles, actors, the page's
aggregates; and the metadata fields POST /v1/brief takes for storing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from service.schemas.brief import BriefResponse, ClaimOut
from service.store.aggregates import Edge, Month, Profile, Relation
from service.store.queries import ArticleRecord, ArticleRef, ClaimRecord, Page


class ArticleRefOut(BaseModel):
    id: int
    url: str | None = Field(description="Canonical URL (tracking parameters and fragment cut).")
    title: str | None
    outlet: str | None
    published: dt.date | None
    language: str = Field(description="nb, nn, sv or da.")

    @classmethod
    def of(cls, ref: ArticleRef) -> ArticleRefOut:
        return cls(
            id=ref.id,
            url=ref.url,
            title=ref.title,
            outlet=ref.outlet,
            published=ref.published,
            language=ref.language,
        )


class StoredClaimOut(ClaimOut):
    """A claim as /v1/brief answered it (supplier and recipient by canonical English name),
    with its id and article. Fields the extractor gains later are answered as stored."""

    id: int = Field(description="The claim's id in the store.")
    day: dt.date = Field(description="The article's published date, else the day it was stored.")
    article: ArticleRefOut

    @classmethod
    def of_record(cls, record: ClaimRecord) -> StoredClaimOut:
        return cls.model_validate(
            {
                **record.data,
                "id": record.id,
                "day": record.day,
                "article": ArticleRefOut.of(record.article),
            }
        )


class ClaimsPageOut(BaseModel):
    claims: list[StoredClaimOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null: last.")
    total: int = Field(description="Claims matching the filters, on every page together.")

    @classmethod
    def of(cls, page: Page) -> ClaimsPageOut:
        return cls(
            claims=[StoredClaimOut.of_record(r) for r in page.claims],
            next_cursor=page.next_cursor.encode() if page.next_cursor else None,
            total=page.total,
        )


class ArticleOut(ArticleRefOut):
    text: str = Field(description="The text as briefed; evidence offsets index it.")
    content_hash: str = Field(description="SHA-256 of the normalised text: the identity.")
    extractor_version: str = Field(description="Version of the extractor its claims come from.")
    stored_at: dt.datetime
    extracted_at: dt.datetime = Field(description="When its claims were last (re)extracted.")
    revision: int = Field(description="1 for the first text seen at its URL, then 2, 3...")
    current: bool = Field(description="The latest revision of its URL (or it has no URL).")
    revisions: list[int] = Field(description="Ids of every revision of its URL, oldest first.")
    claims: list[StoredClaimOut]

    @classmethod
    def of_record(cls, record: ArticleRecord) -> ArticleOut:
        return cls(
            **ArticleRefOut.of(record.ref).model_dump(),
            text=record.text,
            content_hash=record.content_hash,
            extractor_version=record.extractor_version,
            stored_at=record.stored_at,
            extracted_at=record.extracted_at,
            revision=record.revision,
            current=record.current,
            revisions=record.revisions,
            claims=[StoredClaimOut.of_record(c) for c in record.claims],
        )


class _RelationOut(BaseModel):
    items: list[str] = Field(description="Item descriptions, most frequent first (at most 50).")
    stances: dict[str, int] = Field(description="Claims per stance.")
    articles: int = Field(description="Articles stating it.")
    first: dt.date
    last: dt.date


class SuppliesOut(_RelationOut):
    recipient: str


class ReceivesOut(_RelationOut):
    supplier: str


def _relation(relation: Relation) -> dict[str, Any]:
    return {
        "items": relation.items,
        "stances": relation.stances,
        "articles": relation.articles,
        "first": relation.first,
        "last": relation.last,
    }


class ActorOut(BaseModel):
    name: str = Field(description="The canonical English name.")
    supplies: list[SuppliesOut]
    receives: list[ReceivesOut]

    @classmethod
    def of(cls, profile: Profile) -> ActorOut:
        return cls(
            name=profile.name,
            supplies=[SuppliesOut(recipient=r.other, **_relation(r)) for r in profile.supplies],
            receives=[ReceivesOut(supplier=r.other, **_relation(r)) for r in profile.receives],
        )


class EdgeOut(BaseModel):
    supplier: str
    recipient: str
    articles: int
    claims: int
    stances: dict[str, int]
    dominant: str = Field(description="The stance with most claims.")

    @classmethod
    def of(cls, edge: Edge) -> EdgeOut:
        return cls(**edge.__dict__)


class NetworkOut(BaseModel):
    edges: list[EdgeOut] = Field(description="Most reported relations first (at most 200).")


class MonthOut(BaseModel):
    month: str = Field(description="YYYY-MM", examples=["2025-03"])
    claims: int
    stances: dict[str, int]

    @classmethod
    def of(cls, month: Month) -> MonthOut:
        return cls(month=month.month, claims=month.claims, stances=month.stances)


class TimelineOut(BaseModel):
    months: list[MonthOut] = Field(description="Every month from the first to the last claim.")


class StoredBriefResponse(BriefResponse):
    article_id: int | None = Field(
        None,
        description='Present with `"store": true`: the stored article (GET /v1/articles/{id}).',
    )
