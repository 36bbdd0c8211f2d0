"""/docs works offline: the page and every asset it loads come from this server."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")
SCHEME = re.compile(r"\b(?:https?:)?//", re.IGNORECASE)


def test_docs_page_references_only_local_assets(client_no_model: TestClient) -> None:
    r = client_no_model.get("/docs")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    page = r.text
    # No CDN (or any other host): nothing absolute or protocol-relative anywhere in the page.
    assert not SCHEME.search(page), SCHEME.search(page)
    references = REFERENCE.findall(page)
    assert any(ref.endswith("swagger-ui-bundle.js") for ref in references)
    assert any(ref.endswith("swagger-ui.css") for ref in references)
    for ref in references:
        assert ref.startswith("/"), ref
        asset = client_no_model.get(ref)
        assert asset.status_code == 200, ref
        assert len(asset.content) > 1000, ref
    assert "url: '/openapi.json'" in page
    assert '"validatorUrl": null' in page  # no call to the online validator


def test_bundled_swagger_ui_is_5x_and_the_schema_is_3_1(client_no_model: TestClient) -> None:
    # Swagger UI 4.x cannot render OpenAPI 3.1, which FastAPI emits: guard against a downgrade.
    bundle = client_no_model.get("/docs/assets/swagger-ui-bundle.js")
    assert bundle.headers["content-type"].startswith("text/javascript")
    version = re.search(r'PACKAGE_VERSION:"(\d+)\.(\d+)\.(\d+)"', bundle.text)
    assert version is not None and int(version.group(1)) >= 5
    schema = client_no_model.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")


def test_only_known_assets_are_served(client_no_model: TestClient) -> None:
    for name in ("core.py", "__init__.py", "redoc.standalone.js", "..%2Fcore.py"):
        r = client_no_model.get(f"/docs/assets/{name}")
        assert r.status_code == 404, name
        assert r.headers["content-type"].startswith("application/problem+json")


def test_oauth2_redirect_page_is_local(client_no_model: TestClient) -> None:
    r = client_no_model.get("/docs/oauth2-redirect")
    assert r.status_code == 200
    assert not SCHEME.search(r.text)


def test_docs_routes_stay_out_of_the_schema(client_no_model: TestClient) -> None:
    paths = client_no_model.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if p.startswith("/docs")]
