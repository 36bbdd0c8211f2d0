"""One offset-preserving segmentation of news text, shared by detection, claims and translation.

An article is lines (paragraphs; a line break always ends a sentence, since headlines, bylines,
captions and dash-led quote lines carry no final full stop), and lines are sentences. Every span
indexes the string that was passed in, so `text[s.start:s.end]` is the span's text; nothing is
normalised, rewritten or dropped. Each pass is a single left-to-right scan, linear in the text.

A run with no sentence end at all (pasted junk, a list without punctuation) is cut at white space
into windows of at most `MAX_SENTENCE_CHARS`, so that no later stage ever sees an unbounded unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LineKind = Literal["headline", "teaser", "meta", "body"]

# Abbreviations that end in a full stop without ending the sentence (nb, nn, sv, da, and the
# English ones agency copy carries). Dotted forms such as "d.v.s.", "t.ex." or "e.Kr." are caught
# by the pattern below, so the list needs only the undotted ones and a few frequent dotted ones.
ABBREVIATIONS = frozenset(
    """
    bl.a. f.eks. t.ex. d.v.s. m.m. ca. mrd. mill. mld. mio. mia. milj. mdr. mkr. kr. nr. kl. jf.
    jfr. dvs. osv. mfl. pga. ifm. iflg. evt. ev. inkl. ekskl. exkl. eks. etc. vs. mht. mv. resp.
    tlf. tel. avd. ang. vedr. iht. hhv. henh. enl. prof. dr. st. gt. gen. adm. ltn. kapt. maj.
    oblt. sen. rep. pres. min. sek. kap. pkt. pst. mnd. stk. utg. red. anm. dir. ordf. hr. fr.
    sr. jr. mr. mrs. ms. no. inc. ltd. co. corp. col. lt. sgt. capt. jan. feb. mar. apr. jun.
    jul. aug. sep. sept. okt. oct. nov. des. dec. tis. ons. tors. fre. lør. søn. årh. fig. tab.
    s. ss. vha. mfl. e.l. o.l. m.fl. m.a. f.d. s.k. p.g.a. fr.o.m. t.o.m.
    """.split()
)
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,4}\.){2,}$")  # d.v.s. t.ex. bl.a. e.Kr. U.S.
_INITIAL = re.compile(r"^[^\W\d_]\.$")  # J. Stoltenberg
_OPENERS = "([{«\"“‘'„‚"

# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, white space
# without a line break, then the first word character of what follows, possibly behind the dash
# of a quote line or an opening quote. `_split_line` accepts it unless that character is lower
# case (a lowercase continuation is no new sentence).
_BOUNDARY = re.compile(
    r"(?P<end>[.!?…]+[)\]»”’\"']*)(?P<space>[^\S\n]+)(?=[–—-]?\s*[«“‘\"'(]?(?P<next>\w))"
)
_LINE = re.compile(r"[^\n]+")
_TEASER = re.compile(r"^(?:les|sjå|se|läs|læs|lees)\s+(?:også|òg|og|även|ogsaa)\b", re.I)
_META = re.compile(
    r"^(?:publisert|publicerad|publiceret|oppdatert|uppdaterad|opdateret|foto|bilde|bild)\b"
    r"|^(?:av|af|by)\s+\S+(?:\s+\S+){0,3}$",
    re.I,
)
# No real sentence is this long; see the module docstring.
MAX_SENTENCE_CHARS = 1_000


@dataclass(frozen=True)
class Line:
    """A non-blank line (a paragraph, a headline, a caption), stripped of surrounding space."""

    start: int
    end: int
    index: int  # among the non-blank lines
    kind: LineKind


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a headline-like line) inside one line."""

    start: int
    end: int
    line: Line


def _line_kind(text: str, index: int) -> LineKind:
    if index == 0:
        return "headline"
    if _TEASER.match(text):
        return "teaser"
    if _META.match(text):
        return "meta"
    return "body"


def lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, with their kind (the first is the headline)."""
    out: list[Line] = []
    for match in _LINE.finditer(text):
        raw = match.group()
        start = match.start() + (len(raw) - len(raw.lstrip()))
        end = match.start() + len(raw.rstrip())
        if end > start:
            out.append(Line(start, end, len(out), _line_kind(text[start:end], len(out))))
    return out


def _is_abbreviation(text: str, end: int, floor: int) -> bool:
    """Whether the full stop ending at `end` (exclusive) closes an abbreviation, not a sentence."""
    start = end - 1
    while start > floor and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].lstrip(_OPENERS)
    if not word.endswith(".") or word.endswith(".."):
        return False
    return word.lower() in ABBREVIATIONS or bool(_DOTTED.match(word)) or bool(_INITIAL.match(word))


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at white space into pieces of at most MAX_SENTENCE_CHARS."""
    spans: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
    return spans


def _split_line(text: str, line: Line) -> list[Sentence]:
    spans: list[tuple[int, int]] = []
    begin = line.start
    for match in _BOUNDARY.finditer(text, line.start, line.end):
        end = match.end("end")
        if match.group("next").islower():
            continue
        if text[end - 1] == "." and _is_abbreviation(text, end, line.start):
            continue
        spans.append((begin, end))
        begin = match.end("space")
    spans.append((begin, line.end))
    return [
        Sentence(a, b, line)
        for start, stop in spans
        for a, b in _windows(text, start, stop)
        if text[a:b].strip()
    ]


def sentences(text: str, in_lines: list[Line] | None = None) -> list[Sentence]:
    """Every sentence of `text`, in order; pass `in_lines` to reuse a `lines(text)` result."""
    return [s for line in (in_lines or lines(text)) for s in _split_line(text, line)]
