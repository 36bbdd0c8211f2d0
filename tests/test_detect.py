"""Language detection: the domain function and the /v1/detect and /v1/languages routes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from service import languages
from service.languages import detect as langid
from service.languages.lexicon import votes

ROOT = Path(__file__).resolve().parent.parent
FLORES = ROOT / "bench" / "data" / "flores"
SEEDS = ROOT / "seeds"
FLORES_FILES = {"nb": "nob_Latn", "nn": "nno_Latn", "sv": "swe_Latn", "da": "dan_Latn"}

# Written for these tests (not from any benchmark): one news-style sentence per standard.
SENTENCES = {
    "nb": "Regjeringen sier at den ikke vil sende flere våpen før Stortinget har behandlet saken.",
    "nn": "Regjeringa seier at ho ikkje vil sende fleire våpen før Stortinget har handsama saka.",
    "da": "Regeringen siger, at den ikke vil sende flere våben, før Folketinget har behandlet "
    "sagen.",
    "sv": "Regeringen säger att den inte vill skicka fler vapen innan riksdagen har behandlat "
    "frågan.",
    "en": "The government says it will not send more weapons before parliament has debated it.",
}


def flores(code: str, lines: slice) -> list[str]:
    path = FLORES / f"flores200-dev.{FLORES_FILES[code]}"
    return path.read_text(encoding="utf-8").splitlines()[lines]


@pytest.mark.parametrize("code", SENTENCES)
def test_sentence_in_each_language(code: str) -> None:
    found = langid.detect(SENTENCES[code])
    assert found.language == code
    assert found.supported is languages.is_source(code)
    assert 0.5 < found.confidence <= 1
    assert found.candidates[0].language == code
    assert not found.mixed


@pytest.mark.parametrize(
    ("headline", "code"),
    [
        ("Russland kjøper droner fra Iran, ifølge amerikanske kilder", "nb"),
        ("Nord-Korea sender granatar til Russland, seier dei", "nn"),
        ("Nordkorea skickar granater till Ryssland", "sv"),
        ("Nordkorea sender granater til Rusland", "da"),
    ],
)
def test_headlines(headline: str, code: str) -> None:
    assert langid.detect(headline).language == code


def test_seed_articles() -> None:
    for path, code in ((SEEDS / "seed_nb.txt", "nb"), (SEEDS / "seed_sv.txt", "sv")):
        found = langid.detect(path.read_text(encoding="utf-8"))
        assert (found.language, found.mixed) == (code, False), path.name
        assert found.confidence > 0.8


@pytest.mark.parametrize("code", FLORES_FILES)
def test_flores_articles_are_not_mislabelled_or_called_mixed(code: str) -> None:
    # Pseudo-articles: 4 paragraphs of 3 consecutive FLORES sentences each.
    sentences = flores(code, slice(0, 120))
    for i in range(0, 120, 12):
        paragraphs = [" ".join(sentences[j : j + 3]) for j in range(i, i + 12, 3)]
        found = langid.detect("\n\n".join(paragraphs))
        assert (found.language, found.mixed) == (code, False), paragraphs[0][:60]


@pytest.mark.parametrize(
    ("code", "floor"), [("nb", 0.95), ("nn", 0.95), ("sv", 0.99), ("da", 0.97)]
)
def test_flores_sentence_accuracy_floor(code: str, floor: float) -> None:
    # A regression guard on 200 sentences; the full figures come from bench/bench_detect.py.
    sentences = flores(code, slice(0, 997, 5))
    accuracy = sum(langid.detect(s).language == code for s in sentences) / len(sentences)
    assert accuracy >= floor


def test_english_quote_in_swedish_article_is_reported_as_mixed() -> None:
    paragraphs = (SEEDS / "seed_sv.txt").read_text(encoding="utf-8").split("\n\n")
    quote = (
        '"We have seen clear evidence that these missiles were produced in North Korea '
        'last year," the researchers told reporters on Thursday.'
    )
    text = "\n\n".join([*paragraphs[:2], quote, *paragraphs[2:]])
    found = langid.detect(text)
    assert found.language == "sv" and found.supported and found.mixed
    english = [s for s in found.segments if s.language == "en"]
    assert len(english) == 1
    assert text[english[0].start : english[0].end] == quote
    # Segments cover the text in order without overlap.
    ends = [(s.start, s.end) for s in found.segments]
    assert ends == sorted(ends) and all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))


def test_majority_by_characters_decides_the_article() -> None:
    text = "\n\n".join([SENTENCES["en"], SENTENCES["nn"] + " " + SENTENCES["nn"]])
    found = langid.detect(text)
    assert found.language == "nn" and found.mixed
    assert [s.language for s in found.segments] == ["en", "nn"]


def test_short_lines_follow_the_article() -> None:
    # A byline is too short to vote or to count as another language.
    text = SENTENCES["sv"] + "\n\nTT\n\n" + SENTENCES["sv"]
    found = langid.detect(text)
    assert found.language == "sv" and not found.mixed


@pytest.mark.parametrize("text", ["", "   \n\t ", "1234 5678 !!", "— … —"])
def test_no_letters_is_undetermined(text: str) -> None:
    found = langid.detect(text)
    assert (found.language, found.confidence, found.supported) == ("und", 0.0, False)


def test_long_single_line_is_cut_into_units() -> None:
    text = " ".join([SENTENCES["nb"]] * 60)  # ~5,000 characters, no line break
    found = langid.detect(text)
    assert found.language == "nb" and not found.mixed
    assert found.segments[0].start == 0 and found.segments[-1].end == len(text)


def test_probability_vector_matches_py3langid_rank() -> None:
    # classify() reads py3langid's score vector directly; it must agree with the public rank().
    text = SENTENCES["da"]
    ranked = langid._get_identifier().rank(text)
    scores = langid._scores(text)
    codes = langid._get_columns().codes
    best = int(np.argmax(scores))
    assert {"no": "nb"}.get(ranked[0][0], ranked[0][0]) == codes[best]
    assert ranked[0][1] == pytest.approx(float(scores[best]))


def test_lexicon_votes_separate_the_standards() -> None:
    for code, text in SENTENCES.items():
        if code == "en":
            continue
        counts, voters = votes(text)
        assert voters > 0
        assert counts[code] == max(counts.values()), (code, counts)


def test_labels_are_iso_codes_with_names() -> None:
    codes = langid.labels()
    assert {"nb", "nn", "sv", "da", "en"} <= set(codes)
    assert "no" not in codes and "und" not in codes


# --- HTTP --------------------------------------------------------------------------------------


def test_detect_route(client_no_model: TestClient) -> None:
    r = client_no_model.post("/v1/detect", json={"text": SENTENCES["nn"]})
    assert r.status_code == 200
    body = r.json()
    assert body["language"] == "nn" and body["supported"] is True and body["mixed"] is False
    assert 0 <= body["confidence"] <= 1
    assert body["candidates"][0] == {"language": "nn", "confidence": body["confidence"]}
    assert all(set(c) == {"language", "confidence"} for c in body["candidates"])
    assert body["segments"] == [
        {
            "start": 0,
            "end": len(SENTENCES["nn"]),
            "language": "nn",
            "confidence": body["confidence"],
        }
    ]


def test_detect_route_unsupported_language(client_no_model: TestClient) -> None:
    body = client_no_model.post("/v1/detect", json={"text": SENTENCES["en"]}).json()
    assert body["language"] == "en" and body["supported"] is False


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_detect_route_blank_text_is_422_problem(client_no_model: TestClient, text: str) -> None:
    r = client_no_model.post("/v1/detect", json={"text": text})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith("/empty-text")


def test_detect_route_wrong_type_is_422_problem(client_no_model: TestClient) -> None:
    r = client_no_model.post("/v1/detect", json={"text": 5})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")


def test_languages_route(client_no_model: TestClient) -> None:
    r = client_no_model.get("/v1/languages")
    assert r.status_code == 200
    body = r.json()
    assert body["targets"] == ["en"]
    listed = body["languages"]
    assert [x["code"] for x in listed[:4]] == list(languages.source_codes())
    by_code = {x["code"]: x for x in listed}
    assert by_code["nn"] == {"code": "nn", "name": "Norwegian Nynorsk", "translatable": True}
    assert by_code["en"]["translatable"] is False
    assert all(x["name"] for x in listed)


def test_detect_route_text_over_the_limit_is_413_problem(client_no_model: TestClient) -> None:
    limit = client_no_model.app.state.settings.max_text_chars  # type: ignore[attr-defined]
    r = client_no_model.post("/v1/detect", json={"text": "a" * (limit + 1)})
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")
