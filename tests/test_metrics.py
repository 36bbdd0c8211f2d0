"""Observability: /metrics scrapes, request metrics by route template, request ids, JSON logs."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from service.observability import JsonFormatter


def _samples(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    r = client.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(r.text)
        for s in family.samples
    }


def _value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_metrics_scrape_parses_and_reports_model_state(client_no_model: TestClient) -> None:
    samples = _samples(client_no_model)
    assert _value(samples, "supplybrief_model_loaded") == 0.0
    assert _value(samples, "supplybrief_translation_queue_depth") == 0.0
    assert ("supplybrief_translation_tokens_total", frozenset()) in samples
    assert ("supplybrief_translation_seconds_total", frozenset()) in samples


def test_requests_are_counted_by_route_template_and_status(client_no_model: TestClient) -> None:
    for path in ("/no/such/a", "/no/such/b", "/"):
        client_no_model.get(path)
    samples = _samples(client_no_model)
    # Raw paths never become labels: both unknown paths share one series.
    assert (
        _value(
            samples,
            "supplybrief_http_requests_total",
            method="GET",
            route="unmatched",
            status="404",
        )
        == 2
    )
    assert (
        _value(samples, "supplybrief_http_requests_total", method="GET", route="/", status="200")
        == 1
    )
    assert not any("/no/such" in str(labels) for _, labels in samples)
    count = _value(
        samples,
        "supplybrief_http_request_duration_seconds_count",
        method="GET",
        route="/",
        status="200",
    )
    assert count == 1


def test_rejected_body_is_counted_too(client_no_model: TestClient) -> None:
    limit = client_no_model.app.state.settings.max_body_bytes  # type: ignore[attr-defined]
    r = client_no_model.post("/v1/detect", content=b"x" * (limit + 1))
    assert r.status_code == 413 and r.headers["x-request-id"]
    samples = _samples(client_no_model)
    assert (
        _value(
            samples,
            "supplybrief_http_requests_total",
            method="POST",
            route="unmatched",
            status="413",
        )
        == 1
    )


class _StubEngine:
    def __init__(self, stats: dict[str, int | float]) -> None:
        self._stats = stats

    def stats(self) -> dict[str, int | float]:
        return self._stats


def test_engine_stats_are_read_at_scrape_time(client_no_model: TestClient) -> None:
    state = client_no_model.app.state  # type: ignore[attr-defined]
    state.engine = _StubEngine(
        {"queue_depth": 3, "target_tokens": 1200, "model_seconds": 2.5, "model_calls": 7}
    )
    try:
        samples = _samples(client_no_model)
    finally:
        state.engine = None
    assert _value(samples, "supplybrief_model_loaded") == 1
    assert _value(samples, "supplybrief_translation_queue_depth") == 3
    assert _value(samples, "supplybrief_translation_tokens_total") == 1200
    assert _value(samples, "supplybrief_translation_seconds_total") == 2.5
    assert _value(samples, "supplybrief_translation_model_calls_total") == 7


def test_real_engine_reports_tokens_and_time(client: TestClient) -> None:
    r = client.post(
        "/translate", json={"q": "Hei verden. Dette er en test.", "source": "nb", "target": "en"}
    )
    assert r.status_code == 200
    samples = _samples(client)
    assert _value(samples, "supplybrief_model_loaded") == 1
    assert _value(samples, "supplybrief_translation_model_calls_total") >= 1
    assert _value(samples, "supplybrief_translation_tokens_total") > 0
    assert _value(samples, "supplybrief_translation_seconds_total") > 0
    assert _value(samples, "supplybrief_translation_queue_depth") == 0


def test_request_id_is_made_or_honoured(client_no_model: TestClient) -> None:
    made = client_no_model.get("/").headers["x-request-id"]
    assert len(made) == 32 and int(made, 16) >= 0
    assert (
        client_no_model.get("/", headers={"X-Request-ID": "abc-123.x"}).headers["x-request-id"]
        == "abc-123.x"
    )
    for bad in ("a" * 200, "has space", "semi;colon"):
        got = client_no_model.get("/", headers={"X-Request-ID": bad}).headers["x-request-id"]
        assert got != bad and len(got) == 32


@pytest.fixture()
def json_lines() -> Iterator[list[str]]:
    """Log lines of the access logger as the JSON formatter writes them."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("service.access")
    old_level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_access_log_is_json_with_the_request_id(
    client_no_model: TestClient, json_lines: list[str]
) -> None:
    client_no_model.get("/no/where", headers={"X-Request-ID": "trace-42"})
    entries = [json.loads(line) for line in json_lines]
    entry = next(e for e in entries if e.get("request_id") == "trace-42")
    assert entry["level"] == "INFO" and entry["logger"] == "service.access"
    assert entry["status"] == 404 and entry["route"] == "unmatched" and entry["path"] == "/no/where"
    assert entry["duration_ms"] >= 0 and entry["ts"].endswith("Z")


def test_json_formatter_keeps_extras_and_exceptions() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.getLogger("x").makeRecord(
        "x", logging.ERROR, __file__, 1, "failed %s", ("it",), exc_info=exc_info, extra={"k": [1]}
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "failed it" and entry["k"] == [1] and entry["level"] == "ERROR"
    assert "ValueError: boom" in entry["exc_info"]
