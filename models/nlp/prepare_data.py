"""Build the training / evaluation DocBins for all pipelines from the data folder.

    python -m models.nlp.prepare_data --data-dir ../shared/ud --out /tmp/nlp/corpus [--final]

Without --final the held-out splits of corpora.py are written (for measuring). With --final the
shipped pipelines' training data is written: for nb/nn all NDT sentences, where the official UD
annotation replaces our conversion for the sentences UD has; for sv/da both UD parts.

Layout of --out:
  {nb,nn,sv,da}/train.spacy   syntax (+ entities where known)
  {nb,nn,sv,da}/dev.spacy     for checkpoint selection during training
  {nb,nn,sv,da}/test.spacy    held-out evaluation (not written with --final)
  sv/ner_train.spacy, sv/ner_test.spacy   swedish-ner-corpus (entities only)
  {nb,nn}/train_ndt.conllu    the converted training treebank, for inspection
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from models.nlp.conllu_io import Sentence, default_data_dir, write_conllu
from models.nlp.corpora import (
    NORNE_LABELS,
    load_ndt_all,
    load_ndt_split,
    load_swedish_ner,
    load_ud,
    load_ud_harmonized,
)
from models.nlp.docs import chunk, ner_only_doc, save_docbin, sentences_to_doc
from models.nlp.ndt2ud import (
    ClosedClassTable,
    convert_sentence,
    match_official,
    set_closed_class_table,
)

SENTS_PER_DOC = 10


def map_norne(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    bio, _, label = tag.partition("-")
    mapped = NORNE_LABELS.get(label)
    if mapped is None or mapped == "MISC":
        return "O"  # MISC has 8 examples in all of NorNE: not learnable
    return f"{bio}-{mapped}"


def ents_of(s: Sentence) -> list[str]:
    return [map_norne(t.misc_dict().get("name", "O")) for t in s.tokens]


def docs_from(
    vocab: Vocab, sents: list[Sentence], ents: list[list[str] | None] | None
) -> list[Doc]:
    out = []
    for i in range(0, len(sents), SENTS_PER_DOC):
        part = sents[i : i + SENTS_PER_DOC]
        e = ents[i : i + SENTS_PER_DOC] if ents is not None else None
        out.append(sentences_to_doc(vocab, part, e))
    return out


def official_with_entities(
    data_dir: Path, lang: str, part: str
) -> tuple[list[Sentence], list[list[str] | None]]:
    """Official UD sentences (norne/ud) with their NorNE entities mapped to our label set."""
    sents = load_ud(data_dir, lang, part)
    return sents, [ents_of(s) for s in sents]


def build_norwegian(data_dir: Path, out: Path, lang: str, final: bool, vocab: Vocab) -> None:
    dev, dev_ents = official_with_entities(data_dir, lang, "dev")
    test, test_ents = official_with_entities(data_dir, lang, "test")
    # Pronoun/determiner features: table learned from the official dev part only (never test).
    set_closed_class_table(
        ClosedClassTable.learn(match_official(load_ndt_all(data_dir, lang), dev))
    )
    if final:
        official = {s.forms: (s, e) for s, e in zip(dev + test, dev_ents + test_ents, strict=True)}
        ndt = load_ndt_all(data_dir, lang)
        train: list[Sentence] = []
        train_ents: list[list[str] | None] = []
        for s in ndt:
            if s.forms in official:
                # The official UD tree is better than our conversion; NorNE gives its entities.
                o, e = official.pop(s.forms)
                train.append(o)
                train_ents.append(ents_of(s) if e is None else e)
            else:
                train.append(convert_sentence(s))
                train_ents.append(ents_of(s))
        for o, e in official.values():  # UD sentences whose NDT token sequence differs
            train.append(o)
            train_ents.append(e)
        held = "none (final)"
    else:
        split = load_ndt_split(data_dir, lang, [s.forms for s in dev + test])
        train = [convert_sentence(s) for s in split.train]
        train_ents = [ents_of(s) for s in split.train]
        held = f"{split.held_out_sentences} sentences ({split.held_out_files} whole files)"
        save_docbin(docs_from(vocab, test, test_ents), out / lang / "test.spacy")
    write_conllu(train, out / lang / "train_ndt.conllu")
    n = save_docbin(docs_from(vocab, train, train_ents), out / lang / "train.spacy")
    save_docbin(docs_from(vocab, dev, dev_ents), out / lang / "dev.spacy")
    ntok = sum(len(s.tokens) for s in train)
    print(f"{lang}: train {len(train)} sentences / {ntok} tokens in {n} docs; held out: {held}")


def build_small(data_dir: Path, out: Path, lang: str, final: bool, vocab: Vocab) -> None:
    """sv/da: only UD dev+test exist here. Train on test (the larger part), evaluate on dev."""
    dev = load_ud_harmonized(data_dir, lang, "dev")
    test = load_ud_harmonized(data_dir, lang, "test")
    train = test + dev if final else test
    save_docbin(docs_from(vocab, train, None), out / lang / "train.spacy")
    # During training the dev score only picks nothing: train.py evaluates model-last for sv/da.
    save_docbin(docs_from(vocab, dev, None), out / lang / "dev.spacy")
    if not final:
        save_docbin(docs_from(vocab, dev, None), out / lang / "test.spacy")
    print(f"{lang}: train {len(train)} sentences / {sum(len(s.tokens) for s in train)} tokens")


def build_swedish_ner(data_dir: Path, out: Path, final: bool, vocab: Vocab) -> None:
    train = load_swedish_ner(data_dir, "train")
    test = load_swedish_ner(data_dir, "test")
    if final:
        train = train + test

    # ~10 sentences per Doc as for the treebanks.
    def pack(sents: list[tuple[list[str], list[str]]]) -> list[Doc]:
        docs = []
        for group in chunk(sents, SENTS_PER_DOC):
            words = [w for ws, _ in group for w in ws]
            tags = [t for _, ts in group for t in ts]
            docs.append(ner_only_doc(vocab, words, tags))
        return docs

    save_docbin(pack(train), out / "sv" / "ner_train.spacy")
    save_docbin(pack(test), out / "sv" / "ner_test.spacy")
    print(f"sv NER: train {len(train)} sentences, test {len(test)}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--out", type=Path, default=Path("/tmp/nlp/corpus"))
    ap.add_argument("--final", action="store_true", help="use all data (for the shipped pipelines)")
    ap.add_argument("--langs", default="nb,nn,sv,da")
    args = ap.parse_args()
    random.seed(0)
    vocab = spacy.blank("nb").vocab
    for lang in args.langs.split(","):
        if lang in ("nb", "nn"):
            build_norwegian(args.data_dir, args.out, lang, args.final, vocab)
        else:
            build_small(args.data_dir, args.out, lang, args.final, vocab)
            if lang == "sv":
                build_swedish_ner(args.data_dir, args.out, args.final, vocab)


if __name__ == "__main__":
    main()
