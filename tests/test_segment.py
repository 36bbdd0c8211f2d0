"""Sentence segmentation: nothing lost, abbreviations respected, long sentences cut without loss."""

from __future__ import annotations

import pytest

from service.translation.segment import Segment, split_long, split_text
from tests.conftest import SEEDS


def sentences(text: str) -> list[str]:
    return [s.text for s in split_text(text) if s.translate]


def joined(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments)


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n \t ",
        "Én setning uten punktum",
        "  Innrykk.  To mellomrom.   Tre.\n",
        "Tittel\r\n\r\nIngress her. Brødtekst følger.\n \nSiste avsnitt!",
        '«Sitat.» – Svar. (Parentes.) "Engelsk." Slutt…',
        (SEEDS / "seed_nb.txt").read_text(encoding="utf-8"),
        (SEEDS / "seed_sv.txt").read_text(encoding="utf-8"),
    ],
)
def test_segments_join_back_to_the_input_exactly(text: str) -> None:
    segments = split_text(text)
    assert joined(segments) == text
    for segment in segments:
        # Sentences carry no outer whitespace; pass-through segments are only whitespace.
        assert segment.text
        assert (
            (segment.text == segment.text.strip()) if segment.translate else segment.text.isspace()
        )


@pytest.mark.parametrize(
    "text",
    [
        "Norge har bl.a. sendt droner til Ukraina.",
        "Sverige vil f.eks. sende luftvern.",
        "Det koster ca. 300 millioner kroner.",
        "Avtalen er verdt 2 mrd. kroner.",
        "Leveransen kom 3. feb. Neste leveranse er planlagt.",
        "Det gjelder våpen, d.v.s. Kalasjnikov-rifler.",
        "Ryssland får t.ex. Drönare från Iran.",
        "De skickar robotar m.m. Till Ukraina.",
        "Det sa J. Stoltenberg til NTB.",
        "Angrepet skjedde 18. august i fjor.",
        "Møtet er kl. 14 i dag.",
        "«Hvorfor?» spør han.",
        "– Vi sender ikke våpen, sa han.",
    ],
)
def test_abbreviations_initials_and_ordinals_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_real_sentence_ends_split_including_quotes_and_dash_lines() -> None:
    text = (
        "Iran har levert droner. Det bekrefter USA! Hvorfor nå? «Vi har bevis.» "
        "– Det er alvorlig, sier han. – Vi følger med.\n– Sitat på egen linje\n"
        "Tallet var 2024. 2025 blir verre… Slutt."
    )
    assert sentences(text) == [
        "Iran har levert droner.",
        "Det bekrefter USA!",
        "Hvorfor nå?",
        "«Vi har bevis.»",
        "– Det er alvorlig, sier han.",
        "– Vi følger med.",
        "– Sitat på egen linje",
        "Tallet var 2024.",
        "2025 blir verre…",
        "Slutt.",
    ]


def test_line_breaks_always_end_a_sentence_and_are_kept_verbatim() -> None:
    text = "Overskrift uten punktum\nIngress\n\n\nAvsnitt  \n  med innrykk"
    segments = split_text(text)
    assert [s.text for s in segments if s.translate] == [
        "Overskrift uten punktum",
        "Ingress",
        "Avsnitt",
        "med innrykk",
    ]
    assert [s.text for s in segments if not s.translate] == ["\n", "\n\n\n", "  \n  "]


def test_split_long_prefers_clause_marks_and_keeps_every_character() -> None:
    sentence = (
        "Russland har fått droner fra Iran, ammunisjon fra Nord-Korea og komponenter fra Kina; "
        "USA sier at dette forlenger krigen, mens Kina nekter: de selger bare sivile varer"
    )
    pieces = split_long(sentence, words, 12)
    assert joined(pieces) == sentence
    texts = [p.text for p in pieces if p.translate]
    assert all(words(t) <= 12 for t in texts)
    assert len(texts) > 1
    assert all(t[-1] in ",;:" for t in texts[:-1])  # cut after clause marks, not inside them


def test_split_long_falls_back_to_words_then_windows() -> None:
    no_marks = " ".join(f"ord{i}" for i in range(100))
    pieces = split_long(no_marks, words, 7)
    assert joined(pieces) == no_marks
    assert all(words(p.text) <= 7 for p in pieces if p.translate)

    no_spaces = "x" * 5000  # one "word" longer than the limit: character windows, none lost

    def chars(text: str) -> int:
        return len(text)

    pieces = split_long(no_spaces, chars, 300)
    assert joined(pieces) == no_spaces
    assert all(len(p.text) <= 300 for p in pieces)


def test_split_long_leaves_short_sentences_alone() -> None:
    assert split_long("Kort setning.", words, 10) == [Segment("Kort setning.", True)]
