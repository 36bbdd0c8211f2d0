"""The page at / over HTTP (no browser): form, result, errors, API keys, offline assets."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from tests.conftest import SEEDS


def test_form_is_served_with_local_assets_only(client_no_model: TestClient) -> None:
    r = client_no_model.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert '<form class="article" method="post" action="/"' in page
    assert 'name="text"' in page and 'name="source_language"' in page
    # Nothing from a CDN: every src/href is a path on this server.
    links = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert links and all(link.startswith("/") for link in links)
    css = client_no_model.get("/static/brief.css")
    assert css.status_code == 200 and ".stance-denied" in css.text
    assert "No translation model is loaded" in page


def test_submitted_article_is_briefed_on_the_page(client_no_model: TestClient) -> None:
    text = (SEEDS / "seed_sv.txt").read_text(encoding="utf-8")
    # As a browser sends it: form-encoded, textarea line breaks as CRLF.
    r = client_no_model.post(
        "/",
        data={"text": text.replace("\n", "\r\n"), "title": "Robotar", "source_language": "auto"},
    )
    assert r.status_code == 200
    api = client_no_model.post("/v1/brief", json={"text": text}).json()
    assert r.text.count('<tr class="claim ') == len(api["claims"]) > 0
    # Offsets were computed on the same (LF) text that is highlighted.
    first = api["claims"][0]["evidence"]
    assert text[first["start"] : first["end"]] == first["text"]
    assert 'class="evidence stance-' in r.text
    assert "Markdown for chat or CMS" in r.text and "Briefing: Robotar" in r.text
    # The form keeps what was submitted.
    assert 'value="Robotar"' in r.text and '<option value="auto" selected>' in r.text


def test_blank_article_shows_an_error_not_json(client_no_model: TestClient) -> None:
    r = client_no_model.post("/", data={"text": "  ", "source_language": "auto"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    assert '<p class="error" role="alert">' in r.text


def test_api_keys_apply_to_the_page_too(tmp_path: Path) -> None:
    settings = Settings(model_dir=tmp_path / "none", api_keys=SecretStr("page-key"))
    text = (SEEDS / "seed_nb.txt").read_text(encoding="utf-8")
    with TestClient(create_app(settings)) as client:
        form = client.get("/")
        assert form.status_code == 200 and 'name="api_key"' in form.text
        denied = client.post("/", data={"text": text, "api_key": "wrong"})
        assert denied.status_code == 401 and '<p class="error"' in denied.text
        ok = client.post("/", data={"text": text, "api_key": "page-key"})
        assert ok.status_code == 200 and 'id="briefing"' in ok.text
