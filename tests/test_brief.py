"""POST /v1/brief: the HTTP contract with and without a translation model, and build_brief."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.briefing import build_brief
from service.claims import extract_claims
from service.errors import Problem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CLAIM_KEYS = {"supplier", "recipient", "items", "stance", "hedged", "source", "evidence"}
STANCES = {"asserted", "denied", "admitted", "planned", "requested", "refused"}


def _check_contract(body: dict, text: str) -> None:
    assert set(body) >= {"language", "claims", "summary", "bullets", "translation", "warnings"}
    assert set(body["language"]) >= {"language", "confidence", "supported", "candidates"}
    assert len(body["summary"].split()) <= 120
    assert len(body["bullets"]) == len(body["claims"])
    for claim in body["claims"]:
        assert set(claim) >= CLAIM_KEYS
        assert claim["stance"] in STANCES
        ev = claim["evidence"]
        assert set(ev) >= {"text", "start", "end", "text_en"}
        assert text[ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize(("name", "lang"), [("seed_nb.txt", "nb"), ("seed_sv.txt", "sv")])
def test_brief_without_model(client_no_model: TestClient, name: str, lang: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    r = client_no_model.post("/v1/brief", json={"text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    _check_contract(body, text)
    assert body["language"]["language"] == lang
    assert body["translation"] is None
    assert any("translation" in w.lower() for w in body["warnings"])
    assert all(c["evidence"]["text_en"] is None for c in body["claims"])
    # The route answers the extractor's claims, in its order (what they are is scored by
    # tests/test_claims.py and the dev-set floors).
    direct = [(c.supplier, c.recipient, c.stance) for c in extract_claims(text, lang)]
    assert [(c["supplier"], c["recipient"], c["stance"]) for c in body["claims"]] == direct
    assert len(direct) >= 3
    # Claims first: the summary opens with the first claim's pair.
    first = body["claims"][0]
    opening = body["summary"].split(". ")[0]
    assert first["supplier"] in opening and first["recipient"] in opening


def test_brief_nynorsk_and_no_claims(client_no_model: TestClient) -> None:
    text = (
        "Noreg skal sende fleire luftvernsystem til Ukraina, seier forsvarsministeren.\n\n"
        "Regjeringa har vedteke ein ny pakke."
    )
    body = client_no_model.post("/v1/brief", json={"text": text, "source_language": "nn"}).json()
    assert [(c["supplier"], c["recipient"], c["stance"]) for c in body["claims"]] == [
        ("Norway", "Ukraine", "planned")
    ]
    calm = "Sverige vann över Norge i handboll igår. Nästa match spelas i Danmark på lördag."
    body = client_no_model.post("/v1/brief", json={"text": calm}).json()
    assert body["claims"] == [] and body["bullets"] == []
    assert body["summary"].startswith("No supply claims")
    assert "Swedish" in body["summary"]


def test_brief_with_tiny_model_translates_evidence_and_text(client: TestClient) -> None:
    text = (SEEDS / "seed_sv.txt").read_text(encoding="utf-8")
    r = client.post("/v1/brief", json={"text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    _check_contract(body, text)
    assert isinstance(body["translation"]["text"], str) and body["translation"]["text"]
    assert body["claims"] and all(isinstance(c["evidence"]["text_en"], str) for c in body["claims"])
    assert not any("No translation model" in w for w in body["warnings"])


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        ({"text": "   \n "}, "empty-text"),
        ({"text": ""}, "empty-text"),
        (
            {"text": "The United States will send more air defence to Ukraine, officials said."},
            "unsupported-language",
        ),
        (
            {"text": "Norge sender våpen til Ukraina.", "source_language": "de"},
            "unsupported-language",
        ),
    ],
)
def test_brief_errors_are_problems(client_no_model: TestClient, payload: dict, kind: str) -> None:
    r = client_no_model.post("/v1/brief", json=payload)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith(kind)


def test_unsupported_language_names_the_detected_one(client_no_model: TestClient) -> None:
    r = client_no_model.post(
        "/v1/brief",
        json={
            "text": "Die Bundesregierung liefert weitere Panzer an die Ukraine, sagte der Minister."
        },
    )
    assert r.status_code == 422 and "'de'" in r.json()["detail"]


def test_build_brief_title_claims_and_determinism() -> None:
    text = "Det melder NTB mandag. Mer informasjon kommer."
    brief = asyncio.run(build_brief(text, "nb", "Norge sender NASAMS til Ukraina", None))
    assert [(c.supplier, c.recipient, c.evidence.field) for c in brief.claims] == [
        ("Norway", "Ukraine", "title")
    ]
    again = asyncio.run(build_brief(text, "nb", "Norge sender NASAMS til Ukraina", None))
    assert again.summary == brief.summary and again.bullets == brief.bullets
    with pytest.raises(Problem):
        asyncio.run(build_brief("", "auto", None, None))


def test_published_dates_relative_times(client_no_model: TestClient) -> None:
    # "i fjor" is the year before the article's: known only with `published`.
    text = "Norge sendte i fjor artillerigranater til Ukraina, sier forsvarsministeren."
    dated = client_no_model.post("/v1/brief", json={"text": text, "published": "2024-03-05"})
    undated = client_no_model.post("/v1/brief", json={"text": text})
    assert dated.status_code == undated.status_code == 200
    assert [(c["supplier"], c["recipient"], c["when"], c["when_iso"])
            for c in dated.json()["claims"]] == [("Norway", "Ukraine", "last year", "2023")]
    assert [c["when_iso"] for c in undated.json()["claims"]] == [None]
