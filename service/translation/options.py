"""What the engine needs to know, as one small value: it never reads the service's Settings.

Built from the settings by `from_settings` (the service, the batch CLI); benchmarks build it
directly, which is how the benchmark-only `fixed_decoding_ratio` reaches the engine without being
a production setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.config import Settings


@dataclass(frozen=True)
class TranslationOptions:
    """CTranslate2, decoding, batching and admission options (see the README settings table)."""

    device: str = "cpu"
    compute_type: str = "int8"
    inter_threads: int = 1
    intra_threads: int = 2
    beam_size: int = 2
    max_sentence_tokens: int = 200
    decoding_length_ratio: float = 2.0
    decoding_length_margin: int = 10
    no_repeat_ngram_size: int = 6
    repetition_penalty: float = 1.0
    max_batch_tokens: int = 2048
    batch_window_ms: float = 5.0
    batch_max_sentences: int = 256
    max_wait_s: float = 10.0
    cache_size: int = 10_000
    # Benchmarks only: when > 0, every model call decodes exactly ceil(ratio x longest source)
    # tokens, so a random-weight model (which never emits </s>) does a real model's work.
    fixed_decoding_ratio: float = 0.0

    @classmethod
    def from_settings(cls, settings: Settings) -> TranslationOptions:
        return cls(
            device=settings.device,
            compute_type=settings.compute_type,
            inter_threads=settings.inter_threads,
            intra_threads=settings.intra_threads,
            beam_size=settings.beam_size,
            max_sentence_tokens=settings.max_sentence_tokens,
            decoding_length_ratio=settings.decoding_length_ratio,
            decoding_length_margin=settings.decoding_length_margin,
            no_repeat_ngram_size=settings.no_repeat_ngram_size,
            repetition_penalty=settings.repetition_penalty,
            max_batch_tokens=settings.max_batch_tokens,
            batch_window_ms=settings.batch_window_ms,
            batch_max_sentences=settings.batch_max_sentences,
            max_wait_s=settings.translate_max_wait_s,
            cache_size=settings.translation_cache_size,
        )
