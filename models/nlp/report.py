"""Markdown tables from the JSON files written by evaluate.py.

python -m models.nlp.report /tmp/nlp/results/*.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RELS = ["nsubj", "obj", "iobj", "obl", "conj", "acl:relcl", "xcomp"]


def main() -> None:
    rows = [json.loads(Path(p).read_text()) for p in sys.argv[1:]]
    print(
        "| pipeline | lang | UPOS | UFeats | lemma trained | lemma simplemma | lemma VERB tr/sm "
        "| lemma NOUN tr/sm | UAS excl. punct | LAS excl. punct | UAS incl. punct "
        "| LAS incl. punct | words/s | 2,000-char article ms | MB |"
    )
    print("|" + "---|" * 15)
    for r in rows:
        name = Path(r["pipeline"]).name
        wps = f"{r['words_per_s']:,.0f}" if "words_per_s" in r else "–"
        art = f"{r['article_ms_median']:.0f}" if "article_ms_median" in r else "–"
        cells = [
            name,
            r["lang"],
            f"{r['UPOS']:.1f}",
            f"{r['UFeats']:.1f}",
            f"{r['lemma_trained']:.1f}",
            f"{r['lemma_simplemma']:.1f}",
            f"{r['lemma_trained_VERB']:.1f} / {r['lemma_simplemma_VERB']:.1f}",
            f"{r['lemma_trained_NOUN']:.1f} / {r['lemma_simplemma_NOUN']:.1f}",
            f"{r['UAS_excl_punct']:.1f}",
            f"{r['LAS_excl_punct']:.1f}",
            f"{r['UAS_incl_punct']:.1f}",
            f"{r['LAS_incl_punct']:.1f}",
            wps,
            art,
            f"{r['disk_MB']:.1f}",
        ]
        print("| " + " | ".join(cells) + " |")
    print()
    print("LAS F1 per relation (head and label right):")
    print()
    print("| pipeline | lang | " + " | ".join(RELS) + " |")
    print("|" + "---|" * (2 + len(RELS)))
    for r in rows:
        rel = r.get("relations", {})
        cells = [f"{rel[x]['F1']:.1f} ({rel[x]['gold']})" if x in rel else "–" for x in RELS]
        print(f"| {Path(r['pipeline']).name} | {r['lang']} | " + " | ".join(cells) + " |")
    print()
    print("Entities (F1; P/R for ALL):")
    print()
    for r in rows:
        proxy = r.get("entity_proxy")
        if proxy and "entities" not in r:
            print(
                f"- {Path(r['pipeline']).name} / {r['lang']} / no entity gold: "
                f"{proxy['gold_PROPN_tokens_inside_entity']:.1f}% of gold PROPN tokens inside an "
                f"entity, {proxy['entity_tokens_that_are_gold_PROPN']:.1f}% of entity tokens PROPN"
            )
        for key in ("entities", "entities_sv_ner_corpus"):
            ents = r.get(key)
            if not ents:
                continue
            parts = [
                f"{lab} {v['F1']:.1f} ({v['gold']})" for lab, v in ents.items() if lab != "ALL"
            ]
            a = ents["ALL"]
            print(
                f"- {Path(r['pipeline']).name} / {r['lang']} / {key}: ALL F1 {a['F1']:.1f} "
                f"(P {a['P']:.1f}, R {a['R']:.1f}); " + ", ".join(parts)
            )


if __name__ == "__main__":
    main()
