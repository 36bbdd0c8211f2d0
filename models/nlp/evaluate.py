"""Evaluate a trained pipeline on a held-out UD part: tagging, lemmas (vs simplemma), parsing,
entities, speed and size.

    python -m models.nlp.evaluate PIPELINE_DIR --lang nb [--data-dir ../shared/ud] [--json out.json]

Held-out parts (see corpora.py): nb/nn the official UD test part (norne/ud, with NorNE entities);
sv the Talbanken dev part (+ swedish-ner-corpus test for entities); da the DDT dev part.

Setup: gold tokens and gold sentences are given to the pipeline (each sentence one Doc), so the
scores measure tagging and parsing, not tokenisation (tokenisation F1 is measured separately).
  UPOS, UFeats (whole feature set exact), all tokens.
  Lemma: punctuation excluded, case-insensitive, for the trained lemmatizer and for simplemma 2.0.
  UAS / LAS: "incl. punct" counts every token (CoNLL 2018 style), "excl. punct" leaves out tokens
  whose gold UPOS is PUNCT. Per-relation scores are LAS F1 per gold/predicted relation.
  Speed: nlp.pipe over the raw sentence texts (tokenizer included), one thread, counted in
  CPU time of this process (the 2-core machine is shared, so wall-clock varies with other work).
"""

from __future__ import annotations

import os

# One thread, set before numpy / thinc load their BLAS.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from spacy.about import __version__ as spacy_version  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from models.nlp.conllu_io import Sentence, default_data_dir  # noqa: E402
from models.nlp.corpora import load_swedish_ner, load_ud_harmonized  # noqa: E402

KEY_RELATIONS = [
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "obl",
    "conj",
    "acl:relcl",
    "xcomp",
    "ccomp",
    "advcl",
    "flat:name",
    "flat",
    "compound:prt",
    "nmod",
    "nmod:poss",
    "amod",
    "case",
    "aux",
]
NORNE_TO_OURS = {"GPE_LOC": "GPE", "GPE_ORG": "GPE", "MISC": None}


def held_out(data_dir: Path, lang: str) -> list[Sentence]:
    # sv/da gold gets the same relation harmonisation as their training data (corpora.HARMONIZE).
    return load_ud_harmonized(data_dir, lang, "test" if lang in ("nb", "nn") else "dev")


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate(tags + ["O"]):
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
            if start >= 0:
                spans.add((start, i, label))
                start, label = -1, ""
            if tag != "O":
                start, label = i, tag[2:]
    return spans


def gold_entities(s: Sentence) -> list[str] | None:
    tags = []
    seen = False
    for t in s.tokens:
        tag = t.misc_dict().get("name")
        if tag is None:
            return None
        seen = True
        if tag != "O":
            bio, _, lab = tag.partition("-")
            mapped = NORNE_TO_OURS.get(lab, lab)
            tag = "O" if mapped is None else f"{bio}-{mapped}"
        tags.append(tag)
    return tags if seen else None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def docs_for(nlp: Language, sents: list[Sentence]) -> list[Doc]:
    out = []
    for s in sents:
        spaces = [t.misc_dict().get("SpaceAfter") != "No" for t in s.tokens]
        out.append(Doc(nlp.vocab, words=[t.form for t in s.tokens], spaces=spaces))
    return out


def simplemma_lemmas(words: list[str], lang: str) -> list[str]:
    import simplemma

    code = {"nb": "nb", "nn": "nn", "sv": "sv", "da": "da"}[lang]
    return [simplemma.lemmatize(w, lang=code) for w in words]


def evaluate_syntax(
    nlp: Language, sents: list[Sentence], lang: str, ner_map: dict[str, str] | None
) -> dict[str, Any]:
    docs = list(nlp.pipe(docs_for(nlp, sents), batch_size=256))
    c: Counter[str] = Counter()
    rel_tp: Counter[str] = Counter()
    rel_gold: Counter[str] = Counter()
    rel_pred: Counter[str] = Counter()
    ent_tp: Counter[str] = Counter()
    ent_fp: Counter[str] = Counter()
    ent_fn: Counter[str] = Counter()
    have_ents = "ner" in nlp.pipe_names
    for s, doc in zip(sents, docs, strict=True):
        sm = simplemma_lemmas([t.form for t in s.tokens], lang)
        for g, p, sml in zip(s.tokens, doc, sm, strict=True):
            punct = g.upos == "PUNCT"
            c["n"] += 1
            c["upos"] += p.pos_ == g.upos
            gold_feats = "" if g.feats == "_" else g.feats
            c["feats"] += str(p.morph) == gold_feats
            head = 0 if p.head.i == p.i else p.head.i + 1
            dep = "root" if p.dep_.lower() == "root" else p.dep_
            uas = head == g.head
            las = uas and dep == g.deprel
            c["uas"] += uas
            c["las"] += las
            rel_gold[g.deprel] += 1
            rel_pred[dep] += 1
            if las:
                rel_tp[g.deprel] += 1
            if not punct:
                c["n_np"] += 1
                c["uas_np"] += uas
                c["las_np"] += las
                gl = g.lemma.lower()
                c["lemma"] += p.lemma_.lower() == gl
                c["sm"] += sml.lower() == gl
                for cls in ("VERB", "NOUN"):
                    if g.upos == cls:
                        c[f"n_{cls}"] += 1
                        c[f"lemma_{cls}"] += p.lemma_.lower() == gl
                        c[f"sm_{cls}"] += sml.lower() == gl
        gold_tags = gold_entities(s)
        if have_ents:
            # Without entity gold (DDT) a rough proxy: how many gold PROPN tokens fall inside a
            # predicted entity, and how many predicted-entity tokens are gold PROPN.
            for g, p in zip(s.tokens, doc, strict=True):
                inside = p.ent_iob_ in ("B", "I")
                c["propn"] += g.upos == "PROPN"
                c["propn_in_ent"] += g.upos == "PROPN" and inside
                c["ent_tok"] += inside
                c["ent_tok_propn"] += g.upos == "PROPN" and inside
        if have_ents and gold_tags is not None:
            pred = set()
            for e in doc.ents:
                label = ner_map.get(e.label_, e.label_) if ner_map else e.label_
                if label:
                    pred.add((e.start, e.end, label))
            gold = bio_spans(gold_tags)
            for span in pred & gold:
                ent_tp[span[2]] += 1
            for span in pred - gold:
                ent_fp[span[2]] += 1
            for span in gold - pred:
                ent_fn[span[2]] += 1
    n, n_np = c["n"], c["n_np"]
    res: dict[str, Any] = {
        "tokens": n,
        "UPOS": 100 * c["upos"] / n,
        "UFeats": 100 * c["feats"] / n,
        "lemma_trained": 100 * c["lemma"] / n_np,
        "lemma_simplemma": 100 * c["sm"] / n_np,
        "UAS_incl_punct": 100 * c["uas"] / n,
        "LAS_incl_punct": 100 * c["las"] / n,
        "UAS_excl_punct": 100 * c["uas_np"] / n_np,
        "LAS_excl_punct": 100 * c["las_np"] / n_np,
    }
    for cls in ("VERB", "NOUN"):
        k = c[f"n_{cls}"] or 1
        res[f"lemma_trained_{cls}"] = 100 * c[f"lemma_{cls}"] / k
        res[f"lemma_simplemma_{cls}"] = 100 * c[f"sm_{cls}"] / k
    res["relations"] = {
        r: {
            "gold": rel_gold[r],
            "F1": prf(rel_tp[r], rel_pred[r] - rel_tp[r], rel_gold[r] - rel_tp[r])[2],
        }
        for r in KEY_RELATIONS
        if rel_gold[r]
    }
    if have_ents and c["propn"] and c["ent_tok"]:
        res["entity_proxy"] = {
            "gold_PROPN_tokens_inside_entity": 100 * c["propn_in_ent"] / c["propn"],
            "entity_tokens_that_are_gold_PROPN": 100 * c["ent_tok_propn"] / c["ent_tok"],
        }
    if sum(ent_tp.values()) + sum(ent_fn.values()):
        res["entities"] = entity_table(ent_tp, ent_fp, ent_fn)
    return res


def entity_table(tp: Counter[str], fp: Counter[str], fn: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for lab in sorted(set(tp) | set(fp) | set(fn)):
        p, r, f = prf(tp[lab], fp[lab], fn[lab])
        out[lab] = {"P": p, "R": r, "F1": f, "gold": tp[lab] + fn[lab]}
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["ALL"] = {"P": p, "R": r, "F1": f, "gold": sum(tp.values()) + sum(fn.values())}
    return out


def evaluate_swedish_ner(
    nlp: Language, data_dir: Path, ner_map: dict[str, str] | None
) -> dict[str, Any]:
    """swedish-ner-corpus test part (PER/ORG/LOC/MISC); gold tokens, one sentence per Doc."""
    sents = load_swedish_ner(data_dir, "test")
    docs = list(nlp.pipe((Doc(nlp.vocab, words=w) for w, _ in sents), batch_size=256))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for (_, tags), doc in zip(sents, docs, strict=True):
        gold = bio_spans(tags)
        pred = set()
        for e in doc.ents:
            label = ner_map.get(e.label_, e.label_) if ner_map else e.label_
            if label:
                pred.add((e.start, e.end, label))
        for s in pred & gold:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    return entity_table(tp, fp, fn)


def speed(nlp: Language, sents: list[Sentence], min_words: int = 40000) -> dict[str, Any]:
    """Words per second of CPU time on one thread (process time, so that other work on the
    shared machine does not count), plus the wall-clock rate seen while measuring."""
    texts = [s.text() for s in sents]
    reps = max(1, min_words // max(1, sum(len(s.tokens) for s in sents)))
    texts = texts * reps
    list(nlp.pipe(texts[:200]))  # warm-up
    cpu_rates, wall_rates = [], []
    for _ in range(3):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        words = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        cpu_rates.append(words / (time.process_time() - cpu0))
        wall_rates.append(words / (time.perf_counter() - wall0))
    # A ~2,000-character article: consecutive sentences, parsed as one text.
    article, i = "", 0
    while len(article) < 2000 and i < len(sents):
        article += sents[i].text() + " "
        i += 1
    cpu_ms, wall_ms = [], []
    for _ in range(25):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        doc = nlp(article)
        cpu_ms.append(1000 * (time.process_time() - cpu0))
        wall_ms.append(1000 * (time.perf_counter() - wall0))
    return {
        "words_per_s": statistics.median(cpu_rates),
        "words_per_s_wall_best": max(wall_rates),
        "article_chars": len(article),
        "article_words": len(doc),
        "article_ms_median": statistics.median(cpu_ms),
        "article_ms_wall_median": statistics.median(wall_ms),
    }


def disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("pipeline", type=Path)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    nlp = spacy.load(args.pipeline)
    sents = held_out(args.data_dir, args.lang)
    ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
    ner_labels = set(getattr(ner, "labels", ()))
    res = {"pipeline": str(args.pipeline), "lang": args.lang, "spacy": spacy_version}
    res.update(evaluate_syntax(nlp, sents, args.lang, None))
    if args.lang == "sv" and ner_labels:
        # A NorNE-trained recogniser is scored with its labels folded onto the Swedish set.
        fold = (
            None
            if "MISC" in ner_labels
            else {"GPE": "LOC", "PROD": "MISC", "EVT": "MISC", "DRV": "MISC"}
        )
        res["entities_sv_ner_corpus"] = evaluate_swedish_ner(nlp, args.data_dir, fold)
    if not args.no_speed:
        res.update(speed(nlp, sents))
    res["disk_MB"] = disk_mb(args.pipeline)
    text = json.dumps(res, indent=1, ensure_ascii=False)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
