"""Stance and hedge of one event, from the words that scope over its trigger.

Only the trigger's own clause counts: its auxiliaries, its adverbs (negation, hedges), the
auxiliaries of the verb it is coordinated with ("har utviklet, testet og levert"), and the chain
of verbs that govern it (a decision, a refusal, a denial, a request, speech, belief). A negation
elsewhere in the sentence ("Det er ikke første gang Iran sender droner") does not reach it.

Stance, from the nearest governor that carries one:
- CONSIDER or CALL above, a conditional clause, or "bør": no claim (undecided, an opinion).
- DENY above: `denied` ("avviser at ...", "nekter for å ha sendt"); with a plain infinitive it
  is a refusal ("avviser å sende").
- REFUSE above: `refused` ("nekter å sende", "stanser salget"); a negated refusal keeps the
  transfer going ("vil ikke stanse leveransene": asserted).
- ADMIT above: `admitted` when the admitter is a party, else the admitter is only a source.
- REQUEST above: `requested` ("ba Norge om å sende").
- Negation on the clause: with a future or volition marker `refused` ("vil ikke sende"),
  otherwise `denied` ("sender ikke").
- PLAN above, or a future marker, an offer, an order: `planned`.
- Otherwise `asserted`. "skal ha sendt" (reported past) is asserted and hedged.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from service.claims.attributes import value
from service.claims.events import (
    FUND,
    ORDER_NOUN,
    RECEIVE,
    REFUSAL_NOUN,
    REQUEST,
    REQUEST_NOUN,
    Event,
    verb_classes,
)
from service.claims.tree import (
    ACCUSE,
    auxiliaries,
    case_of,
    children,
    dep,
    governors,
    said_in_passive,
)
from service.claims.types import Stance
from service.claims.words import Lexicon

# Markers of the future or of intent on a verb are the trigger lexicon's FUTURE rows (lemmas):
# the modals "skal", "vil", "kan" under each pipeline's lemma (Swedish "skola", "vilja", "kunna";
# Nynorsk "vilje") and the heads of "komme til å", "kome til å", "komma att".
# A reported past: "skal ha sendt", "ska ha skickat", "skal have sendt".
PERFECT_AUX = frozenset("ha have".split())
CONDITIONAL = frozenset("dersom hvis viss om ifall om".split())
ONLY = frozenset("bare berre bara blot kun enbart utelukkende".split())
SHOULD = frozenset("bør burde bör borde böra burte".split())
# Offers are promises not yet kept; orders are purchases not yet delivered.
# Offers and promises of goods name a supply to come ("tilbyr", "har lovet Ukraina seks fly").
OFFER = frozenset("tilby tilbyde tilbode erbjuda love lova utlova".split())
# Hesitating, negated, is doing: "har ikke nølt med å sende".
HESITATE = frozenset("nøle tøve tveka".split())
_NEITHER = frozenset("verken hverken varken".split())
# Contrastive conjunctions: a negation before them does not reach the verb after.
_CONTRAST = frozenset("men utan uden but".split())
# Words on the goods that make a present purchase one deal: "kjøper ytterligere fire", "nye".
_ONE_DEAL = frozenset("ytterligere ytterlegare ytterligare yderligere nye nya nyt nytt".split())
_MORE = frozenset("flere fleire fler flera".split())
# A purchase in the present is a deal for later delivery, unless it is said to go on.
ONGOING = frozenset(
    """fortsatt fortsett fremdeles framleis stadig fortfarande fortsat stadigvæk allerede
    allereie redan jevnlig jamleg regelbundet løpende løpande""".split()
)


@dataclass(frozen=True)
class Modality:
    stance: Stance | None  # None: no claim (undecided, conditional, an opinion)
    hedged: bool
    speaker: Token | None  # the subject of a governing speech, denial or admission verb
    denier: Token | None = None  # who denies, refuses or admits (a governor's subject)
    # Who asks, when a governing "be"/"anmode" asks someone to supply: a request only when the
    # asker is the recipient; a third party asking is a call, no claim ("USA ba Tyskland om å
    # sende Taurus til Ukraina"). The caller decides once the actors are known.
    requester: Token | None = None


def _negated(verb: Token, lex: Lexicon) -> bool:
    words = [*verb.children, *(c for a in auxiliaries(verb) for c in a.children)]
    head = verb.head
    if dep(verb) in ("xcomp", "advcl") and _future_marker(head.lemma_.lower(), lex):
        words += list(head.children)  # "kommer ikke til å stanse": the negation is on "komme"
    if dep(verb) == "conj" and verb.head.pos_ == verb.pos_ and not any(
        c.lower_ in _CONTRAST for c in verb.children if dep(c) == "cc"
    ):
        # "har ikke utviklet eller levert"; not across "men": "har ikke nølt, men nekter"
        words += list(verb.head.children)
    if any(dep(c) == "cc" and c.lower_ in ("eller", "or") for c in verb.children):
        # "verken sende våpen eller betale for dem": "neither" earlier negates the "nor" part.
        words += [t for t in verb.doc[max(0, verb.i - 16) : verb.i] if t.lower_ in _NEITHER]
    for word in words:
        negation = "NEGATION" in lex.adverb_classes(word.lemma_) or (
            "NEGATION" in lex.adverb_classes(word.lower_)
        )
        if not negation or dep(word) not in ("advmod", "cc", "det"):
            continue
        following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
        if following is not None and following.lower_ in ONLY:
            continue  # "ikke bare granater, men også soldater": not a negation
        if dep(word) == "det" and word.head.i != verb.i:
            continue
        return True
    # "sender ingen våpen": a negative determiner on the object.
    return any(
        "NEGATION" in lex.adverb_classes(d.lemma_)
        for o in children(verb, "obj")
        for d in o.children
        if dep(d) == "det"
    )


def _aux_lemmas(verb: Token) -> list[str]:
    auxes = auxiliaries(verb)
    own_clause = auxes or any(dep(c) in ("nsubj", "nsubj:pass") for c in verb.children)
    if dep(verb) == "conj" and verb.head.pos_ == verb.pos_ and not own_clause:
        auxes += auxiliaries(verb.head)  # "har kjøpt og sendt": one auxiliary for both
    return [a.lemma_.lower() for a in auxes]


def _conditional(clause: Token) -> bool:
    """A finite clause introduced by "dersom/hvis/om/ifall" (an infinitive's "om" is "about":
    "kontrakter om å levere")."""
    infinitive = any(c.lower_ in ("å", "att", "at") for c in clause.children if dep(c) == "mark")
    return not infinitive and any(
        c.lower_ in CONDITIONAL for c in clause.children if dep(c) == "mark"
    )


def _hedged(tokens: list[Token], lex: Lexicon) -> bool:
    return any(
        "HEDGE" in lex.adverb_classes(c.lemma_) or "HEDGE" in lex.adverb_classes(c.lower_)
        for t in tokens
        for c in t.children
        if dep(c) in ("advmod", "obl", "discourse")
    )


def _future_marker(lemma: str, lex: Lexicon) -> bool:
    """A modal of the future or intent, or the head of "komme til å": a FUTURE row."""
    return "FUTURE" in lex.verbs.get(lemma, ()) or any(
        cls == "FUTURE" for _, cls in lex.multiword.get(lemma, ())
    )


def _future(verb: Token, lemmas: list[str], lex: Lexicon) -> bool:
    if any(_future_marker(a, lex) for a in lemmas) and not any(a in PERFECT_AUX for a in lemmas):
        return True
    # "kommer til å sende" / "kommer att skicka": the verb is the infinitive under "komme".
    head = verb.head
    return dep(verb) in ("xcomp", "advcl") and any(
        cls == "FUTURE" for _, cls in lex.multiword.get(head.lemma_.lower(), ())
    )


def _reported(lemmas: list[str]) -> bool:
    """ "skal ha sendt" (reportedly sent), "kan ha sendt" (may have sent): a hedged past."""
    modal = ("skulle", "skal", "ska", "skall", "skola", "kunne", "kan", "kunna")
    return any(a in modal for a in lemmas) and any(a in PERFECT_AUX for a in lemmas)


def _perfect_infinitive(verb: Token) -> bool:
    return any(a.lemma_.lower() in PERFECT_AUX for a in auxiliaries(verb))


def modality(event: Event, lex: Lexicon) -> Modality:
    """The stance of `event` (None for no claim), whether it is hedged, and who speaks."""
    trigger = event.trigger
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else None
    chain = list(governors(trigger))
    verbs = ([clause] if clause is not None else []) + chain
    lemmas = _aux_lemmas(clause) if clause is not None else []
    hedged = _hedged([trigger, *verbs], lex) or _reported(lemmas) or (
        clause is not None and any(said_in_passive(a) for a in auxiliaries(clause))
    )  # "uppges ha skickat": the verb of saying as its auxiliary
    speaker: Token | None = None
    stance: Stance | None = None
    denier: Token | None = None
    requester: Token | None = None
    below = clause if clause is not None else trigger
    for governor in chain:
        classes = verb_classes(governor, lex)
        if _conditional(below):
            return Modality(None, hedged, None)
        if "CONSIDER" in classes and governor.lemma_.lower() in HESITATE and _negated(
            governor, lex
        ):
            below = governor  # "har ikke nølt med å sende": it was sent
            continue
        if governor.lemma_.lower() in SHOULD or "CONSIDER" in classes:
            return Modality(None, hedged, None)
        if "CALL" in classes and "REQUEST" not in classes:
            return Modality(None, hedged, None)
        accusing = governor.lemma_.lower() in ACCUSE
        if "SPEECH" in classes and said_in_passive(governor):
            hedged = True  # "Iran sies å ha sendt": hearsay, and the subject says nothing
            below = governor
            continue
        if "SPEECH" in classes or "BELIEF" in classes or accusing:
            # "Israel anklager Iran for å smugle våpen": the accuser is the source.
            speaker = speaker or _subject_of(governor)
            hedged = hedged or "BELIEF" in classes
        if stance is None:
            negated = _negated(governor, lex)
            if "DENY" in classes or "REFUSE" in classes:
                refusal = "REFUSE" in classes and (
                    "DENY" not in classes or not _perfect_infinitive(below)
                ) and dep(below) != "ccomp"
                denier = _subject_of(governor)
                if denier is not None and (denier == trigger or denier.is_ancestor(trigger)):
                    denier = None  # "salget er stanset": the transfer is the subject, no one speaks
                if negated and refusal:
                    stance, denier = "asserted", None  # "vil ikke stanse leveransene"
                elif negated:
                    stance = "admitted"  # "Iran avviser ikke at ...": no denial, a concession
                else:
                    stance = "refused" if refusal else "denied"
            elif "ADMIT" in classes:
                if governor.lemma_.lower() in CONFIRM and clause is not None and (
                    _own_stance(event, clause, lemmas, lex) == "planned"
                ):
                    stance = "planned"  # one confirms a plan ("bekrefter at X skal levere")
                else:  # and admits what was done or is going on
                    stance, denier = "admitted", _subject_of(governor)
            elif "REQUEST" in classes:
                stance, requester = "requested", _subject_of(governor)
            elif "PLAN" in classes:
                if negated and _licensing(event):  # "har inte godkänt några exportlicenser"
                    stance, denier = "refused", _subject_of(governor)
                elif negated:  # "har ikke besluttet å sende": nothing decided
                    return Modality(None, hedged, None)
                else:
                    stance = "planned"
        below = governor
    if clause is not None and _conditional(clause):
        return Modality(None, hedged, None)
    if clause is not None and (set(lemmas) & SHOULD):
        return Modality(None, hedged, None)
    if stance is None:
        stance = _own_stance(event, clause, lemmas, lex)
    return Modality(stance, hedged, speaker, denier, requester)


def _own_stance(event: Event, clause: Token | None, lemmas: list[str], lex: Lexicon) -> Stance:
    """Stance from the trigger's own clause (no governor said otherwise)."""
    if event.cls in (REQUEST, REQUEST_NOUN):
        return "requested"
    if event.cls == REFUSAL_NOUN:
        return "refused"
    if event.halted and clause is not None:  # "vil ikke stanse flyene": the transfer goes on
        return "asserted" if _negated(clause, lex) else "refused"
    if clause is None:
        return "planned" if event.cls == ORDER_NOUN else "asserted"
    future = _future(clause, lemmas, lex) or _under_order(clause, lex)
    if _negated(clause, lex):
        # Granting no licence refuses the exports it would allow ("beviljar inga tillstånd för
        # export av krigsmateriel till Israel"); it denies nothing done.
        return "refused" if future or _licensing(event) or _never_present(clause) else "denied"
    lemma, classes = clause.lemma_.lower(), verb_classes(clause, lex)
    if future or lemma in OFFER or "ORDER" in classes:
        return "planned"
    if (event.cls == RECEIVE and "PURCHASE" in classes) or event.cls == FUND:
        # The simple present announces a deal for later delivery when it names one, a number
        # of units or what is paid for ("Norge kjøper 16 rakettkastere", "Norge og Tyskland
        # betaler for systemene"); without one it is a practice ("Russland kjøper droner fra
        # Iran"); "kjøpte", "har kjøpt" report a purchase made, "kjøper fortsatt" one going on.
        present = "Pres" in clause.morph.get("Tense", []) and not lemmas
        ongoing = any(
            c.lemma_.lower() in ONGOING or c.lower_ in ONGOING for c in clause.children
        )
        # A price is a deal too ("kjøper granater for 3 milliarder kroner"), and so are more
        # units of a kind ("kjøper flere NSM-missiler").
        deal = event.cls == FUND or value(clause, lex.language) is not None or any(
            dep(n) == "nummod" or n.pos_ == "NUM" or n.lower_ in _ONE_DEAL | _MORE
            for item in event.roles.items for n in item.children
        )
        if present and deal and not ongoing:
            return "planned"
    return "asserted"


# Licences to export ("eksportlisens", "tillstånd för export"): words ending so.
_LICENCES = ("lisens", "licens", "tillstånd", "tillatelse", "tilladelse", "løyve", "lisenser",
             "licenser", "tillstånden", "tillatelser", "tilladelser", "løyver")


def _licensing(event: Event) -> bool:
    """The transfer is a licence, or the goods are one, or the trigger is what a licence is for
    ("exportlicenser", "gitt eksportlisenser", "tillstånd för export")."""
    words = [event.trigger, event.trigger.head, *event.roles.items, *event.trigger.children]
    return any(w.pos_ == "NOUN" and w.lower_.endswith(_LICENCES) or w.lemma_.lower().endswith(
        _LICENCES) for w in words)


# Verbs of admitting that also confirm: what they confirm may be a plan.
CONFIRM = frozenset("bekrefte stadfeste bekräfta bekræfte".split())
_NEVER = frozenset("aldri aldrig aldrei".split())


def _never_present(verb: Token) -> bool:
    """ "Ungarn sender aldri våpen til Ukraina": "never" with the simple present states a
    policy, a refusal; "har aldri sendt" denies what was done."""
    words = [*verb.children, *(c for a in auxiliaries(verb) for c in a.children)]
    return "Pres" in verb.morph.get("Tense", []) and not auxiliaries(verb) and any(
        w.lower_ in _NEVER for w in words
    )


def buying(verb: Token, lex: Lexicon) -> bool:
    """A verb of buying or ordering (the lexicon's PURCHASE and ORDER rows)."""
    return bool(verb_classes(verb, lex) & {"PURCHASE", "ORDER"})


def _under_order(verb: Token, lex: Lexicon) -> bool:
    """An infinitive complementing a contract, an order or a plan noun ("kontrakter om å
    levere", "avtalen om å kjøpe"): promised, not done."""
    head = verb.head
    if head.i == verb.i:
        return False
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else children(head, "obj")
    # The parser may hang the infinitive on the verb beside the noun ("fått kontrakter om å
    # levere"): the contract is then the verb's object.
    return any("ORDER_NOUN" in lex.noun_classes(n.lemma_, n.text) for n in nouns)


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if dep(child) in ("nsubj", "nsubj:pass"):
            return child
    # The parser may leave a sentence-initial name unlabelled as a subject ("USA anklager ...").
    for child in verb.children:
        if child.i < verb.i and child.pos_ == "PROPN" and not case_of(child):
            return child
    return None
