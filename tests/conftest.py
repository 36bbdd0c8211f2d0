"""Shared fixtures: the app through real HTTP (ASGI) with and without a tiny real model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture()
def client_no_model(tmp_path: Path) -> Iterator[TestClient]:
    """The app with no model installed (model_dir points at an empty folder)."""
    settings = Settings(model_dir=tmp_path / "no-model")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client
