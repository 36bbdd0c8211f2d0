from fastapi.testclient import TestClient


def test_oversize_body_gets_413_problem(client_no_model: TestClient) -> None:
    limit = client_no_model.app.state.settings.max_body_bytes  # type: ignore[attr-defined]
    r = client_no_model.post("/v1/detect", content=b"x" * (limit + 1))
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == 413 and body["type"].endswith("body-too-large")


def test_unknown_route_uses_problem_shape(client_no_model: TestClient) -> None:
    r = client_no_model.get("/nope")
    assert r.status_code == 404
    assert r.json()["status"] == 404
