"""Turn UD-scheme sentences into spaCy Docs (and DocBin files) for training and evaluation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from models.nlp.conllu_io import Sentence


def _bio_fix(tags: list[str]) -> list[str]:
    """Repair I- tags that do not continue an entity of the same type (spaCy rejects them)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def sentences_to_doc(
    vocab: Vocab,
    sents: Sequence[Sentence],
    entities: Sequence[list[str] | None] | None = None,
    with_syntax: bool = True,
) -> Doc:
    """Several sentences in one Doc, so the parser also learns where sentences end."""
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    ents: list[str] = []
    have_ents = entities is not None and any(e is not None for e in entities)
    for i, s in enumerate(sents):
        offset = len(words)
        ent_tags = entities[i] if entities is not None else None
        for j, t in enumerate(s.tokens):
            words.append(t.form)
            misc = t.misc_dict()
            spaces.append(misc.get("SpaceAfter") != "No")
            pos.append(t.upos)
            morphs.append("" if t.feats == "_" else t.feats)
            lemmas.append(t.lemma if t.lemma != "_" else t.form)
            heads.append(offset + t.head - 1 if t.head > 0 else offset + j)
            deps.append(t.deprel if t.head > 0 else "ROOT")
            starts.append(j == 0)
            if have_ents:
                if ent_tags is None:
                    ents.append("")  # unknown: no loss on these tokens
                else:
                    ents.append(ent_tags[j])
        # The last token of a sentence must be followed by a space to keep texts readable.
        if spaces:
            spaces[-1] = True
    if have_ents:
        # Doc wants either all-known or missing ("") values; BIO-repair the known spans.
        fixed: list[str] = []
        run: list[str] = []
        for tag in ents + ["<END>"]:
            if tag in ("", "<END>"):
                fixed.extend(_bio_fix(run))
                run = []
                if tag == "":
                    fixed.append("")
            else:
                run.append(tag)
        ents = [e if e != "" else None for e in fixed]  # type: ignore[misc]
    if not with_syntax:
        return Doc(vocab, words=words, spaces=spaces, ents=ents if have_ents else None)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
        ents=ents if have_ents else None,
    )


def ner_only_doc(vocab: Vocab, words: list[str], tags: list[str]) -> Doc:
    return Doc(vocab, words=words, ents=_bio_fix(tags))


T = TypeVar("T")


def chunk(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def save_docbin(docs: Iterable[Doc], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    db.to_disk(path)
    return n
