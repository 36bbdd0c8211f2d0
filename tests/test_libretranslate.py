"""LibreTranslate compatibility: the requests its clients send work unchanged, shapes are pinned."""

from __future__ import annotations

import json
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from libretranslatepy import LibreTranslateAPI
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.translation.engine import QueueFull
from tests.conftest import tiny_settings
from tests.live_server import serve

SV = "Kina förnekar att man levererar vapen till Ryssland och hävdar att landet är neutralt."
NB = "Iran innrømmer at landet har levert et lite antall droner til Russland før invasjonen."


class FakeEngine:
    """Stands in for the model where a test checks what the route sends it and how it answers."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.calls: list[tuple[list[str], str]] = []
        self.fail = fail

    async def translate(self, texts: list[str], source_language: str) -> list[str]:
        if self.fail is not None:
            raise self.fail
        self.calls.append((list(texts), source_language))
        return [f"EN({source_language}):{t}" for t in texts]

    def stats(self) -> dict[str, int]:
        return {}


@pytest.fixture()
def fake(client_no_model: TestClient) -> Iterator[tuple[TestClient, FakeEngine]]:
    engine = FakeEngine()
    client_no_model.app.state.engine = engine  # type: ignore[attr-defined]
    yield client_no_model, engine
    client_no_model.app.state.engine = None  # type: ignore[attr-defined]


# --- an existing client, unchanged, against a real server -------------------------------------


def test_libretranslatepy_client_works_unchanged(tiny_model_dir: Path) -> None:
    with serve(create_app(tiny_settings(tiny_model_dir))) as url:
        lt = LibreTranslateAPI(url)
        translated = lt.translate(NB, "nb", "en")
        assert isinstance(translated, str) and translated
        assert lt.translate(SV, "auto", "en")
        detected = lt.detect(SV)
        assert detected[0]["language"] == "sv" and 0 <= detected[0]["confidence"] <= 100
        codes = {lang["code"] for lang in lt.languages()}
        assert {"nb", "nn", "sv", "da", "en"} <= codes


def test_libretranslatepy_with_api_key(tiny_model_dir: Path) -> None:
    settings = tiny_settings(tiny_model_dir, api_keys=SecretStr("k-1,k-2"))
    with serve(create_app(settings)) as url:
        assert LibreTranslateAPI(url, api_key="k-2").translate(NB, "nb", "en")
        with pytest.raises(urllib.error.HTTPError) as denied:
            LibreTranslateAPI(url, api_key="wrong").translate(NB, "nb", "en")
        assert denied.value.code == 403
        assert json.loads(denied.value.read()) == {"error": "Invalid API key"}
        with pytest.raises(urllib.error.HTTPError) as missing:
            LibreTranslateAPI(url).detect(SV)
        assert missing.value.code == 400 and "API key" in json.loads(missing.value.read())["error"]


def test_readme_json_request_with_auto_source(client: TestClient) -> None:
    # LibreTranslate's README example, verbatim apart from text and target.
    r = client.post(
        "/translate",
        json={"q": SV, "source": "auto", "target": "en", "format": "text", "api_key": ""},
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"translatedText", "detectedLanguage"}
    assert isinstance(body["translatedText"], str) and body["translatedText"]
    assert body["detectedLanguage"]["language"] == "sv"
    assert 0 < body["detectedLanguage"]["confidence"] <= 100


def test_form_body_and_batch_shapes(fake: tuple[TestClient, FakeEngine]) -> None:
    client, engine = fake
    r = client.post("/translate", data={"q": "Hei\r\nverden", "source": "nb", "target": "en"})
    assert r.json() == {"translatedText": "EN(nb):Hei\nverden"}  # no detectedLanguage: source given
    r = client.post("/translate", json={"q": [NB, SV], "source": "auto", "target": "en"})
    body = r.json()
    assert body["translatedText"] == [f"EN(nb):{NB}", f"EN(sv):{SV}"]
    assert [d["language"] for d in body["detectedLanguage"]] == ["nb", "sv"]
    # One model call per source language, whatever the batch size.
    assert sorted(lang for _, lang in engine.calls) == ["nb", "nb", "sv"]


def test_html_keeps_markup_and_translates_text_nodes(fake: tuple[TestClient, FakeEngine]) -> None:
    client, engine = fake
    html = (
        '<p class="lead" data-id="7">Hei <b>verden</b>!</p>'
        "<script>var s = 'Hei';</script><!-- note --><img src=x.png alt=\"bilde\"><br>"
    )
    r = client.post(
        "/translate", json={"q": html, "source": "nb", "target": "en", "format": "html"}
    )
    assert r.status_code == 200
    assert r.json()["translatedText"] == (
        '<p class="lead" data-id="7">EN(nb):Hei <b>EN(nb):verden</b>!</p>'
        "<script>var s = 'Hei';</script><!-- note --><img src=x.png alt=\"bilde\"><br>"
    )
    assert engine.calls == [(["Hei", "verden"], "nb")]  # script and punctuation never sent


def test_html_text_is_escaped_after_translation(fake: tuple[TestClient, FakeEngine]) -> None:
    client, _ = fake
    r = client.post(
        "/translate",
        json={"q": "<i>A &amp; B &lt;C&gt;</i>", "source": "da", "target": "en", "format": "html"},
    )
    assert r.json()["translatedText"] == "<i>EN(da):A &amp; B &lt;C&gt;</i>"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"source": "nb", "target": "en"}, "Invalid request: missing q parameter"),
        ({"q": "Hei", "target": "en"}, "Invalid request: missing source parameter"),
        ({"q": "Hei", "source": "nb"}, "Invalid request: missing target parameter"),
        ({"q": "Hei", "source": "nb", "target": "zz"}, "zz is not supported"),
        ({"q": "Hei", "source": "xx", "target": "en"}, "xx is not supported"),
        (
            {"q": "Hei", "source": "nb", "target": "en", "format": "xml"},
            "xml format is not supported",
        ),
        (
            {"q": "Hei", "source": "nb", "target": "en", "alternatives": "abc"},
            "Invalid request: alternatives parameter is not a number",
        ),
    ],
)
def test_errors_use_libretranslate_shape(
    fake: tuple[TestClient, FakeEngine], fields: dict[str, str], message: str
) -> None:
    client, engine = fake
    for r in (client.post("/translate", data=fields), client.post("/translate", json=fields)):
        assert r.status_code == 400
        assert r.headers["content-type"] == "application/json"
        assert r.json() == {"error": message}
    assert engine.calls == []


def test_invalid_json_and_english_source(fake: tuple[TestClient, FakeEngine]) -> None:
    client, _ = fake
    r = client.post("/translate", json=["not", "a", "dict"])
    assert (r.status_code, r.json()) == (400, {"error": "Invalid JSON format"})
    r = client.post(
        "/translate",
        json={
            "q": "This is plainly an English sentence about weather.",
            "source": "auto",
            "target": "en",
        },
    )
    assert r.status_code == 400 and "English (en)" in r.json()["error"]


def test_limits_answer_400(fake: tuple[TestClient, FakeEngine]) -> None:
    client, _ = fake
    settings = client.app.state.settings  # type: ignore[attr-defined]
    many = ["Hei"] * (settings.max_batch_items + 1)
    r = client.post("/translate", json={"q": many, "source": "nb", "target": "en"})
    assert r.status_code == 400 and r.json()["error"].startswith("Invalid request: request (")


def test_no_model_and_queue_full(client_no_model: TestClient) -> None:
    r = client_no_model.post("/translate", data={"q": NB, "source": "nb", "target": "en"})
    assert r.status_code == 503 and "python -m models install" in r.json()["error"]
    client_no_model.app.state.engine = FakeEngine(fail=QueueFull(3))  # type: ignore[attr-defined]
    r = client_no_model.post("/translate", data={"q": NB, "source": "nb", "target": "en"})
    assert r.status_code == 429 and r.json()["error"].startswith("Slowdown:")
    assert r.headers["retry-after"]
    client_no_model.app.state.engine = None  # type: ignore[attr-defined]


def test_empty_and_wordless_items_come_back_unchanged(fake: tuple[TestClient, FakeEngine]) -> None:
    client, engine = fake
    r = client.post("/translate", json={"q": ["😀", "", "Hei"], "source": "nb", "target": "en"})
    assert r.json()["translatedText"] == ["😀", "", "EN(nb):Hei"]
    assert engine.calls == [(["Hei"], "nb")]


def test_alternatives_are_answered_empty(fake: tuple[TestClient, FakeEngine]) -> None:
    client, _ = fake
    r = client.post(
        "/translate", json={"q": ["Hei", "Ja"], "source": "nb", "target": "en", "alternatives": 3}
    )
    assert r.json()["alternatives"] == [[], []]


def test_detect_shape(client_no_model: TestClient) -> None:
    for r in (
        client_no_model.post("/detect", data={"q": SV}),
        client_no_model.post("/detect", json={"q": [SV, SV]}),
    ):
        assert r.status_code == 200
        found = r.json()
        assert found[0]["language"] == "sv"
        assert all(
            set(d) == {"confidence", "language"} and 0 <= d["confidence"] <= 100 for d in found
        )
        # Only languages this server knows, as LibreTranslate reports only installed ones.
        assert {d["language"] for d in found} <= {"nb", "nn", "sv", "da", "en"}
        assert [d["confidence"] for d in found] == sorted(
            (d["confidence"] for d in found), reverse=True
        )
    r = client_no_model.post("/detect")
    assert r.status_code == 400 and "error" in r.json()
    assert client_no_model.get("/detect").status_code == 405


def test_languages_shape(client_no_model: TestClient) -> None:
    r = client_no_model.get("/languages")
    assert r.status_code == 200
    langs = {item["code"]: item for item in r.json()}
    assert all(set(item) == {"code", "name", "targets"} for item in langs.values())
    assert langs["sv"] == {"code": "sv", "name": "Swedish", "targets": ["en"]}
    assert langs["nn"]["targets"] == ["en"] and langs["en"]["targets"] == []


def test_rate_limit_answers_slowdown(tmp_path: Path) -> None:
    settings = Settings(
        model_dir=tmp_path / "absent",
        api_keys=SecretStr("k"),
        rate_limit_per_minute=1,
        rate_limit_burst=1,
    )
    with TestClient(create_app(settings)) as client:
        assert client.post("/detect", data={"q": SV, "api_key": "k"}).status_code == 200
        r = client.post("/detect", data={"q": SV, "api_key": "k"})
        assert r.status_code == 429 and r.json()["error"].startswith("Slowdown:")
        assert int(r.headers["retry-after"]) >= 1


def test_openapi_documents_both_body_types(client_no_model: TestClient) -> None:
    spec = client_no_model.get("/openapi.json").json()
    content = spec["paths"]["/translate"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/x-www-form-urlencoded"} <= set(content)
    assert "q" in content["application/json"]["schema"]["properties"]
