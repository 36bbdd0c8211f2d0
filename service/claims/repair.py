"""Part-of-speech repairs where the lexicon and the tree agree against the tagger.

The taggers are trained on small treebanks (Talbanken has under 100k words), so an inflected form
they have never seen is guessed from its ending, and Scandinavian endings are ambiguous: Swedish
"-ar" is both the present tense of first-conjugation verbs ("exporterar") and a noun plural
("robotar"); Norwegian "-er" is both a present tense and a plural. The parser's attachments are
often right even when the tag is wrong, so a token is re-tagged only when both say so:

- a NOUN whose dictionary lemma is a verb of the trigger lexicon and which governs a subject
  (without a copula: "soldat" in "han er soldat" governs one too) or an object is a verb;
- an ADJ with a passive auxiliary or subject ("salet vart underteikna"), or a participle after
  its noun with an agent ("missil levert av Nord-Korea", then a participle clause: `acl`), is a
  verb, when its lemma is a verb of the trigger lexicon;
- a capitalised first word of a sentence tagged PROPN that the lexicons know as a common noun
  ("Våpenstøtta frå ...") and no name table knows is a noun: orthography, not a name;
- a VERB whose written form names a good of the item lexicon and which the tree attaches as a
  nominal (object, subject, oblique, noun modifier) and which governs no subject is a noun.
- a VERB whose written form names a good, that no verb table knows, and that governs a verb
  standing right before it ("skicka robotar": *skicka* the subject of *robotar*) is that verb's
  object: the verb takes its place in the tree and the clause's dependents. So is one hung as a
  clause without subject, auxiliary or marker under a verb before it that has no object ("Nu
  skickar Sverige robotar": *robotar* an adverbial clause).
- a second subject after a transfer verb that names a good ("Sverige skickar Archersystem") is
  its object;
- a noun and the name right after it, both subjects of one verb ("Ammunisjonsprodusenten
  Nammo har"), are one phrase: the name is the noun's apposition;
- a known state's bare name between a transfer verb and its object, hung on the goods phrase
  ("har gitt Russland millioner av granater"), is the verb's indirect object.

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

The rules run on each parsed sentence before extraction. Apart from the promotions above they
change `pos_`, `lemma_` and the voice only; the tree stays the parser's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.claims import actors_data
from service.claims.discourse import noun_keys
from service.claims.gazetteer import gazetteer
from service.claims.items import names_goods
from service.claims.systems import system_category
from service.claims.tree import dep, said_in_passive
from service.claims.words import Lexicon, dictionary_lemma

_NOMINAL_LINKS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "nmod", "appos", "conj", "iobj"})


def _has(token: Token, *links: str) -> bool:
    return any(dep(c) in links for c in token.children)


def _verb_taken_for_noun(token: Token, lex: Lexicon) -> bool:
    if token.pos_ != "NOUN" or any(
        dep(c) in ("cop", "det", "amod", "case") and c.pos_ != "PROPN" for c in token.children
    ):
        return False
    if not _has(token, "nsubj", "nsubj:pass", "obj") and not _name_then_clause(token):
        return False
    if token.lower_ in lex.verb_forms:
        return True
    lemma = dictionary_lemma(token.lower_, lex.language)
    return bool(lex.verbs.get(lemma) or lex.verbs.get(token.lemma_.lower()))


def _name_then_clause(token: Token) -> bool:
    """ "Iran benægter at have sendt ...", "Minsk afviser.": a root right after a name, with a
    that- or infinitive clause of its own or ending the sentence, is a verb; the name, hung on
    it as a modifier, its subject."""
    if token.head.i != token.i or token.i == 0:
        return False
    name = token.doc[token.i - 1]
    if name.pos_ != "PROPN" or name.head.i != token.i or dep(name) not in _NAME_MODIFIERS:
        return False
    if all(t.is_punct for t in token.doc[token.i + 1 :]) and name.i == 0:
        return True
    return any(
        dep(c) in ("acl", "ccomp", "xcomp", "csubj") and _has(c, "mark") for c in token.children
    )


def _clause_of_verb(verb: Token) -> None:
    """The name and the clause hung on a root read as a noun, once it is a verb again."""
    before = verb.doc[verb.i - 1] if verb.i else None
    if before is not None and dep(before) in _NAME_MODIFIERS and before.head == verb:
        before.dep_ = "nsubj"
    for child in verb.children:
        if dep(child) == "acl" and _has(child, "mark"):
            child.dep_ = "xcomp"
        elif dep(child) == "csubj" and _has(child, "mark"):
            child.dep_ = "ccomp"  # "uppger att ...": what is said, not a subject


_NAME_MODIFIERS = frozenset({"nummod", "nmod", "compound", "amod", "appos", "flat"})


def _noun_taken_for_adjective(token: Token, lex: Lexicon) -> bool:
    """ "innført våpenembargo mot X": a trigger noun tagged as an adjective in a role only a
    noun fills (object, subject); no adjective lemma of the lexicon is a transfer noun."""
    if token.pos_ != "ADJ" or dep(token) not in ("obj", "nsubj", "nsubj:pass"):
        return False
    return bool(lex.noun_classes(token.lemma_, token.text))


_AGENT = frozenset({"av", "af"})


def _by_agent(token: Token) -> bool:
    """A dependent phrase with "av/af" ("missil levert av Nord-Korea"): a passive's agent."""
    return any(
        dep(c) in ("obl", "obl:agent", "nmod") and any(
            dep(g) == "case" and g.lower_ in _AGENT for g in c.children
        )
        for c in token.children if c.i > token.i
    )


def _participle_taken_for_adjective(token: Token, lex: Lexicon) -> bool:
    if token.pos_ != "ADJ":
        return False
    attributive = dep(token) == "amod" and "Part" in token.morph.get("VerbForm", []) and (
        token.head.i < token.i and _by_agent(token)
    )
    lemmas = {token.lemma_.lower(), dictionary_lemma(token.lower_, lex.language)}
    lemmas |= set(lex.verb_forms.get(token.lower_, ()))
    if not attributive and not _has(token, "aux:pass", "nsubj:pass"):
        return _stative_supply(token, lemmas, lex)
    return any(lemma in lex.verbs or lemma in lex.multiword for lemma in lemmas)


def _stative_supply(token: Token, lemmas: set[str], lex: Lexicon) -> bool:
    """ "Hæren er utstyrt med artilleri fra Kina": a participle of equipping after a copula is
    a passive (its subject the one equipped); it is re-labelled so."""
    if not (_has(token, "cop") and _has(token, "nsubj")):
        return False
    if not any("SUPPLY_WITH" in lex.verbs.get(lemma, ()) for lemma in lemmas):
        return False
    for child in token.children:
        if dep(child) == "cop":
            child.dep_ = "aux:pass"
        elif dep(child) == "nsubj":
            child.dep_ = "nsubj:pass"
    return True


def _verb_taken_for_conjunct(token: Token, lex: Lexicon) -> bool:
    """ "har kjøpt og overlevert stridsvogner": a participle coordinated with a verb, tagged as
    an adjective or a noun, whose lemma is a trigger verb's."""
    if token.pos_ not in ("ADJ", "NOUN") or dep(token) != "conj" or token.head.pos_ != "VERB":
        return False
    if _has(token, "det", "case", "amod") or token.head.i > token.i:
        return False
    lemmas = {token.lemma_.lower(), dictionary_lemma(token.lower_, lex.language)}
    lemmas |= set(lex.verb_forms.get(token.lower_, ()))
    return any(lemma in lex.verbs for lemma in lemmas)


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
    if "Pass" in token.morph.get("Voice", []):
        return False
    if lex.language == "nn" and form.endswith("ast") and form not in lex.verb_forms:
        # Nynorsk s-passive infinitive after a modal: "skal overleverast" (overlevere).
        stem = form[:-3]
        return bool({stem + "e", stem + "a"} & (lex.verb_lemmas | set(lex.verbs)))
    if not form.endswith("s"):
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
    if verb.head.i == noun.i:
        verb.dep_, verb.head = noun.dep_, verb if noun.head.i == noun.i else noun.head
    noun.dep_, noun.head = "obj", verb
    for child in moving:
        child.head = verb


# Words a noun phrase may have between a verb and its head noun ("skicka fler robotar",
# "sende 100 nye granater").
_NOMINAL_MODIFIERS = frozenset({"DET", "NUM", "ADJ", "ADV"})
# A re-tagged head noun's dependents that stay with it; the rest belong to the clause.
_NOUN_LINKS = frozenset({"det", "amod", "nummod", "compound", "flat", "flat:name", "nmod:poss"})
# Dependents that belong to a clause wherever they stand: a subject is never a noun's.
_CLAUSE_LINKS = frozenset({"nsubj", "nsubj:pass", "aux", "aux:pass"})
_VERB_FEATURES = frozenset({"Mood", "Tense", "VerbForm", "Voice"})


def _goods_taken_for_clause_head(token: Token, lex: Lexicon) -> Token | None:
    """The verb whose object `token` is, when the tagger read a good's plural as a finite verb
    and hung the real verb below it: Swedish and Nynorsk "-ar" ("skicka robotar", "senda
    granatar"). The item lexicon must know the written form as a good, the trigger lexicon and
    the verb forms table must not know it as a verb, and the verb must stand right before it,
    with nothing but the phrase's own modifiers between."""
    if token.pos_ != "VERB" or not _goods_not_verb(token, lex):
        return None
    doc = token.doc
    for verb in token.children:
        if verb.pos_ != "VERB" or verb.i > token.i or _has(verb, "obj"):
            continue
        if all(t.pos_ in _NOMINAL_MODIFIERS for t in doc[verb.i + 1 : token.i]):
            return verb
    return None


def _verb_taken_for_auxiliary(token: Token, lex: Lexicon) -> Token | None:
    """ "Finland har fått stridsvagnar": a transfer verb read as an auxiliary of the goods noun
    after it, which the parser made the clause's head. An auxiliary is followed by a verb; the
    one right before a good with no verb between is the clause's verb."""
    if token.pos_ != "NOUN" or lex.item(token.lemma_, token.text) is None:
        return None
    doc = token.doc
    auxes = [c for c in token.children if dep(c) == "aux" and c.i < token.i]
    if not auxes or any(t.pos_ == "VERB" for t in doc[auxes[-1].i + 1 : token.i]):
        return None
    verb = auxes[-1]
    if not lex.verbs.get(verb.lemma_.lower()) or verb.lemma_.lower() in _HAVE:
        return None
    if not all(t.pos_ in _NOMINAL_MODIFIERS for t in doc[verb.i + 1 : token.i]):
        return None
    verb.pos_ = "VERB"
    return verb


def _goods_taken_for_verb_complement(token: Token, lex: Lexicon) -> bool:
    """A good's plural read as a verb and hung as a clause under the verb before it ("Nu skickar
    Sverige robotar": *robotar* an adverbial clause of *skickar*) with no subject, auxiliary or
    marker of its own, where that verb has no object: the object it is."""
    head = token.head
    if token.pos_ != "VERB" or head.pos_ != "VERB" or head.i > token.i or _has(head, "obj"):
        return False
    if dep(token) not in ("advcl", "xcomp", "ccomp", "parataxis"):
        return False
    if _has(token, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "obj"):
        return False
    return _goods_not_verb(token, lex)


def _goods_taken_for_object_verb(token: Token, lex: Lexicon) -> bool:
    """A good's plural read as a verb, yet hung as the object of the verb before it, with the
    clause's subject below it ("Samma år köpte Polen också haubitsar": *haubitsar* a verb with
    *Polen* its subject): the object it is, and its clause dependents are the verb's."""
    head = token.head
    if token.pos_ != "VERB" or head.pos_ != "VERB" or head.i > token.i:
        return False
    if dep(token) != "obj" and (  # or a clause under a verb with neither object nor subject
        dep(token) not in ("advcl", "xcomp", "ccomp", "parataxis") or _has(head, "obj", "nsubj")
    ):
        return False
    return _goods_not_verb(token, lex)


def _goods_not_verb(token: Token, lex: Lexicon) -> bool:
    """The written form names a good, and neither verb table knows it as a verb."""
    form = token.lower_
    if form in lex.verb_forms or lex.verbs.get(dictionary_lemma(form, lex.language)):
        return False
    return lex.item(token.lower_, token.lower_) is not None


def _demote_to_object(noun: Token, verb: Token, lex: Lexicon) -> None:
    """`noun`, read as a verb above or below `verb`: make it a noun and `verb`'s object, `verb`
    taking the clause's dependents (and, when it hung below, the noun's place in the tree)."""
    noun.pos_ = "NOUN"
    noun.lemma_ = dictionary_lemma(noun.lower_, lex.language)
    features = {k: v for k, v in noun.morph.to_dict().items() if k not in _VERB_FEATURES}
    noun.set_morph(features)  # type: ignore[attr-defined]  # absent from the stubs
    moving = [c for c in noun.children if c.i != verb.i and (dep(c) in _CLAUSE_LINKS or not (
        dep(c) in _NOUN_LINKS or verb.i < c.i < noun.i or dep(c) == "conj" and c.pos_ == "NOUN"
    ))]
    if verb.head.i == noun.i:
        verb.dep_, verb.head = noun.dep_, verb if noun.head.i == noun.i else noun.head
    noun.dep_, noun.head = "obj", verb
    for child in moving:
        child.head = verb


def _goods_taken_for_subject(verb: Token, lex: Lexicon) -> None:
    """A transfer verb with a subject before it and a second "subject" after it that names a
    good ("Sverige skickar Archersystem till Ukraina"): a clause has one subject, and goods do
    not send themselves, so the second is the object."""
    if verb.pos_ != "VERB" or _has(verb, "obj"):
        return
    if not {"GIVE", "RECEIVE"} & lex.verbs.get(verb.lemma_.lower(), frozenset()):
        return  # goods neither send nor buy themselves
    subjects = [c for c in verb.children if dep(c) == "nsubj"]
    # The real subject may hang on the auxiliary ("Danmark skal etter planen levere F-16-flya":
    # "Danmark" under "skal"): it is the verb's.
    on_aux = [c for a in verb.children if dep(a) == "aux" for c in a.children
              if dep(c) == "nsubj" and c.i < verb.i]
    if on_aux and subjects and subjects[0].i > verb.i and names_goods(subjects[0], lex):
        on_aux[0].head = verb
        subjects = [on_aux[0], *subjects]
    if len(subjects) < 2 or subjects[0].i > verb.i:
        return
    for later in subjects[1:]:
        if later.i > verb.i and names_goods(later, lex):
            later.dep_ = "obj"
            return


def _name_taken_for_second_subject(verb: Token) -> None:
    """ "Ammunisjonsprodusenten Nammo har fått": a noun and the name right after it, both read
    as subjects of one verb, are one phrase; the name is the noun's apposition."""
    subjects = [c for c in verb.children if dep(c) == "nsubj"]
    for noun, name in zip(subjects, subjects[1:], strict=False):
        if noun.pos_ == "NOUN" and name.pos_ == "PROPN" and name.i == noun.i + 1:
            name.head, name.dep_ = noun, "appos"
            return


def _names_someone(token: Token) -> bool:
    """A name, or a noun with words of its own ("sørkoreansk etterretning"): a bare label
    ("Analyse: ...", "Kommentar: ...") is a genre, not a source."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and any(
        c.pos_ not in ("PUNCT", "DET") and c.i < token.i for c in token.children
    )


def _subject_taken_for_object(verb: Token) -> None:
    """ "Nu beställer landet nya robotar": in a main clause with something else first, the
    subject comes right after the finite verb (verb-second order). A verb left with no subject
    and two objects, the first a bare actor noun right after it, has its subject there."""
    if verb.pos_ != "VERB" or _has(verb, "nsubj", "nsubj:pass", "expl"):
        return
    objects = [c for c in verb.children if dep(c) == "obj"]
    if len(objects) < 2 or objects[0].i != verb.i + 1 or verb.i == 0:
        return
    first = objects[0]
    if first.pos_ == "PROPN" or noun_keys(first) & _ACTOR_NOUNS:
        first.dep_ = "nsubj"


_ACTOR_NOUNS = (
    actors_data.COUNTRY_NOUNS | actors_data.COMPANY_NOUNS | actors_data.GOVERNMENT_NOUNS
)


def _not_only(doc: Doc) -> None:
    """ "Ikke bare Norge, men også Sverige sender ...", "Inte bara X utan även Y skickar ...":
    the correlative names two subjects; the parse leaves the first outside the clause (or as a
    second subject). The first becomes a conjunct of the second, and the verb the root."""
    for i in range(len(doc) - 4):
        if doc[i].lower_ not in _NOT or doc[i + 1].lower_ not in _ONLY:
            continue
        first = doc[i + 2]
        if first.pos_ not in ("PROPN", "NOUN"):
            continue
        but = next((t for t in doc[first.i + 1 : first.i + 4] if t.lower_ in _BUT), None)
        if but is None:
            continue
        second = next((t for t in doc[but.i + 1 : but.i + 3] if t.pos_ in ("PROPN", "NOUN")), None)
        if second is None or dep(second) != "nsubj" or second.head.i == first.i:
            continue
        verb = second.head
        if first.head.i == first.i:  # the first name taken for the root
            verb.head, verb.dep_ = verb, "ROOT"
        elif first.is_ancestor(second):
            return  # re-hanging it would make a cycle
        first.head, first.dep_ = second, "conj"
        return


_NOT = frozenset("ikke ikkje inte".split())
_ONLY = frozenset("bare berre bara kun blot endast enbart".split())
_BUT = frozenset("men utan uden".split())


def _verb_conjunct_taken_for_nouns(verb: Token) -> None:
    """ "sende våpen til Ukraina eller betale for dem": a verb coordinated with the verb before
    it, hung by the parser on that verb's object. A verb with no subject of its own does not
    coordinate with a noun; it is the earlier verb's conjunct."""
    noun = verb.head
    if verb.pos_ != "VERB" or dep(verb) != "conj" or noun.pos_ not in ("NOUN", "PROPN"):
        return
    if _has(verb, "nsubj", "nsubj:pass") or dep(noun) != "obj" or noun.head.pos_ != "VERB":
        return
    verb.head = noun.head


def _none_more_than(verb: Token) -> None:
    """ "Ingen (andre land) har levert flere granater til Ukraina enn USA": no one did more
    than X, so X did it. The name after "enn/än/end" (or "som" after "like/så mange") is the
    subject; "ingen" is set aside, so no one is read as the supplier."""
    subjects = [c for c in verb.children if dep(c) == "nsubj"]
    if verb.pos_ != "VERB" or len(subjects) != 1:
        return
    nobody = subjects[0]
    if nobody.lower_ != "ingen" and not any(c.lower_ == "ingen" for c in nobody.children):
        return
    clause = list(verb.subtree)
    if not any(t.lower_ in _MORE for t in clause):
        return
    for name in clause:
        if name.pos_ == "PROPN" and name.i > verb.i and any(
            dep(c) in ("case", "mark") and c.lower_ in _THAN for c in name.children
        ):
            nobody.dep_ = "dep"
            name.head, name.dep_ = verb, "nsubj"
            return


_MORE = frozenset(
    "flere fleire fler mer meir mere mange många meget mye mykje mycket like lika så".split()
)
_THAN = frozenset("enn än end som".split())


def _report_taken_for_auxiliary(token: Token) -> None:
    """ "Iran uppges ha skickat drönare": an s-passive verb of saying right before "ha" and a
    participle is a hedge on the participle (is said to have sent). The parser reads it as an
    auxiliary, an adverb or part of the name before it, with the subject on it; the subject is
    the participle's, and the verb of saying its auxiliary."""
    if not said_in_passive(token):
        return
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].lemma_.lower() not in _HAVE:
        return
    verb = doc[token.i + 2]
    if verb.pos_ != "VERB" or doc[token.i + 1].head.i != verb.i or token.is_ancestor(verb):
        return  # (re-hanging a head below its own dependent would make a cycle)
    subjects = [c for c in token.children if dep(c) in ("nsubj", "nsubj:pass")]
    if dep(token) in ("flat", "flat:name") and token.head.i == token.i - 1:
        subjects.append(token.head)  # "Iran uppges": read as one name
    if token.head.i != verb.i and dep(token) not in ("flat", "flat:name"):
        return
    token.head, token.dep_ = verb, "aux"
    for subject in subjects:
        subject.head, subject.dep_ = verb, "nsubj"


def _relative_taken_for_adverbial(verb: Token) -> None:
    """ "levere de kampfly, som Tyrkiet har bestilt": a clause opened by the relative "som"/
    "der" right after a noun (a comma between at most) describes that noun, though the parser
    hung it on the verb as an adverbial or a conjunct."""
    if verb.pos_ != "VERB" or dep(verb) not in ("advcl", "conj", "parataxis", "ccomp"):
        return
    doc, i = verb.doc, verb.left_edge.i
    while i < verb.i and doc[i].is_punct:  # bounded by the clause's own opening
        i += 1
    first = doc[i]
    # "som" on the verb, or taken for a preposition of the subject after it ("som Nammo skal
    # levere": "som" a case marker of "Nammo").
    on_subject = dep(first.head) == "nsubj" and first.head.head.i == verb.i
    if first.lower_ not in ("som", "der") or first.head.i != verb.i and not on_subject:
        return
    before = [t for t in doc[max(0, first.i - 2) : first.i] if not t.is_punct]
    noun = before[-1] if before else None
    while noun is not None and dep(noun) in ("flat", "flat:name") and noun.head.i < noun.i:
        noun = noun.head  # "Leopard 2, som ...": the name, not its number
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or verb.is_ancestor(noun):
        return  # (re-hanging it below its own dependent would make a cycle)
    verb.head, verb.dep_ = noun, "acl:relcl"


def _source_taken_for_subject(verb: Token) -> None:
    """ "Sør-Korea: Nord-Korea har sendt granater": a headline's "who says: what" form. The
    phrase before the colon, read as a second subject, is the source, set off as `dislocated`."""
    subjects = [c for c in verb.children if dep(c) == "nsubj"]
    if len(subjects) < 2:
        return
    first, second = subjects[0], subjects[1]
    if not _names_someone(first):
        return
    end = max(t.i for t in first.subtree if t.pos_ != "PUNCT")
    if end + 1 < second.i and verb.doc[end + 1].text == ":":
        first.dep_ = "dislocated"


def _source_taken_for_root(root: Token) -> None:
    """The same headline form, parsed with the source as the root and the statement as its
    relative clause: the statement's verb becomes the root."""
    if root.head.i != root.i or not _names_someone(root):
        return
    colon = next((t for t in root.children if t.text == ":" and t.i > root.i), None)
    if colon is None:
        return
    verb = next((c for c in root.children if c.i > colon.i and c.pos_ in ("VERB", "AUX")
                 and dep(c) in ("acl", "acl:relcl", "parataxis", "appos", "conj")), None)
    if verb is None or any(c.pos_ != "PUNCT" and c.i > root.i and c.i < colon.i
                           for c in root.children):
        return
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "dislocated"
    for child in list(root.children):
        if child.i > colon.i:
            child.head = verb


def _recipient_taken_for_modifier(verb: Token, lex: Lexicon) -> None:
    """The indirect object of a double-object transfer ("har gitt Russland millioner av
    granater", "sålde Ryssland hundratals drönare", "lova i går Ukraina fleire kanonar"), hung by
    the parser on the goods phrase or coordinated with the verb: a known state or group's bare
    name (no preposition, no genitive -s) between the verb and its object noun is the verb's
    `iobj`. A goods phrase takes no caseless name before its noun, so the tree cannot have
    been right."""
    if verb.pos_ != "VERB" or "GIVE" not in lex.verbs.get(verb.lemma_.lower(), ()):
        return
    objects = [c for c in verb.children if dep(c) == "obj" and c.i > verb.i]
    if not objects or _has(verb, "iobj"):
        return
    obj = objects[0]
    gaz = gazetteer()
    phrase = {verb.i, *(t.i for t in obj.subtree)}  # once: the loop stays linear
    for token in verb.doc[verb.i + 1 : obj.i]:
        if token.pos_ != "PROPN" or _has(token, "case") or "Gen" in token.morph.get("Case", []):
            continue
        if dep(token) not in ("nmod", "conj", "compound", "obl") or token.head.i not in phrase:
            continue
        if gaz.lookup((token.text,)) is None or system_category(token.text) is not None:
            continue
        token.head, token.dep_ = verb, "iobj"
        return


def _request_taken_for_modifier(verb: Token, lex: Lexicon) -> None:
    """ "bad Danmark og Tyskland om å finansiere droner": the infinitive of an asking verb,
    hung by the parser on the last name asked as a relative clause. A name takes no infinitive
    clause of its own; the one after the asked party is what it is asked to do."""
    if verb.pos_ != "VERB" or dep(verb) != "acl" or not _has(verb, "mark"):
        return
    asked = verb.head
    while dep(asked) == "conj" and asked.head.i < asked.i:
        asked = asked.head
    asking = asked.head
    if asked.pos_ != "PROPN" or dep(asked) != "obj" or asking.i > asked.i:
        return
    if "REQUEST" in lex.verbs.get(asking.lemma_.lower(), ()):
        verb.head, verb.dep_ = asking, "advcl"


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


def _infinitive_taken_for_modifier(token: Token, lex: Lexicon) -> bool:
    """ "har besluttet at donere missiler til Ukraine": a trigger verb's infinitive right after
    its marker, tagged as an adjective or noun on the goods noun after it. It becomes the
    infinitive of the verb the noun hung on, with the noun as its object and that verb's
    later obliques ("til Ukraine") its own."""
    if token.pos_ not in ("ADJ", "NOUN") or token.i == 0 or dep(token) != "amod":
        return False
    marker, noun = token.doc[token.i - 1], token.head
    if marker.lower_ not in ("å", "att", "at") or noun.i <= token.i:
        return False
    # The infinitive is the lemma itself ("donere", "skicka").
    if token.lower_ not in lex.verbs or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    matrix = noun.head
    if matrix.pos_ != "VERB" or dep(noun) != "obj" or matrix.i > token.i:
        return False
    token.pos_, token.lemma_ = "VERB", token.lower_
    token.set_morph("VerbForm=Inf")  # type: ignore[attr-defined]  # absent from the stubs
    token.dep_, token.head = "xcomp", matrix
    noun.head = token
    marker.dep_, marker.head = "mark", token
    for child in list(matrix.children):
        if dep(child) == "obl" and child.i > noun.i:
            child.head = token
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
            _clause_of_verb(token)
        elif _verb_taken_for_conjunct(token, lex):
            token.pos_ = "VERB"
        elif _participle_taken_for_adjective(token, lex):
            token.pos_ = "VERB"
            if dep(token) == "amod":  # "missil levert av Nord-Korea": a participle clause
                token.dep_ = "acl"
        elif _supine_taken_for_modifier(token, lex) or _infinitive_taken_for_modifier(token, lex):
            pass  # re-tagged and re-attached there
        elif (_noun_taken_for_verb(token, lex) or _first_word_taken_for_name(token, lex)
              or _noun_taken_for_adjective(token, lex)):
            token.pos_ = "NOUN"
        elif (verb := _goods_taken_for_clause_head(token, lex)) is not None:
            _demote_to_object(token, verb, lex)
        elif (verb := _verb_taken_for_auxiliary(token, lex)) is not None:
            _demote_to_object(token, verb, lex)
        elif _goods_taken_for_verb_complement(token, lex) or _goods_taken_for_object_verb(
            token, lex
        ):
            _demote_to_object(token, token.head, lex)
        if token.pos_ in ("VERB", "AUX") and (lemma := _verb_lemma(token, lex)):
            token.lemma_ = lemma
        if token.pos_ == "VERB" and _s_passive(token, lex):
            features = token.morph.to_dict()
            features["Voice"] = "Pass"
            token.set_morph(features)  # type: ignore[attr-defined]  # absent from the stubs
        _particle_taken_for_preposition(token, lex)
    _not_only(doc)
    for token in doc:
        _relative_taken_for_adverbial(token)
        _report_taken_for_auxiliary(token)
        _none_more_than(token)
        _verb_conjunct_taken_for_nouns(token)
        _subject_taken_for_object(token)
        _source_taken_for_root(token)
        _source_taken_for_subject(token)
        _name_taken_for_second_subject(token)
        _goods_taken_for_subject(token, lex)
        _recipient_taken_for_modifier(token, lex)
        _request_taken_for_modifier(token, lex)
    return doc
