"""One article's back-fill, whole (the local engine) or in the two halves the Ray engine runs apart.

The whole is the batch CLI's own path: the same input limits, `build_brief` with the engine, the
same refusals and the same `BriefResponse` JSON, so a back-fill gives what `python -m service brief`
gives, article by article. The Ray engine splits it where the work changes kind: `analyse` is
`build_brief` without a model (detection, claims, summary: CPU-bound Python, run as plain tasks),
and `translate` finishes that brief in the actor that holds the model, through the same translation
step `build_brief` uses. The equality test compares both against the batch CLI.
"""

from __future__ import annotations

import json
import logging
import pickle
from typing import Any

import pyarrow as pa

from service import briefing
from service.backfill.records import RECORD_SCHEMA, published_date
from service.batch import problem_record
from service.briefing import NO_MODEL_WARNING, Brief, build_brief
from service.config import Settings
from service.errors import Problem
from service.input_limits import check_fields
from service.schemas.brief import BriefResponse
from service.translation.engine import TranslationEngine

log = logging.getLogger("service.backfill")

# A record after `analyse`: the brief without translation, pickled (claims are dataclasses that
# the translation step fills in), or an error.
ANALYSED_SCHEMA = RECORD_SCHEMA.append(pa.field("analysis", pa.binary()))

# What a back-fill produces per article: `brief` (the /v1/brief answer as JSON text) or `error`.
OUTPUT_SCHEMA = pa.schema(
    [
        ("key", pa.string()),
        ("id", pa.string()),
        ("id_json", pa.string()),
        ("source", pa.string()),
        ("line", pa.int64()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.string()),
        ("language", pa.string()),
        ("claims", pa.int32()),
        ("translated", pa.bool_()),
        ("brief", pa.string()),
        ("error", pa.string()),
    ]
)
# Kept with each output row until it is written: the store needs the article itself.
SINK_ONLY = ("text", "source_language")


def failure(exc: BaseException, key: str) -> str:
    """The error record of a failed article, as the batch CLI writes it (problem+json text)."""
    if isinstance(exc, Problem):  # the API's own refusals: empty text, language, limits, budget
        problem = exc
    else:  # one bad article must not stop an archive run: logged, recorded, not retried
        log.error("article %s failed", key, exc_info=exc)
        problem = Problem(500, "internal", f"{type(exc).__name__}: {exc}")
    return json.dumps(problem_record(problem), ensure_ascii=False)


def output_row(record: dict[str, Any], brief: Brief | None, error: str | None) -> dict[str, Any]:
    """An OUTPUT_SCHEMA row (plus SINK_ONLY fields) for `record`."""
    row = {name: record.get(name) for name in OUTPUT_SCHEMA.names if name in RECORD_SCHEMA.names}
    row.update({name: record.get(name) for name in SINK_ONLY})
    row.update(language=None, claims=None, translated=None, brief=None, error=error)
    if brief is not None:
        try:
            data = BriefResponse.of(brief).model_dump(mode="json")
        except Exception as exc:  # noqa: BLE001 - reported for this article only
            row["error"] = failure(exc, record["key"])
            return row
        row.update(
            language=brief.language.language,
            claims=len(brief.claims),
            translated=brief.translation is not None,
            brief=json.dumps(data, ensure_ascii=False),
        )
    return row


def _check(record: dict[str, Any], settings: Settings) -> None:
    # The batch CLI's limits, so an archive run cannot take what a request could not.
    check_fields({"text": record["text"], "title": record["title"]}, settings)


async def _brief(
    record: dict[str, Any], settings: Settings, engine: TranslationEngine | None
) -> Brief:
    """`build_brief` on one record, within the batch CLI's limits."""
    _check(record, settings)
    return await build_brief(
        record["text"],
        record["source_language"],
        record["title"],
        engine,
        cpu_budget_s=settings.brief_cpu_budget_s,
        published=published_date(record["published"]),
    )


async def brief_whole(
    record: dict[str, Any], settings: Settings, engine: TranslationEngine | None
) -> dict[str, Any]:
    """The batch CLI's briefing of one record, as an output row."""
    if record["error"] is not None:
        return output_row(record, None, record["error"])
    try:
        brief = await _brief(record, settings, engine)
    except Exception as exc:  # noqa: BLE001 - see failure()
        return output_row(record, None, failure(exc, record["key"]))
    return output_row(record, brief, None)


async def analyse(record: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """First half: `build_brief` without a model, pickled into `analysis` (ANALYSED_SCHEMA)."""
    row = {**record, "analysis": None}
    if record["error"] is not None:
        return row
    try:
        brief = await _brief(record, settings, None)
    except Exception as exc:  # noqa: BLE001 - see failure()
        row["error"] = failure(exc, record["key"])
        return row
    row["analysis"] = pickle.dumps(brief, protocol=pickle.HIGHEST_PROTOCOL)
    return row


async def translate(row: dict[str, Any], engine: TranslationEngine | None) -> dict[str, Any]:
    """Second half: translate an analysed brief as `build_brief` would have, as an output row."""
    if row["analysis"] is None:
        return output_row(row, None, row["error"])
    brief: Brief = pickle.loads(row["analysis"])
    # Without a model build_brief ends with exactly this warning, added by its translation step
    # (briefing._translate); that step runs again here, now with the model, and adds whatever it
    # adds (nothing, a busy or failure warning, or the same warning when this worker has no model).
    if not brief.warnings or brief.warnings[-1] != NO_MODEL_WARNING:
        error = failure(RuntimeError("analysis did not end at the translation step"), row["key"])
        return output_row(row, None, error)
    brief.warnings.pop()
    brief.translation = await briefing._translate(
        engine, brief.claims, row["text"], brief.language.language, brief.warnings
    )
    return output_row(row, brief, None)
