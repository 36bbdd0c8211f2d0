"""The claim data the extractor produces (plain dataclasses; pydantic only at the HTTP edge)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Stance = Literal["asserted", "denied", "admitted", "planned", "requested", "refused"]
STANCES: tuple[Stance, ...] = (
    "asserted",
    "denied",
    "admitted",
    "planned",
    "requested",
    "refused",
)


@dataclass
class Evidence:
    """The source-language sentence; `text == input[start:end]`."""

    text: str
    start: int
    end: int
    text_en: str | None = None
    field: Literal["text", "title"] = "text"


@dataclass(frozen=True)
class Money:
    """An amount of money and its ISO 4217 currency."""

    amount: float
    currency: str


@dataclass
class Claim:
    """Who is said to supply what to whom, with stance, hedge and who says so; how many, how
    much, when, and which systems; and, once merged, what every mention said."""

    supplier: str
    recipient: str
    items: str
    stance: Stance
    hedged: bool
    source: str | None
    evidence: Evidence
    trigger: str = ""  # the source-language word that states the transfer
    item_terms: list[str] = field(default_factory=list)
    strength: int = 0  # most specific item: 2 a named system, 1 a military good
    mentions: int = 1  # how many sentences state the same (supplier, recipient, stance)
    quantity: int | None = None
    value: Money | None = None
    when: str | None = None
    when_iso: str | None = None
    designations: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # item categories (for designations)
    sources: list[str] = field(default_factory=list)  # every mention's source, merged
    quantities: list[int] = field(default_factory=list)  # every mention's count, merged
