"""Per-language lexicons compiled into fast token taggers.

Norwegian (nb, nn) and Danish share one family list: detectors confuse them on short texts and
writers mix forms, so every Norwegian-family text is read with the union. Swedish has its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.claims.lexicon import da, items, nb, nn, sv

WordTable = dict[str, list[str]]
PhraseTable = dict[str, list[tuple[str, ...]]]


def _split_top(pattern: str) -> list[str]:
    """Split a regex on its top-level '|' (not inside groups)."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in pattern:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p for p in parts if p]


@dataclass(frozen=True)
class ItemHit:
    """An item found in one token: English rendering, strength, whether the token also names a
    transfer ("våpenleveranser"), and the English modifier from the compound's first part."""

    english: str
    strength: int
    modifier: str | None


class Lexicon:
    """Compiled cue words, phrases and items for one language family."""

    def __init__(
        self,
        code: str,
        words: list[WordTable],
        phrases: list[PhraseTable],
        item_entries: tuple[items.ItemEntry, ...],
    ) -> None:
        self.code = code
        singles: dict[str, list[str]] = {}
        multi: list[tuple[str, tuple[re.Pattern[str], ...]]] = []
        for table in words:
            for cat, patterns in table.items():
                for pattern in patterns:
                    for alt in _split_top(pattern):
                        if " " in alt:
                            multi.append((cat, tuple(re.compile(p) for p in alt.split())))
                        else:
                            singles.setdefault(cat, []).append(alt)
        for ptable in phrases:
            for cat, seqs in ptable.items():
                for seq in seqs:
                    multi.append((cat, tuple(re.compile(p) for p in seq)))
        self._single = {cat: re.compile("(?:" + "|".join(p) + ")") for cat, p in singles.items()}
        self.phrases = multi
        self._items = item_entries
        self._item_any = re.compile(
            r"(?P<pre>\w*?)-?(?P<item>"
            + "|".join(f"(?:{e.pattern})" for e in item_entries)
            + r")(?P<tail>"
            + items.TAILS
            + r")?"
        )
        self._item_each = [re.compile(e.pattern) for e in item_entries]
        self._modifiers = [(re.compile(p), en) for p, en in items.MODIFIERS]
        self._named = [
            (re.compile(f"(?:{e.pattern})(?:-?[^\\W\\d]\\w*)?(?:-\\w+)*"), e) for e in items.NAMED
        ]
        self.tags = lru_cache(maxsize=50000)(self._tags)
        self.phrase_starts = lru_cache(maxsize=50000)(self._phrase_starts)
        self.item = lru_cache(maxsize=50000)(self._item)
        self.modifier = lru_cache(maxsize=20000)(self._modifier)

    def _phrase_starts(self, low: str) -> tuple[int, ...]:
        # Indices of the phrases whose first word is `low` (cached: most words start none).
        return tuple(i for i, (_, seq) in enumerate(self.phrases) if seq[0].fullmatch(low))

    def _tags(self, low: str) -> frozenset[str]:
        return frozenset(cat for cat, rx in self._single.items() if rx.fullmatch(low))

    def _modifier(self, low: str) -> str | None:
        for rx, english in self._modifiers:
            if rx.fullmatch(low):
                return english
        return None

    def _item(self, text: str) -> ItemHit | None:
        for rx, entry in self._named:
            if rx.fullmatch(text):
                return ItemHit(entry.english, entry.strength, None)
        low = text.lower()
        m = self._item_any.fullmatch(low)
        if m is None:
            hit = _designation(text)
            name, _, head = text.rpartition("-")
            if hit is not None and name and head.islower():
                # "Barak-8-missiler": the head says what it is, the designation which one.
                known = self._item(head)
                if known is not None:
                    return ItemHit(f"{name} {known.english}", max(known.strength, 1), None)
            return hit
        stem = m.group("item")
        pairs = zip(self._items, self._item_each, strict=True)
        entry = next(e for e, rx in pairs if rx.fullmatch(stem))
        pre = m.group("pre")
        modifier = self._modifier(pre.rstrip("s-")) if pre else None
        if pre and modifier is None:
            modifier = self._modifier(pre)
        strength = entry.strength
        if strength <= 1 and pre and modifier is None:
            return None  # "helsesystem", "fordeler": a generic head in an unknown compound
        if modifier in items.MILITARY_MODIFIERS and strength <= 1:
            strength = 2  # "dronekomponenter", "mineryddingsutstyr": the prefix makes it military
        return ItemHit(entry.english, strength, modifier)


# A weapon's type designation the tables do not list ("Barak-8", "Su-35", "Iris-T", "M777"):
# a capitalised name with a number or a one-letter suffix. Weak on its own (strength 1: it needs
# a military article), since "Covid-19", "G20" or "E18" look the same.
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,7}(?:-?\d{1,4}[A-Za-z]{0,2}|-[A-Z]{1,2})")
_NOT_DESIGNATION = re.compile(
    r"(?:covid|g|e|a|q|h|p|tv|nrk|svt|dr|cop|eu|euro|windows|iphone|model|gen|nr|uke|vecka"
    r"|kl|rv|fv|ev|ps|pc|usb|cd|dvd|mp|id|rk|ns|r|n|d|w|x|y|z)"
)


def _designation(text: str) -> ItemHit | None:
    """An unknown type designation, alone or before a generic head ("Iris-T-system")."""
    head = ""
    if _DESIGNATION.fullmatch(text) is None:
        name, _, head = text.rpartition("-")
        if not name or _DESIGNATION.fullmatch(name) is None or not head.islower():
            return None
        text = name
    if _NOT_DESIGNATION.fullmatch(re.split(r"[-\d]", text, maxsplit=1)[0].lower()):
        return None
    suffix = {"system", "systemer", "systemet", "systemene", "systemen"}
    return ItemHit(f"{text} systems" if head in suffix else text, 1, None)


@lru_cache(maxsize=8)
def get_lexicon(language: str) -> Lexicon:
    """The lexicon for an ISO 639-1 code; Norwegian-family codes share one union list."""
    if language == "sv":
        return Lexicon("sv", [sv.WORDS], [sv.PHRASES], items.SWEDISH)
    return Lexicon(
        language,
        [nb.WORDS, nn.WORDS, da.WORDS],
        [nb.PHRASES, nn.PHRASES, da.PHRASES],
        items.NORWEGIAN,
    )
