"""Shared fixtures: the app through real HTTP (ASGI) with and without a tiny real model."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from service.translation.engine import TranslationEngine, load_engine
from service.translation.options import TranslationOptions
from tests.tiny_model import build_tiny_model

# The claim store's fixtures (store_url on SQLite and PostgreSQL, pg_server, store).
pytest_plugins = ["tests.store_support"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Every app a test builds keeps its claim store in a throwaway SQLite file, never in data/ of the
# checkout nor in a database BRIEF_STORE_URL may name; store tests pass their own store_url.
_STORE_DIR = tempfile.mkdtemp(prefix="brief-test-store-")
os.environ["BRIEF_STORE_URL"] = "sqlite:///" + str(Path(_STORE_DIR) / "store.db")
atexit.register(shutil.rmtree, _STORE_DIR, ignore_errors=True)  # one per run: none left behind


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random-weight CTranslate2 model laid out like a converted OPUS-MT one (about 1 s)."""
    return build_tiny_model(tmp_path_factory.mktemp("models") / "tiny-opus-mt")


def tiny_settings(model_dir: Path, **overrides: object) -> Settings:
    """Settings for the tiny model. A random-weight model never emits </s>, so every sentence
    decodes to max_decoding_length: a ratio of 1 keeps test runs short."""
    values: dict[str, object] = {"decoding_length_ratio": 1.0, "decoding_length_margin": 4}
    values.update(overrides)
    return Settings(model_dir=model_dir, **values)  # type: ignore[arg-type]


def tiny_engine(
    model_dir: Path, options: dict[str, object] | None = None, **settings: object
) -> TranslationEngine | None:
    """An engine on `model_dir` from tiny_settings(**settings), with engine `options` replaced
    (e.g. the benchmark-only fixed_decoding_ratio, which is no setting)."""
    base = TranslationOptions.from_settings(tiny_settings(model_dir, **settings))
    return load_engine(model_dir, replace(base, **(options or {})))  # type: ignore[arg-type]


@pytest.fixture()
def client(tiny_model_dir: Path) -> Iterator[TestClient]:
    """The app with the tiny model loaded (lifespan run, so exactly as in production)."""
    with TestClient(create_app(tiny_settings(tiny_model_dir)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def client_no_model(tmp_path: Path) -> Iterator[TestClient]:
    """The app with no model installed (model_dir points at an empty folder)."""
    settings = Settings(model_dir=tmp_path / "no-model")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client
