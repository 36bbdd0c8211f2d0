"""Typed dependencies: routes get settings and the engine from app.state, never build them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.config import Settings
from service.translation.engine import TranslationEngine


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _engine(request: Request) -> TranslationEngine | None:
    engine: TranslationEngine | None = request.app.state.engine
    return engine


SettingsDep = Annotated[Settings, Depends(_settings)]
EngineDep = Annotated[TranslationEngine | None, Depends(_engine)]
