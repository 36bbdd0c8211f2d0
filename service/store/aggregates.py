"""Summaries over the current claims: one actor's supply relations, the supply network, and
claims per month. Grouped in SQL, so their cost does not grow with what they hand back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, distinct, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from typing_extensions import TypeVarTuple, Unpack

from service.claims.types import STANCES
from service.store.engine import Store
from service.store.filters import ClaimFilter
from service.store.models import Article, Claim
from service.store.queries import conditions

# The most frequent item descriptions kept per relation: they are free text, and a relation
# stated in thousands of articles would otherwise list thousands of them.
MAX_ITEMS = 50
# Arrows drawn on the page's network: the most reported relations first.
MAX_EDGES = 200

_Row = TypeVarTuple("_Row")


@dataclass
class Relation:
    """Claims between one pair of actors, seen from one of them."""

    other: str
    items: list[str] = field(default_factory=list)
    stances: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass(frozen=True)
class Profile:
    name: str
    supplies: list[Relation]
    receives: list[Relation]


@dataclass(frozen=True)
class Edge:
    supplier: str
    recipient: str
    articles: int
    claims: int
    stances: dict[str, int]
    dominant: str


@dataclass(frozen=True)
class Month:
    month: str  # YYYY-MM
    claims: int
    stances: dict[str, int]


def _joined(stmt: Select[Unpack[_Row]], terms: list[ColumnElement[bool]]) -> Select[Unpack[_Row]]:
    return stmt.select_from(Claim).join(Article, Claim.article_id == Article.id).where(*terms)


def _relations(
    session: Session,
    me: InstrumentedAttribute[str],
    other: InstrumentedAttribute[str],
    name: str,
) -> list[Relation]:
    terms = [Article.is_current.is_(True), me == name]
    found: dict[str, Relation] = {}
    spans = session.execute(
        _joined(
            select(
                other,
                func.count(distinct(Claim.article_id)),
                func.min(Claim.day),
                func.max(Claim.day),
            ),
            terms,
        ).group_by(other)
    )
    for who, articles, first, last in spans:
        found[who] = Relation(who, articles=articles, first=first, last=last)
    stances = session.execute(
        _joined(select(other, Claim.stance, func.count()), terms).group_by(other, Claim.stance)
    )
    for who, stance, n in stances:
        found[who].stances[stance] = n
    items: dict[str, Counter[str]] = defaultdict(Counter)
    for who, text, n in session.execute(
        _joined(select(other, Claim.items, func.count()), terms).group_by(other, Claim.items)
    ):
        items[who][text] += n
    for who, relation in found.items():
        ranked = sorted(items[who].items(), key=lambda kv: (-kv[1], kv[0]))
        relation.items = [text for text, _ in ranked[:MAX_ITEMS]]
        relation.stances = dict(sorted(relation.stances.items(), key=lambda kv: _rank(kv[0])))
    return sorted(found.values(), key=lambda r: (-r.articles, r.other))


def _rank(stance: str) -> int:
    return STANCES.index(stance) if stance in STANCES else len(STANCES)


def profile(store: Store, name: str) -> Profile:
    """Whom `name` (an English name) supplies and who supplies it, over current claims."""
    with store.read() as session:
        supplies = _relations(session, Claim.supplier, Claim.recipient, name)
        receives = _relations(session, Claim.recipient, Claim.supplier, name)
    return Profile(name, supplies, receives)


def dominant(stances: dict[str, int]) -> str:
    """The stance with most claims; ties go to the one listed first in STANCES."""
    return min(stances, key=lambda s: (-stances[s], _rank(s)))


def network(store: Store, f: ClaimFilter, limit: int = MAX_EDGES) -> list[Edge]:
    """Supplier -> recipient relations matching `f`, most articles first."""
    terms = conditions(f)
    pair = (Claim.supplier, Claim.recipient)
    with store.read() as session:
        counts = session.execute(
            _joined(select(*pair, func.count(distinct(Claim.article_id)), func.count()), terms)
            .group_by(*pair)
            .order_by(func.count(distinct(Claim.article_id)).desc(), *pair)
            .limit(limit)
        ).all()
        stances: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        for supplier, recipient, stance, n in session.execute(
            _joined(select(*pair, Claim.stance, func.count()), terms).group_by(*pair, Claim.stance)
        ):
            stances[(supplier, recipient)][stance] = n
    return [
        Edge(s, r, articles, claims, stances[(s, r)], dominant(stances[(s, r)]))
        for s, r, articles, claims in counts
    ]


def _month(session: Session) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", Claim.day)
    return func.to_char(Claim.day, "YYYY-MM")


def _months_between(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def timeline(store: Store, f: ClaimFilter) -> list[Month]:
    """Claims per month matching `f`, every month from the first to the last (gaps as 0)."""
    with store.read() as session:
        month = _month(session)
        rows = session.execute(
            _joined(select(month, Claim.stance, func.count()), conditions(f)).group_by(
                month, Claim.stance
            )
        ).all()
    per: dict[str, dict[str, int]] = defaultdict(dict)
    for key, stance, n in rows:
        per[key][stance] = n
    if not per:
        return []
    return [
        Month(m, sum(per[m].values()), dict(sorted(per[m].items(), key=lambda kv: _rank(kv[0]))))
        for m in _months_between(min(per), max(per))
    ]
