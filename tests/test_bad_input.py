"""Every case of the bad-input corpus (tests/bad_inputs.py) gets its designed answer: a 200 whose
content shows nothing was dropped, or a 4xx problem+json of the documented type. Never a 500."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from tests.bad_inputs import CASES, BadInput
from tests.conftest import tiny_settings

ClientFor = Callable[[BadInput], TestClient]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def client_for(
    tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClientFor]:
    """One app per (model, settings) combination, started once for the module."""
    clients: dict[str, TestClient] = {}
    with ExitStack() as stack:

        def get(case: BadInput) -> TestClient:
            key = json.dumps([case.model, case.settings], sort_keys=True)
            if key not in clients:
                if case.model:
                    settings = tiny_settings(tiny_model_dir, **case.settings)
                else:
                    empty = tmp_path_factory.mktemp("no-model")
                    settings = Settings(model_dir=empty, **case.settings)
                app = create_app(settings)
                clients[key] = stack.enter_context(TestClient(app, raise_server_exceptions=False))
            return clients[key]

        yield get


def _send(client: TestClient, case: BadInput) -> Any:
    if case.raw is not None:
        return client.post(case.path, content=case.raw, headers={"content-type": case.content_type})
    return client.post(case.path, json=case.json_body())


def _output_text(case: BadInput, answer: dict[str, Any]) -> str | None:
    """The English text of a 200 answer, for the endpoints that return one."""
    if case.path == "/v1/translate":
        assert len(answer["translations"]) == 1
        return str(answer["translations"][0])
    if case.path == "/v1/brief":
        translation = answer.get("translation")
        return None if translation is None else str(translation["text"])
    return None


def _line_shape(text: str) -> list[bool]:
    return [bool(line.strip()) for line in text.split("\n")]


def _check_detect_covers(text: str, answer: dict[str, Any]) -> None:
    segments = answer["segments"]
    assert segments, "a non-blank text has at least one segment"
    assert [s["start"] for s in segments] == sorted(s["start"] for s in segments)
    assert all(0 <= s["start"] < s["end"] <= len(text) for s in segments)


def check_lines_kept(case: BadInput, answer: dict[str, Any]) -> None:
    """Every line (and so every paragraph) of the input has a translated line in its place."""
    text = case.json_body()["text"]
    if case.path == "/v1/detect":
        _check_detect_covers(text, answer)
        return
    out = _output_text(case, answer)
    assert out is not None, "the tiny model is loaded, so the text is translated"
    assert out.count("\n") == text.count("\n")
    assert _line_shape(out) == _line_shape(text)


def check_one_line_kept(case: BadInput, answer: dict[str, Any]) -> None:
    """A 1 MB line comes back as one line, translated whole: the random-weight model writes about
    as many tokens as it reads (decoding ratio 1), so losing pieces would shrink the output."""
    text = case.json_body()["text"]
    if case.path == "/v1/detect":
        _check_detect_covers(text, answer)
        assert answer["segments"][-1]["end"] == len(text)
        return
    out = _output_text(case, answer)
    assert out is not None and "\n" not in out
    assert len(out) > 0.5 * len(text), f"{len(out)} characters out for {len(text)} in"


def check_mixed(case: BadInput, answer: dict[str, Any]) -> None:
    assert answer["language"] == "sv" and answer["mixed"] is True
    assert {s["language"] for s in answer["segments"]} >= {"sv", "en"}


def check_unsupported_de(case: BadInput, answer: dict[str, Any]) -> None:
    assert answer["language"] == "de" and answer["supported"] is False


CHECKS: dict[str, Callable[[BadInput, dict[str, Any]], None]] = {
    "lines_kept": check_lines_kept,
    "one_line_kept": check_one_line_kept,
    "mixed": check_mixed,
    "unsupported_de": check_unsupported_de,
}


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    text: str


# Run in a subprocess for `isolated` cases: one case, one app, its answer as JSON on stdout.
_RUNNER = """
import json, sys
from pathlib import Path
from fastapi.testclient import TestClient
from service.app import create_app
from service.config import Settings
from tests.bad_inputs import CASES
from tests.conftest import tiny_settings
from tests.test_bad_input import _send

case = CASES[int(sys.argv[1])]
model_dir = Path(sys.argv[2])
if case.model:
    settings = tiny_settings(model_dir, **case.settings)
else:
    settings = Settings(model_dir=model_dir / "none", **case.settings)
with TestClient(create_app(settings), raise_server_exceptions=False) as client:
    r = _send(client, case)
json.dump([r.status_code, r.headers.get("content-type", ""), r.text], sys.stdout)
"""
ISOLATED_DEADLINE_S = 90


def _answer_isolated(case: BadInput, model_dir: Path) -> Answer:
    index = CASES.index(case)
    try:
        done = subprocess.run(
            [sys.executable, "-c", _RUNNER, str(index), str(model_dir)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=ISOLATED_DEADLINE_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"no answer within {ISOLATED_DEADLINE_S} s")
    assert done.returncode == 0, done.stderr[-3000:]
    status, content_type, text = json.loads(done.stdout)
    return Answer(status, content_type, text)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.path} {c.name}" for c in CASES])
def test_bad_input_gets_its_designed_answer(
    client_for: ClientFor, tiny_model_dir: Path, case: BadInput
) -> None:
    if case.isolated:
        answer = _answer_isolated(case, tiny_model_dir)
    else:
        r = _send(client_for(case), case)
        answer = Answer(r.status_code, r.headers.get("content-type", ""), r.text)
    assert answer.status == case.answer, answer.text[:500]
    if case.answer >= 400:
        assert answer.content_type.startswith("application/problem+json")
        problem = json.loads(answer.text)
        assert problem["status"] == case.answer and problem["title"] and problem["detail"]
        if case.kind:
            assert problem["type"].endswith("/" + case.kind), problem
        if case.detail:
            assert case.detail in problem["detail"] + json.dumps(problem.get("errors")), problem
        return
    if case.check:
        CHECKS[case.check](case, json.loads(answer.text))


def test_every_check_named_by_the_corpus_exists() -> None:
    assert {c.check for c in CASES if c.check} <= set(CHECKS)
    assert all(c.kind for c in CASES if c.answer >= 400 and c.answer != 400)
