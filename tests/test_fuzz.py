"""Property-based fuzzing of every endpoint with schemathesis, in-process against the ASGI app.

Each operation of the OpenAPI schema gets generated requests, valid and invalid (schemathesis
mixes positive and negative generation), and every answer must pass four checks:
not_a_server_error (no 5xx other than the documented ones), response_schema_conformance,
status_code_conformance (only documented statuses) and negative_data_rejection (invalid input gets
a 4xx). Two apps are fuzzed: with the tiny translation model, and with no model (the 503 path).

Default run: FUZZ_EXAMPLES (default 25) examples per operation and app, a few hundred cases in
all. The long run, at least 1,000 per endpoint:

    FUZZ_EXAMPLES=1000 .venv/bin/python -m pytest tests/test_fuzz.py     # or: make fuzz
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from service.app import create_app
from service.config import Settings
from tests.conftest import tiny_settings
from tests.tiny_model import build_tiny_model

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    negative_data_rejection,
]
# Cases run per (app, operation), reported at the end of the module.
COUNTS: Counter[str] = Counter()


def _fuzz_settings(**overrides: object) -> dict[str, object]:
    # Small limits so that generated bodies reach them (413/422 get fuzzed too) and a rate limit
    # that never triggers (keys are off, so it would not apply anyway).
    return {"max_text_chars": 2_000, "max_batch_items": 8, "max_body_bytes": 64_000, **overrides}


# The schemas are loaded at import, as schemathesis' pytest integration expects (its fixture-based
# loader does not work with pytest 9). The tiny model takes about a second to build.
_MODEL_DIR = Path(tempfile.mkdtemp(prefix="fuzz-model-"))
atexit.register(shutil.rmtree, _MODEL_DIR, ignore_errors=True)
APP_WITH_MODEL = create_app(
    tiny_settings(build_tiny_model(_MODEL_DIR / "tiny"), **_fuzz_settings())
)
APP_WITHOUT_MODEL = create_app(Settings(model_dir=_MODEL_DIR / "none", **_fuzz_settings()))  # type: ignore[arg-type]
# 503 is the one designed 5xx (no model installed; translator saturated, with Retry-After) and is
# documented on the routes that can send it; any other 5xx fails. 413 (a text over the limit) is a
# rejection of invalid data like 422.
CONFIG = schemathesis.Config.from_dict(
    {
        "checks": {
            "not_a_server_error": {"expected-statuses": ["2xx", "3xx", "4xx", "503"]},
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
            },
        }
    }
)
with_model = schemathesis.openapi.from_asgi("/openapi.json", APP_WITH_MODEL, config=CONFIG)
without_model = schemathesis.openapi.from_asgi("/openapi.json", APP_WITHOUT_MODEL, config=CONFIG)


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not COUNTS:
        return
    with capture.global_and_fixture_disabled():  # shown in a normal run, not only with -s
        reporter.write_line("")
        reporter.write_line(f"schemathesis cases (FUZZ_EXAMPLES={EXAMPLES}):")
        for name, n in sorted(COUNTS.items()):
            reporter.write_line(f"  {n:6d}  {name}")
        reporter.write_line(f"  {sum(COUNTS.values()):6d}  total")


_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # reproducible in CI; the long run explores further by its size
    suppress_health_check=list(HealthCheck),
    database=None,
)


@with_model.parametrize()
@_SETTINGS
def test_fuzz_with_tiny_model(case: schemathesis.Case[Any]) -> None:
    COUNTS[f"model    {case.operation.label}"] += 1
    case.call_and_validate(checks=CHECKS)


@without_model.parametrize()
@_SETTINGS
def test_fuzz_without_model(case: schemathesis.Case[Any]) -> None:
    COUNTS[f"no model {case.operation.label}"] += 1
    case.call_and_validate(checks=CHECKS)
