"""Shared by the back-fill tests: inputs, runs of both CLIs in-process, and reading DIR back."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

import service
from service import backfill, batch
from service.batch import id_key
from service.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# Whether this tree has the claim store (issue 14). Looked up in the package itself: an editable
# install of another checkout can make `importlib` find a `service.store` that is not this one's.
HAS_STORE = (Path(service.__file__).parent / "store" / "__init__.py").is_file()

# Malformed and refused records, with what the batch CLI makes of each (status of its error).
BAD_LINES: list[bytes] = [
    b'{"id": "broken", "text": "no closing quote}',  # not JSON, no usable id: keyed by line
    b'{"id": "no-text"}',  # 422 validation, under its id
    b'{"id": true, "text": "a boolean is not an id"}',  # 422, no usable id
    b'{"id": "blank", "text": "   "}',  # 422 empty-text, from the briefing itself
    b"[1, 2]",  # 422, not an object
]


def dev_articles() -> list[dict[str, Any]]:
    """The development articles (seeds/articles): headline on the first line, then the text."""
    rows: list[dict[str, Any]] = []
    for i, path in enumerate(sorted((SEEDS / "articles").glob("*.txt"))):
        title, _, body = path.read_text("utf-8").partition("\n")
        rows.append(
            {
                "id": path.stem if i % 5 else i,  # some integer ids too
                "title": title.strip(),
                "text": body.strip(),
                "url": f"https://news.invalid/{path.stem}",
                "outlet": "NTB",
                "published": "2025-03-01",
            }
        )
    return rows


def seed_articles(n: int) -> list[dict[str, Any]]:
    """`n` short different articles: two paragraphs of a seed article, rotated (as test_batch)."""
    nb = (SEEDS / "seed_nb.txt").read_text("utf-8").split("\n\n")
    sv = (SEEDS / "seed_sv.txt").read_text("utf-8").split("\n\n")
    rows: list[dict[str, Any]] = []
    for i in range(n):
        paras = nb if i % 2 else sv
        text = "\n\n".join(paras[(i + k) % len(paras)] for k in range(2))
        rows.append({"id": f"art-{i}", "text": text, "title": None if i % 3 else f"Tittel {i}"})
    return rows


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_bytes(
        b"".join(
            (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
            for r in rows
        )
    )
    return path


def run_batch_cli(src: Path, out: Path, settings: Settings) -> int:
    """`python -m service brief --in src --out out`, in this process (its own argument parser)."""
    parser = argparse.ArgumentParser()
    batch.add_arguments(parser)
    args = parser.parse_args(["--in", str(src), "--out", str(out), "--no-progress"])
    return batch.main(args, settings)


def run_backfill(src: str | Path, out: Path, settings: Settings, **options: Any) -> int:
    """`python -m service backfill --in src --out out --option value ...`, in this process."""
    argv = ["--in", str(src), "--out", str(out), "--no-progress"]
    for name, value in options.items():
        argv += [f"--{name.replace('_', '-')}", str(value)]
    parser = argparse.ArgumentParser()
    backfill.add_arguments(parser)
    return backfill.main(parser.parse_args(argv), settings)


def shards(out: Path, kind: str) -> list[dict[str, Any]]:
    """The rows of DIR's complete shards of `kind`: not a hidden temporary file that a killed
    run left half-way (pathlib's `*` matches those too; Parquet readers skip them)."""
    folder = out / kind
    found = folder.glob("part-*.parquet") if folder.is_dir() else []
    files = sorted(found)
    return [row for p in files for row in pq.read_table(p).to_pylist()]


def batch_records(path: Path) -> dict[str, dict[str, Any]]:
    """The batch CLI's output keyed as the back-fill keys it (id, else `<file>:<line>`)."""
    records: dict[str, dict[str, Any]] = {}
    for line in path.read_bytes().splitlines():
        record = json.loads(line)
        key = id_key(record["id"]) if record["id"] is not None else f"line:{record['line']}"
        records[key] = record
    return records


def backfill_records(out: Path) -> dict[str, dict[str, Any]]:
    """DIR as the batch CLI would have written it: `{"id", "brief"}` or `{"id", "error"}` per key
    (an id-less record under `line:N`); asserts that no key is in DIR twice."""
    rows = shards(out, "briefs") + shards(out, "errors")
    counts = Counter(r["key"] for r in rows)
    assert not [k for k, n in counts.items() if n > 1], "a key written twice"
    records: dict[str, dict[str, Any]] = {}
    for row in rows:
        art_id = json.loads(row["id_json"]) if row["id_json"] is not None else None
        key = row["key"] if art_id is not None else f"line:{row['line']}"
        if row.get("brief") is not None:
            records[key] = {"id": art_id, "brief": json.loads(row["brief"])}
        else:
            records[key] = {"id": art_id, "error": json.loads(row["error"])}
            if art_id is None:
                records[key]["line"] = row["line"]
    return records
