"""Part-of-speech repairs where the lexicon and the tree agree against the tagger.

The taggers are trained on small treebanks (Talbanken has under 100k words), so an inflected form
they have never seen is guessed from its ending, and Scandinavian endings are ambiguous: Swedish
"-ar" is both the present tense of first-conjugation verbs ("exporterar") and a noun plural
("robotar"); Norwegian "-er" is both a present tense and a plural. The parser's attachments are
often right even when the tag is wrong, so a token is re-tagged only when both say so:

- a NOUN whose dictionary lemma is a verb of the trigger lexicon and which governs a subject
  (without a copula: "soldat" in "han er soldat" governs one too) or an object is a verb;
- a VERB whose written form names a good of the item lexicon and which the tree attaches as a
  nominal (object, subject, oblique, noun modifier) and which governs no subject is a noun.

A verb whose lemma the lemmatizer got wrong ("sålt" left as "sålt", a Swedish "kommer" given the
Norwegian "komme" by a pipeline trained on both) gets the lemma of the verb forms table, which
Apertium's full paradigms built (models/lexicon/verb_forms.py).

The rules run on each parsed sentence before extraction. They change `pos_` and `lemma_` only;
the tree stays the parser's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.claims.tree import dep
from service.claims.words import Lexicon, dictionary_lemma

_NOMINAL_LINKS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "nmod", "appos", "conj", "iobj"})


def _has(token: Token, *links: str) -> bool:
    return any(dep(c) in links for c in token.children)


def _verb_taken_for_noun(token: Token, lex: Lexicon) -> bool:
    if token.pos_ != "NOUN" or _has(token, "cop", "det", "amod", "case"):
        return False
    if not _has(token, "nsubj", "nsubj:pass", "obj"):
        return False
    if token.lower_ in lex.verb_forms:
        return True
    lemma = dictionary_lemma(token.lower_, lex.language)
    return bool(lex.verbs.get(lemma) or lex.verbs.get(token.lemma_.lower()))


def _noun_taken_for_verb(token: Token, lex: Lexicon) -> bool:
    if token.pos_ != "VERB" or dep(token) not in _NOMINAL_LINKS:
        return False
    if _has(token, "nsubj", "nsubj:pass", "aux", "mark", "obj"):
        return False
    if lex.verbs.get(dictionary_lemma(token.lower_, lex.language)):
        return False
    return lex.item(token.lower_, token.lower_) is not None


def _verb_lemma(token: Token, lex: Lexicon) -> str | None:
    """The table's lemma of a verb whose own lemma no lexicon knows; a trigger verb first when
    a form has several ("la": "legge" and "la")."""
    own = token.lemma_.lower()
    if own in lex.verbs or own in lex.multiword or own in lex.verb_lemmas:
        return None
    lemmas = lex.verb_forms.get(token.lower_)
    if not lemmas:
        return None
    return min(lemmas, key=lambda lemma: (lemma not in lex.verbs, lemma))


def repair(doc: Doc, lex: Lexicon) -> Doc:
    """Re-tag and re-lemmatise, in place, the tokens the rules above recognise; returns `doc`."""
    for token in doc:
        if _verb_taken_for_noun(token, lex):
            token.pos_ = "VERB"
        elif _noun_taken_for_verb(token, lex):
            token.pos_ = "NOUN"
        if token.pos_ in ("VERB", "AUX") and (lemma := _verb_lemma(token, lex)):
            token.lemma_ = lemma
    return doc
