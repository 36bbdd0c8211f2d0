"""The back-fill's output directory: Parquet shards, each written whole or not at all.

    DIR/briefs/part-<run>-<n>.parquet   one row per briefed article (OUTPUT_SCHEMA minus `error`)
    DIR/errors/part-<run>-<n>.parquet   one row per malformed record or failed article, with why

A shard is written to a hidden temporary file, fsync'ed, then renamed into place (and the
directory fsync'ed), so after a kill DIR holds only complete shards; the rows that were still in
memory are briefed again by the next run. A rerun reads the `key` column of every shard and skips
those keys, so each article ends up in DIR exactly once. Readers (pyarrow, Ray, DuckDB, pandas)
skip hidden files, so a leftover temporary file is never read as data; the next run deletes it.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from service.backfill.steps import OUTPUT_SCHEMA

BRIEFS, ERRORS = "briefs", "errors"
# What an error row keeps of its record: enough to find the article again (by URL too).
ERROR_CONTEXT = ("key", "id", "id_json", "source", "line", "title", "url", "outlet", "published")
BRIEFS_SCHEMA = pa.schema([f for f in OUTPUT_SCHEMA if f.name != "error"])
ERRORS_SCHEMA = pa.schema(
    [
        *(OUTPUT_SCHEMA.field(name) for name in ERROR_CONTEXT),
        pa.field("status", pa.int32()),
        pa.field("type", pa.string()),
        pa.field("reason", pa.string()),
        pa.field("error", pa.string()),
    ]
)
TMP_PREFIX = ".tmp-"


def done_keys(out_dir: Path) -> tuple[frozenset[str], int]:
    """(keys already in `out_dir`, leftover temporary files removed)."""
    keys: set[str] = set()
    removed = 0
    for kind in (BRIEFS, ERRORS):
        folder = out_dir / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(TMP_PREFIX):  # a shard a killed run did not finish
                path.unlink()
                removed += 1
            elif path.suffix == ".parquet":
                keys.update(pq.read_table(path, columns=["key"]).column("key").to_pylist())
    return frozenset(keys), removed


def error_row(row: dict[str, Any]) -> dict[str, Any]:
    """An ERRORS_SCHEMA row: the problem+json record, and its status, type and detail flat."""
    problem = json.loads(row["error"])
    return {
        **{name: row.get(name) for name in ERROR_CONTEXT},
        "status": problem.get("status"),
        "type": problem.get("type"),
        "reason": problem.get("detail"),
        "error": row["error"],
    }


@dataclass
class ShardWriter:
    """Buffers output rows and writes them as shards of at most `shard_rows` rows, or sooner when
    the oldest buffered row has waited `flush_seconds` (so a slow run loses little to a kill)."""

    out_dir: Path
    shard_rows: int = 1000
    flush_seconds: float = 60.0

    def __post_init__(self) -> None:
        for kind in (BRIEFS, ERRORS):
            (self.out_dir / kind).mkdir(parents=True, exist_ok=True)
        # Sortable by start time, and unique per run (two runs may start in the same second, in
        # one process), so shards of several runs never collide.
        self._run = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        self._seq = 0
        self._briefs: list[dict[str, Any]] = []
        self._errors: list[dict[str, Any]] = []
        self._oldest: float | None = None
        self.shards = 0

    def add(self, row: dict[str, Any]) -> None:
        if row.get("error") is None:
            self._briefs.append(row)
        else:
            self._errors.append(error_row(row))
        now = time.monotonic()
        if self._oldest is None:
            self._oldest = now
        full = len(self._briefs) + len(self._errors) >= self.shard_rows
        if full or now - self._oldest >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        """Write what is buffered, as one briefs shard and one errors shard."""
        self._seq += 1
        if self._briefs:
            self._write(BRIEFS, pa.Table.from_pylist(self._briefs, schema=BRIEFS_SCHEMA))
        if self._errors:
            self._write(ERRORS, pa.Table.from_pylist(self._errors, schema=ERRORS_SCHEMA))
        self._briefs, self._errors, self._oldest = [], [], None

    def _write(self, kind: str, table: pa.Table) -> None:
        folder = self.out_dir / kind
        name = f"part-{self._run}-{self._seq:05d}.parquet"
        tmp = folder / f"{TMP_PREFIX}{name}"
        pq.write_table(table, tmp, compression="zstd")
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, folder / name)
        _fsync_dir(folder)
        self.shards += 1


def _fsync_dir(folder: Path) -> None:
    # The rename itself must survive a power loss, not only the file's bytes.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
