"""Tokenisation F1 against the gold tokens of the held-out UD parts.

    python -m models.nlp.evaluate_tokenizer [--data-dir ../shared/ud] [--pipelines DIR] [--show 10]

Each gold sentence's text (# text, or tokens joined by SpaceAfter) is tokenised; a predicted
token counts as correct when its character span equals a gold token's span. Compared:
spaCy's stock tokenizer of the language class, and ours (tokenizer_rules.py). With --pipelines,
the tokenizers saved in DIR/<lang> are measured too (they must equal "ours").
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc

from models.nlp.conllu_io import Sentence, default_data_dir
from models.nlp.corpora import load_ud
from models.nlp.tokenizer_rules import customize_tokenizer

# News-style cases the brief names, with the tokens we want (checked for every variety).
NEWS_CASES: list[tuple[str, list[str]]] = [
    (
        "Norge sender NASAMS-systemer og F-16-fly til Nord-Korea.",
        ["Norge", "sender", "NASAMS-systemer", "og", "F-16-fly", "til", "Nord-Korea", "."],
    ),
    (
        "«Shahed-136» og CV90-vogner – i alt 1,5 milliarder.",
        ["«", "Shahed-136", "»", "og", "CV90-vogner", "–", "i", "alt", "1,5", "milliarder", "."],
    ),
    ("– Vi sender dem, sa han.", ["–", "Vi", "sender", "dem", ",", "sa", "han", "."]),
    (
        "Det kostet 12 000 kroner i 2023.",
        ["Det", "kostet", "12", "000", "kroner", "i", "2023", "."],
    ),
]


def news_cases(tokenize: Callable[[str], Doc]) -> list[str]:
    failures = []
    for text, want in NEWS_CASES:
        got = [t.text for t in tokenize(text)]
        if got != want:
            failures.append(f"{text!r}: {got}")
    return failures


def gold_spans(text: str, forms: list[str]) -> list[tuple[int, int]] | None:
    out: list[tuple[int, int]] = []
    pos = 0
    for form in forms:
        i = text.find(form, pos)
        if i < 0:
            return None  # text and tokens disagree (rare); skip the sentence
        out.append((i, i + len(form)))
        pos = i + len(form)
    return out


def score(
    tokenize: Callable[[str], Doc], sents: list[Sentence], show: int
) -> tuple[float, float, float, list[str]]:
    tp = fp = fn = 0
    examples: list[str] = []
    for s in sents:
        text = s.text()
        gold = gold_spans(text, [t.form for t in s.tokens])
        if gold is None:
            continue
        pred = {(t.idx, t.idx + len(t.text)) for t in tokenize(text) if not t.is_space}
        g = set(gold)
        tp += len(g & pred)
        fp += len(pred - g)
        fn += len(g - pred)
        if g != pred and len(examples) < show:
            missed = [text[a:b] for a, b in sorted(g - pred)]
            wrong = [text[a:b] for a, b in sorted(pred - g)]
            examples.append(f"gold {missed} predicted {wrong}")
    p = tp / (tp + fp)
    r = tp / (tp + fn)
    return 100 * p, 100 * r, 200 * p * r / (p + r), examples


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--pipelines", type=Path, help="also measure DIR/<lang>/ tokenizers")
    ap.add_argument("--show", type=int, default=0, help="print N differing sentences")
    args = ap.parse_args()
    print("| lang | held-out part | tokenizer | P | R | F1 |")
    print("|---|---|---|---|---|---|")
    for lang in ("nb", "nn", "sv", "da"):
        part = "test" if lang in ("nb", "nn") else "dev"
        sents = load_ud(args.data_dir, lang, part)
        spacy_lang = "nb" if lang == "nn" else lang
        stock = spacy.blank(spacy_lang)
        ours = spacy.blank(spacy_lang)
        customize_tokenizer(ours, lang)
        candidates: list[tuple[str, Callable[[str], Doc]]] = [
            (f"spaCy {spacy_lang} stock", stock.make_doc),
            ("ours (tokenizer_rules.py)", ours.make_doc),
        ]
        if args.pipelines and (args.pipelines / lang).exists():
            shipped = spacy.load(args.pipelines / lang)
            candidates.append((f"shipped {lang}", shipped.make_doc))
        for name, tok in candidates:
            p, r, f, ex = score(tok, sents, args.show)
            print(f"| {lang} | {part} | {name} | {p:.2f} | {r:.2f} | {f:.2f} |")
            for e in ex:
                print(f"    {e}")
        bad = news_cases(ours.make_doc)
        ok = len(NEWS_CASES) - len(bad)
        print(f"| {lang} | news cases | ours | {ok} of {len(NEWS_CASES)} as wanted | | {bad} |")


if __name__ == "__main__":
    main()
