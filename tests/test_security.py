"""API keys (off by default, 401 when on) and the per-key token-bucket rate limit (429)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.access import ApiKeys, RateLimiter, TokenBucket, read_keys_file
from service.api.deps import ApiKeyDep
from service.app import create_app
from service.config import Settings

TEXT = {"text": "Regjeringen vil sende flere luftvernsystemer til Ukraina i år."}


def _client(tmp_path: Path, **overrides: object) -> TestClient:
    settings = Settings(model_dir=tmp_path / "no-model", **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture()
def keyed(tmp_path: Path) -> Iterator[TestClient]:
    """Keys from both sources: the env-style list and a keys file."""
    keys_file = tmp_path / "keys.txt"
    keys_file.write_text(
        "# newsroom keys\nfile-key-1\n\n  file-key-2  # desk B\n", encoding="utf-8"
    )
    with _client(
        tmp_path,
        api_keys=SecretStr("env-key-1, env-key-2"),
        api_keys_file=keys_file,
        rate_limit_per_minute=60,
        rate_limit_burst=3,
    ) as client:
        yield client


def _assert_problem(response: object, status: int, kind: str) -> None:
    r = response
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    assert r.headers["content-type"].startswith("application/problem+json")  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert body["status"] == status and body["type"].endswith("/" + kind)


# --- unit: key loading and the bucket ------------------------------------------------------------


def test_keys_file_ignores_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "k"
    path.write_text("a\n#b\n  c # d\n\n", encoding="utf-8")
    assert read_keys_file(path) == ["a", "c"]


def test_no_keys_configured_means_access_control_off(tmp_path: Path) -> None:
    assert not ApiKeys.from_settings(Settings(model_dir=tmp_path)).enabled
    # An empty list is "off" too, not "nobody may enter".
    assert not ApiKeys.from_settings(
        Settings(model_dir=tmp_path, api_keys=SecretStr(" , "))
    ).enabled


def test_missing_keys_file_fails_at_startup(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(Settings(model_dir=tmp_path, api_keys_file=tmp_path / "absent.txt"))


def test_token_bucket_allows_burst_then_refills_at_rate() -> None:
    bucket = TokenBucket(rate=1.0, capacity=2, tokens=2, updated=0.0)
    assert bucket.take(0.0) == 0.0
    assert bucket.take(0.0) == 0.0
    assert bucket.take(0.0) == pytest.approx(1.0)  # empty: one token takes a second
    assert bucket.take(0.5) == pytest.approx(0.5)  # half refilled
    assert bucket.take(1.0) == 0.0
    # Idle time never banks more than the capacity.
    assert [bucket.take(100.0) for _ in range(3)][:2] == [0.0, 0.0]
    assert bucket.take(100.0) > 0


def test_rate_limiter_keeps_keys_apart_and_zero_disables() -> None:
    limiter = RateLimiter(per_minute=60, burst=1)
    assert limiter.take("a", now=0.0) == 0.0
    assert limiter.take("a", now=0.0) == pytest.approx(1.0)
    assert limiter.take("b", now=0.0) == 0.0
    unlimited = RateLimiter(per_minute=0, burst=1)
    assert all(unlimited.take("a", now=0.0) == 0.0 for _ in range(1000))


# --- HTTP ---------------------------------------------------------------------------------------
# The probe is /v1/translate without a model: past the guard it answers 503 (no model), so
# "admitted" is any status other than 401/429, whatever the route itself would say.

PROBE = "/v1/translate"
ADMITTED = 503


def test_default_is_open(client_no_model: TestClient) -> None:
    assert client_no_model.post(PROBE, json=TEXT).status_code == ADMITTED


def test_missing_key_is_401_problem(keyed: TestClient) -> None:
    _assert_problem(keyed.post(PROBE, json=TEXT), 401, "api-key-missing")


def test_unknown_key_is_401_problem(keyed: TestClient) -> None:
    r = keyed.post(PROBE, json=TEXT, headers={"X-API-Key": "env-key-3"})
    _assert_problem(r, 401, "api-key-unknown")
    assert "env-key-3" not in r.text  # the answer never echoes a key


@pytest.mark.parametrize("key", ["env-key-1", "env-key-2", "file-key-1", "file-key-2"])
def test_every_configured_key_is_accepted_in_the_header(keyed: TestClient, key: str) -> None:
    assert keyed.post(PROBE, json=TEXT, headers={"X-API-Key": key}).status_code == ADMITTED


def test_key_in_query(keyed: TestClient) -> None:
    assert keyed.post(PROBE + "?api_key=env-key-1", json=TEXT).status_code == ADMITTED
    _assert_problem(keyed.post(PROBE + "?api_key=nope", json=TEXT), 401, "api-key-unknown")


def test_key_check_comes_before_body_validation(keyed: TestClient) -> None:
    # A stranger learns nothing about the API from validation errors.
    _assert_problem(keyed.post(PROBE, json={"text": 5}), 401, "api-key-missing")


def test_every_v1_route_is_guarded(keyed: TestClient) -> None:
    schema = keyed.get("/openapi.json").json()
    v1 = [(p, m) for p, ops in schema["paths"].items() if p.startswith("/v1/") for m in ops]
    assert v1
    for path, method in v1:
        r = keyed.request(method.upper(), path, json=TEXT)
        _assert_problem(r, 401, "api-key-missing")


def test_rate_limit_answers_429_with_retry_after_per_key(keyed: TestClient) -> None:
    key1 = {"X-API-Key": "env-key-1"}
    statuses = [keyed.post(PROBE, json=TEXT, headers=key1).status_code for _ in range(4)]
    assert statuses == [ADMITTED] * 3 + [429]  # burst of 3
    r = keyed.post(PROBE, json=TEXT, headers=key1)
    _assert_problem(r, 429, "rate-limited")
    assert 1 <= int(r.headers["Retry-After"]) <= 2  # 60/min: a token per second
    # Another key has its own bucket.
    assert keyed.post(PROBE, json=TEXT, headers={"X-API-Key": "file-key-1"}).status_code == ADMITTED


def test_libretranslate_routes_share_the_keys(keyed: TestClient) -> None:
    if (
        keyed.post("/translate", json={"q": "hei", "source": "nb", "target": "en"}).status_code
        == 404
    ):
        pytest.skip("no LibreTranslate-compatible routes in this build")
    r = keyed.post("/translate", data={"q": "hei", "source": "nb", "target": "en", "api_key": "x"})
    assert r.status_code == 403  # LibreTranslate's answer to an unknown key
    r = keyed.post(
        "/translate", data={"q": "hei", "source": "nb", "target": "en", "api_key": "file-key-2"}
    )
    assert r.status_code not in (400, 403, 429)


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/docs", "/openapi.json", "/metrics"])
def test_health_docs_schema_and_metrics_stay_open(keyed: TestClient, path: str) -> None:
    r = keyed.get(path)
    assert r.status_code == 200, r.text


def test_openapi_documents_the_key_schemes_and_their_answers(client_no_model: TestClient) -> None:
    schema = client_no_model.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert {s["name"] for s in schemes.values()} == {"X-API-Key", "api_key"}
    for path, ops in schema["paths"].items():
        if path.startswith("/v1/"):
            for op in ops.values():
                assert {"401", "429"} <= set(op["responses"]), path


def test_dependency_is_reusable_on_other_routes(tmp_path: Path) -> None:
    router = APIRouter()

    @router.get("/extra")
    async def extra(key: ApiKeyDep) -> dict[str, bool]:
        return {"identified": key is not None}  # the identity (a digest), never the key itself

    app: FastAPI = create_app(Settings(model_dir=tmp_path, api_keys=SecretStr("k1")))
    app.include_router(router)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/extra", headers={"X-API-Key": "k1"}).json() == {"identified": True}
        _assert_problem(client.get("/extra"), 401, "api-key-missing")
