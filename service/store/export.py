"""Stored claims as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a
comma, a quote or a line break, UTF-8.

Article text comes from the web, so a field that a spreadsheet would run as a formula (one that
starts with = + - @ or a tab/CR) gets a leading apostrophe, as OWASP advises for CSV exports;
spreadsheets show the text, not a computed value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from service.store.queries import ClaimRecord

COLUMNS = (
    "claim_id",
    "day",
    "supplier",
    "recipient",
    "items",
    "stance",
    "hedged",
    "source",
    "trigger",
    "mentions",
    "evidence_text",
    "evidence_text_en",
    "evidence_field",
    "evidence_start",
    "evidence_end",
    "article_id",
    "article_url",
    "article_title",
    "article_outlet",
    "article_published",
    "article_language",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# Rows per chunk of the streamed answer: big enough to keep the overhead per chunk small.
ROWS_PER_CHUNK = 200


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA) else value
    return str(value)


def row(record: ClaimRecord) -> list[str]:
    data, article = record.data, record.article
    evidence = data.get("evidence", {})
    values = (
        record.id,
        record.day.isoformat(),
        data.get("supplier"),
        data.get("recipient"),
        data.get("items"),
        data.get("stance"),
        data.get("hedged"),
        data.get("source"),
        data.get("trigger"),
        data.get("mentions"),
        evidence.get("text"),
        evidence.get("text_en"),
        evidence.get("field"),
        evidence.get("start"),
        evidence.get("end"),
        article.id,
        article.url,
        article.title,
        article.outlet,
        article.published.isoformat() if article.published else None,
        article.language,
    )
    return [_cell(v) for v in values]


def csv_chunks(records: Iterable[ClaimRecord]) -> Iterator[str]:
    """The header, then the rows, in chunks of text to stream."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        writer.writerow(row(record))
        count += 1
        if count % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
