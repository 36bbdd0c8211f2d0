"""Cut news text into sentences for translation, keeping every other character verbatim.

`split_text` returns segments whose texts concatenate back to the input exactly: sentences (to be
translated; `service.segmentation` finds them) and the whitespace between them (passed through),
so paragraph breaks, line breaks and indentation survive translation unchanged.

`split_long` cuts a sentence the model cannot take in one piece at clause marks (; : ,), then
between words, then, for a run with no spaces at all, into character windows. Nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from service.segmentation import sentences

_CLAUSE = re.compile(r"(?<=[;:,])\s+|\s+(?=[–—]\s)")
_WORD = re.compile(r"\s+")


@dataclass(frozen=True)
class Segment:
    """A piece of text; `translate` is False for whitespace, which passes through unchanged."""

    text: str
    translate: bool


def split_text(text: str) -> list[Segment]:
    """Split `text` into sentences and pass-through whitespace; `"".join(texts) == text`.

    The sentences are `service.segmentation`'s, the same the claims and detection see.
    """
    segments: list[Segment] = []
    pos = 0
    for sentence in sentences(text):
        if sentence.start > pos:
            segments.append(Segment(text[pos : sentence.start], False))
        segments.append(Segment(text[sentence.start : sentence.end], True))
        pos = sentence.end
    if pos < len(text):
        segments.append(Segment(text[pos:], False))
    return segments


def _units(text: str, pattern: re.Pattern[str]) -> list[Segment]:
    units: list[Segment] = []
    start = 0
    for match in pattern.finditer(text):
        if match.start() > start:
            units.append(Segment(text[start : match.start()], True))
            units.append(Segment(match.group(), False))
            start = match.end()
    units.append(Segment(text[start:], True))
    return [u for u in units if u.text]


def _pack(units: list[Segment], count: Callable[[str], int], limit: int) -> list[Segment]:
    """Greedily join consecutive units into chunks of at most `limit` tokens (by estimate)."""
    chunks: list[Segment] = []
    current = ""
    current_tokens = 0
    pending_space = ""
    for unit in units:
        if not unit.translate:
            pending_space += unit.text
            continue
        tokens = count(unit.text)
        if current and current_tokens + tokens > limit:
            chunks.append(Segment(current, True))
            chunks.append(Segment(pending_space, False))
            current, current_tokens = unit.text, tokens
        else:
            current += pending_space + unit.text
            current_tokens += tokens
        pending_space = ""
    chunks.append(Segment(current, True))
    if pending_space:
        chunks.append(Segment(pending_space, False))
    return [c for c in chunks if c.text]


def _windows(text: str, count: Callable[[str], int], limit: int) -> list[Segment]:
    """Character windows for a run with no place to break; sized from its tokens-per-character."""
    tokens = max(count(text), 1)
    size = max(1, int(len(text) * limit / tokens * 0.9))
    return [Segment(text[i : i + size], True) for i in range(0, len(text), size)]


def split_long(sentence: str, count: Callable[[str], int], limit: int) -> list[Segment]:
    """Cut `sentence` into pieces of at most `limit` tokens (per `count`), whitespace kept apart.

    The pieces concatenate back to `sentence` exactly. Clause marks are tried first, then spaces,
    then fixed character windows.
    """
    if count(sentence) <= limit:
        return [Segment(sentence, True)]
    out: list[Segment] = []
    for pattern in (_CLAUSE, _WORD):
        units = _units(sentence, pattern)
        # Token counts are not exactly additive across a join, so a pack that came out as one
        # chunk is retried with a smaller budget; every chunk of a real split is shorter than the
        # sentence, which bounds the recursion.
        for budget in (limit, limit * 3 // 4, limit // 2):
            chunks = _pack(units, count, max(budget, 1))
            if sum(c.translate for c in chunks) > 1:
                for chunk in chunks:
                    out.extend(split_long(chunk.text, count, limit) if chunk.translate else [chunk])
                return out
    for window in _windows(sentence, count, limit):
        out.extend(split_long(window.text, count, limit) if len(window.text) > 1 else [window])
    return out
