"""Dates on the wire that archives write as timestamps."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d")


def _date_part(value: Any) -> Any:
    # Archives carry timestamps ("2024-05-01T23:10:00+02:00"); the date as written there (the
    # outlet's own day, not UTC's) is the published date. An ISO date passes through unchanged.
    if isinstance(value, str) and (match := _DATETIME.match(value.strip())):
        return match.group(1)
    return value


PublishedDate = Annotated[dt.date, BeforeValidator(_date_part)]
