"""HTTP contract of /v1/translate, /healthz and /readyz, with the tiny model and without a model."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.translation.batcher import CallCost
from tests.conftest import tiny_settings
from tests.tiny_model import NB, SV, spy_on

INSTALL = "python -m models install"


def problem(r: Any, status: int, kind: str) -> dict[str, Any]:
    """Check that `r` (a TestClient response) is a problem+json answer; return its body."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["status"] == status and body["type"].endswith("/" + kind)
    return body


def test_single_string_gives_a_one_item_list(client: TestClient) -> None:
    r = client.post("/v1/translate", json={"text": NB[0], "source_language": "nb"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"translations", "source_languages", "model"}
    assert len(body["translations"]) == 1 and body["translations"][0].strip()
    assert body["source_languages"] == ["nb"]
    assert body["model"]["name"] == "tiny-opus-mt"


def test_list_answers_one_translation_per_text_in_order(client: TestClient) -> None:
    texts = [NB[1], SV[1], NB[2]]
    one = client.post("/v1/translate", json={"text": texts, "source_language": "sv"}).json()
    rev = client.post("/v1/translate", json={"text": texts[::-1], "source_language": "sv"}).json()
    assert len(one["translations"]) == 3 and one["source_languages"] == ["sv"] * 3
    assert rev["translations"] == one["translations"][::-1]


def test_paragraph_breaks_survive_http(client: TestClient) -> None:
    text = f"{NB[3]}\n\n{NB[4]} {NB[5]}\n\n\n{NB[6]}"
    [out] = client.post("/v1/translate", json={"text": text, "source_language": "nb"}).json()[
        "translations"
    ]
    assert re.findall(r"\s*\n\s*", out) == ["\n\n", "\n\n\n"]
    assert all(p.strip() for p in re.split(r"\n+", out))


def test_auto_detects_each_text(client: TestClient) -> None:
    texts = [" ".join(NB[10:14]), " ".join(SV[10:14])]
    body = client.post("/v1/translate", json={"text": texts}).json()
    assert body["source_languages"] == ["nb", "sv"]


def test_auto_refuses_a_language_it_does_not_translate_naming_it(client: TestClient) -> None:
    english = "The ministry said on Tuesday that the drones had been delivered to Russia in May."
    body = problem(
        client.post("/v1/translate", json={"text": [NB[0], english]}), 422, "unsupported-language"
    )
    assert "'en'" in body["detail"] and "text[1]" in body["detail"]
    # Naming the language explicitly overrides detection.
    r = client.post("/v1/translate", json={"text": english, "source_language": "da"})
    assert r.status_code == 200


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        ({"text": ""}, "empty-text"),
        ({"text": " \n\t "}, "empty-text"),
        ({"text": [NB[0], "  "]}, "empty-text"),
        ({"text": []}, "empty-text"),
        ({"text": NB[0], "target_language": "de"}, "validation"),
        ({"text": NB[0], "source_language": "fi"}, "validation"),
        ({"text": NB[0], "colour": "red"}, "validation"),
        ({"text": 42}, "validation"),
        ({}, "validation"),
    ],
)
def test_bad_requests_get_422_problems(
    client: TestClient, payload: dict[str, Any], kind: str
) -> None:
    problem(client.post("/v1/translate", json=payload), 422, kind)


def test_too_many_texts_is_422_and_too_long_is_413_with_the_limit(client: TestClient) -> None:
    settings = client.app.state.settings  # type: ignore[attr-defined]
    many = ["Hei."] * (settings.max_batch_items + 1)
    body = problem(client.post("/v1/translate", json={"text": many}), 422, "too-many-texts")
    assert str(settings.max_batch_items) in body["detail"]
    long = "a" * (settings.max_text_chars + 1)
    body = problem(client.post("/v1/translate", json={"text": long}), 413, "text-too-long")
    assert str(settings.max_text_chars) in body["detail"]


def test_without_a_model_translate_is_503_naming_the_install_command(
    client_no_model: TestClient,
) -> None:
    body = problem(
        client_no_model.post("/v1/translate", json={"text": NB[0]}), 503, "model-not-installed"
    )
    assert INSTALL in body["detail"]


def test_healthz_is_always_200(client: TestClient, client_no_model: TestClient) -> None:
    for c in (client, client_no_model):
        assert c.get("/healthz").json() == {"status": "ok"}


def test_readyz_with_and_without_a_model(client: TestClient, client_no_model: TestClient) -> None:
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["ready"] is True
    assert ready.json()["translation"]["available"] is True
    assert ready.json()["translation"]["model"]["name"] == "tiny-opus-mt"
    assert client.get("/readyz?require=translation").status_code == 200

    degraded = client_no_model.get("/readyz")
    assert degraded.status_code == 200
    assert degraded.json() == {
        "ready": False,
        "translation": {"available": False, "model": None, "install": INSTALL},
    }
    body = problem(client_no_model.get("/readyz?require=translation"), 503, "not-ready")
    assert INSTALL in body["detail"]


def test_saturated_translator_answers_503_with_retry_after(tiny_model_dir: Path) -> None:
    settings = tiny_settings(
        tiny_model_dir, translate_max_wait_s=1.0, batch_window_ms=0, translation_cache_size=0
    )
    gate = threading.Event()
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        engine = c.app.state.engine  # type: ignore[attr-defined]
        warm = c.post("/v1/translate", json={"text": NB[69], "source_language": "nb"})
        assert warm.status_code == 200  # a timed call: the engine has a cost estimate
        spy_on(engine, gate)
        engine._batcher.cost = CallCost(0.0, 1.0)  # pin it: a second per queued token
        with ThreadPoolExecutor(2) as pool:
            try:
                busy = pool.submit(
                    c.post, "/v1/translate", json={"text": NB[70], "source_language": "nb"}
                )
                time.sleep(0.3)  # in the model, held by the gate
                refused = c.post("/v1/translate", json={"text": NB[72], "source_language": "nb"})
            finally:
                gate.set()
            assert busy.result().status_code == 200
    problem(refused, 503, "overloaded")
    assert int(refused.headers["retry-after"]) >= 1
