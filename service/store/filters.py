"""Which stored claims a query wants, and where a page of them starts (the cursor).

Pages are ordered newest first by (day, id), and a cursor is the (day, id) of the last claim of
the previous page: keyset pagination, so a page costs the same however deep it is and claims
stored meanwhile neither repeat nor vanish between pages. The cursor is opaque to clients
(base64url JSON); a tampered one is refused, not guessed at.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from service.store.names import english_name


class BadCursor(ValueError):
    """The cursor was not made by this service."""


@dataclass(frozen=True)
class Cursor:
    day: dt.date
    id: int

    def encode(self) -> str:
        raw = json.dumps([self.day.isoformat(), self.id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            day, claim_id = json.loads(raw)
            if not isinstance(claim_id, int) or isinstance(claim_id, bool) or claim_id < 0:
                raise ValueError("id")
            return cls(dt.date.fromisoformat(day), claim_id)
        except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as exc:
            raise BadCursor(f"not a cursor from this service: {token[:40]!r}") from exc


@dataclass(frozen=True)
class ClaimFilter:
    """The filters of /v1/claims, /v1/claims.csv and the page's aggregates. Actor names are
    resolved to their English names when the filter is made."""

    supplier: str | None = None
    recipient: str | None = None
    actor: str | None = None
    stances: tuple[str, ...] = ()
    item: str | None = None
    source: str | None = None
    language: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @classmethod
    def of(
        cls,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        actor: str | None = None,
        stances: Sequence[str] = (),
        item: str | None = None,
        source: str | None = None,
        language: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> ClaimFilter:
        return cls(
            supplier=_name(supplier),
            recipient=_name(recipient),
            actor=_name(actor),
            stances=tuple(dict.fromkeys(stances)),
            item=item.strip() or None if item is not None else None,
            source=_source(source),
            language=language,
            since=since,
            until=until,
        )


# The claim's source is an actor more often than not ("Iran admits..."); "article" means the
# article's own voice, as in the annotation guideline (the API answers null there).
ARTICLE_VOICE = "article"


def _name(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return english_name(value)


def _source(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if value.strip().lower() == ARTICLE_VOICE:
        return ARTICLE_VOICE
    return english_name(value)
