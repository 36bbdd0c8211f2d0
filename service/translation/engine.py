"""The CTranslate2 translation engine: one Translator and its SentencePiece models, loaded once.

A request's texts are cut into sentences (`segment`), looked up in the LRU cache, and the misses
go through the micro-batcher so that every sentence of a request, together with the sentences of
concurrent requests, reaches the model in ONE `translate_batch` call. Translations are put back
between the original whitespace, so paragraph breaks come out exactly as they went in.

OPUS-MT conventions: source pieces followed by "</s>" (unless the converted model adds it itself),
no target prefix for a single-target model such as opus-mt-tc-big-gmq-en, output pieces decoded
with target.spm.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ctranslate2
import sentencepiece as spm

from service.translation.batcher import MicroBatcher, QueueFull
from service.translation.cache import LRUCache
from service.translation.guard import collapse_repeats
from service.translation.options import TranslationOptions
from service.translation.segment import split_long, split_text

__all__ = ["INSTALL_COMMAND", "QueueFull", "TranslationEngine", "TranslationOptions", "load_engine"]

log = logging.getLogger(__name__)

INSTALL_COMMAND = "python -m models install"
REQUIRED_FILES = ("model.bin", "source.spm", "target.spm")
MODEL_INFO_FILE = "model_info.json"  # written by `python -m models install`
# Below this many characters a request is cut into sentences on the event loop; above it, on a
# thread, so that a 200,000-character article does not stall other requests.
INLINE_PLAN_CHARS = 4_000
# Timed at load (`MicroBatcher.calibrate`): one sentence to warm the model up, then one alone and
# eight together, so that admission knows a call's fixed cost before the first request. Distinct
# sentences, since a call translates repeated ones once. Invented news-like text.
_CALIBRATION = (
    "Regjeringen la fram statsbudsjettet for neste år i dag.",
    "Kommunen vil bygge en ny skole i sentrum innen tre år.",
    "Regeringen presenterade i går ett nytt förslag om skatter.",
    "Flere hundre mennesker møtte opp på torget for å demonstrere mot nedleggelsen.",
    "Enligt myndigheten har antalet ansökningar ökat kraftigt under hösten.",
    "Statsministeren sa at forhandlingene ville fortsette over helgen.",
    "Styrelsen beslutade att höja utdelningen till aktieägarna med tio procent.",
    "Det ble meldt om glatte veier og flere trafikkulykker i natt.",
    "Forskarna har undersökt hur klimatet påverkar fiskbestånden i Östersjön.",
    "Banken venter at renten holdes uendret resten av året.",
)


@dataclass(frozen=True)
class _Part:
    """A piece of an input text: a sentence to translate (tokens) or text to pass through."""

    text: str
    tokens: tuple[str, ...] | None


class TranslationEngine:
    """One loaded model: translate lists of texts, keeping order and paragraph breaks."""

    model_info: dict[str, Any]

    def __init__(self, model_dir: Path, options: TranslationOptions) -> None:
        self.options = options
        self._translator = ctranslate2.Translator(
            str(model_dir),
            device=options.device,
            compute_type=options.compute_type,
            inter_threads=options.inter_threads,
            intra_threads=options.intra_threads,
        )
        self._source = spm.SentencePieceProcessor(model_file=str(model_dir / "source.spm"))
        self._target = spm.SentencePieceProcessor(model_file=str(model_dir / "target.spm"))
        config = _read_json(model_dir / "config.json")
        self._eos = [] if config.get("add_source_eos") else [str(config.get("eos_token", "</s>"))]
        self.model_info = _model_info(model_dir, options)
        self._name = str(self.model_info["name"])
        self._cache: LRUCache[tuple[str, int, str], str] = LRUCache(options.cache_size)
        self._batcher: MicroBatcher[tuple[str, ...], str] = MicroBatcher(
            self._translate_tokens,
            weight=len,  # source tokens: what a call's time grows with
            window_s=options.batch_window_ms / 1000,
            max_wait_s=options.max_wait_s,
            max_items=options.batch_max_sentences,
            workers=options.inter_threads,
        )
        # Counters since start (read by stats(); written by the worker thread).
        self._target_tokens = 0
        self._model_seconds = 0.0
        self._repetitions_cut = 0

    # --- public -------------------------------------------------------------------------------

    async def translate(self, texts: list[str], source_language: str) -> list[str]:
        """English translations of `texts` (same order); whitespace between sentences kept.

        `source_language` is informational for single-target OPUS-MT models, which read any of
        their source languages without a tag. Raises QueueFull when the translator is saturated.
        """
        if sum(len(t) for t in texts) > INLINE_PLAN_CHARS:
            plans = await asyncio.to_thread(self._plan_all, texts)
        else:
            plans = self._plan_all(texts)
        done: dict[tuple[str, ...], str] = {}
        missing: list[tuple[str, ...]] = []
        for tokens in dict.fromkeys(p.tokens for plan in plans for p in plan if p.tokens):
            hit = self._cache.get(self._key(tokens))
            if hit is None:
                missing.append(tokens)
            else:
                done[tokens] = hit
        translations = await self._batcher.submit(missing)
        for tokens, translation in zip(missing, translations, strict=True):
            done[tokens] = translation
            self._cache.put(self._key(tokens), translation)
        return ["".join(done[p.tokens] if p.tokens else p.text for p in plan) for plan in plans]

    def stats(self) -> dict[str, int | float]:
        """Counters since start-up, for metrics and benchmarks."""
        return {
            "queue_depth": self._batcher.waiting,
            "queued_tokens": self._batcher.queued_work,
            "estimated_wait_seconds": self._batcher.estimated_wait(),
            "model_calls": self._batcher.calls,
            "model_seconds": self._model_seconds,
            "target_tokens": self._target_tokens,
            "cache_hits": self._cache.hits,
            "cache_misses": self._cache.misses,
            "cache_entries": len(self._cache),
            "repetition_tokens_cut": self._repetitions_cut,
        }

    def calibrate(self) -> None:
        """Time a few calls of different sizes, for admission (see `_CALIBRATION`)."""
        tokens = [tuple(self._source.encode(text, out_type=str)) for text in _CALIBRATION]
        self._batcher.calibrate([tokens[:1], tokens[1:2], tokens[2:]])
        # The counters are of the requests served: the calibration calls are not among them.
        self._target_tokens, self._model_seconds, self._repetitions_cut = 0, 0.0, 0

    def close(self) -> None:
        """Stop the batcher and release the model."""
        self._batcher.close()
        self._translator.unload_model()

    # --- segmentation -------------------------------------------------------------------------

    def _key(self, tokens: tuple[str, ...]) -> tuple[str, int, str]:
        # (model, sentence); the beam size is part of the key because it changes the output.
        return (self._name, self.options.beam_size, "\x1f".join(tokens))

    def _plan_all(self, texts: Sequence[str]) -> list[list[_Part]]:
        encode = lru_cache(maxsize=256)(self._encode)

        def count(text: str) -> int:
            return len(encode(text))

        limit = self.options.max_sentence_tokens
        plans: list[list[_Part]] = []
        for text in texts:
            parts: list[_Part] = []
            for segment in split_text(text):
                pieces = split_long(segment.text, count, limit) if segment.translate else [segment]
                for piece in pieces:
                    # Text without a letter or digit (emoji, "***", "–", control characters) has
                    # nothing to translate and would come back as <unk> or nothing: keep it.
                    wanted = piece.translate and any(ch.isalnum() for ch in piece.text)
                    tokens = encode(piece.text) if wanted else None
                    parts.append(_Part(piece.text, tokens or None))
            plans.append(parts)
        return plans

    def _encode(self, text: str) -> tuple[str, ...]:
        return tuple(self._source.encode(text, out_type=str))

    # --- the model call (worker thread) -------------------------------------------------------

    def _translate_tokens(self, batch: list[tuple[str, ...]]) -> list[str]:
        """Translate token sequences in one translate_batch call; same order as `batch`."""
        s = self.options
        # Identical sentences of different requests are translated once; sorting by length puts
        # sentences of similar length in the same internal batch (less padding).
        unique = sorted(dict.fromkeys(batch), key=len)
        sources = [list(tokens) + self._eos for tokens in unique]
        longest = len(sources[-1])
        max_length = math.ceil(s.decoding_length_ratio * longest) + s.decoding_length_margin
        min_length = 0
        if s.fixed_decoding_ratio > 0:  # benchmarks only: see TranslationOptions
            max_length = min_length = math.ceil(s.fixed_decoding_ratio * longest)
        started = time.perf_counter()
        results = self._translator.translate_batch(
            sources,
            beam_size=s.beam_size,
            max_batch_size=s.max_batch_tokens,
            batch_type="tokens",
            # Sentences were cut to max_sentence_tokens already, so this never truncates.
            max_input_length=s.max_sentence_tokens + len(self._eos) + 1,
            min_decoding_length=min_length,
            max_decoding_length=max_length,
            no_repeat_ngram_size=s.no_repeat_ngram_size,
            repetition_penalty=s.repetition_penalty,
        )
        self._model_seconds += time.perf_counter() - started
        self._target_tokens += sum(len(r.hypotheses[0]) for r in results)
        out = {
            tokens: self._detokenize(r.hypotheses[0])
            for tokens, r in zip(unique, results, strict=True)
        }
        return [out[tokens] for tokens in batch]

    def _detokenize(self, pieces: list[str]) -> str:
        kept, removed = collapse_repeats([p for p in pieces if p != "<unk>"])
        if removed:
            self._repetitions_cut += removed
            # Debug, not warning: random-weight benchmark models loop on every sentence.
            log.debug("cut a repetition loop of %d tokens from a translation", removed)
        # OPUS-MT vocabularies are shared, so the model can emit a piece only source.spm knows;
        # target.spm leaves its "▁" in place. Replace it, as Marian's own tokenizer does.
        return str(self._target.decode_pieces(kept)).replace("\u2581", " ").strip()


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _model_info(model_dir: Path, options: TranslationOptions) -> dict[str, Any]:
    info = {"name": model_dir.name, **_read_json(model_dir / MODEL_INFO_FILE)}
    info.update(
        device=options.device, compute_type=options.compute_type, beam_size=options.beam_size
    )
    return info


def load_engine(model_dir: Path, options: TranslationOptions) -> TranslationEngine | None:
    """Load the model in `model_dir`, or return None (after one log line) when there is none."""
    missing = [name for name in REQUIRED_FILES if not (model_dir / name).is_file()]
    if missing:
        log.warning(
            "No translation model in %s (missing %s): /v1/translate answers 503. "
            "Install the default model with: %s",
            model_dir,
            ", ".join(missing),
            INSTALL_COMMAND,
        )
        return None
    try:
        engine = TranslationEngine(model_dir, options)
        engine.calibrate()
        return engine
    except (RuntimeError, OSError, ValueError) as exc:
        log.error(
            "Could not load the translation model in %s (%s): /v1/translate answers 503. "
            "Reinstall with: %s",
            model_dir,
            exc,
            INSTALL_COMMAND,
        )
        return None
