"""Language detection benchmark: the service's detector vs py3langid alone vs langdetect.

Data: FLORES-200 dev (bench/data/flores), 997 aligned sentences each in nob, nno, swe, dan, eng.
Prints, per language, accuracy on whole sentences and on headline-length text (the first
`--headline-words` words of each sentence), and microseconds per call, one thread, measured in
this run. Then article-level checks for the service's detector: pseudo-articles of consecutive
sentences (paragraphs of 3 sentences), how often they are wrongly flagged as mixed, and the same
articles with an English paragraph inserted (must keep the article's language, flag mixed and
find the English part).

    python bench/bench_detect.py            # every 3rd sentence: 333 per language (~20 s)
    python bench/bench_detect.py --step 1   # all 997 (~60 s; langdetect is most of it)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.languages import detect as langid  # noqa: E402

FLORES = ROOT / "bench" / "data" / "flores"
LANGS = {"nb": "nob_Latn", "nn": "nno_Latn", "sv": "swe_Latn", "da": "dan_Latn", "en": "eng_Latn"}
SCANDINAVIAN = ("nb", "nn", "sv", "da")
Detector = Callable[[str], str]


def load(step: int) -> dict[str, list[str]]:
    """Sentences per language, every `step`-th line."""
    return {
        code: (FLORES / f"flores200-dev.{name}").read_text(encoding="utf-8").splitlines()[::step]
        for code, name in LANGS.items()
    }


def ours(text: str) -> str:
    return langid.detect(text).language


def py3langid_alone() -> Detector:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: {"no": "nb"}.get(code := ident.classify(text)[0], code)


def langdetect_detector() -> Detector | None:
    try:
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:
        return None
    DetectorFactory.seed = 0  # langdetect is randomised; fix it for repeatable numbers

    def run(text: str) -> str:
        try:
            code = str(detect(text))
        except LangDetectException:
            return "und"
        return {"no": "nb"}.get(code, code)  # langdetect has one Norwegian: Bokmål

    return run


def evaluate(detector: Detector, data: dict[str, list[str]]) -> tuple[dict[str, float], float]:
    """Accuracy per language (plus the Scandinavian group with nb=nn) and µs per call."""
    acc: dict[str, float] = {}
    group_hits = group_total = calls = 0
    elapsed = 0.0
    for code, texts in data.items():
        hits = 0
        for text in texts:
            start = time.perf_counter()
            guess = detector(text)
            elapsed += time.perf_counter() - start
            calls += 1
            hits += guess == code
            if code in SCANDINAVIAN:
                norwegian = {"nb", "nn"}
                group_hits += guess == code or (guess in norwegian and code in norwegian)
                group_total += 1
        acc[code] = 100.0 * hits / len(texts)
    acc["scand (nb=nn)"] = 100.0 * group_hits / group_total
    return acc, 1e6 * elapsed / calls


def headline(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def articles(texts: list[str], per_paragraph: int = 3, paragraphs: int = 4) -> list[list[str]]:
    size = per_paragraph * paragraphs
    out = []
    for i in range(0, len(texts) - size + 1, size):
        chunk = texts[i : i + size]
        out.append([" ".join(chunk[j : j + per_paragraph]) for j in range(0, size, per_paragraph)])
    return out


def article_checks(data: dict[str, list[str]]) -> list[tuple[str, int, float, float, float]]:
    """Per language: n, article accuracy %, falsely-mixed %, English-quote articles handled %."""
    english = articles(data["en"])
    rows = []
    for code in SCANDINAVIAN:
        arts = articles(data[code])
        right = falsely_mixed = quote_ok = 0
        for art, eng in zip(arts, english, strict=False):
            found = langid.detect("\n\n".join(art))
            right += found.language == code
            falsely_mixed += found.mixed
            quoted = langid.detect("\n\n".join([*art[:2], eng[0], *art[2:]]))
            langs = {s.language for s in quoted.segments}
            quote_ok += quoted.language == code and quoted.mixed and "en" in langs
        n = len(arts)
        rows.append((code, n, 100 * right / n, 100 * falsely_mixed / n, 100 * quote_ok / n))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--step", type=int, default=3, help="use every STEP-th sentence")
    parser.add_argument("--headline-words", type=int, default=8)
    args = parser.parse_args(argv)

    data = load(args.step)
    short = {c: [headline(t, args.headline_words) for t in ts] for c, ts in data.items()}
    langid.warm_up()
    systems: list[tuple[str, Detector]] = [("supplybrief", ours), ("py3langid", py3langid_alone())]
    ld = langdetect_detector()
    if ld is None:
        print("langdetect not installed (pip install -e '.[bench]'); skipping it")
    else:
        systems.append(("langdetect", ld))

    results = {}
    for name, det in systems:
        results[name] = (evaluate(det, data), evaluate(det, short))

    n = len(data["nb"])
    print(
        f"FLORES-200 dev, {n} sentences per language; headline = first "
        f"{args.headline_words} words. Accuracy %, one thread.\n"
    )
    head = f"{'':15}" + "".join(f"| {name:^21}" for name, _ in systems)
    sub = f"{'language':15}" + "".join(f"| {'sentence':>10}{'headline':>10} " for _ in systems)
    print(head)
    print(sub)
    print("-" * len(sub))
    for code in [*LANGS, "scand (nb=nn)"]:
        row = f"{code:15}"
        for name, _ in systems:
            (full_acc, _), (short_acc, _) = results[name]
            row += f"| {full_acc[code]:>10.1f}{short_acc[code]:>10.1f} "
        print(row)
    row = f"{'µs per call':15}"
    for name, _ in systems:
        (_, full_us), (_, short_us) = results[name]
        row += f"| {full_us:>10.0f}{short_us:>10.0f} "
    print(row)

    print(
        "\nArticles (supplybrief): 4 paragraphs x 3 consecutive sentences; 'quote' = the same "
        "article\nwith an English paragraph inserted (language kept, mixed flagged, 'en' "
        "found).\n"
    )
    print(
        f"{'language':10}{'articles':>10}{'correct %':>12}{'false mixed %':>15}{'quote ok %':>12}"
    )
    for code, count, right, false_mixed, quote_ok in article_checks(data):
        print(f"{code:10}{count:>10}{right:>12.1f}{false_mixed:>15.1f}{quote_ok:>12.1f}")
    seeds = sorted((ROOT / "seeds").glob("seed_*.txt"))
    for path in seeds:
        start = time.perf_counter()
        found = langid.detect(path.read_text(encoding="utf-8"))
        ms = 1e3 * (time.perf_counter() - start)
        print(
            f"{path.name}: {found.language} (confidence {found.confidence:.2f}, "
            f"mixed={found.mixed}) in {ms:.1f} ms"
        )


if __name__ == "__main__":
    main()
