"""LibreTranslate-compatible API: POST /translate, POST /detect, GET /languages.

An integration written for LibreTranslate works by changing its base URL. These routes therefore
speak LibreTranslate's dialect, not ours: JSON *or* form bodies, `q`/`source`/`target`/`format`/
`api_key` fields, detection confidence in percent, and errors as `{"error": "..."}` with 400, 403,
429 or 500 (plus 503 when no model is installed), because that is what LibreTranslate clients
parse. Messages copy LibreTranslate's wording where it has one.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from service import languages
from service.access import HEADER_NAME, AccessDenied, Guard
from service.api.deps import EngineDep, GuardDep, SettingsDep
from service.config import Settings
from service.errors import Problem
from service.html_text import split_html
from service.input_limits import LimitExceeded, check_field
from service.languages import detect as detection
from service.schemas.libretranslate import (
    LT_ERRORS,
    LtDetection,
    LtDetectRequest,
    LtLanguage,
    LtTranslateRequest,
    LtTranslateResponse,
    body_doc,
)
from service.translation.engine import QueueFull, TranslationEngine
from service.workload import run_cpu

log = logging.getLogger(__name__)
router = APIRouter(tags=["LibreTranslate compatibility"])

TARGET = languages.TARGET
# LibreTranslate detects short texts of a batch from the batch as a whole; so do we.
_SHORT_TEXT = 40


class _LtFail(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers

    def response(self) -> JSONResponse:
        return JSONResponse({"error": self.message}, status_code=self.status, headers=self.headers)


async def _fields(request: Request) -> dict[str, Any]:
    """The request's fields from a JSON object or a form, as LibreTranslate reads them."""
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type == "application/json" or content_type.endswith("+json"):
        try:
            body = await request.json()
        except ValueError:
            raise _LtFail(400, "Invalid JSON format") from None
        if not isinstance(body, dict):
            raise _LtFail(400, "Invalid JSON format")
        return body
    fields: dict[str, Any] = dict(request.query_params)
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        try:
            form = await request.form()
        except Exception:  # noqa: BLE001 - a broken multipart body is the client's error
            raise _LtFail(400, "Invalid request: unreadable form body") from None
        fields.update({k: v for k, v in form.items() if isinstance(v, str)})
        if isinstance(fields.get("q"), str):
            # As LibreTranslate: normalise form line endings so limits count characters alike.
            fields["q"] = "\n".join(fields["q"].splitlines())
    return fields


def _check_key(guard: Guard, request: Request, fields: dict[str, Any]) -> None:
    """The app's API keys and per-key rate limit, answered in LibreTranslate's words."""
    key = fields.get("api_key")
    if key is not None and not isinstance(key, str):
        raise _LtFail(400, "Invalid request: api_key must be a string")
    try:
        guard.admit(key or request.headers.get(HEADER_NAME))
    except AccessDenied as denied:
        if denied.reason == "missing":
            raise _LtFail(400, "Please contact the server operator to get an API key") from None
        if denied.reason == "unknown":
            raise _LtFail(403, "Invalid API key") from None
        raise _LtFail(
            429,
            f"Slowdown: {guard.limiter.per_minute} per 1 minute",
            {"Retry-After": str(denied.retry_after)},
        ) from None


def _texts(fields: dict[str, Any], settings: Settings) -> tuple[list[str], bool]:
    q = fields.get("q")
    if not q:
        raise _LtFail(400, "Invalid request: missing q parameter")
    batch = isinstance(q, list)
    texts = q if batch else [q]
    if not all(isinstance(t, str) for t in texts):
        raise _LtFail(400, "Invalid request: q must be a string or a list of strings")
    try:
        check_field("q", q, settings)
    except LimitExceeded as over:  # the service's own limits, in LibreTranslate's words
        raise _LtFail(
            400, f"Invalid request: request ({over.size}) exceeds text limit ({over.limit})"
        ) from None
    return texts, batch


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _known(found: detection.Detection) -> list[LtDetection]:
    """Candidates among the languages this server knows, best first, confidence in percent.

    LibreTranslate only ever reports languages it has installed; clients rely on that (they
    feed the answer back as `source`).
    """
    ranked = sorted(found.candidates, key=lambda c: c.confidence, reverse=True)
    return [
        LtDetection(confidence=round(c.confidence * 100, 2), language=c.language)
        for c in ranked
        if languages.is_source(c.language) or c.language == TARGET
    ]


def _pick(text: str, found: detection.Detection) -> LtDetection:
    # A confident answer on a real text stands even if we cannot translate it (the client then
    # gets "xx is not supported"); on a short text, the best known candidate is more useful.
    best = LtDetection(confidence=round(found.confidence * 100, 2), language=found.language)
    if found.supported or len(text) > _SHORT_TEXT:
        return best
    known = _known(found)
    return known[0] if known else best


def _detect_sources(texts: list[str], plain: list[str]) -> list[LtDetection]:
    """Per text, its detected language; short texts of a batch take the batch's detection.
    CPU work: callers run it on a worker thread."""
    words = [p for p in plain if _has_words(p)]
    joined = "\n\n".join(words)
    overall = _pick(joined, detection.detect(joined)) if words else None
    result = []
    for text in plain:
        if not _has_words(text) or overall is None:
            # LibreTranslate's answer when nothing can be detected.
            result.append(LtDetection(confidence=0.0, language=TARGET))
        elif len(texts) > 1 and len(text) <= _SHORT_TEXT:
            result.append(overall)
        else:
            result.append(_pick(text, detection.detect(text)))
    return result


async def _translate_all(
    engine: TranslationEngine, texts: list[str], sources: list[str]
) -> list[str]:
    """Translate texts (each with its source language): one engine call per language."""
    out = list(texts)
    for source in sorted(set(sources)):
        idx = [i for i, s in enumerate(sources) if s == source and _has_words(texts[i])]
        if idx:
            done = await engine.translate([texts[i] for i in idx], source)
            for i, translated in zip(idx, done, strict=True):
                out[i] = translated
    return out


@router.post(
    "/translate",
    summary="Translate (LibreTranslate-compatible)",
    response_model=LtTranslateResponse,
    response_model_exclude_none=True,
    responses=LT_ERRORS,
    openapi_extra=body_doc(LtTranslateRequest),
)
async def translate(
    request: Request, settings: SettingsDep, engine: EngineDep, guard: GuardDep
) -> Any:
    """LibreTranslate's `/translate`: `q` (string or list), `source` ("auto" or a code),
    `target` ("en"), `format` ("text" or "html"), `api_key`; JSON or form body."""
    try:
        fields = await _fields(request)
        _check_key(guard, request, fields)
        return await _translate(fields, settings, engine)
    except _LtFail as fail:
        return fail.response()
    except QueueFull as exc:
        retry = str(exc.retry_after)
        return _LtFail(429, f"Slowdown: {exc}", {"Retry-After": retry}).response()
    except Problem as problem:
        # Domain errors keep their message; LibreTranslate has no 413/422.
        status = 400 if problem.status in (413, 422) else problem.status
        return _LtFail(status, problem.detail, problem.headers).response()
    except Exception:  # a failed translation: LibreTranslate's 500 {"error"}, never problem+json
        log.exception("LibreTranslate /translate failed")
        return _LtFail(500, "Cannot translate text: internal error (logged)").response()


async def _translate(
    fields: dict[str, Any], settings: Settings, engine: TranslationEngine | None
) -> LtTranslateResponse:
    texts, batch = _texts(fields, settings)
    source = fields.get("source")
    target = fields.get("target")
    text_format = fields.get("format") or "text"
    if not source or not isinstance(source, str):
        raise _LtFail(400, "Invalid request: missing source parameter")
    if not target or not isinstance(target, str):
        raise _LtFail(400, "Invalid request: missing target parameter")
    if text_format not in ("text", "html"):
        raise _LtFail(400, f"{text_format} format is not supported")
    if target != TARGET:
        raise _LtFail(400, f"{target} is not supported")
    alternatives = _alternatives(fields.get("alternatives"), len(texts), batch)

    docs = [split_html(t) for t in texts] if text_format == "html" else None
    plain = [" ".join(d.texts) for d in docs] if docs else texts
    detected = await run_cpu(_detect_sources, texts, plain) if source == "auto" else None
    sources = (
        [d.language for d in detected]
        if detected
        else [languages.ALIASES.get(source, source)] * len(texts)
    )
    for code, text in zip(sources, plain, strict=True):
        if not languages.is_source(code) and _has_words(text):
            if code == TARGET:
                raise _LtFail(
                    400, "English (en) is not available as a target language from English (en)"
                )
            raise _LtFail(400, f"{code} is not supported")
    if engine is None:
        raise _LtFail(503, "No translation model is installed; run `python -m models install`.")

    if docs is None:
        translated = await _translate_all(engine, texts, sources)
    else:
        # Every text node of every document in one engine call per language.
        nodes = [(i, n) for i, d in enumerate(docs) for n in d.texts]
        flat = await _translate_all(engine, [n for _, n in nodes], [sources[i] for i, _ in nodes])
        translated, pos = [], 0
        for doc in docs:
            count = len(doc.text_slots)
            translated.append(doc.rebuild(flat[pos : pos + count]))
            pos += count

    if batch:
        return LtTranslateResponse(
            translatedText=translated, detectedLanguage=detected, alternatives=alternatives
        )
    return LtTranslateResponse(
        translatedText=translated[0],
        detectedLanguage=detected[0] if detected else None,
        alternatives=alternatives[0] if alternatives is not None else None,
    )


def _alternatives(value: Any, count: int, batch: bool) -> list[list[str]] | None:
    # LibreTranslate answers `alternatives` when asked for some; the model gives one best
    # translation, so the list is empty. Invalid values get LibreTranslate's message.
    if value in (None, "", 0, "0"):
        return None
    try:
        wanted = int(value)
    except (TypeError, ValueError):
        raise _LtFail(400, "Invalid request: alternatives parameter is not a number") from None
    return [[] for _ in range(count)] if wanted > 0 else None


@router.post(
    "/detect",
    summary="Detect language (LibreTranslate-compatible)",
    response_model=list[LtDetection],
    responses=LT_ERRORS,
    openapi_extra=body_doc(LtDetectRequest),
)
async def detect(request: Request, guard: GuardDep) -> Any:
    """LibreTranslate's `/detect`: candidates for `q`, best first, confidence 0-100."""
    try:
        fields = await _fields(request)
        _check_key(guard, request, fields)
        q = fields.get("q")
        if not q:
            raise _LtFail(400, "Invalid request: missing q parameter")
        texts = q if isinstance(q, list) else [q]
        if not all(isinstance(t, str) for t in texts):
            raise _LtFail(400, "Invalid request: q must be a string or a list of strings")
        text = "\n\n".join(texts)
        if not _has_words(text):
            return [LtDetection(confidence=0.0, language=TARGET)]
        # Nothing known: LibreTranslate's fallback, English at confidence 0.
        found = await run_cpu(detection.detect, text)
        return _known(found) or [LtDetection(confidence=0.0, language=TARGET)]
    except _LtFail as fail:
        return fail.response()


@router.get(
    "/languages",
    summary="Languages (LibreTranslate-compatible)",
    response_model=list[LtLanguage],
    operation_id="languages_languages_get",  # as before the rename; clients may generate from it
)
async def list_languages() -> list[LtLanguage]:
    """LibreTranslate's `/languages`: every source translates into English only."""
    listed = [
        LtLanguage(code=code, name=languages.english_name(code), targets=[TARGET])
        for code in languages.source_codes()
    ]
    return [*listed, LtLanguage(code=TARGET, name=languages.english_name(TARGET), targets=[])]
