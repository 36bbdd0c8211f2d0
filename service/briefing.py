"""The whole briefing: language, supply claims, English summary and bullets, translation.

Extraction works on the source text and never needs the model; when an engine is loaded, the
evidence sentences and the full text are translated in one batched call.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from contextlib import nullcontext
from dataclasses import dataclass, field

from service import languages, segmentation
from service.claims import Claim, extract_claims
from service.claims.gazetteer import named_actors
from service.errors import Problem
from service.languages.detect import Candidate, Detection, detect
from service.summary import bullet, summarise
from service.translation.engine import INSTALL_COMMAND, QueueFull, TranslationEngine
from service.workload import Budget, Busy, OverBudget, Slots

log = logging.getLogger(__name__)

NO_MODEL_WARNING = (
    "No translation model is loaded: 'translation' and every 'evidence.text_en' are null; "
    f"claims and summary come from the source text. Install a model with `{INSTALL_COMMAND}`."
)


@dataclass
class Brief:
    """A briefing of one article (the route turns it into the JSON contract)."""

    language: Detection
    claims: list[Claim]
    summary: str
    bullets: list[str]
    translation: str | None
    warnings: list[str] = field(default_factory=list)
    characters: int = 0
    sentences: int = 0


def _language(text: str, source_language: str, warnings: list[str]) -> Detection:
    detection = detect(text)
    if source_language in ("", "auto"):
        if not detection.supported:
            raise Problem(
                422,
                "unsupported-language",
                f"The text looks like '{detection.language}' (confidence "
                f"{detection.confidence:.2f}); this service briefs "
                f"{', '.join(languages.source_codes())}. "
                "Set source_language to override.",
            )
        if detection.mixed:
            others = sorted({s.language for s in detection.segments} - {detection.language})
            warnings.append(
                f"Mixed-language text: parts look like {', '.join(others)}; claims are read "
                f"with the {detection.language} lexicon."
            )
        return detection
    if not languages.is_source(source_language):
        served = ", ".join(languages.source_codes())
        raise Problem(
            422,
            "unsupported-language",
            f"source_language '{source_language}' is not supported; use auto, {served}.",
        )
    if detection.language != source_language:
        warnings.append(
            f"source_language is '{source_language}' but the text looks like "
            f"'{detection.language}' (confidence {detection.confidence:.2f}); "
            f"'{source_language}' was used."
        )
    return Detection(
        source_language,
        1.0,
        True,
        [Candidate(source_language, 1.0)]
        + [c for c in detection.candidates if c.language != source_language][:4],
        detection.segments,
    )


async def _translate(
    engine: TranslationEngine | None,
    claims: list[Claim],
    text: str,
    language: str,
    warnings: list[str],
) -> str | None:
    if engine is None:
        warnings.append(NO_MODEL_WARNING)
        return None
    evidence = list(dict.fromkeys(c.evidence.text for c in claims))
    try:
        out = await engine.translate([*evidence, text], language)
    except QueueFull as exc:
        warnings.append(
            f"The translator is busy (retry in {exc.retry_after} s): translation "
            "is null this time; claims and summary are complete."
        )
        return None
    except Exception:  # a broken model must not lose the claims  # noqa: BLE001
        log.exception("translation failed inside a briefing")
        warnings.append("Translation failed for this text (logged); translation is null.")
        return None
    english = dict(zip(evidence, out[: len(evidence)], strict=True))
    for c in claims:
        c.evidence.text_en = english.get(c.evidence.text)
    return out[-1]


@dataclass(frozen=True)
class _Analysis:
    detection: Detection
    claims: list[Claim]
    summary: str
    sentences: int


def _analyse(
    text: str,
    source_language: str,
    title: str | None,
    warnings: list[str],
    budget: Budget,
    published: dt.date | None = None,
) -> _Analysis:
    """Everything but translation: pure CPU work, run off the event loop by build_brief."""
    budget.restart()  # CPU time of this worker thread, from here
    detection = _language(text, source_language, warnings)
    budget.check("language detection")
    language = detection.language
    claims = extract_claims(text, language, budget=budget, published=published)
    if title and title.strip():
        seen = {(c.supplier, c.recipient, c.stance) for c in claims}
        claims = [
            c
            for c in extract_claims(
                title, language, source_field="title", budget=budget, published=published
            )
            if (c.supplier, c.recipient, c.stance) not in seen
        ] + claims
    budget.check("claim extraction")
    lines = segmentation.lines(text)
    sentences = len(segmentation.sentences(text, lines))
    headline_end = lines[0].end if lines else 0
    summary = summarise(
        claims, language, len(text), sentences, named_actors(text), headline_end=headline_end
    )
    budget.check("summary")
    return _Analysis(detection, claims, summary, sentences)


async def build_brief(
    text: str,
    source_language: str = "auto",
    title: str | None = None,
    engine: TranslationEngine | None = None,
    *,
    slots: Slots | None = None,
    cpu_budget_s: float | None = None,
    published: dt.date | None = None,
) -> Brief:
    """Brief one article. Raises Problem 422 for blank text or an unsupported language, 503
    when every briefing slot is taken, 413 when the analysis runs past its CPU budget.
    `published` (the article's date) dates relative times ("i fjor") in the claims."""
    if not text or not text.strip():
        raise Problem(422, "empty-text", "text is empty or blank.")
    warnings: list[str] = []
    budget = Budget(cpu_budget_s)
    try:
        with slots.hold() if slots is not None else nullcontext():
            # A huge article takes seconds of analysis; in a thread, /healthz and other
            # requests keep being answered meanwhile.
            analysis = await asyncio.to_thread(
                _analyse, text, source_language, title, warnings, budget, published
            )
    except Busy as busy:
        raise Problem(
            503,
            "busy",
            f"{busy.limit} briefings are being analysed (BRIEF_MAX_CONCURRENT_BRIEFS); retry in "
            f"{busy.retry_after} s.",
            headers={"Retry-After": str(busy.retry_after)},
        ) from busy
    except OverBudget as over:
        raise Problem(
            413,
            "over-budget",
            f"The analysis used more than its CPU budget of {over.budget_s:g} s "
            f"(BRIEF_BRIEF_CPU_BUDGET_S) during {over.stage}; send a shorter text.",
        ) from over
    claims = analysis.claims
    translation = await _translate(engine, claims, text, analysis.detection.language, warnings)
    return Brief(
        language=analysis.detection,
        claims=claims,
        summary=analysis.summary,
        bullets=[bullet(c) for c in claims],
        translation=translation,
        warnings=warnings,
        characters=len(text),
        sentences=analysis.sentences,
    )
