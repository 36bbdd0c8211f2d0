"""Input of a back-fill: which files, and the records in them, validated like the batch CLI's lines.

PATH is a JSONL file, a directory of JSONL or Parquet shards, or a glob. Each record is one article
in the batch CLI's format (`id`, `text`, optional `title`, `source_language`, and the archive's
`url`, `outlet`, `published`). Validation is `service.batch.parse_line` itself, so a record is
valid exactly when the same line is valid for `python -m service brief` (and so when the same
POST /v1/brief body would be).

Both engines read with these functions (the Ray engine inside its read tasks), so they see the same
records under the same keys: the JSON text of the id, or `<file>:<line>` for a record without a
usable id (the batch CLI's `"line": N`, made unique across files). Parquet rows are numbered like
lines, from 1.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from service.batch import Article, id_key, parse_line, problem_record
from service.errors import Problem

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".pq")
METADATA = ("url", "outlet", "published")

# One validated input record, as a row both engines carry through their stages. `error` (a
# problem+json object as JSON text) is set for a malformed record; then `text` is null.
RECORD_SCHEMA = pa.schema(
    [
        ("key", pa.string()),
        ("id", pa.string()),
        ("id_json", pa.string()),
        ("source", pa.string()),
        ("line", pa.int64()),
        ("text", pa.string()),
        ("title", pa.string()),
        ("source_language", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.string()),
        ("error", pa.string()),
    ]
)


class NoInput(Exception):
    """PATH names no readable JSONL or Parquet file."""


def discover(path: str) -> list[Path]:
    """The input files PATH stands for, sorted, as absolute paths (keys must not depend on cwd)."""
    as_path = Path(path)
    if as_path.is_file():
        files = [as_path]
    elif as_path.is_dir():
        files = [p for p in as_path.rglob("*") if p.is_file() and _readable(p)]
    else:
        files = [Path(p) for p in glob.glob(path, recursive=True) if Path(p).is_file()]
        files = [p for p in files if _readable(p)]
    if not files:
        raise NoInput(f"no JSONL or Parquet input at {path!r}")
    return sorted({Path(os.path.abspath(p)) for p in files})


def _readable(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES + PARQUET_SUFFIXES


def is_parquet(path: str | Path) -> bool:
    return Path(path).suffix.lower() in PARQUET_SUFFIXES


def raw_lines(source: str, data: bytes) -> Iterator[tuple[int, bytes]]:
    """(line number, line) for every non-blank line of a JSONL file, as the batch CLI reads it."""
    for line_no, raw in enumerate(data.split(b"\n"), start=1):
        stripped = raw.rstrip(b"\r")
        if stripped.strip():
            yield line_no, stripped


def parquet_rows(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(row number, the row as a JSON line) for every row of a Parquet file."""
    table = pq.read_table(pa.BufferReader(data))
    for row_no, row in enumerate(table.to_pylist(), start=1):
        yield row_no, json.dumps(row, default=_json_value, ensure_ascii=False).encode("utf-8")


def _json_value(value: Any) -> Any:
    # Parquet has dates, timestamps and bytes that JSON does not; dates become ISO text (what the
    # store expects in `published`), anything else its string form, which validation then judges.
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return str(value)


def file_records(source: str, data: bytes, done: frozenset[str]) -> Iterator[dict[str, Any]]:
    """RECORD_SCHEMA rows of one input file, leaving out the keys in `done`."""
    lines = parquet_rows(data) if is_parquet(source) else raw_lines(source, data)
    for line_no, raw in lines:
        record = parse_record(raw, source, line_no)
        if record["key"] not in done:
            yield record


def record_batches(source: str, data: bytes, done: frozenset[str], size: int) -> Iterator[pa.Table]:
    """`file_records` in tables of at most `size` rows, so a big file streams through a pipeline."""
    chunk: list[dict[str, Any]] = []
    for record in file_records(source, data, done):
        chunk.append(record)
        if len(chunk) >= size:
            yield pa.Table.from_pylist(chunk, schema=RECORD_SCHEMA)
            chunk = []
    if chunk:
        yield pa.Table.from_pylist(chunk, schema=RECORD_SCHEMA)


def read_records(files: Iterable[Path], done: frozenset[str]) -> Iterator[dict[str, Any]]:
    """Every record of `files` in order, one file in memory at a time (the local engine)."""
    for path in files:
        yield from file_records(str(path), path.read_bytes(), done)


def usable_id(value: Any) -> str | int | None:
    """The id as the batch CLI accepts it: a non-empty string or an integer (not a boolean)."""
    ok = isinstance(value, (str, int)) and not isinstance(value, bool) and value != ""
    return value if ok else None


def parse_record(raw: bytes, source: str, line_no: int) -> dict[str, Any]:
    """One RECORD_SCHEMA row for one input line (or Parquet row)."""
    try:
        obj = json.loads(raw)
    except ValueError:
        obj = None
    fields: dict[str, Any] = obj if isinstance(obj, dict) else {}
    parsed = parse_line(raw, line_no)
    art_id = parsed.id if isinstance(parsed, Article) else usable_id(fields.get("id"))
    record: dict[str, Any] = {
        "key": id_key(art_id) if art_id is not None else f"{source}:{line_no}",
        "id": None if art_id is None else str(art_id),
        "id_json": None if art_id is None else json.dumps(art_id),
        "source": source,
        "line": line_no,
        "text": None,
        "title": None,
        "source_language": None,
        "error": None,
    }
    for name in METADATA:
        value = fields.get(name)
        record[name] = value if isinstance(value, str) else None
    if isinstance(parsed, Problem):
        record["error"] = json.dumps(problem_record(parsed), ensure_ascii=False)
    else:
        record.update(text=parsed.text, title=parsed.title, source_language=parsed.source_language)
    return record


def published_date(value: str | None) -> dt.date | None:
    """A record's `published` as a date. The batch CLI's validation already refused a record
    whose `published` is no ISO date; should one slip through, it is dropped rather than failing
    the article."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
