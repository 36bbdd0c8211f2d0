"""Cut news text into sentences for translation, keeping every other character verbatim.

`split_text` returns segments whose texts concatenate back to the input exactly: sentences (to be
translated) and the whitespace between them (passed through), so paragraph breaks, line breaks and
indentation survive translation unchanged. Line breaks always end a sentence: headlines, bylines
and dash-led quote lines ("– Sitat") carry no final full stop.

`split_long` cuts a sentence the model cannot take in one piece at clause marks (; : ,), then
between words, then, for a run with no spaces at all, into character windows. Nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Abbreviations that end in a full stop without ending the sentence (nb, nn, sv, da, and the English
# ones agency copy carries). Dotted forms such as "d.v.s.", "t.ex." or "e.Kr." are caught by the
# pattern below, so the list needs only the undotted ones and a few frequent dotted ones.
ABBREVIATIONS = frozenset(
    """
    bl.a. f.eks. t.ex. d.v.s. m.m. ca. mrd. mill. mld. mio. mia. milj. mdr. mkr. kr. nr. kl. jf.
    jfr. dvs. osv. mfl. pga. ifm. iflg. evt. ev. inkl. ekskl. exkl. eks. etc. vs. mht. mv. resp.
    tlf. tel. avd. ang. vedr. iht. hhv. henh. enl. prof. dr. st. gt. gen. adm. ltn. kapt. maj.
    oblt. sen. rep. pres. min. sek. kap. pkt. pst. mnd. stk. utg. red. anm. dir. ordf. hr. fr.
    sr. jr. mr. mrs. ms. no. inc. ltd. co. corp. col. lt. sgt. capt. jan. feb. mar. apr. jun.
    jul. aug. sep. sept. okt. oct. nov. des. dec. tis. ons. tors. fre. lør. søn. årh. fig. tab.
    s. ss.
    """.split()
)
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,4}\.){2,}$")  # d.v.s. t.ex. bl.a. e.Kr. U.S.
_INITIAL = re.compile(r"^[^\W\d_]\.$")  # J. Stoltenberg
_OPENERS = "([{«\"“‘'„‚"

# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, whitespace
# without a line break, then the first word character of what follows, possibly behind the dash of
# a quote line or an opening quote. `_split_line` accepts it unless that character is lower case.
_BOUNDARY = re.compile(
    r"(?P<end>[.!?…]+[)\]»”’\"']*)(?P<space>[^\S\n]+)(?=[–—-]?\s*[«“‘\"'(]?(?P<next>\w))"
)
_LINE_BREAK = re.compile(r"\s*\n\s*")
_CLAUSE = re.compile(r"(?<=[;:,])\s+|\s+(?=[–—]\s)")
_WORD = re.compile(r"\s+")


@dataclass(frozen=True)
class Segment:
    """A piece of text; `translate` is False for whitespace, which passes through unchanged."""

    text: str
    translate: bool


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop ending at `end` (exclusive) closes an abbreviation, not a sentence."""
    start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("\t", 0, end)) + 1
    word = text[start:end].lstrip(_OPENERS)
    if not word.endswith(".") or word.endswith(".."):
        return False
    return word.lower() in ABBREVIATIONS or bool(_DOTTED.match(word)) or bool(_INITIAL.match(word))


def _split_line(line: str) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end("end")
        if match.group("next").islower():
            continue
        if line[end - 1] == "." and _is_abbreviation(line, end):
            continue
        segments.append(Segment(line[start:end], True))
        segments.append(Segment(match.group("space"), False))
        start = match.end()
    segments.append(Segment(line[start:], True))
    return segments


def _with_outer_space(inner: list[Segment]) -> list[Segment]:
    """Move leading/trailing whitespace of a sentence into pass-through segments."""
    out: list[Segment] = []
    for seg in inner:
        if not seg.translate or not seg.text.strip():
            out.append(Segment(seg.text, False))
            continue
        body = seg.text.strip()
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        tail = seg.text[len(lead) + len(body) :]
        out.extend((Segment(lead, False), Segment(body, True), Segment(tail, False)))
    return [s for s in out if s.text]


def split_text(text: str) -> list[Segment]:
    """Split `text` into sentences and pass-through whitespace; `"".join(texts) == text`."""
    segments: list[Segment] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        segments.extend(_split_line(text[start : match.start()]))
        segments.append(Segment(match.group(), False))
        start = match.end()
    segments.extend(_split_line(text[start:]))
    return _with_outer_space(segments)


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
