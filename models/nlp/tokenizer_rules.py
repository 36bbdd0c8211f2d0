"""Tokenizer adjustments for Scandinavian news, stored inside the pipeline (plain spaCy rules).

spaCy's nb/sv/da tokenizers already keep intra-word hyphens ("NASAMS-systemer", "F-16-fly",
"Nord-Korea", "Shahed-136") and split off «», quotes and dashes. Measured against the gold tokens
of the UD test parts, what remains is:
  * nb: a number of three or more digits keeps a following period ("i 2005."), because nb treats
    "11." as an ordinal; years and amounts end sentences far more often than they are ordinals,
    so the period is split off after 3+ digits (dates like "11. oktober" keep theirs);
  * abbreviation exceptions that are also ordinary words at the end of a sentence
    ("i.", "min.", "jul.", "to.", "eg.") are removed;
  * nb/nn: number ranges "1-2", "10–15" are split at the hyphen / dash, as in Norwegian UD
    (Danish and Swedish UD keep them whole, so they stay whole there);
  * a dash written between words without spaces ("Ukraina–Russland") is split off.
Everything is expressed as prefix/suffix/infix regexes and special cases, which nlp.to_disk
serialises, so spacy.load needs no code from this repository.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

# Abbreviations in spaCy's exception lists that collide with common words before a full stop.
AMBIGUOUS_ABBREVIATIONS = {
    "nb": [
        "i.",
        "min.",
        "jul.",
        "to.",
        "eg.",
        "vgs.",
        "sek.",
        "tlf.",
        "nr.",
        "mill.",
        "mrd.",
        "kl.",
    ],
    "sv": [],
    "da": ["min.", "jul.", "to.", "tlf."],
}
# Kept although ambiguous: they are far more often abbreviations in news ("kl. 12", "nr. 3").
KEEP = {"kl.", "nr.", "mill.", "mrd.", "tlf.", "sek."}

NUMBER_RANGE = r"(?<=[0-9])[-–—](?=[0-9])"
WORD_DASH = r"(?<=[A-Za-zÆØÅæøåÄÖäöÉéÜü])[–—](?=[A-Za-zÆØÅæøåÄÖäöÉéÜü])"
LONG_NUMBER_PERIOD = r"(?<=[0-9]{3})\."


def customize_tokenizer(nlp: Language, lang: str) -> None:
    """Adjust nlp.tokenizer in place. `lang` is the variety (nb, nn, sv, da)."""
    family = "nb" if lang in ("nb", "nn") else lang
    tok = nlp.tokenizer
    assert isinstance(tok, Tokenizer), "expects spaCy's rule-based tokenizer"
    infixes = list(nlp.Defaults.infixes or []) + [WORD_DASH]
    if family == "nb":  # Danish (and Swedish) UD keep "10-15" as one token
        infixes.append(NUMBER_RANGE)
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    if family == "nb":
        suffixes = list(nlp.Defaults.suffixes or []) + [LONG_NUMBER_PERIOD]
        tok.suffix_search = compile_suffix_regex(suffixes).search
    rules = dict(tok.rules or {})
    for abbr in AMBIGUOUS_ABBREVIATIONS.get(family, []):
        if abbr in KEEP:
            continue
        for variant in (abbr, abbr.capitalize()):
            rules.pop(variant, None)
    tok.rules = rules
