"""`python -m service backfill`: find the input, resume from DIR, run an engine, report."""

from __future__ import annotations

import argparse
import asyncio
import sys

from service.backfill.local import Sink, run_local
from service.backfill.output import ShardWriter, done_keys
from service.backfill.progress import Counts, Progress
from service.backfill.records import NoInput, discover
from service.config import Settings

RAY_ONLY = ("address", "actors", "cpus_per_actor")
RAY_MISSING = "--engine ray needs Ray: pip install 'supplybrief[ray]'"


def run(args: argparse.Namespace, settings: Settings) -> int:
    misplaced = [f"--{n.replace('_', '-')}" for n in RAY_ONLY if getattr(args, n) is not None]
    if args.engine != "ray" and misplaced:
        print(f"{', '.join(misplaced)}: only with --engine ray", file=sys.stderr)
        return 2
    try:
        files = discover(args.in_path)
    except NoInput as exc:
        print(exc, file=sys.stderr)
        return 2
    store = None
    if args.store is not None:
        from service.backfill.store import StoreUnavailable, StoreWriter

        try:
            store = StoreWriter(args.store)
        except StoreUnavailable as exc:
            print(exc, file=sys.stderr)
            return 2
    args.out_dir.mkdir(parents=True, exist_ok=True)
    done, removed = done_keys(args.out_dir)
    counts = Counts(already_done=len(done))
    print(
        f"backfill: {len(files)} input file(s); {len(done)} records already in {args.out_dir}"
        + (f"; removed {removed} unfinished shard(s) of an interrupted run" if removed else ""),
        file=sys.stderr,
    )
    writer = ShardWriter(args.out_dir, shard_rows=args.shard_rows)
    sink = Sink(writer, Progress(counts, enabled=not args.no_progress), store)
    try:
        if args.engine == "ray":
            try:
                from service.backfill.ray_engine import run_ray
            except ModuleNotFoundError as exc:
                if not (exc.name or "").startswith("ray"):
                    raise
                print(RAY_MISSING, file=sys.stderr)
                return 2
            run_ray(
                files,
                settings,
                done,
                sink,
                address=args.address,
                actors=args.actors,
                cpus_per_actor=args.cpus_per_actor,
            )
        else:
            asyncio.run(run_local(files, settings, done, sink))
    finally:
        sink.close()  # what is done is kept, also when the run fails: the rerun goes on from it
        if store is not None:
            store.close()
    print(
        f"backfill: {counts.briefs} briefed, {counts.errors} errors, {counts.duplicates} duplicate "
        f"ids skipped, {counts.already_done} already in {args.out_dir}; "
        f"{sink.progress.rate():.2f} articles/s",
        file=sys.stderr,
    )
    return 0
