"""Batch mode: `python -m service brief --in articles.jsonl --out briefs.jsonl`.

Input: one JSON object per line, `{"id": str | int, "text": str, "title"?: str | null,
"source_language"?: str, "url"?: str, "outlet"?: str, "published"?: "YYYY-MM-DD"}`. Output: one
line per input line, `{"id": ..., "brief": {...}}` or `{"id": ..., "error": <problem+json object>}`.
With `--store` every briefing is also kept in the claim store (BRIEF_STORE_URL), and its brief
carries the `article_id`. The store's identity rules make that exactly once too: an article
stored just before a crash, and briefed again by the rerun, is the same text, so the same article.

Nothing is lost or written twice across crashes: every output line is written with one `write`
call and fsync'ed before the next article starts, and a restart first reads the ids already in the
output (cutting off a torn last line, the only damage a crash can leave) and skips them. A line
that cannot be parsed is reported on stderr and as an error record (`"id": null, "line": N`), then
skipped; it does not stop the run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tqdm import tqdm

from service.briefing import build_brief
from service.config import Settings, get_settings
from service.errors import TYPE_BASE, Problem
from service.input_limits import check_fields
from service.schemas.brief import BriefRequest, BriefResponse
from service.store import open_store
from service.store.batch import batch_store_fn
from service.translation.engine import load_engine
from service.translation.options import TranslationOptions

log = logging.getLogger("service.batch")

# (text, source_language, title) -> the brief as JSON data. Tests inject a stand-in; the CLI
# uses build_brief with the configured model.
# (text, source_language, title, published) -> the brief as JSON data.
BriefFn = Callable[[str, str, str | None, dt.date | None], Awaitable[Any]]
# (article, its brief as JSON data) -> the stored article's id (service.store), with --store.
StoreFn = Callable[["Article", dict[str, Any]], Awaitable[int]]


@dataclass(frozen=True)
class Article:
    """One valid input line."""

    id: str | int
    text: str
    title: str | None
    source_language: str
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


@dataclass
class BatchStats:
    """What one run did; printed at the end."""

    lines: int = 0
    already_done: int = 0
    briefs: int = 0
    errors: int = 0
    malformed: int = 0
    duplicates: int = 0
    torn_bytes_dropped: int = 0


def record_key(record: dict[str, Any]) -> str | None:
    """Identity of an output record: its id, or its input line number for id-less error records."""
    if record.get("id") is not None:
        return id_key(record["id"])
    line = record.get("line")
    return f"line:{line}" if isinstance(line, int) else None


def id_key(value: str | int) -> str:
    # The JSON text, so the string "1" and the number 1 stay two different ids.
    return json.dumps(value)


def recover_output(path: Path) -> tuple[set[str], int]:
    """Keys already written to `path`, after cutting off a torn last line.

    Returns (keys, bytes dropped). A crash can only leave the last line incomplete, because each
    record is one write of a whole line; that partial line is truncated away so the next append
    starts on a clean line.
    """
    if not path.exists():
        return set(), 0
    keys: set[str] = set()
    good_end = 0
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break  # torn tail
            try:
                record = json.loads(raw)
            except ValueError:
                # Only a torn tail is expected; a bad line in the middle means the file was
                # edited by hand. Keep it (never destroy data) and carry on.
                log.warning("ignoring unreadable line at byte %d of %s", good_end, path)
                good_end += len(raw)
                continue
            key = record_key(record) if isinstance(record, dict) else None
            if key is not None:
                keys.add(key)
            good_end += len(raw)
    dropped = path.stat().st_size - good_end
    if dropped:
        with path.open("r+b") as handle:
            handle.truncate(good_end)
            os.fsync(handle.fileno())
    return keys, dropped


def parse_line(raw: bytes, line_no: int) -> Article | Problem:
    """An Article, or the Problem that describes what is wrong with the line."""
    try:
        obj = json.loads(raw)
    except UnicodeDecodeError:
        return Problem(400, "batch-line-encoding", f"line {line_no}: not valid UTF-8")
    except ValueError as exc:
        return Problem(400, "batch-line-json", f"line {line_no}: not JSON ({exc})")
    if not isinstance(obj, dict):
        return Problem(422, "batch-line-shape", f"line {line_no}: expected a JSON object")
    art_id = obj.get("id")
    problems = []
    if not isinstance(art_id, (str, int)) or isinstance(art_id, bool) or art_id == "":
        problems.append("id: must be a non-empty string or an integer")
    # The API's own request model, so a line is valid exactly when the same POST /v1/brief body
    # would be. Other fields are archive metadata and are ignored.
    fields = {k: obj[k] for k in _REQUEST_FIELDS if k in obj}
    try:
        request = BriefRequest.model_validate(fields)
    except ValidationError as exc:
        problems += [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    if problems:
        return Problem(422, "validation", f"line {line_no}: " + "; ".join(problems))
    assert isinstance(art_id, (str, int))
    return Article(
        art_id,
        request.text,
        request.title,
        request.source_language,
        request.url,
        request.outlet,
        request.published,
    )


_REQUEST_FIELDS = ("text", "title", "source_language", "url", "outlet", "published")


def problem_record(problem: Problem) -> dict[str, Any]:
    """The same problem+json object the HTTP API would answer with."""
    return {
        "type": TYPE_BASE + problem.kind,
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
    }


def _raw_id(raw: bytes) -> str | int | None:
    # A line that fails validation may still carry a usable id; keep it so the error is findable.
    try:
        value = json.loads(raw).get("id")
    except (ValueError, AttributeError):
        return None
    ok = isinstance(value, (str, int)) and not isinstance(value, bool) and value != ""
    return value if ok else None


class RecordWriter:
    """Append-only JSONL writer: one write() per record, fsync'ed, so a crash never splits one."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, record: dict[str, Any]) -> None:
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(data)
        while view:  # os.write may write less than asked (signals, huge records)
            view = view[os.write(self._fd, view) :]
        os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)


def _say(message: str) -> None:
    # Through tqdm, so a message does not land in the middle of the progress bar.
    tqdm.write(message, file=sys.stderr)


def _input_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    # Binary: a line is what ends in b"\n" (not U+2028 and friends), and bad UTF-8 stays reportable.
    with path.open("rb") as handle:
        for line_no, raw in enumerate(handle, start=1):
            stripped = raw.rstrip(b"\r\n")
            if stripped.strip():
                yield line_no, stripped


def _count_lines(path: Path) -> int:
    return sum(1 for _ in _input_lines(path))


async def run_batch(
    in_path: Path,
    out_path: Path,
    brief_fn: BriefFn,
    *,
    progress: bool = True,
    store_fn: StoreFn | None = None,
) -> BatchStats:
    """Brief every article of `in_path` not yet in `out_path`, appending one record per line."""
    stats = BatchStats()
    done, stats.torn_bytes_dropped = recover_output(out_path)
    if stats.torn_bytes_dropped:
        print(
            f"{out_path}: dropped a torn last line ({stats.torn_bytes_dropped} bytes) left by "
            "an interrupted run; that article is briefed again.",
            file=sys.stderr,
        )
    seen: set[str] = set()
    writer = RecordWriter(out_path)
    bar = tqdm(total=_count_lines(in_path), unit="article", disable=not progress, file=sys.stderr)
    try:
        for line_no, raw in _input_lines(in_path):
            stats.lines += 1
            bar.update(1)
            parsed = parse_line(raw, line_no)
            key = id_key(parsed.id) if isinstance(parsed, Article) else None
            if key is None:
                raw_id = _raw_id(raw)
                key = id_key(raw_id) if raw_id is not None else f"line:{line_no}"
            if key in seen:
                stats.duplicates += 1
                _say(f"line {line_no}: duplicate id {key}; skipped")
                continue
            seen.add(key)
            if key in done:
                stats.already_done += 1
                continue
            if isinstance(parsed, Problem):
                stats.malformed += 1
                _say(f"malformed input: {parsed.detail}")
                raw_id = _raw_id(raw)
                record: dict[str, Any] = {"id": raw_id, "error": problem_record(parsed)}
                if raw_id is None:
                    record["line"] = line_no
                writer.write(record)
                continue
            writer.write(await _brief_record(parsed, brief_fn, stats, store_fn))
    finally:
        bar.close()
        writer.close()
    return stats


async def _brief_record(
    article: Article, brief_fn: BriefFn, stats: BatchStats, store_fn: StoreFn | None = None
) -> dict[str, Any]:
    try:
        brief = await brief_fn(
            article.text, article.source_language, article.title, article.published
        )
        if store_fn is not None:
            # Stored before the record is written: a crash in between leaves an article the
            # rerun stores again, which the store recognises as the same one.
            brief = {**brief, "article_id": await store_fn(article, brief)}
    except Problem as problem:  # the same refusals the API gives: empty text, unsupported language
        stats.errors += 1
        return {"id": article.id, "error": problem_record(problem)}
    except Exception as exc:  # one bad article must not stop an archive run; logged, recorded
        log.exception("article %r failed", article.id)
        stats.errors += 1
        failure = Problem(500, "internal", f"{type(exc).__name__}: {exc}")
        return {"id": article.id, "error": problem_record(failure)}
    stats.briefs += 1
    return {"id": article.id, "brief": brief}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `brief` subcommand's options."""
    parser.add_argument("--in", dest="in_path", type=Path, required=True, help="articles.jsonl")
    parser.add_argument("--out", dest="out_path", type=Path, required=True, help="briefs.jsonl")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--store", action="store_true", help="keep every briefing in the claim store too"
    )


def _limited(brief_fn: BriefFn, settings: Settings) -> BriefFn:
    # The same text and title limits as the API, so an archive run cannot take what a request
    # could not.
    async def limited(
        text: str, source_language: str, title: str | None, published: dt.date | None
    ) -> Any:
        check_fields({"text": text, "title": title}, settings)
        return await brief_fn(text, source_language, title, published)

    return limited


async def _run(args: argparse.Namespace, settings: Settings) -> BatchStats:
    engine = load_engine(settings.model_dir, TranslationOptions.from_settings(settings))

    async def brief_fn(
        text: str, source_language: str, title: str | None, published: dt.date | None
    ) -> Any:
        # The same JSON as the API's answer.
        brief = await build_brief(
            text,
            source_language,
            title,
            engine,
            cpu_budget_s=settings.brief_cpu_budget_s,
            published=published,
        )
        return BriefResponse.of(brief).model_dump(mode="json")

    store = (
        open_store(settings.store_url.get_secret_value(), migrate=settings.store_migrate)
        if args.store
        else None
    )
    try:
        return await run_batch(
            args.in_path,
            args.out_path,
            _limited(brief_fn, settings),
            progress=not args.no_progress,
            store_fn=batch_store_fn(store) if store is not None else None,
        )
    finally:
        if engine is not None:
            engine.close()
        if store is not None:
            store.close()


def main(args: argparse.Namespace, settings: Settings | None = None) -> int:
    """Run the batch; print a summary on stderr. Exit status 0 once every line has a record."""
    if not args.in_path.is_file():
        print(f"no such input file: {args.in_path}", file=sys.stderr)
        return 2
    stats = asyncio.run(_run(args, settings or get_settings()))
    print(
        f"{stats.lines} lines: {stats.briefs} briefed, {stats.errors} refused, "
        f"{stats.malformed} malformed, {stats.already_done} already in {args.out_path}, "
        f"{stats.duplicates} duplicate ids skipped",
        file=sys.stderr,
    )
    return 0
