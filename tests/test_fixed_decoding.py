"""TranslationOptions.fixed_decoding_ratio (benchmarks only, not a setting): every sentence of
a call decodes exactly ceil(ratio x longest source) tokens, so bench/bench_translate.py gives
the service and the raw translator the same work; 0 keeps normal decoding."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path

from tests.conftest import tiny_engine
from tests.tiny_model import NB, SV, spy_on


def _decode(model_dir: Path, ratio: float) -> tuple[list[list[str]], int]:
    engine = tiny_engine(
        model_dir, {"fixed_decoding_ratio": ratio}, translation_cache_size=0, beam_size=1
    )
    assert engine is not None
    spy = spy_on(engine)
    try:
        # A short and a long sentence in one call: the short one decodes as long as the long one.
        asyncio.run(engine.translate([NB[3], f"{SV[7]} {SV[8]}"], "auto"))
        tokens = int(engine.stats()["target_tokens"])
    finally:
        engine.close()
    assert len(spy.calls) == 1
    return spy.calls[0], tokens


def test_fixed_ratio_decodes_exactly_ratio_times_the_longest_source(tiny_model_dir: Path) -> None:
    sources, tokens = _decode(tiny_model_dir, 1.3)
    longest = max(len(s) for s in sources)
    assert len(sources) == 3 and min(len(s) for s in sources) < longest
    # Normal decoding would stop at 1.0 x longest + 4 (tiny_settings): a different count.
    assert math.ceil(1.3 * longest) > longest + 4
    assert tokens == len(sources) * math.ceil(1.3 * longest)


def test_ratio_zero_keeps_normal_decoding_lengths(tiny_model_dir: Path) -> None:
    sources, tokens = _decode(tiny_model_dir, 0.0)
    longest = max(len(s) for s in sources)
    # tiny_settings: max_decoding_length = 1.0 x longest + 4; never forced up to a minimum.
    assert tokens <= len(sources) * (longest + 4)
