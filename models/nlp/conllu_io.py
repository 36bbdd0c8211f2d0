"""Minimal CoNLL-U / CoNLL-X reading and writing shared by the NLP training scripts.

Only what the scripts need: a sentence is a list of `Token` rows plus its comment lines.
Multiword-token ranges ("3-4") and empty nodes ("5.1") are kept aside so that the basic
tree can be evaluated and converted without special cases.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Token:
    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    deps: str = "_"
    misc: str = "_"

    def misc_dict(self) -> dict[str, str]:
        if self.misc in ("", "_"):
            return {}
        out: dict[str, str] = {}
        for item in self.misc.split("|"):
            key, _, value = item.partition("=")
            out[key] = value
        return out

    def to_line(self) -> str:
        return "\t".join(
            [
                str(self.id),
                self.form,
                self.lemma,
                self.upos,
                self.xpos,
                self.feats,
                str(self.head),
                self.deprel,
                self.deps,
                self.misc,
            ]
        )


@dataclass
class Sentence:
    tokens: list[Token]
    comments: list[str] = field(default_factory=list)
    # Multiword-token lines ("1-2\tdu\t...") verbatim, keyed by the first word id.
    multiword: dict[int, str] = field(default_factory=dict)
    source: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(t.form for t in self.tokens)

    def meta(self, key: str) -> str | None:
        prefix = f"# {key} ="
        for c in self.comments:
            if c.startswith(prefix):
                return c[len(prefix) :].strip()
        return None

    def text(self) -> str:
        """Surface text, honouring SpaceAfter=No when present."""
        given = self.meta("text")
        if given is not None:
            return given
        parts: list[str] = []
        for t in self.tokens:
            parts.append(t.form)
            if t.misc_dict().get("SpaceAfter") != "No":
                parts.append(" ")
        return "".join(parts).strip()


def read_conll(path: str | os.PathLike[str]) -> Iterator[Sentence]:
    """Read CoNLL-U or CoNLL-X (10 tab-separated columns); yields sentences."""
    tokens: list[Token] = []
    comments: list[str] = []
    multiword: dict[int, str] = {}
    src = str(path)
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield Sentence(tokens, comments, multiword, src)
                tokens, comments, multiword = [], [], {}
                continue
            if line.startswith("#"):
                comments.append(line)
                continue
            cols = line.split("\t")
            if len(cols) < 8:
                continue
            while len(cols) < 10:
                cols.append("_")
            if "-" in cols[0]:
                multiword[int(cols[0].split("-")[0])] = line
                continue
            if "." in cols[0]:
                continue  # empty nodes: not part of the basic tree
            tokens.append(
                Token(
                    int(cols[0]),
                    cols[1],
                    cols[2],
                    cols[3],
                    cols[4],
                    cols[5],
                    int(cols[6]) if cols[6] not in ("_", "") else 0,
                    cols[7],
                    cols[8],
                    cols[9],
                )
            )
    if tokens:
        yield Sentence(tokens, comments, multiword, src)


def read_many(paths: Iterable[str | os.PathLike[str]]) -> list[Sentence]:
    out: list[Sentence] = []
    for p in paths:
        out.extend(read_conll(p))
    return out


def write_conllu(sentences: Iterable[Sentence], path: str | os.PathLike[str]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for s in sentences:
            for c in s.comments:
                out.write(c + "\n")
            for t in s.tokens:
                if t.id in s.multiword:
                    out.write(s.multiword[t.id] + "\n")
                out.write(t.to_line() + "\n")
            out.write("\n")


def default_data_dir() -> Path:
    """Treebank folder: $UD_DATA_DIR, else ../shared/ud relative to the repository root."""
    env = os.environ.get("UD_DATA_DIR")
    if env:
        return Path(env)
    repo_root = Path(__file__).resolve().parents[2]
    return (repo_root / ".." / "shared" / "ud").resolve()
