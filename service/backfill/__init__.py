"""Archive back-fill: `python -m service backfill --in PATH --out DIR [--engine local|ray] ...`.

Briefs an archive of articles into Parquet shards, one briefing per article, resumable, with
malformed records and failed articles in an errors shard. `--engine local` runs in this process;
`--engine ray` runs on Ray Data (the `ray` extra), locally or on a cluster (`--address`).

This module only declares the command line: pyarrow and Ray are imported when a back-fill runs,
never by `python -m service serve`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from service.config import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `backfill` subcommand's options."""
    parser.add_argument(
        "--in", dest="in_path", required=True, help="JSONL file, directory of shards, or a glob"
    )
    parser.add_argument("--out", dest="out_dir", type=Path, required=True, help="output DIR")
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--address", help="Ray cluster to join (ray://host:10001 or auto)")
    parser.add_argument("--store", metavar="URL", help="also write every briefing to this store")
    parser.add_argument("--actors", type=_positive_int, help="translation actors (Ray)")
    parser.add_argument(
        "--cpus-per-actor", type=_positive_float, help="CPUs per translation actor (Ray)"
    )
    parser.add_argument(
        "--shard-rows", type=_positive_int, default=1000, help="rows per output shard"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress lines")


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text}")
    return value


def main(args: argparse.Namespace, settings: Settings) -> int:
    """Run the back-fill; the exit status (0 once every record has a row in DIR)."""
    try:
        from service.backfill.cli import run
    except ModuleNotFoundError as exc:  # the service itself does not need pyarrow
        if exc.name != "pyarrow":
            raise
        print("the back-fill needs pyarrow: pip install 'supplybrief[backfill]'", file=sys.stderr)
        return 2
    return run(args, settings)
