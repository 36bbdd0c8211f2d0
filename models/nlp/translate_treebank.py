"""Treebank translation: the Norwegian training treebank word by word into Swedish or Danish.

Swedish and Danish have 20k and 10k tokens of treebank here, Bokmål 244k. The languages share
their syntax nearly word for word but not their inflection and function words (Swedish present
"skickar" looks like a Norwegian plural noun; "har skickat" has a supine in -t/-at; "inte", "och",
"att"), and that is where a parser trained mostly on Norwegian goes wrong. So each Bokmål
training sentence is translated token by token with Apertium's Norwegian-Swedish and
Norwegian-Danish dictionaries (Debian `apertium-swe-nor`, `apertium-dan-nor`): the token's
analysis is chosen to agree with its gold part of speech and features, translated with the
bilingual dictionary and the pair's lexical-selection rules, and the target form generated. The
tree and the part of speech stay, the features are put in the target treebank's conventions
(`conventions`), and the lemma becomes the target lemma. Word order is not changed: the three
languages order main and subordinate clauses alike. This is the word-by-word variant of
treebank translation for cross-lingual parser training (Tiedemann, Agić & Nivre, CoNLL 2014).

A token keeps its Bokmål form when Apertium has no analysis agreeing with its tags, no
translation, or no single-word target form; names, numbers and punctuation always keep theirs.
The script prints how many tokens changed.

    python -m models.nlp.translate_treebank /tmp/nlp/corpus/nb/train_ndt.conllu sv \\
        /tmp/nlp/corpus/sv/train_from_nb.conllu
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from models.nlp.conllu_io import Sentence, Token, read_conll, write_conllu

APERTIUM = Path("/usr/share/apertium")
PAIRS = {  # target -> (analyser of Bokmål, bilingual dictionary, lexical selection, generator)
    "sv": ("apertium-swe-nor", "nob-swe.automorf.bin", "nor-swe.autobil.bin",
           ("nor-swe.autolex.bin", "nob-swe.autolex.bin"), "nor-swe.autogen.bin"),
    "da": ("apertium-dan-nor", "nob-dan.automorf.bin", "nor-dan.autobil.bin",
           ("nor-dan.autolex.bin",), "nor-dan.autogen.bin"),
}
# Apertium's main category for each UD part of speech.
CATEGORIES = {
    "NOUN": {"n"}, "VERB": {"vblex", "vbmod", "vbser", "vbhaver"},
    "AUX": {"vbmod", "vbser", "vbhaver", "vblex"}, "ADJ": {"adj"}, "ADV": {"adv", "preadv"},
    "ADP": {"pr"}, "CCONJ": {"cnjcoo"}, "SCONJ": {"cnjsub", "cnjadv"}, "PRON": {"prn"},
    "DET": {"det"}, "PART": {"part", "adv"}, "INTJ": {"ij"},
}
KEEP = {"PROPN", "PUNCT", "NUM", "SYM", "X"}
# Apertium tag -> the UD feature value it means (a tag agrees when the token has that value).
TAG_FEATS = {
    "pres": ("Tense", "Pres"), "pret": ("Tense", "Past"), "inf": ("VerbForm", "Inf"),
    "pp": ("VerbForm", "Part"), "imp": ("Mood", "Imp"), "pasv": ("Voice", "Pass"),
    "sg": ("Number", "Sing"), "pl": ("Number", "Plur"), "ind": ("Definite", "Ind"),
    "def": ("Definite", "Def"), "m": ("Gender", "Masc"), "f": ("Gender", "Fem"),
    "nt": ("Gender", "Neut"), "nom": ("Case", "Nom"), "acc": ("Case", "Acc"),
    "pst": ("Degree", "Pos"), "comp": ("Degree", "Cmp"), "sup": ("Degree", "Sup"),
}
SKIP_TAG = re.compile(r"compound|cmp|detriple")
HOMOGRAPH = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079]")  # "vara¹": Apertium's homograph marks
LU = re.compile(r"\^((?:\\.|[^$\\])*)\$")


def _escape(form: str) -> str:
    return re.sub(r"([\^$/<>{}\[\]@\\*#+~])", r"\\\1", form)


def _run(tool: Sequence[str], chunks: list[str]) -> list[str]:
    """Run an Apertium/lttoolbox tool in null-flush mode: one output chunk per input chunk."""
    out = subprocess.run([*tool], input="\0".join(chunks) + "\0", capture_output=True,
                         text=True, check=True).stdout
    parts = out.split("\0")
    while len(parts) > len(chunks) and parts[-1].strip() == "":  # the final flushes
        parts.pop()
    if len(parts) != len(chunks):
        raise RuntimeError(f"{tool[0]}: {len(chunks)} chunks in, {len(parts)} out")
    return parts


def _tags(analysis: str) -> tuple[str, list[str]]:
    lemma, _, rest = analysis.partition("<")
    return lemma, re.findall(r"<([^>]+)>", "<" + rest) if rest else []


def _feats(token: Token) -> dict[str, str]:
    if token.feats in ("", "_"):
        return {}
    return dict(item.split("=", 1) for item in token.feats.split("|"))


def choose(token: Token, analyses: list[str]) -> str | None:
    """The analysis that agrees best with the token's gold tags, as an Apertium unit body."""
    wanted = CATEGORIES.get(token.upos)
    if not wanted:
        return None
    feats = _feats(token)
    best, best_score = None, -99
    for analysis in analyses:
        lemma, tags = _tags(analysis)
        if not tags or tags[0] not in wanted or any(SKIP_TAG.search(t) for t in tags):
            continue
        score = 0
        for tag in tags[1:]:
            if tag in ("mf",):
                score += 1 if feats.get("Gender") in ("Masc", "Fem") else 0
            elif tag in TAG_FEATS:
                key, value = TAG_FEATS[tag]
                score += 1 if feats.get(key) == value else (-2 if key in feats else 0)
        if tags[0] == "vblex" and "pasv" not in tags and feats.get("Voice") == "Pass":
            score -= 2
        if "nt" in tags and "Gender" not in feats and not _neuter_ending(token):
            score -= 1  # an adjective without a gender feature: neuter only if it looks it
        if score > best_score:
            best, best_score = analysis, score
    return best


def _neuter_ending(token: Token) -> bool:
    form, lemma = token.form.lower(), token.lemma.lower()
    return form.endswith("t") and not lemma.endswith("t")


def _analyses(unit: str) -> list[str]:
    m = LU.search(unit)
    if not m:
        return []
    parts = re.split(r"(?<!\\)/", m.group(1))
    return [p for p in parts[1:] if not p.startswith("*")]


def _target(body: str) -> str | None:
    """The translation a bilingual unit's body `src/tgt` carries (the first left after
    selection)."""
    parts = re.split(r"(?<!\\)/", body)
    if len(parts) < 2 or parts[1].startswith(("@", "#", "*")) or not parts[1]:
        return None
    return parts[1]


def _generable(target: str, feats: dict[str, str], voice: bool) -> str:
    """Tags the generator expects where the transfer step would have set them: the voice of a
    verb (some forms take one, some none: both are tried), and an adjective's gender and number
    ("to be determined" by agreement) from the gold features. A definite adjective has one form
    in the target (Swedish "stora", Danish "store"), generated as the plural definite."""
    lemma, tags = _tags(target)
    tags = [t for t in tags if t != "VD"]
    if voice and tags and tags[0].startswith("vb") and not {"actv", "pasv"} & set(tags):
        tags.append("actv")
    if "GD" in tags or "ND" in tags:
        if "def" in tags:
            gender, number = "un", "pl"
        else:
            gender = "nt" if feats.get("Gender") == "Neut" else "ut"
            number = "pl" if feats.get("Number") == "Plur" else "sg"
            if number == "pl":
                gender = "un"
        tags = [gender if t == "GD" else number if t == "ND" else t for t in tags]
    return lemma + "".join(f"<{t}>" for t in tags)


def _case_like(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def conventions(sentence: Sentence, target: str, gender_only: bool = False) -> None:
    """The target treebank's feature conventions (Talbanken, DDT), so that the translated part
    and the target's own treebank teach the tagger one scheme: common gender for Masc/Fem;
    Voice=Act on active verbs; in Swedish Case=Nom on nouns, adjectives, names and numerals, and
    the supine (VerbForm=Sup) for a participle under "ha" (Norwegian "har sendt", Swedish "har
    skickat"); in Danish AdpType=Prep on prepositions."""
    perfect = {t.head for t in sentence.tokens if t.deprel == "aux" and t.lemma in ("ha", "have")}
    for t in sentence.tokens:
        f = _feats(t)
        if f.get("Gender") in ("Masc", "Fem"):
            f["Gender"] = "Com"
            if gender_only:
                t.feats = "|".join(f"{k}={v}" for k, v in sorted(f.items()))
        if gender_only:
            continue
        if t.upos in ("VERB", "AUX") and f.get("VerbForm") in ("Fin", "Inf", "Part"):
            if target == "sv" and f["VerbForm"] == "Part" and t.id in perfect:
                f = {"VerbForm": "Sup"}
            if f["VerbForm"] != "Part":
                f.setdefault("Voice", "Act")
        if target == "sv" and t.upos in ("NOUN", "ADJ", "PROPN", "NUM"):
            f.setdefault("Case", "Nom")
        if target == "da" and t.upos == "ADP":
            f.setdefault("AdpType", "Prep")
        t.feats = "|".join(f"{k}={v}" for k, v in sorted(f.items())) or "_"


def translate(sentences: list[Sentence], target: str, gender_only: bool = False
              ) -> tuple[list[Sentence], Counter[str]]:
    """The sentences with their words translated; counts of what happened to each token."""
    package, morf, bil, lex, gen = PAIRS[target]
    base = APERTIUM / package
    forms = sorted({t.form for s in sentences for t in s.tokens if t.upos not in KEEP})
    analysed = dict(zip(forms, _run(["lt-proc", "-z", "-w", str(base / morf)],
                                    [_escape(f) for f in forms]), strict=True))
    chosen: list[tuple[int, int, str]] = []  # (sentence, token, analysis)
    for si, s in enumerate(sentences):
        for ti, t in enumerate(s.tokens):
            if t.upos in KEEP:
                continue
            pick = choose(t, _analyses(analysed[t.form]))
            if pick is not None:
                chosen.append((si, ti, pick))
    # Lexical selection looks at the neighbours, so translate whole sentences of chosen units.
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for si, ti, pick in chosen:
        by_sentence.setdefault(si, []).append((ti, pick))
    order = sorted(by_sentence)
    lines = [" ".join(f"^{pick}$" for _ti, pick in by_sentence[si]) for si in order]
    bilingual = _run(["lt-proc", "-z", "-b", str(base / bil)], lines)
    for rules in lex:
        bilingual = _run(["lrx-proc", "-z", "-m", str(base / rules)], bilingual)
    targets: list[tuple[int, int, str]] = []
    for si, line in zip(order, bilingual, strict=True):
        units = LU.findall(line)
        if len(units) != len(by_sentence[si]):
            continue  # a unit was split or merged: leave this sentence in Bokmål
        for (ti, _pick), unit in zip(by_sentence[si], units, strict=True):
            tgt = _target(unit)
            if tgt is not None:
                targets.append((si, ti, tgt))
    generated = [
        _run(["lt-proc", "-z", "-g", str(base / gen)],
             [f"^{_generable(tgt, _feats(sentences[si].tokens[ti]), voice)}$"
              for si, ti, tgt in targets])
        for voice in (True, False)
    ]
    counts: Counter[str] = Counter()
    out = [Sentence([replace(t) for t in s.tokens], list(s.comments), dict(s.multiword), s.source)
           for s in sentences]
    for (si, ti, tgt), *forms in zip(targets, *generated, strict=True):
        form = next((f.strip() for f in forms if f.strip()[:1] not in ("#", "@", "")), "")
        token = out[si].tokens[ti]
        if not form or form[0] in "#@*" or " " in form or "\\" in form:
            counts["no target form"] += 1
            continue
        token.form = _case_like(form, token.form)
        token.lemma = HOMOGRAPH.sub("", _tags(tgt)[0].replace("\\", ""))
        counts["translated"] += 1
    for s in out:
        conventions(s, target, gender_only)
        s.comments = [c for c in s.comments if not c.startswith("# text")]
    counts["tokens"] = sum(len(s.tokens) for s in sentences)
    counts["kept (names, numbers, punctuation)"] = sum(
        1 for s in sentences for t in s.tokens if t.upos in KEEP)
    return out, counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conllu", type=Path, help="the Bokmål training treebank (train_ndt.conllu)")
    ap.add_argument("target", choices=sorted(PAIRS))
    ap.add_argument("out", type=Path, help="the translated treebank (CoNLL-U)")
    ap.add_argument("--docbin", type=Path, help="also write it as training DocBin, with entities")
    ap.add_argument("--gender-only", action="store_true",
                    help="of the target's conventions, only fold Masc/Fem into Com (see README)")
    a = ap.parse_args()
    sentences = list(read_conll(a.conllu))
    out, counts = translate(sentences, a.target, a.gender_only)
    write_conllu(out, a.out)
    if a.docbin is not None:
        import spacy

        from models.nlp.docs import save_docbin
        from models.nlp.prepare_data import docs_from, ents_of

        vocab = spacy.blank("nb").vocab
        save_docbin(docs_from(vocab, out, [ents_of(s) for s in out]), a.docbin)
    for key, value in counts.most_common():
        print(f"{key:40} {value:8}  {100 * value / counts['tokens']:5.1f}%")


if __name__ == "__main__":
    main()
