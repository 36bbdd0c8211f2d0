"""Build service/claims/lexicon/verb_forms.tsv: every inflected form of the verbs the claim rules
look up, with its lemma, per language.

Why: the lemmatizers are trained on small treebanks and miss irregular forms ("sålt", "solgte",
"gav") and forms they have never seen; the rules match verbs by lemma. Apertium's morphological
analysers know the full paradigms. They are applied to every word form simplemma's dictionary lists
for the language (about a million for Swedish), and a form is kept when one of its verb readings
has a lemma the rules use: a trigger verb (triggers.tsv), the head of a multiword trigger, or one of
the function verbs below (auxiliaries, speech and control verbs). The service only reads the table;
Apertium is needed only to rebuild it.

    apt-get install -y apertium-nno-nob apertium-swe-nor apertium-dan-nor
    python models/lexicon/verb_forms.py          # about a minute; deterministic
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
from collections import defaultdict
from pathlib import Path

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "service" / "claims" / "lexicon"
APERTIUM = Path("/usr/share/apertium")
ANALYSERS = {
    "nb": "apertium-nno-nob/nob-nno.automorf.bin",
    "nn": "apertium-nno-nob/nno-nob.automorf.bin",
    "sv": "apertium-swe-nor/swe-nob.automorf.bin",
    "da": "apertium-dan-nor/dan-nob.automorf.bin",
}
VERB_TAGS = frozenset({"vblex", "vbmod", "vaux", "vbser", "vbhaver"})
# Function verbs the rules test by lemma (tense and modal auxiliaries, saying, accusing,
# control verbs); the lemmas as the Apertium analysers spell them.
FUNCTION = {
    "nb": "ha være bli få komme gå skulle ville kunne måtte burde si hevde mene opplyse uttale "
          "bekrefte avvise nekte benekte anklage beskylde mistenke be planlegge vurdere",
    "nn": "ha vere verte bli få kome gå skulle ville kunne måtte burde seie hevde meine opplyse "
          "stadfeste avvise nekte skulde mistenkje be planleggje vurdere",
    "sv": "ha vara bli få komma gå skola vilja kunna måste böra säga hävda mena uppge uttala "
          "bekräfta avvisa neka förneka anklaga beskylla misstänka be planera överväga",
    "da": "have være blive få komme gå skulle ville kunne måtte burde sige hævde mene oplyse "
          "udtale bekræfte afvise nægte benægte anklage beskylde mistænke bede planlægge overveje",
}
_UNIT = re.compile(r"\^(.*?)\$")


def wanted_lemmas(language: str) -> set[str]:
    lemmas = set(FUNCTION[language].split())
    text = (LEXICON / "triggers.tsv").read_text("utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if ln and not ln.startswith("#")),
                          delimiter="\t")
    for row in rows:
        if row["lang"] == language and row["pos"] in ("VERB", "AUX"):
            lemmas.add(row["lemma"].lower().split()[0])
    return lemmas


def analyse(transducer: Path, forms: list[str]) -> list[str]:
    """One lt-proc output line per form (Apertium keeps line breaks as blanks)."""
    out = subprocess.run(["lt-proc", str(transducer)], input="\n".join(forms) + "\n",
                         capture_output=True, text=True, check=True).stdout.split("\n")
    return (out + [""] * len(forms))[: len(forms)]


def verb_lemmas(line: str) -> set[str]:
    """The lemmas of the verb readings in one analysis ('^sålt/sälja<vblex><supn>...$')."""
    unit = _UNIT.search(line)
    found = set()
    for reading in (unit.group(1).split("/")[1:] if unit else []):
        tags = re.findall(r"<([^>]+)>", reading)
        if tags and tags[0] in VERB_TAGS and not any(t.startswith("cmp") for t in tags):
            found.add(reading.split("<")[0].lower())
    return found


def build(language: str, apertium: Path) -> dict[str, set[str]]:
    lemmas = wanted_lemmas(language)
    # Only single lower-case words; a verb form has no digits or punctuation.
    forms = sorted({f for f in DefaultDictionaryFactory().get_dictionary(language).keys()
                    if f.isalpha() and f.islower()} | lemmas)
    table: dict[str, set[str]] = defaultdict(set)
    for form, line in zip(forms, analyse(apertium / ANALYSERS[language], forms), strict=True):
        for lemma in verb_lemmas(line) & lemmas:
            if form != lemma:
                table[form].add(lemma)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apertium-dir", type=Path, default=APERTIUM)
    parser.add_argument("--out", type=Path, default=LEXICON / "verb_forms.tsv")
    args = parser.parse_args()
    lines = [
        "# Inflected forms of the verbs the claim rules use, and their lemmas (lang, form, lemma).",
        "# Built by models/lexicon/verb_forms.py: Apertium's analysers (apertium-nno-nob GPL-2+,",
        "# apertium-swe-nor GPL-3+, apertium-dan-nor GPL-2+) over simplemma's word lists (MIT).",
        "lang\tform\tlemma",
    ]
    for language in ANALYSERS:
        table = build(language, args.apertium_dir)
        for form in sorted(table):
            lines += [f"{language}\t{form}\t{lemma}" for lemma in sorted(table[form])]
        print(f"{language}: {len(table)} forms")
    args.out.write_text("\n".join(lines) + "\n", "utf-8")


if __name__ == "__main__":
    main()
