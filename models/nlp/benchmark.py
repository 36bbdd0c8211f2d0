"""One-thread speed of pipelines, measured side by side (interleaved rounds, medians).

    python -m models.nlp.benchmark DIR:LANG [DIR:LANG ...] [--rounds 3]

Per pipeline: words/s of nlp.pipe over the held-out sentences' raw texts (tokenizer included),
the time for one ~2,000-character article parsed as a single text, and microseconds per word of
each component. Times are CPU time of this process (time.process_time): the machine is shared,
so wall-clock time depends on whatever else runs; the wall-clock rate is printed alongside.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

from models.nlp.conllu_io import default_data_dir  # noqa: E402
from models.nlp.evaluate import held_out  # noqa: E402


def component_costs(nlp: Language, texts: list[str]) -> dict[str, float]:
    """CPU microseconds per word for the tokenizer and for each component."""
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    words = sum(len(d) for d in docs)
    costs = {"tokenizer": 1e6 * (time.process_time() - start) / words}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64))  # type: ignore[attr-defined]
        costs[name] = 1e6 * (time.process_time() - start) / words
    return costs


@dataclass
class Run:
    spec: str
    nlp: Language
    texts: list[str]
    article: str
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    article_ms: list[float] = field(default_factory=list)
    components: list[dict[str, float]] = field(default_factory=list)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("pipelines", nargs="+", help="PIPELINE_DIR:LANG")
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sentences", type=int, default=1000)
    args = ap.parse_args()
    runs: list[Run] = []
    for spec in args.pipelines:
        path, _, lang = spec.rpartition(":")
        nlp = spacy.load(path)
        sents = held_out(args.data_dir, lang)[: args.sentences]
        article, i = "", 0
        while len(article) < 2000 and i < len(sents):
            article += sents[i].text() + " "
            i += 1
        run = Run(spec, nlp, [s.text() for s in sents], article)
        list(nlp.pipe(run.texts[:100]))  # warm-up
        runs.append(run)
    for _ in range(args.rounds):
        for r in runs:
            c0, w0 = time.process_time(), time.perf_counter()
            words = sum(len(d) for d in r.nlp.pipe(r.texts, batch_size=64))
            r.cpu.append(words / (time.process_time() - c0))
            r.wall.append(words / (time.perf_counter() - w0))
            times = []
            for _k in range(11):
                c0 = time.process_time()
                r.nlp(r.article)
                times.append(1000 * (time.process_time() - c0))
            r.article_ms.append(statistics.median(times))
            r.components.append(component_costs(r.nlp, r.texts[:400]))
    print(
        "| pipeline | words/s (CPU, 1 thread) | words/s wall (shared machine) "
        "| 2,000-char article ms (CPU) | µs/word per component |"
    )
    print("|---|---|---|---|---|")
    for r in runs:
        parts = ", ".join(
            f"{name} {statistics.median(c[name] for c in r.components):.0f}"
            for name in r.components[0]
        )
        print(
            f"| {r.spec} | {statistics.median(r.cpu):,.0f} | {statistics.median(r.wall):,.0f} | "
            f"{statistics.median(r.article_ms):.0f} ({len(r.nlp(r.article))} words) | {parts} |"
        )


if __name__ == "__main__":
    main()
