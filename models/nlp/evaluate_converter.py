"""Agreement of our NDT->UD conversion with the official UD annotation of the same sentences.

    python -m models.nlp.evaluate_converter [--data-dir ../shared/ud] [--errors 30]

NDT sentences are matched to the official UD dev/test sentences by their token sequence. The closed
class feature table is learned from the dev part only, so the test-part figures are unseen data.
Scores count every token (punctuation included), as the CoNLL 2018 evaluation does; the
"no punct" columns leave punctuation out.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from models.nlp import ndt2ud
from models.nlp.conllu_io import Sentence, default_data_dir, read_conll
from models.nlp.corpora import NORNE_UD, UD_FILES_CURRENT, load_ndt_all

pairs_for = ndt2ud.match_official


def score(
    pairs: list[tuple[Sentence, Sentence]], errors: Counter[tuple[str, str]] | None = None
) -> dict[str, float]:
    n = n_np = upos = feats = uas = las = uas_np = las_np = 0
    for ndt, gold in pairs:
        conv = ndt2ud.convert_sentence(ndt)
        for c, g in zip(conv.tokens, gold.tokens, strict=True):
            n += 1
            upos += c.upos == g.upos
            feats += c.feats == g.feats
            u = c.head == g.head
            lab = u and c.deprel == g.deprel
            uas += u
            las += lab
            if g.upos != "PUNCT":
                n_np += 1
                uas_np += u
                las_np += lab
            if errors is not None and not lab:
                errors[(g.deprel, c.deprel if u else c.deprel + "(head)")] += 1
    return {
        "sentences": len(pairs),
        "tokens": n,
        "UPOS": 100 * upos / n,
        "UFeats": 100 * feats / n,
        "UAS": 100 * uas / n,
        "LAS": 100 * las / n,
        "UAS_nopunct": 100 * uas_np / n_np,
        "LAS_nopunct": 100 * las_np / n_np,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument(
        "--errors", type=int, default=0, help="show the N commonest dev-part label errors"
    )
    ap.add_argument("--langs", default="nb,nn")
    ap.add_argument("--no-table", action="store_true", help="rules only, no learned feature table")
    args = ap.parse_args()
    print(
        "| variety | reference | part | sentences matched | tokens | UPOS | UFeats | UAS | LAS "
        "| UAS no punct | LAS no punct |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for lang in args.langs.split(","):
        ndt = load_ndt_all(args.data_dir, lang)
        for ref_name, files in (
            ("norne/ud (target)", NORNE_UD),
            ("UD_Norwegian-* (newer release)", UD_FILES_CURRENT),
        ):
            dev = list(read_conll(args.data_dir / files[lang].format(part="dev")))
            test = list(read_conll(args.data_dir / files[lang].format(part="test")))
            dev_pairs = pairs_for(ndt, dev)
            table = None if args.no_table else ndt2ud.ClosedClassTable.learn(dev_pairs)
            ndt2ud.set_closed_class_table(table)
            errs: Counter[tuple[str, str]] = Counter()
            for part, pairs in (("dev", dev_pairs), ("test", pairs_for(ndt, test))):
                r = score(pairs, errs if part == "dev" else None)
                total = len(dev if part == "dev" else test)
                print(
                    f"| {lang} | {ref_name} | {part} | {r['sentences']} of {total} | "
                    f"{r['tokens']} | {r['UPOS']:.1f} | {r['UFeats']:.1f} | {r['UAS']:.1f} | "
                    f"{r['LAS']:.1f} | {r['UAS_nopunct']:.1f} | {r['LAS_nopunct']:.1f} |"
                )
            if args.errors and files is NORNE_UD:
                print(
                    f"  commonest dev label errors ({lang}; gold, ours):",
                    ", ".join(f"{g}->{c} {k}" for (g, c), k in errs.most_common(args.errors)),
                )
    ndt2ud.set_closed_class_table(None)


if __name__ == "__main__":
    main()
