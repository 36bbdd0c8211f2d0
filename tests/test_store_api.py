"""The claim store over HTTP: POST /v1/brief with `store`, GET /v1/claims (every filter,
pages, 422s), /v1/claims.csv, /v1/actors/{name}, /v1/articles/{id}, access control, and the
development set ingested and queried. On SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from tests.store_support import Scripted, ScriptedExtractor, dev_articles

ROOT = Path(__file__).resolve().parent.parent
PROBLEM = "application/problem+json"

NB = (
    "Nord-Korea sender granater til Russland\n\n"
    "Nord-Korea har sendt artillerigranater til Russland, sier Sør-Korea. "
    "Iran avviser at landet har sendt droner til Russland."
)
SV = (
    "Iran medger drönarleveranser\n\n"
    "Iran har skickat Shahed-drönare till Ryssland, medger Teheran.\n"
    "Sverige ska skicka CV90 till Ukraina."
)
SCRIPT = ScriptedExtractor(
    {
        NB: [
            Scripted("North Korea", "Russia", 'artillery shells, "152 mm"', "asserted",
                     "South Korea", sentence="Nord-Korea har sendt artillerigranater til "
                     "Russland, sier Sør-Korea."),
            Scripted("Iran", "Russia", "drones", "denied", "Iran",
                     sentence="Iran avviser at landet har sendt droner til Russland."),
        ],
        SV: [
            Scripted("Iran", "Russia", "=HYPERLINK(\"http://x\") drones", "admitted", "Iran",
                     sentence="Iran har skickat Shahed-drönare till Ryssland, medger Teheran."),
            Scripted("Sweden", "Ukraine", "CV90", "planned", hedged=True,
                     sentence="Sverige ska skicka CV90 till Ukraina."),
        ],
    }
)  # fmt: skip


def _app(store_url: str, tmp_path: Path, **settings: Any) -> TestClient:
    values: dict[str, Any] = {"model_dir": tmp_path / "no-model", "store_url": store_url}
    return TestClient(create_app(Settings(**values | settings)), raise_server_exceptions=False)


@pytest.fixture()
def api(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    SCRIPT.install(monkeypatch)
    with _app(store_url, tmp_path) as client:
        yield client


def _store_two(api: TestClient) -> list[dict[str, Any]]:
    bodies = [
        {"text": NB, "store": True, "url": "https://www.nrk.no/urix/1?utm_source=x",
         "outlet": "NRK", "published": "2024-01-10T08:00:00+01:00", "title": "Granater"},
        {"text": SV, "store": True, "outlet": "SvD", "published": "2024-02-05"},
    ]  # fmt: skip
    answers = [api.post("/v1/brief", json=b) for b in bodies]
    assert [r.status_code for r in answers] == [200, 200], [r.text for r in answers]
    return [r.json() for r in answers]


def _ids(api: TestClient, **params: Any) -> list[int]:
    r = api.get("/v1/claims", params=params)
    assert r.status_code == 200, r.text
    return [c["id"] for c in r.json()["claims"]]


def test_brief_with_store_answers_article_id_and_the_claims_are_queryable(api: TestClient) -> None:
    nb, sv = _store_two(api)
    assert (nb["article_id"], sv["article_id"]) == (1, 2)
    body = api.get("/v1/claims", params={"actor": "Nord-Korea"}).json()
    assert body["total"] == 1 and body["next_cursor"] is None
    (stored,) = body["claims"]
    expected = {**nb["claims"][0], "id": 1, "day": "2024-01-10"}
    assert {k: v for k, v in stored.items() if k != "article"} == expected
    assert stored["article"] == {
        "id": 1,
        "url": "https://www.nrk.no/urix/1",
        "title": "Granater",
        "outlet": "NRK",
        "published": "2024-01-10",
        "language": "nb",
    }
    assert _ids(api) == [4, 3, 2, 1]
    # The same text again is the same article: same id, nothing added.
    again = api.post("/v1/brief", json={"text": NB, "store": True})
    assert again.json()["article_id"] == 1 and _ids(api) == [4, 3, 2, 1]


def test_published_must_be_an_iso_date(api: TestClient) -> None:
    for published in (0, "0", "1.5.2024", "2024-02-30"):
        r = api.post("/v1/brief", json={"text": NB, "store": True, "published": published})
        assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "published"]
    assert api.get("/v1/claims").json()["total"] == 0


def test_brief_without_store_keeps_nothing(api: TestClient) -> None:
    r = api.post("/v1/brief", json={"text": NB})
    assert r.status_code == 200 and "article_id" not in r.json()
    assert api.get("/v1/claims").json() == {"claims": [], "next_cursor": None, "total": 0}
    markdown = api.post(
        "/v1/brief", json={"text": NB, "store": True}, headers={"Accept": "text/markdown"}
    )
    assert markdown.headers["x-article-id"] == "1"
    assert markdown.headers["content-type"].startswith("text/markdown")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "Ryssland"}, [3, 2, 1]),
        ({"supplier": "iran"}, [3, 2]),
        ({"recipient": "Ukraina"}, [4]),
        ({"stance": ["denied", "admitted"]}, [3, 2]),
        ({"item": "Shells"}, [1]),
        ({"source": "Teheran"}, [3, 2]),
        ({"source": "article"}, [4]),
        ({"language": "sv"}, [4, 3]),
        ({"since": "2024-02-01"}, [4, 3]),
        ({"until": "2024-01-10"}, [2, 1]),
        (
            {"actor": "Iran", "since": "2024-01-01", "until": "2024-12-31", "stance": "admitted"},
            [3],
        ),
    ],
)
def test_filters(api: TestClient, params: dict[str, Any], expected: list[int]) -> None:
    _store_two(api)
    assert _ids(api, **params) == expected
    assert api.get("/v1/claims", params=params).json()["total"] == len(expected)


@pytest.mark.parametrize(
    ("params", "kind"),
    [
        ({"stance": "rumoured"}, "validation"),
        ({"since": "2024-13-01"}, "validation"),
        ({"until": "0"}, "validation"),  # not a Unix time
        ({"since": "1.5.2024"}, "validation"),
        ({"limit": 0}, "validation"),
        ({"limit": 501}, "validation"),
        ({"limit": "ten"}, "validation"),
        ({"supplier": "x" * 201}, "validation"),
        ({"cursor": "not-a-cursor"}, "bad-cursor"),
        ({"cursor": "WyIyMDI0LTAxLTAxIiwgImEiXQ"}, "bad-cursor"),
        ({"language": "de"}, "bad-filter"),
        ({"since": "2024-03-01", "until": "2024-02-01"}, "bad-filter"),
        ({"suplier": "Iran"}, "bad-filter"),
    ],
)
@pytest.mark.parametrize("path", ["/v1/claims", "/v1/claims.csv"])
def test_bad_filters_are_422_problems(
    api: TestClient, path: str, params: dict[str, Any], kind: str
) -> None:
    r = api.get(path, params=params)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    assert r.json()["type"].endswith("/" + kind) and r.json()["status"] == 422


def test_pages_walk_every_claim_once(api: TestClient) -> None:
    _store_two(api)
    seen, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        body = api.get("/v1/claims", params=params).json()
        assert body["total"] == 4
        seen += [c["id"] for c in body["claims"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [4, 3, 2, 1]


def test_csv_is_rfc4180_with_a_header_and_the_same_claims(api: TestClient) -> None:
    _store_two(api)
    r = api.get("/v1/claims.csv", params={"supplier": "Iran"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/csv; charset=utf-8; header=present"
    assert r.headers["content-disposition"] == 'attachment; filename="claims.csv"'
    raw = r.content.decode("utf-8")
    assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0][:6] == ["claim_id", "day", "supplier", "recipient", "items", "stance"]
    table = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(t["claim_id"], t["supplier"], t["stance"], t["article_id"]) for t in table] == [
        ("3", "Iran", "admitted", "2"),
        ("2", "Iran", "denied", "1"),
    ]
    # A quote is doubled inside a quoted field; a would-be formula is shown as text.
    assert '"\'=HYPERLINK(""http://x"") drones"' in raw
    assert table[0]["items"] == '\'=HYPERLINK("http://x") drones'
    assert (table[1]["article_url"], table[1]["article_published"]) == (
        "https://www.nrk.no/urix/1",
        "2024-01-10",
    )
    assert table[1]["evidence_text"] == "Iran avviser at landet har sendt droner til Russland."
    only = api.get("/v1/claims.csv", params={"limit": 1}).text
    assert only.count("\r\n") == 2
    empty = api.get("/v1/claims.csv", params={"actor": "Atlantis"}).text
    assert empty == ",".join(rows[0]) + "\r\n"


def test_actor(api: TestClient) -> None:
    _store_two(api)
    iran = api.get("/v1/actors/Teheran")
    assert iran.status_code == 200
    assert iran.json() == {
        "name": "Iran",
        "supplies": [
            {
                "recipient": "Russia",
                "items": ['=HYPERLINK("http://x") drones', "drones"],
                "stances": {"denied": 1, "admitted": 1},
                "articles": 2,
                "first": "2024-01-10",
                "last": "2024-02-05",
            }
        ],
        "receives": [],
    }
    russia = api.get("/v1/actors/Rusland").json()
    assert [(r["supplier"], r["articles"]) for r in russia["receives"]] == [
        ("Iran", 2),
        ("North Korea", 1),
    ]
    # A country no claim names yet: known, so an empty answer; a name nobody knows: 404.
    assert api.get("/v1/actors/Norge").json() == {"name": "Norway", "supplies": [], "receives": []}
    missing = api.get("/v1/actors/Atlantis")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM)


def test_network_and_timeline(api: TestClient) -> None:
    _store_two(api)
    edges = api.get("/v1/claims/network").json()["edges"]
    assert [(e["supplier"], e["recipient"], e["articles"], e["dominant"]) for e in edges] == [
        ("Iran", "Russia", 2, "denied"),
        ("North Korea", "Russia", 1, "asserted"),
        ("Sweden", "Ukraine", 1, "planned"),
    ]
    months = api.get("/v1/claims/timeline", params={"actor": "Iran"}).json()["months"]
    assert months == [
        {"month": "2024-01", "claims": 1, "stances": {"denied": 1}},
        {"month": "2024-02", "claims": 1, "stances": {"admitted": 1}},
    ]


def test_get_and_delete_an_article(api: TestClient) -> None:
    _store_two(api)
    article = api.get("/v1/articles/2").json()
    assert {k: article[k] for k in ("id", "url", "outlet", "published", "language", "text")} == {
        "id": 2, "url": None, "outlet": "SvD", "published": "2024-02-05", "language": "sv",
        "text": SV,
    }  # fmt: skip
    assert (article["revision"], article["current"], article["revisions"]) == (1, True, [2])
    assert article["extractor_version"] == "1"
    assert article["content_hash"] == hashlib.sha256(SV.encode()).hexdigest()
    assert [(c["id"], c["article"]["id"]) for c in article["claims"]] == [(3, 2), (4, 2)]
    for c in article["claims"]:
        ev = c["evidence"]
        assert SV[ev["start"] : ev["end"]] == ev["text"]
    missing = api.get("/v1/articles/99")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM)
    assert missing.json()["type"].endswith("/article-not-found")
    assert api.get("/v1/articles/0").status_code == 422
    assert api.get("/v1/articles/abc").status_code == 422
    assert api.delete("/v1/articles/2").status_code == 204
    assert api.get("/v1/articles/2").status_code == 404
    assert api.delete("/v1/articles/2").status_code == 404
    assert _ids(api) == [2, 1]


def test_the_store_sits_behind_api_keys_and_the_rate_limit(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SCRIPT.install(monkeypatch)
    keyed = {"api_keys": "k1", "rate_limit_per_minute": 1, "rate_limit_burst": 4}
    with _app(store_url, tmp_path, **keyed) as client:
        assert client.get("/v1/claims").status_code == 401
        assert client.delete("/v1/articles/1").status_code == 401
        assert client.get("/claims/articles/1").status_code == 401
        ok = client.post("/v1/brief", json={"text": NB, "store": True}, headers={"X-API-Key": "k1"})
        assert ok.json()["article_id"] == 1
        assert client.get("/v1/claims.csv", params={"api_key": "k1"}).status_code == 200
        assert client.get("/claims/articles/1", params={"api_key": "k1"}).status_code == 200
        assert client.get("/v1/actors/Iran", headers={"X-API-Key": "k1"}).status_code == 200
        limited = client.get("/v1/claims", headers={"X-API-Key": "k1"})
        assert limited.status_code == 429 and limited.headers["retry-after"]
        assert limited.headers["content-type"].startswith(PROBLEM)


def test_a_database_that_goes_away_is_a_503(
    pg_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    url = pg_server.create_database("goes_away")
    with _app(url, tmp_path) as client:
        assert client.get("/v1/claims").status_code == 200
        dsn = f"host={pg_server.host} port={pg_server.port} user=postgres dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute('DROP DATABASE "goes_away" WITH (FORCE)')
        r = client.get("/v1/claims")
        assert r.status_code == 503 and r.json()["type"].endswith("/store-unavailable")
        assert r.headers["retry-after"] == "5"


def test_the_development_set_ingested_and_queried_for_iran(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = dev_articles()
    ScriptedExtractor({a.text: a.claims for a in articles}).install(monkeypatch)
    ids = {}
    for n, a in enumerate(articles):
        r = api.post("/v1/brief", json={"text": a.text, "store": True, "outlet": f"seed {n}"})
        assert r.status_code == 200, (a.name, r.text)
        ids[r.json()["article_id"]] = a
    assert len(ids) == len(articles) == 124
    body = api.get("/v1/claims", params={"actor": "Iran", "limit": 500}).json()
    expected = Counter(
        (a.name, c.supplier, c.recipient, c.stance)
        for a in articles
        for c in a.claims
        if "Iran" in (c.supplier, c.recipient)
    )
    found = Counter(
        (ids[c["article"]["id"]].name, c["supplier"], c["recipient"], c["stance"])
        for c in body["claims"]
    )
    assert found == expected and body["total"] == sum(expected.values()) == 36
    # Each claim links to its evidence in its article.
    for c in body["claims"][:5]:
        page = api.get(f"/claims/articles/{c['article']['id']}")
        assert page.status_code == 200 and f'id="ev-{c["id"]}"' in page.text
    languages = Counter(c["article"]["language"] for c in body["claims"])
    assert set(languages) <= {"nb", "nn", "sv", "da"}


def test_the_page_and_its_vendored_libraries_are_served(api: TestClient) -> None:
    page = api.get("/claims")
    assert page.status_code == 200 and 'id="graph"' in page.text
    assert 'src="http' not in page.text  # nothing from elsewhere
    manifest = json.loads((ROOT / "service/static/vendor/VENDOR.json").read_text())
    for entry in manifest.values():
        r = api.get(f"/static/vendor/{entry['file']}")
        assert r.headers["content-type"] == "text/javascript; charset=utf-8"
        assert hashlib.sha256(r.content).hexdigest() == entry["sha256"]
        assert api.get(f"/static/vendor/{entry['license']}").status_code == 200
    assert api.get("/static/vendor/VENDOR.json").status_code == 404
    assert api.get("/static/vendor/..%2Fclaims.js").status_code == 404
    assert api.get("/static/claims.js").headers["content-type"].startswith("text/javascript")


def test_nul_characters_are_refused_alike_on_both_databases(api: TestClient) -> None:
    r = api.post("/v1/brief", json={"text": NB + "\x00", "store": True})
    assert r.status_code == 422 and r.json()["type"].endswith("/nul-character")
    assert api.get("/v1/claims", params={"actor": "Ir\x00an"}).status_code == 422
    assert api.get("/v1/actors/Ir%00an").status_code == 422
    assert api.get("/v1/claims").json()["total"] == 0
