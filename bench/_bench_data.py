"""Workload for bench_translate.py: FLORES sentences cut and tokenised exactly as the service does.

Every contender gets the same units of work. An input is one FLORES dev line (nb and sv
interleaved); the service's own sentence splitter (`service.translation.segment.split_text`) cuts
it into the segments the engine would send to the model (about 1 line in 10 holds two sentences),
and the benchmark SentencePiece model tokenises them with the trailing "</s>" OPUS-MT expects.

Decoding lengths are fixed so random weights do the same work as real ones: one model call decodes
exactly ceil(ratio x longest source in the call) tokens for every sentence in it (min = max
decoding length), which is also what the service does with BRIEF_FIXED_DECODING_RATIO.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import sentencepiece as spm

from service.translation.segment import split_text

FLORES = Path(__file__).resolve().parent / "data" / "flores"
LANGS = {"nb": "nob_Latn", "sv": "swe_Latn"}
EOS = "</s>"


@dataclass(frozen=True)
class Line:
    """One input text: a FLORES line, its language and its segments' tokens (with </s>)."""

    text: str
    language: str
    segments: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chunk:
    """Lines sent together: one request for the service, one translate_batch call for the floor."""

    lines: tuple[Line, ...]

    @property
    def sources(self) -> list[list[str]]:
        """Segments' tokens, sorted by length as the engine sorts them."""
        return [list(s) for s in sorted((s for ln in self.lines for s in ln.segments), key=len)]

    def decoding_length(self, ratio: float) -> int:
        """Tokens every sentence of this call decodes (the engine's rule, longest incl. </s>)."""
        return math.ceil(ratio * max(len(s) for ln in self.lines for s in ln.segments))


def flores_lines(language: str, start: int = 0, stop: int | None = None) -> list[str]:
    """FLORES dev lines of one language (nb or sv)."""
    path = FLORES / f"flores200-dev.{LANGS[language]}"
    return path.read_text(encoding="utf-8").splitlines()[start:stop]


def load_lines(sp: spm.SentencePieceProcessor, count: int) -> list[Line]:
    """The first `count` inputs, nb and sv alternating, so any prefix is balanced."""
    per_lang = math.ceil(count / 2)
    nb, sv = flores_lines("nb", 0, per_lang), flores_lines("sv", 0, per_lang)
    texts = [(text, lang) for pair in zip(nb, sv, strict=True)
             for text, lang in ((pair[0], "nb"), (pair[1], "sv"))]
    return [make_line(sp, text, lang) for text, lang in texts[:count]]


def make_line(sp: spm.SentencePieceProcessor, text: str, language: str) -> Line:
    """Segment and tokenise one input text as the engine does."""
    segments = tuple(
        tuple(sp.encode(seg.text, out_type=str)) + (EOS,)
        for seg in split_text(text)
        if seg.translate and any(ch.isalnum() for ch in seg.text)
    )
    return Line(text, language, segments)


def chunks(lines: list[Line], size: int, bucket: bool = True) -> list[Chunk]:
    """Requests of `size` lines; with `bucket`, lines of similar length go together."""
    ordered = sorted(lines, key=lambda ln: max(len(s) for s in ln.segments)) if bucket else lines
    return [Chunk(tuple(ordered[i : i + size])) for i in range(0, len(ordered), size)]


def useful_tokens(lines: list[Line], ratio: float) -> int:
    """Target tokens the inputs need on their own: ceil(ratio x length) per segment.

    Throughput is reported in these units for every contender, so tokens a contender decodes only
    because a longer sentence shares its batch (padding) earn nothing.
    """
    return sum(math.ceil(ratio * len(s)) for ln in lines for s in ln.segments)


def articles(count: int, target_chars: int = 2000) -> list[tuple[str, str]]:
    """`count` distinct ~2,000-character articles (nb and sv alternating) in 3-sentence paragraphs.

    Built from FLORES lines after the first 500 of each language, so they never share a sentence
    with the throughput workload (a cache hit would fake the latency).
    """
    out: list[tuple[str, str]] = []
    pools = {lang: flores_lines(lang, 500) for lang in LANGS}
    cursor = dict.fromkeys(LANGS, 0)
    for i in range(count):
        lang = "nb" if i % 2 == 0 else "sv"
        pool, paragraphs, current, size = pools[lang], [], [], 0
        while size < target_chars - 100 and cursor[lang] < len(pool):
            sentence = pool[cursor[lang]]
            cursor[lang] += 1
            if size + len(sentence) > target_chars:
                continue
            current.append(sentence)
            size += len(sentence) + 1
            if len(current) == 3:
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        out.append(("\n\n".join(paragraphs), lang))
    return out
