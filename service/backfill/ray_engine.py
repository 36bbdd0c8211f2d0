"""The Ray engine: Ray Data reads the shards, plain tasks analyse, an actor pool translates.

    read_binary_files -> records (skip done) -> analyse (tasks) -> translate (actors) -> driver

Reading is `read_binary_files` plus this package's own parser rather than `read_json` or
`read_parquet`, because a malformed line must become an error row, not fail its whole file, and
because both engines must see the same records under the same keys (records.py). Detection, claims
and summary are pure-Python CPU work that needs no model: plain tasks, as many as there is CPU for.
Translation runs in `map_batches` with a pool of actors; each loads the CTranslate2 model once,
with as many intra-op threads as its CPU share, and translates one article per model call, as the
batch CLI does (the decoding length of a call follows its longest sentence, so merging articles
would change the output). The driver writes the shards (output.py), which is what makes a rerun
exact: a row is either in a complete shard or redone.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, cast

import pyarrow as pa
import ray
import ray.data

from service.backfill.local import Sink
from service.backfill.plan import ANALYSIS_CPUS, READ_CPUS, Plan, plan
from service.backfill.records import record_batches
from service.backfill.steps import ANALYSED_SCHEMA, OUTPUT_SCHEMA, SINK_ONLY, analyse, translate
from service.config import Settings
from service.translation.engine import TranslationEngine, load_engine
from service.translation.options import TranslationOptions

log = logging.getLogger("service.backfill")

READ_ROWS = 256  # records per table a read task builds at a time (bounds its memory)
BLOCK_BYTES = 16 * 1024  # about 5 articles of 3 KB: a task is a few seconds of analysis
# Articles per UDF call. Small: a call's results reach the driver (and DIR) only when the whole
# call is done, and an article is seconds of work either way, so bigger batches buy nothing.
ANALYSIS_BATCH = 4
TRANSLATE_BATCH = 2
# A worker that dies (OOM, a crash in native code) is retried this often, then the run stops; a
# Python exception never gets here: it becomes that article's error row.
RETRIES = 2
SINK_SCHEMA = pa.schema([*OUTPUT_SCHEMA, *(pa.field(name, pa.string()) for name in SINK_ONLY)])


def _records(batch: pa.Table, done: frozenset[str]) -> Iterator[pa.Table]:
    for source, data in zip(
        batch.column("path").to_pylist(), batch.column("bytes").to_pylist(), strict=True
    ):
        yield from record_batches(source, data, done, READ_ROWS)


def _analyse(batch: pa.Table, settings: Settings) -> pa.Table:
    async def run() -> list[dict[str, Any]]:
        return [await analyse(record, settings) for record in batch.to_pylist()]

    return pa.Table.from_pylist(asyncio.run(run()), schema=ANALYSED_SCHEMA)


class Translator:
    """One actor of the translation pool: the model, loaded once."""

    def __init__(self, model_dir: str, options: TranslationOptions) -> None:
        # One loop for the actor's life: the engine's batcher keeps its worker on it.
        self._loop = asyncio.new_event_loop()
        self._engine: TranslationEngine | None = load_engine(Path(model_dir), options)

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = [
            self._loop.run_until_complete(translate(row, self._engine)) for row in batch.to_pylist()
        ]
        return pa.Table.from_pylist(rows, schema=SINK_SCHEMA)

    def __del__(self) -> None:
        # When Ray Data retires the actor: stop the batcher's task on this loop (else asyncio
        # reports it destroyed while pending), then release the model.
        if self._engine is not None:
            self._engine.close()
        self._loop.run_until_complete(asyncio.sleep(0))
        self._loop.close()


def connect(address: str | None) -> bool:
    """Join the cluster at `address` (or RAY_ADDRESS, as inside `ray job submit`), else start Ray
    on this machine's CPUs. True when this call started or joined it (and so should leave it)."""
    if ray.is_initialized():  # a test, or a script that connected already
        return False
    if address or os.environ.get("RAY_ADDRESS"):
        ray.init(address=address, logging_level=logging.WARNING)
    else:  # a Ray of its own for this run: no dashboard to serve
        ray.init(
            num_cpus=os.cpu_count() or 1, include_dashboard=False, logging_level=logging.WARNING
        )
    return True


def run_ray(
    files: list[Path],
    settings: Settings,
    done: frozenset[str],
    sink: Sink,
    *,
    address: str | None = None,
    actors: int | None = None,
    cpus_per_actor: float | None = None,
    translation: TranslationOptions | None = None,
) -> Plan:
    """Brief every record of `files` not in `done` on Ray; rows go to `sink` as they finish.
    `translation` replaces the engine options from `settings` (benchmarks), threads aside."""
    joined = connect(address)
    try:
        # Ray leaves this one untyped; cast, so mypy passes with and without Ray installed.
        resources = cast(Callable[[], dict[str, float]], ray.cluster_resources)()
        cpus = float(resources.get("CPU", 1.0))
        how = plan(cpus, actors, cpus_per_actor)
        print(
            f"ray: {cpus:g} CPUs; {how.actors} translation actors x {how.cpus_per_actor:.3g} CPU "
            f"({how.intra_threads} threads each); analysis tasks {ANALYSIS_CPUS} CPU, reading "
            f"{READ_CPUS} CPU",
            file=sys.stderr,
        )
        if not how.fits(cpus):
            print(
                "ray: that is more CPU than the cluster has now; the run waits for nodes",
                file=sys.stderr,
            )
        for row in _pipeline(files, settings, done, how, translation).iter_rows():
            sink.add(dict(row))
        return how
    finally:
        if joined:
            ray.shutdown()


def _pipeline(
    files: list[Path],
    settings: Settings,
    done: frozenset[str],
    how: Plan,
    translation: TranslationOptions | None,
) -> ray.data.Dataset:
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the driver prints its own count and rate
    # Ray Data's blocks are 128 MiB by default: tens of thousands of articles, one task's work.
    # Small blocks let analysis tasks run in parallel and translation start after the first few
    # articles. (`repartition` would do it too, but its tasks take a whole CPU each, which the
    # translators hold.)
    context.target_max_block_size = BLOCK_BYTES
    # Workers get what they need and no secrets: the settings travel with the tasks.
    worker_settings = settings.model_copy(update={"api_keys": None, "api_keys_file": None})
    options = replace(
        translation or TranslationOptions.from_settings(settings),
        inter_threads=1,
        intra_threads=how.intra_threads,
    )
    with warnings.catch_warnings():
        # Bounded retries go through `**ray_remote_args`, which Ray 2.60 flags as deprecated (no
        # named parameter exists yet); Ray Data's own default is to retry forever.
        warnings.simplefilter("ignore", category=DeprecationWarning)
        return _stages(files, done, worker_settings, options, how)


def _stages(
    files: list[Path],
    done: frozenset[str],
    settings: Settings,
    options: TranslationOptions,
    how: Plan,
) -> ray.data.Dataset:
    return (
        ray.data.read_binary_files([str(p) for p in files], include_paths=True, num_cpus=READ_CPUS)
        .map_batches(
            partial(_records, done=done),
            batch_size=1,
            batch_format="pyarrow",
            num_cpus=READ_CPUS,
            max_retries=RETRIES,
        )
        .map_batches(
            partial(_analyse, settings=settings),
            batch_size=ANALYSIS_BATCH,
            batch_format="pyarrow",
            num_cpus=ANALYSIS_CPUS,
            max_retries=RETRIES,
        )
        .map_batches(
            Translator,
            batch_size=TRANSLATE_BATCH,
            batch_format="pyarrow",
            fn_constructor_kwargs={"model_dir": str(settings.model_dir), "options": options},
            compute=ray.data.ActorPoolStrategy(size=how.actors),
            num_cpus=how.cpus_per_actor,
            max_restarts=RETRIES,
            max_task_retries=RETRIES,
        )
    )
