"""How much text one request (or one batch line) may carry: the one check every entry point uses.

The limits are settings (BRIEF_MAX_TEXT_CHARS per text, BRIEF_MAX_BATCH_ITEMS texts per request),
so they cannot be static `max_length` constraints of the request models, which are built at
import. The /v1 routes run `check_fields` as a router dependency on the parsed JSON body, the
LibreTranslate routes and the batch CLI call it on what they read; `service.api.openapi` writes the
same values into the schema as maxLength / maxItems.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from service.config import Settings
from service.errors import Problem

# Request fields that carry article text: a string, or a list of strings (a batch).
TEXT_FIELDS = ("text", "title")


class LimitExceeded(Problem):
    """A Problem that also says what was counted, so other dialects can word it their way."""

    def __init__(self, status: int, kind: str, detail: str, size: int, limit: int) -> None:
        super().__init__(status, kind, detail)
        self.size = size
        self.limit = limit


def check_field(name: str, value: Any, settings: Settings) -> None:
    """Raise LimitExceeded: 413 for a text over the limit, 422 for a list with too many texts."""
    if isinstance(value, list):
        if len(value) > settings.max_batch_items:
            raise LimitExceeded(
                422,
                "too-many-texts",
                f"{name}: {len(value)} texts in one request; the limit is "
                f"{settings.max_batch_items}.",
                len(value),
                settings.max_batch_items,
            )
        items: list[tuple[int | None, Any]] = list(enumerate(value))
    else:
        items = [(None, value)]
    for index, text in items:
        if isinstance(text, str) and len(text) > settings.max_text_chars:
            where = name if index is None else f"{name}[{index}]"
            raise LimitExceeded(
                413,
                "text-too-long",
                f"{where} has {len(text)} characters; the limit is {settings.max_text_chars} "
                "characters per text.",
                len(text),
                settings.max_text_chars,
            )


def check_fields(body: Mapping[str, Any], settings: Settings) -> None:
    """Check every text-carrying field of a request body (see TEXT_FIELDS)."""
    for name in TEXT_FIELDS:
        check_field(name, body.get(name), settings)
