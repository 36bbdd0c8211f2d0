"""What the store tests share: a store on SQLite or on a real PostgreSQL server, and a scripted
claim extractor.

The extractor in service.claims is being rewritten (and needs trained pipelines that are not in
every checkout); the store does not depend on what it finds, only on the claims it hands over.
So the store tests brief through the real service (detection, summary, translation, the routes,
the batch CLI) with `extract_claims` replaced by `ScriptedExtractor`: claims written down per
text, with evidence offsets that index the text. Results are then exact by construction.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

from service.claims.types import Claim, Evidence, Stance
from service.store import Store, open_store
from tests.pg_server import NO_POSTGRES, PostgresServer, find_bindir, postgres_server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCRIPT_ENV = "SUPPLYBRIEF_TEST_CLAIMS"  # the scripted claims file, for CLI subprocesses


@dataclass(frozen=True)
class Scripted:
    """One claim to find in a text; the evidence is `sentence` (a substring of the text) or,
    without one, the headline."""

    supplier: str
    recipient: str
    items: str
    stance: Stance
    source: str | None = None
    hedged: bool = False
    sentence: str | None = None


def evidence(text: str, sentence: str | None) -> Evidence:
    if sentence is None:
        sentence = next(line for line in text.split("\n") if line.strip())
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


class ScriptedExtractor:
    """Stands in for service.claims.extract_claims: the scripted claims of a text, else none."""

    def __init__(self, script: dict[str, Sequence[Scripted]]) -> None:
        self.script = dict(script)

    def __call__(
        self,
        text: str,
        language: str,
        source_field: str = "text",
        budget: Any = None,
        published: Any = None,
    ) -> list[Claim]:
        if source_field != "text":
            return []
        return [
            Claim(s.supplier, s.recipient, s.items, s.stance, s.hedged, s.source,
                  evidence(text, s.sentence))
            for s in self.script.get(text, ())
        ]  # fmt: skip

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr("service.briefing.extract_claims", self)

    def save(self, path: Path) -> None:
        data = {text: [asdict(s) for s in claims] for text, claims in self.script.items()}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> ScriptedExtractor:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({text: [Scripted(**s) for s in claims] for text, claims in data.items()})


@dataclass(frozen=True)
class DevArticle:
    name: str  # path under seeds/
    text: str
    language: str
    claims: list[Scripted]


def dev_articles() -> list[DevArticle]:
    """The development set (seeds/claims.json) with its hand-made claims; each claim's evidence
    is the headline (the annotations carry no offsets)."""
    gold = json.loads((SEEDS / "claims.json").read_text(encoding="utf-8"))
    out = []
    for name, entry in gold.items():
        if name.startswith("_"):
            continue
        claims = [
            Scripted(c["supplier"], c["recipient"], c["items"], c["stance"],
                     None if c["source"] == "article" else c["source"], c["hedged"])
            for c in entry["claims"]
        ]  # fmt: skip
        text = (SEEDS / name).read_text(encoding="utf-8")
        out.append(DevArticle(name, text, entry["language"], claims))
    return out


# --- stores ---------------------------------------------------------------------------------


def require_postgres() -> None:
    """Skip without PostgreSQL binaries, except under CI=true, where `make test` installs them:
    there their absence is a failure, so the PostgreSQL tests cannot be skipped silently."""
    if find_bindir() is None:
        if os.environ.get("CI") == "true":
            pytest.fail(NO_POSTGRES)
        pytest.skip(NO_POSTGRES)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    require_postgres()
    with postgres_server() as server:
        yield server


_databases = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database's URL: a SQLite file, or a new database on the test PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    server: PostgresServer = request.getfixturevalue("pg_server")
    return server.create_database(f"store_{os.getpid()}_{next(_databases)}")


@pytest.fixture()
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()
