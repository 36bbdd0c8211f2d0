"""Dates on the wire: ISO 8601 calendar dates only, which archives often write as timestamps.

Pydantic's lax mode would also read a number as a Unix time ("until=0" as 1970-01-01); a date
filter or a published date given as a number is a client's mistake, so it is refused here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$")


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and (match := _ISO.match(value.strip())):
        # A timestamp's date as written there: the outlet's own day, not UTC's.
        return dt.date.fromisoformat(match.group(1))  # ValueError for 2024-13-01
    raise ValueError("expected an ISO date (YYYY-MM-DD) or an ISO timestamp")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
# The name the request model uses (POST /v1/brief "published").
PublishedDate = IsoDate
