"""Claims + summary for a 2,000-character article, per call, one core, no translation.

    .venv/bin/python bench/bench_claims_speed.py

Builds the brief without an engine (language detection, parsing, claim extraction, summary,
bullets) on 2,000 characters of development articles in each language and prints the median ms
per call. One core: the numerical libraries are limited to one thread before they load.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import asyncio  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from functools import partial  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.briefing import build_brief  # noqa: E402
from service.claims import extract_claims  # noqa: E402

TARGET_MS = 100.0
ARTICLES = (
    ("seed_nb.txt", "nb"),
    ("articles/nn_nammo_granatar.txt", "nn"),
    ("seed_sv.txt", "sv"),
    ("articles/da_f16_donation.txt", "da"),
)


def _brief(text: str) -> object:
    return asyncio.run(build_brief(text, "auto", None, None))


def _article(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    while len(text) < 2000:
        text += "\n\n" + text
    return text[:2000]


def main() -> None:
    texts = [(_article(ROOT / "seeds" / name), lang) for name, lang in ARTICLES]
    for text, lang in texts:  # warm caches and the detector
        asyncio.run(build_brief(text, lang, None, None))
    rows = []
    for text, lang in texts:
        calls: tuple[tuple[str, Callable[[], object]], ...] = (
            ("claims only", partial(extract_claims, text, lang)),
            ("brief (detect+claims+summary)", partial(_brief, text)),
        )
        for label, fn in calls:
            times = []
            for _ in range(30):
                t0 = time.perf_counter()
                fn()
                times.append((time.perf_counter() - t0) * 1000)
            rows.append((lang, label, statistics.median(times), max(times)))
    print(f"{'article':8} {'what':32} {'median ms':>10} {'max ms':>8}")
    for lang, label, med, worst in rows:
        print(f"{lang:8} {label:32} {med:10.2f} {worst:8.2f}")
    worst_median = max(r[2] for r in rows)
    print(
        f"target < {TARGET_MS:.0f} ms per 2,000-character article: "
        f"{'met' if worst_median < TARGET_MS else 'NOT met'} ({worst_median:.2f} ms)"
    )


if __name__ == "__main__":
    main()
