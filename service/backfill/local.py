"""The local engine, and the sink both engines write through.

Local is the batch CLI's loop with Parquet output: one process, one article at a time, the model
loaded once with the service's thread settings. It is the reference the Ray engine is measured
and checked against.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from service.backfill.output import ShardWriter
from service.backfill.progress import Progress
from service.backfill.records import read_records
from service.backfill.steps import brief_whole
from service.config import Settings
from service.translation.engine import load_engine
from service.translation.options import TranslationOptions

log = logging.getLogger("service.backfill")

# `--store`: an output row in, the row to write out (its brief with `article_id`, or an error).
StoreStep = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class Sink:
    """Every output row goes through here: one row per key per run, stored, counted, written.

    The store comes first: a kill before the row's shard is written leaves an article that was
    stored but is not in DIR, which the rerun briefs and stores again and the store recognises
    as the same text (issue 14's identity), never one in DIR but not stored."""

    writer: ShardWriter
    progress: Progress
    store: StoreStep | None = None
    seen: set[str] = field(default_factory=set)

    def add(self, row: dict[str, Any]) -> None:
        counts = self.progress.counts
        if self.duplicate(row["key"]):
            return
        self.seen.add(row["key"])
        if self.store is not None and row.get("error") is None:
            row = self.store(row)
        self.writer.add(row)
        if row.get("error") is None:
            counts.briefs += 1
        else:
            counts.errors += 1
        self.progress.tick()

    def duplicate(self, key: str) -> bool:
        """True (and counted) when `key` was written by this run already: a repeated id in the
        input. The first one written is kept, as the batch CLI keeps the first line."""
        if key not in self.seen:
            return False
        self.progress.counts.duplicates += 1
        log.warning("duplicate id %s in the input; only the first one is kept", key)
        return True

    def close(self) -> None:
        self.writer.flush()
        self.progress.tick(force=True)


async def run_local(
    files: list[Path],
    settings: Settings,
    done: frozenset[str],
    sink: Sink,
    translation: TranslationOptions | None = None,
) -> None:
    """Brief every record of `files` whose key is not in `done`, in input order. `translation`
    replaces the engine options from `settings` (benchmarks: a fixed decoding length)."""
    options = translation or TranslationOptions.from_settings(settings)
    engine = load_engine(settings.model_dir, options)
    try:
        for record in read_records(files, done):
            if not sink.duplicate(record["key"]):  # a repeated id is not briefed again
                sink.add(await brief_whole(record, settings, engine))
    finally:
        if engine is not None:
            engine.close()
