"""CTranslate2 translation engine. (Placeholder interface; the real engine replaces this file.)"""

from __future__ import annotations

from typing import Any

from service.config import Settings


class TranslationEngine:
    """One loaded model: translate lists of texts, keeping order and paragraph breaks."""

    model_info: dict[str, Any]

    async def translate(self, texts: list[str], source_language: str) -> list[str]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the model."""


def load_engine(settings: Settings) -> TranslationEngine | None:
    """Load the model named by settings, or return None when none is installed."""
    return None
