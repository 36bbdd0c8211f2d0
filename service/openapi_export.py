"""Write the app's OpenAPI schema to openapi/openapi.json (the committed copy clients read).

    python -m service.openapi_export            # (re)write openapi/openapi.json
    python -m service.openapi_export --check    # exit 1 if the committed file is out of date

The schema is built from default settings, ignoring BRIEF_* variables and any .env file, so it
does not depend on the machine that regenerates it. tests/test_openapi.py fails on drift.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DEFAULT_OUTPUT = Path("openapi/openapi.json")
REGENERATE = "python -m service.openapi_export"


@contextmanager
def _without_settings_env() -> Iterator[None]:
    saved = {k: v for k, v in os.environ.items() if k.upper().startswith("BRIEF_")}
    for key in saved:
        del os.environ[key]
    try:
        yield
    finally:
        os.environ.update(saved)


def build_schema() -> dict[str, Any]:
    """The OpenAPI document of `create_app()` with default settings."""
    from service.app import create_app
    from service.config import Settings

    with _without_settings_env():
        settings = Settings(_env_file=None)
    schema: dict[str, Any] = create_app(settings).openapi()
    return schema


def render(schema: dict[str, Any]) -> str:
    """The committed text form: sorted keys, indent 2, UTF-8 kept, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.openapi_export", description=__doc__)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)

    text = render(build_schema())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run: {REGENERATE}", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
