"""Reading roles off a UD dependency tree: subjects through control and coordination, objects,
obliques by their preposition, the clause chain above a word, and phrase extents.

Everything here is a walk over a handful of tokens around one word (children, the head, the
chain of governing verbs), so the cost per word is bounded by the tree's local shape, not by the
sentence length. Chains are cut at `MAX_CHAIN` steps: no real clause nests deeper.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

MAX_CHAIN = 8
# Clause links a governing verb passes its meaning (and its subject) down through.
COMPLEMENT = frozenset({"xcomp", "ccomp", "advcl", "csubj"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"})
# Links that leave a phrase: its extent stops there.
CLAUSAL = frozenset(
    {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "punct", "cc", "mark"}
)


def dep(token: Token) -> str:
    return str(token.dep_)


def children(token: Token, *labels: str) -> list[Token]:
    """Children with one of `labels` (a label matches its subtypes: "obl" matches "obl:tmod")."""
    return [c for c in token.children if dep(c).split(":")[0] in labels or dep(c) in labels]


def case_of(token: Token) -> str:
    """The preposition (case or mark word) of a nominal, lowercased: "til" in "til Ukraina"."""
    for child in token.children:
        if dep(child) in ("case", "mark") and child.i < token.i:
            return str(child.lower_)
    return ""


def with_conjuncts(token: Token) -> list[Token]:
    """A phrase head and the heads coordinated with it ("Norge og Danmark")."""
    out = [token]
    frontier = [token]
    while frontier and len(out) < 64:  # a coordination of more than 64 names is no list
        nxt = [c for t in frontier for c in t.children if dep(c) == "conj"]
        out += nxt
        frontier = nxt
    return out


def is_passive(verb: Token) -> bool:
    """A passive by its form (s-passive, "bli"/"bliva" + participle); a subject labelled
    passive alone is not enough (the parser labels "alle" in "har alle sendt" so)."""
    if dep(verb) == "acl" and "Part" in verb.morph.get("VerbForm", []) and not any(
        dep(c).startswith("aux") for c in verb.children
    ):
        return True  # "missil levert av Nord-Korea": an attributive participle is passive
    return "Pass" in verb.morph.get("Voice", []) or any(
        dep(c) == "aux:pass" or dep(c) == "aux" and c.lemma_.lower() in _PASSIVE_AUX
        for c in verb.children
    )


# The passive auxiliaries: a participle under "bli", "bliva", "blive", "verte" is passive
# whatever the parser labelled the auxiliary ("blev leveret": aux, not aux:pass).
_PASSIVE_AUX = frozenset({"bli", "bliva", "blive", "verte", "vorde"})


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if dep(c).startswith(("aux", "cop"))]


def _relative(pronoun: Token, verb: Token) -> bool:
    """A relative pronoun: tagged so, or "som"/"der" opening a relative clause (Danish "der"
    is not always tagged PronType=Rel)."""
    if pronoun.pos_ != "PRON":
        return False
    if "Rel" in pronoun.morph.get("PronType", []):
        return True
    return pronoun.lower_ in ("som", "der") and dep(verb) == "acl:relcl" and pronoun.i < verb.i


def subject(verb: Token) -> Token | None:
    """The verb's subject: its own, the relative pronoun's antecedent, a coordinated verb's, or
    the controller of an infinitive (the governing verb's subject, or its object for verbs like
    "be" that make their object act: "ba Tyskland om å sende")."""
    current = verb
    for _ in range(MAX_CHAIN):
        # The parser sometimes hangs the subject on the auxiliary ("Fico har nektet").
        candidates = [*current.children, *(c for a in auxiliaries(current) for c in a.children)]
        # "USA, Storbritannia og Frankrike har alle sendt": a quantifier is no subject.
        candidates = [c for c in candidates if c.lower_ not in QUANTIFIERS] or candidates
        for child in candidates:
            if dep(child) in ("nsubj", "nsubj:pass", "csubj"):
                if _relative(child, current):
                    return current.head if dep(current) == "acl:relcl" else None
                return child
        link, head = dep(current), current.head
        if head.i == current.i:
            return None
        if link == "conj":
            current = head
            continue
        # (An infinitive the parser made the object, "lovet at betale", is controlled alike.)
        if link in ("xcomp", "advcl", "ccomp", "obj") and infinitive(current):
            objects = children(head, "obj", "iobj")
            if objects and head.lemma_.lower() in OBJECT_CONTROL:
                return objects[0]
            current = head
            continue
        if link == "acl" and infinitive(current) and dep(head) in ("obj", "obl"):
            current = head.head  # "bruke penger på å finansiere": the spender pays
            continue
        return None
    return None


# Verbs of saying whose s-passive hedges: "uppges/sägs/påstås/rapporteras ha", "sies å ha".
_REPORTING = frozenset(
    "uppge säga påstå rapportera ange hävda si hevde rapportere sige hævde angive".split()
)


def said_in_passive(token: Token) -> bool:
    """An s-passive verb of saying ("uppges", "sägs", "sies", "siges"): hearsay, with no speaker."""
    return token.lemma_.lower() in _REPORTING and token.lower_.endswith("s")
# Accusations: the accused is the object, and the one acting in the infinitive ("anklager Iran
# for å smugle våpen").
ACCUSE = frozenset("anklage anklaga beskylde beskylla mistenke misstänka mistænke".split())
# Verbs whose object is the one who acts in their infinitive ("be X om å", "få X til å").
OBJECT_CONTROL = ACCUSE | frozenset(
    "be bede be anmode oppfordre uppmana opfordre tvinge tvinga overtale övertala presse pressa "
    "tillate tillåta tillade".split()
)


QUANTIFIERS = frozenset("alle begge båda bägge samtlige samtliga alla".split())


def infinitive(verb: Token) -> bool:
    """An infinitive with its marker ("å selje", "att sälja")."""
    if "Inf" in verb.morph.get("VerbForm", []):
        return True
    return any(dep(c) == "mark" and c.lower_ in ("å", "att", "at") for c in verb.children)


def earlier_subject(verb: Token) -> Token | None:
    """For a verb left without a subject in a headline-like sentence ("Kongsberg får kontrakt:
    Skal levere NASAMS til Ukraina"), the nearest subject before it in the same sentence."""
    for token in reversed(list(verb.doc[: verb.i])):
        if dep(token) == "nsubj" and token.pos_ in ("PROPN", "NOUN"):
            return token
    return None


def governors(token: Token) -> Iterator[Token]:
    """The verbs above `token` through complement and coordination links, nearest first."""
    current = token
    for _ in range(MAX_CHAIN):
        link, head = dep(current), current.head
        if head.i == current.i:
            return
        if link in COMPLEMENT or (link == "conj" and current.pos_ != head.pos_) or (
            link == "obj" and current.pos_ == "VERB" and infinitive(current)
        ):  # (an infinitive the parser made the object, "lovet at betale", is a complement)
            yield head
            current = head
        elif link == "acl" and head.pos_ in NOMINAL and infinitive(current):
            # "sa nei til å selje", "avviste kravet om å sende": the clause completes the noun,
            # and the noun's verb governs it.
            current = head
        elif link in ("obj", "nsubj", "nsubj:pass", "obl", "nmod") and current.pos_ in NOMINAL:
            # A noun trigger's clause is its verb's ("stanser salget", "signerte kontrakten").
            if head.pos_ in ("VERB", "AUX"):
                yield head
            current = head
        else:
            return


def phrase(head: Token, limit: int = 40) -> list[Token]:
    """The tokens of the phrase `head` heads, without clauses attached to it (bounded)."""
    out: list[Token] = []
    stack = [head]
    while stack and len(out) < limit:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if dep(c) not in CLAUSAL or c is head)
    return sorted(out, key=lambda t: t.i)
