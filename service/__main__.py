"""Command line: `python -m service serve [--host H] [--port P]`,
`python -m service brief --in articles.jsonl --out briefs.jsonl` (batch mode, see service.batch)
and `python -m service backfill --in PATH --out DIR [--engine local|ray] ...` (service.backfill)."""

from __future__ import annotations

import argparse
import sys

import uvicorn

from service import backfill, batch
from service.app import create_app
from service.config import Settings, get_settings
from service.memory import limit_malloc_arenas
from service.observability import configure_logging
from service.translation.options import TranslationOptions


def serve(
    settings: Settings, host: str, port: int, translation: TranslationOptions | None = None
) -> None:
    """Run the HTTP service in this process until it is stopped (SIGINT/SIGTERM)."""
    limit_malloc_arenas()  # before the model's threads exist
    # CPU-bound request work (detection, parsing) runs on worker threads that hold the GIL in
    # pure-Python loops; a shorter switch interval hands the GIL back to the event loop sooner,
    # so /healthz and small requests stay fast while they run (5 ms is CPython's default).
    sys.setswitchinterval(0.001)
    configure_logging(settings.log_level, settings.log_format)
    # log_config=None keeps the logging set up above; the app logs its own access lines.
    uvicorn.run(
        create_app(settings, translation),
        host=host,
        port=port,
        timeout_graceful_shutdown=30,
        log_config=None,
        access_log=False,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m service")
    sub = parser.add_subparsers(dest="command", required=True)
    serve_cmd = sub.add_parser("serve", help="run the HTTP service")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    batch.add_arguments(sub.add_parser("brief", help="brief a JSONL file of articles (resumable)"))
    backfill.add_arguments(
        sub.add_parser("backfill", help="brief an archive into Parquet shards (local or Ray)")
    )
    args = parser.parse_args(argv)

    settings = get_settings()
    if args.command == "brief":
        limit_malloc_arenas()
        configure_logging(settings.log_level, settings.log_format)
        sys.exit(batch.main(args, settings))
    if args.command == "backfill":
        limit_malloc_arenas()
        configure_logging(settings.log_level, settings.log_format)
        sys.exit(backfill.main(args, settings))
    if args.command == "serve":
        serve(settings, args.host, args.port)


if __name__ == "__main__":
    main()
