"""`python -m service serve`, plus the benchmark-only decoding knob, for bench/ scripts.

    python bench/serve.py --host 127.0.0.1 --port 8123 [--fixed-decoding-ratio 1.2]

Random-weight models never emit </s>; with a fixed ratio every model call decodes exactly
ceil(ratio x longest source) tokens, so the benchmark model does a real model's work. Everything
else (settings from BRIEF_* variables, uvicorn, logging, malloc arenas) is the service's own
`serve`, so what is measured is what users run.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.__main__ import serve  # noqa: E402
from service.config import get_settings  # noqa: E402
from service.translation.options import TranslationOptions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--fixed-decoding-ratio", type=float, default=0.0)
    args = parser.parse_args()
    settings = get_settings()
    options = replace(
        TranslationOptions.from_settings(settings), fixed_decoding_ratio=args.fixed_decoding_ratio
    )
    serve(settings, args.host, args.port, options)


if __name__ == "__main__":
    main()
