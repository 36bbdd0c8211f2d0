"""openapi/openapi.json, the committed schema, must match what the app serves."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from service.openapi_export import REGENERATE, build_schema, render

COMMITTED = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def test_committed_schema_matches_the_app() -> None:
    expected = render(build_schema())
    assert COMMITTED.exists(), f"openapi/openapi.json is missing; run `{REGENERATE}`"
    committed = COMMITTED.read_text(encoding="utf-8")
    if committed != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    expected.splitlines(keepends=True),
                    "openapi/openapi.json (committed)",
                    "create_app().openapi()",
                    n=1,
                )
            )[:40]
        )
        raise AssertionError(
            f"openapi/openapi.json has drifted from the app; regenerate it with "
            f"`{REGENERATE}` and commit it.\n{diff}"
        )


def test_schema_is_deterministic_and_documents_the_detect_routes() -> None:
    first = render(build_schema())
    assert first == render(build_schema())
    assert first.endswith("}\n")
    schema = json.loads(first)
    assert schema["openapi"].startswith("3.1")
    assert {"/v1/detect", "/v1/languages"} <= set(schema["paths"])
    detect = schema["paths"]["/v1/detect"]["post"]
    assert {"200", "422"} <= set(detect["responses"])


def test_export_writes_the_rendered_schema(tmp_path: Path) -> None:
    from service.openapi_export import main

    out = tmp_path / "openapi.json"
    assert main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render(build_schema())
    assert main(["--output", str(out), "--check"]) == 0
    out.write_text("{}\n", encoding="utf-8")
    assert main(["--output", str(out), "--check"]) == 1
