"""Where each corpus lives under the data folder, and how the splits are made.

Splits (fixed, so every run sees the same data):
  nb / nn  train: converted NDT minus every sentence of the official UD dev and test parts
                  (and minus the whole NDT file when most of its sentences are UD dev/test
                  sentences, so that near-duplicates, e.g. re-tokenised headlines, cannot leak);
           dev:   official UD dev part;  test: official UD test part (entities from norne/ud).
  sv       train: Talbanken test part;  eval: Talbanken dev part.
           NER: swedish-ner-corpus train / test.
  da       train: DDT test part;  eval: DDT dev part.  No Danish NER gold exists here.
"""

from __future__ import annotations

import glob
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from models.nlp.conllu_io import Sentence, read_conll

# nb/nn: the UD conversion distributed with NorNE is the target scheme (it carries the entities,
# and like Talbanken and DDT it has compound:prt and relative "som" as a pronoun). The newer
# releases in UD_Norwegian-* (UD_FILES_CURRENT) changed those two points; the converter is also
# scored against them.
UD_FILES = {
    "nb": "norne/ud/nob/no_bokmaal-ud-{part}.conllu",
    "nn": "norne/ud/nno/no_nynorsk-ud-{part}.conllu",
    "sv": "UD_Swedish-Talbanken/sv_talbanken-ud-{part}.conllu",
    "da": "UD_Danish-DDT/da_ddt-ud-{part}.conllu",
}
UD_FILES_CURRENT = {
    "nb": "UD_Norwegian-Bokmaal/no_bokmaal-ud-{part}.conllu",
    "nn": "UD_Norwegian-Nynorsk/no_nynorsk-ud-{part}.conllu",
}
NORNE_UD = {
    "nb": "norne/ud/nob/no_bokmaal-ud-{part}.conllu",
    "nn": "norne/ud/nno/no_nynorsk-ud-{part}.conllu",
}
NDT_DIRS = {"nb": "norne/ndt/nob", "nn": "norne/ndt/nno"}

# NorNE's 9 entity types reduced to the set the service uses. GPE_LOC and GPE_ORG are both GPE:
# countries are the main actors in supply claims and the LOC/ORG sense split is noisy at this size.
NORNE_LABELS = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE_LOC": "GPE",
    "GPE_ORG": "GPE",
    "GPE": "GPE",
    "PROD": "PROD",
    "EVT": "EVT",
    "DRV": "DRV",
    "MISC": "MISC",
}


def strip_headline_bar(s: Sentence) -> Sentence:
    """NDT ends headlines with a '|' token that UD (and real text) does not have."""
    while s.tokens and s.tokens[-1].form == "|":
        s.tokens = s.tokens[:-1]
    return s


def load_ud(data_dir: Path, lang: str, part: str) -> list[Sentence]:
    return list(read_conll(data_dir / UD_FILES[lang].format(part=part)))


def norne_entities(data_dir: Path, lang: str, part: str) -> dict[tuple[str, ...], list[str]]:
    """Entity BIO tags per token sequence from norne/ud, to put on the official UD sentences."""
    out: dict[tuple[str, ...], list[str]] = {}
    for s in read_conll(data_dir / NORNE_UD[lang].format(part=part)):
        out[s.forms] = [t.misc_dict().get("name", "O") for t in s.tokens]
    return out


@dataclass
class NdtSplit:
    train: list[Sentence]
    held_out_sentences: int
    held_out_files: int


def load_ndt_split(data_dir: Path, lang: str, exclude: Iterable[tuple[str, ...]]) -> NdtSplit:
    """NDT sentences for training: not in `exclude`, nor in a file dominated by excluded ones."""
    banned = set(exclude)
    train: list[Sentence] = []
    held_sent = held_files = 0
    for path in sorted(glob.glob(str(data_dir / NDT_DIRS[lang] / "*.conll"))):
        sents = [strip_headline_bar(s) for s in read_conll(path)]
        sents = [s for s in sents if s.tokens]
        hits = sum(1 for s in sents if s.forms in banned)
        if hits * 2 >= len(sents):
            held_files += 1
            held_sent += len(sents)
            continue
        for s in sents:
            if s.forms in banned:
                held_sent += 1
            else:
                train.append(s)
    return NdtSplit(train, held_sent, held_files)


def load_ndt_all(data_dir: Path, lang: str) -> list[Sentence]:
    out: list[Sentence] = []
    for path in sorted(glob.glob(str(data_dir / NDT_DIRS[lang] / "*.conll"))):
        out.extend(s for s in (strip_headline_bar(x) for x in read_conll(path)) if s.tokens)
    return out


def load_swedish_ner(data_dir: Path, part: str) -> list[tuple[list[str], list[str]]]:
    """swedish-ner-corpus: 'token<whitespace>tag' lines, tag 0 or PER/ORG/LOC/MISC (IO, no B-)."""
    path = data_dir / "swedish-ner-corpus" / f"{part}_corpus.txt"
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip():
                if words:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            # train uses a tab, test runs of spaces between token and tag
            parts = line.rsplit(None, 1)
            if len(parts) != 2:
                continue
            form, tag = parts
            words.append(form)
            tags.append("O" if tag in ("0", "O", "") else tag)
    if words:
        sents.append((words, tags))
    # IO -> BIO: a run of equal labels is one entity (adjacent same-type names are rare in news).
    out: list[tuple[list[str], list[str]]] = []
    for w, t in sents:
        bio: list[str] = []
        prev = "O"
        for tag in t:
            if tag == "O":
                bio.append("O")
            else:
                bio.append(("I-" if prev == tag else "B-") + tag)
            prev = tag
        out.append((w, bio))
    return out


def label_counts(sents: Iterable[Sentence]) -> Counter[str]:
    return Counter(t.deprel for s in sents for t in s.tokens)


# Relation subtypes that only Talbanken / DDT use, folded onto the Norwegian (norne/ud) inventory so
# that all four pipelines emit one label set and one set of extraction rules fits all. Nothing is
# lost that the rules need: possession stays visible in the morphology (Poss=Yes, Case=Gen).
HARMONIZE = {
    "nmod:poss": "nmod",
    "obl:tmod": "obl",
    "obl:lmod": "obl",
    "obl:agent": "obl",
    "advmod:lmod": "advmod",
}


def harmonize_labels(s: Sentence) -> Sentence:
    """Map sv/da-only relation subtypes (and DDT's plain 'flat' for names) in place."""
    for t in s.tokens:
        if t.deprel in HARMONIZE:
            t.deprel = HARMONIZE[t.deprel]
        elif t.deprel == "flat" and t.upos == "PROPN":
            t.deprel = "flat:name"
    return s


def load_ud_harmonized(data_dir: Path, lang: str, part: str) -> list[Sentence]:
    sents = load_ud(data_dir, lang, part)
    if lang in ("sv", "da"):
        sents = [harmonize_labels(s) for s in sents]
    return sents
