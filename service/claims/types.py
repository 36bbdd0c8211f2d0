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


@dataclass
class Claim:
    """Who is said to supply what to whom, with stance, hedge and who says so."""

    supplier: str
    recipient: str
    items: str
    stance: Stance
    hedged: bool
    source: str | None
    evidence: Evidence
    trigger: str = ""  # the source-language word that states the transfer
    item_terms: list[str] = field(default_factory=list)
    strength: int = 0  # most specific item: 3 named system, 2 military, 1 dual-use, 0 generic
    mentions: int = 1  # how many sentences state the same (supplier, recipient, stance)
