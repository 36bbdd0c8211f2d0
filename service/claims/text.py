"""Sentence units with character offsets into the original string, and word tokens.

Offsets always index the string that was passed in, so `text[unit.start:unit.end] == unit.text`
holds for every unit and token; nothing here normalises or rewrites the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

UnitKind = Literal["headline", "line", "sentence"]

# Words keep inner hyphens, colons and apostrophes: "Nord-Korea", "USA:s", "F-16-fly", "u-båtar".
_TOKEN = re.compile(r"\w+(?:[-:’'‘]\w+)*|[^\w\s]")
# A sentence ends at . ! ? … (optionally closed by quotes/brackets) before white space.
_END = re.compile(r"[.!?…]+[\"”»’)\]]*(?=\s)")
# Lowercase abbreviations (nb, nn, sv, da) after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """bl.a f.eks ca mrd mill mnd nr jf dvs m.m osv t.ex bl.a s.k dr prof kl st ang inkl ekskl
    evt ev mht vha iflg jan feb mar apr aug sep sept okt nov des dec tel etc pga p.g.a fr.o.m
    t.o.m kap pkt resp e.l o.l m.fl m.a d.v.s t.ex.s f.d mv ff jr sr mr mrs vs""".split()
)
# A short line without final punctuation is a headline, a section title or a photo caption.
_MAX_LINE_UNIT = 160
# Role and item search is quadratic in a unit's length, and no real sentence is this long: pasted
# junk with no punctuation is cut into windows of about this many characters (nothing is dropped).
_MAX_UNIT_CHARS = 1_000


@dataclass(frozen=True)
class Unit:
    """One sentence or headline-like line; `start`/`end` index the original text."""

    start: int
    end: int
    text: str
    kind: UnitKind
    paragraph: int
    quote: bool  # inside a paragraph that opens with a dash or a quotation mark


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark with offsets into the original text."""

    text: str
    low: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation of `text`; offsets are shifted by `offset`."""
    return [
        Token(m.group(), m.group().lower(), m.start() + offset, m.end() + offset)
        for m in _TOKEN.finditer(text)
    ]


def _is_abbreviation(text: str, dot: int) -> bool:
    # The word before the full stop, e.g. "bl.a" in "bl.a. Kina", or an initial ("J. Smith").
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True
    return word.lower().rstrip(".") in _ABBREVIATIONS or word.isdigit() and len(word) <= 2


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        # A number before the stop is an ordinal ("4. juli") unless a capital follows ("KN-23.
        # Ukrainske ..."): Nordic month names are lowercase.
        number_end = text[m.start() - 1 : m.start()].isdigit() and text[nxt : nxt + 1].isupper()
        if (
            text[m.start()] == "."
            and m.end() - m.start() == 1
            and _is_abbreviation(text, m.start())
            and not number_end
        ):
            # "bl.a. Kina" stays one sentence, unless the next word is plainly a new sentence.
            continue
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end and text[nxt].islower():
            continue  # "ca. 300 droner" or a lowercase continuation: not a boundary
        spans.append((begin, stop))
        begin = nxt
    if begin < end:
        spans.append((begin, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) at white space into pieces of at most about `_MAX_UNIT_CHARS`."""
    spans: list[tuple[int, int]] = []
    while end - start > _MAX_UNIT_CHARS:
        cut = text.rfind(" ", start + _MAX_UNIT_CHARS // 2, start + _MAX_UNIT_CHARS)
        if cut <= start:
            cut = start + _MAX_UNIT_CHARS
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_units(text: str) -> list[Unit]:
    """Split an article into headline, short lines (captions, section titles) and sentences.

    The first non-empty line is the headline when it has no sentence-final punctuation; any later
    short line without it is a `line` unit. Paragraphs are lines; blank lines are ignored.
    """
    units: list[Unit] = []
    pos = 0
    paragraph = 0
    first = True
    for raw in text.splitlines(keepends=True):
        line_start, line_end = _strip(text, pos, pos + len(raw.rstrip("\r\n")))
        pos += len(raw)
        if line_start >= line_end:
            continue
        line = text[line_start:line_end]
        quote = line[0] in "–—-«»\"”“'"
        unpunctuated = line[-1] not in '.!?…:;"”»)'
        if unpunctuated and len(line) <= _MAX_LINE_UNIT:
            kind: UnitKind = "headline" if first else "line"
            units.append(Unit(line_start, line_end, line, kind, paragraph, quote))
        else:
            spans = _sentence_spans(text, line_start, line_end)
            for a, b in (w for span in spans for w in _windows(text, *span)):
                a, b = _strip(text, a, b)
                if a >= b:
                    continue
                kind = (
                    "headline"
                    if first
                    and paragraph == 0
                    and b == line_end
                    and a == line_start
                    and len(line) <= 100
                    else "sentence"
                )
                units.append(Unit(a, b, text[a:b], kind, paragraph, quote))
        first = False
        paragraph += 1
    return units
