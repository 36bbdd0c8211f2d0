"""Part-of-speech repairs where the lexicon and the tree agree against the tagger.

The taggers are trained on small treebanks (Talbanken has under 100k words), so an inflected form
they have never seen is guessed from its ending, and Scandinavian endings are ambiguous: Swedish
"-ar" is both the present tense of first-conjugation verbs ("exporterar") and a noun plural
("robotar"); Norwegian "-er" is both a present tense and a plural. The parser's attachments are
often right even when the tag is wrong, so a token is re-tagged only when both say so:

- a NOUN whose dictionary lemma is a verb of the trigger lexicon and which governs a subject
  (without a copula: "soldat" in "han er soldat" governs one too) or an object is a verb;
- an ADJ with a passive auxiliary or subject ("salet vart underteikna") is a participle: a verb,
  when its lemma is a verb of the trigger lexicon;
- a capitalised first word of a sentence tagged PROPN that the lexicons know as a common noun
  ("Våpenstøtta frå ...") and no name table knows is a noun: orthography, not a name;
- a VERB whose written form names a good of the item lexicon and which the tree attaches as a
  nominal (object, subject, oblique, noun modifier) and which governs no subject is a noun.

A verb so re-tagged that the parse made a dependent of the noun right after it ("Nordkorea
levererar robotar": *levererar* the subject of *robotar*, *robotar* heading the clause) while it
has a subject of its own before it is given back its place: it takes over the noun's head and
relation, the noun becomes its object, and the noun's clause-level dependents (obliques,
adverbials, markers, punctuation) move to the verb. No noun governs a finite verb with its own
subject, so the tree cannot have been right.

The particle of a particle verb of the trigger lexicon read as the preposition of the noun after
it ("har lämnat över tre system": *över* the case of *system*, *system* an oblique) is made the
verb's particle and the noun its object, when the verb has no object: the particle comes right
after the verb (adverbs aside), where a preposition of a separate phrase would not leave the
verb without an object.

A supine or participle of a trigger verb tagged adverb or adjective (or tagged a verb but hung
under the auxiliary as its modifier) right after a form of "ha" (Swedish "har beställt", "hade
skickat": the Norwegian-heavy joint tagger knows -t mostly as an adjective or adverb ending) is
the main verb of a perfect: it is re-tagged and takes the auxiliary's place in the tree, the
auxiliary becoming its `aux` and handing it its subject, objects and adverbials.

A verb whose lemma the lemmatizer got wrong ("sålt" left as "sålt", a Swedish "kommer" given the
Norwegian "komme" by a pipeline trained on both) gets the lemma of the verb forms table, which
Apertium's full paradigms built (models/lexicon/verb_forms.py).

A verb in the s-passive tagged active is made passive (Voice=Pass): its form is another form of
the same lemma plus -s in the verb forms table ("levererades" = "levererade" + s, "leveres" =
"levere" + s, "leveredes"), and its lemma does not itself end in -s (deponents such as "lyckas",
"finnes" are active). The Swedish past s-passive has no Norwegian counterpart in the translated
training treebank, so the tagger reads it as the active past.

The rules run on each parsed sentence before extraction. Apart from the one promotion above they
change `pos_`, `lemma_` and the voice only; the tree stays the parser's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.claims.gazetteer import gazetteer
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


def _participle_taken_for_adjective(token: Token, lex: Lexicon) -> bool:
    if token.pos_ != "ADJ" or not _has(token, "aux:pass", "nsubj:pass"):
        return False
    lemmas = {token.lemma_.lower(), dictionary_lemma(token.lower_, lex.language)}
    lemmas |= set(lex.verb_forms.get(token.lower_, ()))
    return any(lemma in lex.verbs or lemma in lex.multiword for lemma in lemmas)


def _first_word_taken_for_name(token: Token, lex: Lexicon) -> bool:
    first = next((t for t in token.doc if not t.is_punct), None)
    if token.pos_ != "PROPN" or first is None or token.i != first.i or token.text.isupper():
        return False
    if gazetteer().lookup((token.text,)) is not None:
        return False
    low = token.lower_
    return bool(lex.noun_classes(low, low)) or lex.item(low, low) is not None


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


def _s_passive(token: Token, lex: Lexicon) -> bool:
    form = token.lower_
    if not form.endswith("s") or "Pass" in token.morph.get("Voice", []):
        return False
    lemmas = set(lex.verb_forms.get(form, ()))
    active = set(lex.verb_forms.get(form[:-1], ())) | ({form[:-1]} & lex.verb_lemmas)
    return any(not lemma.endswith("s") for lemma in lemmas & active)


_CLAUSE_LINKS = frozenset(
    {"obl", "advmod", "advcl", "mark", "punct", "cc", "conj", "parataxis", "ccomp", "xcomp", "aux"}
)


def _promote_verb(verb: Token) -> None:
    """The verb re-tagged from a noun, attached below its object noun: put it above."""
    noun = verb.head
    if (
        verb.pos_ != "VERB" or noun.pos_ != "NOUN" or noun.i <= verb.i or noun.i - verb.i > 3
        or dep(verb) not in ("nsubj", "nmod", "compound", "amod")
        or not any(dep(c) == "nsubj" and c.i < verb.i for c in verb.children)
    ):
        return
    moving = [c for c in noun.children if dep(c) in _CLAUSE_LINKS and c.i != verb.i]
    verb.dep_, verb.head = noun.dep_, verb if noun.head.i == noun.i else noun.head
    noun.dep_, noun.head = "obj", verb
    for child in moving:
        child.head = verb


_HAVE = frozenset({"ha", "have", "hava"})


def _supine_taken_for_modifier(token: Token, lex: Lexicon) -> bool:
    if token.pos_ not in ("ADV", "ADJ", "VERB") or not token.i:
        return False
    if token.pos_ == "VERB" and not (
        token.head.lemma_.lower() in _HAVE and dep(token) in ("advmod", "amod", "obj", "nmod")
    ):
        return False  # a verb: only when the parser hung it under "har" as a modifier
    lemmas = lex.verb_forms.get(token.lower_, ())
    if not any(lemma in lex.verbs or lemma in lex.multiword for lemma in lemmas):
        return False
    doc = token.doc
    aux = next((t for t in reversed(doc[max(0, token.i - 3) : token.i]) if t.pos_ != "ADV"
                or t.lemma_.lower() in _HAVE), None)
    if aux is None or aux.lemma_.lower() not in _HAVE or aux.pos_ not in ("AUX", "VERB"):
        return False
    if aux.head.i != aux.i and aux.head.pos_ in ("VERB", "AUX"):
        return False  # the auxiliary already serves a verb: leave that tree alone
    token.pos_ = "VERB"
    token.lemma_ = min(lemmas, key=lambda lemma: (lemma not in lex.verbs, lemma))
    moving = [c for c in aux.children if c.i != token.i]
    token.dep_, token.head = aux.dep_, token if aux.head.i == aux.i else aux.head
    aux.dep_, aux.head, aux.pos_ = "aux", token, "AUX"
    for child in moving:
        child.head = token
    for child in list(token.children):
        nominal = child.pos_ in ("NOUN", "PROPN")
        if dep(child) in ("amod", "advmod") and child.i > token.i and nominal:
            child.dep_ = "obj"
    return True


_PARTICLE_CLASSES = frozenset({"GIVE", "RECEIVE"})


def _particle_taken_for_preposition(verb: Token, lex: Lexicon) -> None:
    if verb.pos_ != "VERB" or _has(verb, "obj", "compound:prt"):
        return
    # Only transfer verbs: in "be om", "si nei til" the word is a true preposition of the
    # phrase the rules read as such.
    rests = {
        rest for rest, cls in lex.multiword.get(verb.lemma_.lower(), [])
        if len(rest) == 1 and cls in _PARTICLE_CLASSES
    }
    if not rests:
        return
    doc = verb.doc
    for noun in verb.children:
        if dep(noun) != "obl" or noun.i < verb.i:
            continue
        case = next((c for c in noun.children if dep(c) == "case"), None)
        if case is None or (case.lower_,) not in rests:
            continue
        if any(t.pos_ != "ADV" for t in doc[verb.i + 1 : case.i]):
            continue
        case.head, case.dep_ = verb, "compound:prt"
        noun.dep_ = "obj"
        return


def repair(doc: Doc, lex: Lexicon) -> Doc:
    """Re-tag and re-lemmatise, in place, the tokens the rules above recognise; returns `doc`."""
    for token in doc:
        if _verb_taken_for_noun(token, lex):
            token.pos_ = "VERB"
            _promote_verb(token)
        elif _participle_taken_for_adjective(token, lex):
            token.pos_ = "VERB"
        elif _supine_taken_for_modifier(token, lex):
            pass  # re-tagged and re-attached there
        elif _noun_taken_for_verb(token, lex) or _first_word_taken_for_name(token, lex):
            token.pos_ = "NOUN"
        if token.pos_ in ("VERB", "AUX") and (lemma := _verb_lemma(token, lex)):
            token.lemma_ = lemma
        if token.pos_ == "VERB" and _s_passive(token, lex):
            features = token.morph.to_dict()
            features["Voice"] = "Pass"
            token.set_morph(features)  # type: ignore[attr-defined]  # absent from the stubs
        _particle_taken_for_preposition(token, lex)
    return doc
