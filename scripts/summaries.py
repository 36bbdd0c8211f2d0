"""Generated and reference summaries side by side, for reading.

    .venv/bin/python scripts/summaries.py [KEY ...]

The references are tests/summaries.json (written by an analyst from the article and its gold).
"""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.briefing import build_brief  # noqa: E402


def main() -> None:
    references = json.loads((ROOT / "tests" / "summaries.json").read_text("utf-8"))
    for key in sys.argv[1:] or sorted(references):
        brief = asyncio.run(build_brief((ROOT / "seeds" / key).read_text("utf-8"), "auto"))
        print(f"== {key}")
        pairs = (("generated", brief.summary), ("reference", references[key]["reference"]))
        for label, text in pairs:
            print(textwrap.fill(text, 100, initial_indent=f"{label:>10}: ",
                                subsequent_indent=" " * 12))
        print()


if __name__ == "__main__":
    main()
