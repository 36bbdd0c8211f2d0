"""Stance, hedges and attribution of one supply statement in its sentence.

The verb that governs the supply clause decides the stance ("avviser at..." denied, "innrømmer
å ha..." admitted, "ber om" requested); modals inside the clause give planned ("skal sende") or,
as "skal ha sendt", a hedge. The subject of a saying or denying verb, "ifølge/enligt X", a
trailing "sier X" or the speaker of a quoted paragraph is the source.
"""

from __future__ import annotations

import re

from service.claims.analysis import Sentence
from service.claims.roles import CUES, clause_start, is_verb
from service.claims.types import Stance

_NOT_NEGATION = frozenset("bare bara kun endast enbart minst berre".split())
_LINKS = ("complementizer", "infinitive", "relative")
# Common-noun sources in English ("flere etterretningsrapporter" -> "intelligence reports").
_SOURCE_NOUNS = (
    (r"\w*etterretningsrapport\w*|\w*underrättelserapport\w*", "intelligence reports"),
    (r"rapport\w*", "reports"),
    (r"etterretning\w*|underrättelse\w*", "intelligence"),
    (r"kild\w*|källor\w*", "sources"),
    (r"ekspert\w*|expert\w*", "experts"),
    (r"tjenestem\w*|tjänstem\w*", "officials"),
    (r"myndighet\w*", "the authorities"),
    (r"uppgifter\w*|opplysning\w*", "reports"),
    (r"analytiker\w*", "analysts"),
    (r"forsker\w*|forskare\w*", "researchers"),
    (r"dokument\w*", "documents"),
    (
        r"forsvarsdepartement\w*|försvarsdepartement\w*|forsvarsministeri\w*",
        "the Ministry of Defence",
    ),
    (
        r"utenriksdepartement\w*|utrikesdepartement\w*|udenrigsministeri\w*",
        "the Ministry of Foreign Affairs",
    ),
    (r"regjering\w*|regering\w*", "the government"),
    (r"nyhetsbyrå\w*", "news agency"),
)

# Perfect infinitive after a hearsay modal: "skal ha sendt", Danish "skulle have sendt".
_HA = frozenset({"ha", "have"})


def governor(s: Sentence, v: int) -> int | None:
    """The nearest cue verb left of token v whose complement holds v ("avviser at ... sendt",
    "innrømmet å ha sendt"); None when v stands in a main clause of its own."""
    linked = False
    for k in range(v - 1, -1, -1):
        if s.tokens[k].text == ";":
            return None
        if s.has(k, *CUES) and (linked or k == v - 1):
            if k > 0 and s.has(k, "plan") and s.has(k - 1, "deny", "say", "admit", "accuse"):
                continue  # "förnekar bestämt att", "avviser bestemt at": an adverb
            return k  # "avviser at ... sendt"; Swedish bare infinitive: "vägrar skicka"
        if not linked and s.has(k, "relative") and not _cleft(s, k):
            # "nekter å sende missilene som Ukraina har bedt om": the relative clause says
            # something of its own about a noun; the cue above governs the noun, not the clause.
            return None
        if s.has(k, *_LINKS) or s.tokens[k].low in ("om", "for", "för"):
            linked = True
        elif s.has(k, "clause_conj") and not linked:
            return None
    return None


def _cleft(s: Sentence, k: int) -> bool:
    """ "det var Iran som leverte": a cleft, whose "som" continues the governing clause."""
    return k >= 3 and s.tokens[k - 3].low in ("det", "de", "dei") and s.has(k - 2, "aux")


def halted(s: Sentence, cs: int, v: int) -> int | None:
    """A halting verb before the trigger in its clause ("stanser leveransene", "pausar
    vapenstödet"): the transfer is stopped, so it is not asserted."""
    return next((k for k in range(cs, v) if s.has(k, "halt")), None)


def outer_source_cue(s: Sentence, g: int) -> int | None:
    """Continue past request/plan governors to the saying verb above them, if any."""
    k: int | None = g
    while k is not None:
        if s.has(k, "say", "confirm", "accuse", "deny", "admit"):
            return k
        k = governor(s, k)
    return None


def inner_modality(s: Sentence, cs: int, v: int) -> tuple[bool, bool, bool, bool]:
    """(negated, planned, wanted, hearsay) from the supply verb's own clause."""
    negated = planned = wanted = hearsay = False
    window = list(range(cs, v)) + [k for k in (v + 1, v + 2) if k < len(s.tokens)]
    for k in window:
        low = s.tokens[k].low
        if s.has(k, "negation") and not (
            k + 1 < len(s.tokens) and s.tokens[k + 1].low in _NOT_NEGATION
        ):
            if low not in ("ingen", "inga", "inget") or k > v:
                negated = True
        if k >= v:
            continue
        nxt = s.tokens[k + 1].low if k + 1 < len(s.tokens) else ""
        # "skal ha sendt"; with a noun trigger the participle may follow it: "ska minst 40
        # sändningar ha gått".
        ha = next(
            (j for j in range(k + 1, min(k + 10, len(s.tokens))) if s.tokens[j].low in _HA), None
        )
        if (
            s.has(k, "hearsay_modal")
            and ha is not None
            and (
                any(is_verb(s, j) for j in range(ha + 1, v + 1))
                or (ha > v and ha + 1 < len(s.tokens) and s.tokens[ha + 1].low[:1].isalpha())
            )
        ):
            hearsay = True  # "skal (Nord-Korea) ha sendt": reported, not planned
        elif s.has(k, "plan_modal"):
            if (
                nxt == "ha"
                and not any(is_verb(s, j) for j in range(k + 2, v))
                and s.has(v, "receive")
            ):
                wanted = True
            else:
                planned = True
        elif s.has(k, "plan", "give_plan"):
            planned = True
        elif s.has(k, "want", "attempt"):
            wanted = True
    return negated, planned, wanted, hearsay


def stance_of(
    s: Sentence, v: int, cs: int, requested: bool, planned_verb: bool
) -> tuple[Stance, int | None]:
    """Stance of the supply clause at v and the governing cue token (or None)."""
    negated, planned, wanted, _ = inner_modality(s, cs, v)
    g = governor(s, v)
    h = halted(s, cs, v)
    if h is not None:
        return "denied", h
    if g is not None and s.has(g, "deny", "halt"):
        return "denied", g
    if negated:
        return "denied", g
    if g is not None and s.has(g, "admit"):
        return "admitted", g
    if (
        requested
        or wanted
        or (g is not None and s.has(g, "ask", "request", "want", "attempt", "persuade"))
    ):
        return "requested", g
    if planned or planned_verb or (g is not None and s.has(g, "plan")):
        return "planned", g
    return "asserted", g


def hedged(s: Sentence, cs: int, v: int) -> bool:
    """Hedge words, "skal ha sendt", or "ingen indikasjoner på at" anywhere in the sentence."""
    if inner_modality(s, cs, v)[3]:
        return True
    for k in range(len(s.tokens)):
        if s.has(k, "hedge"):
            return True
        if s.has(k, "negation") and any(s.has(j, "doubt_noun") for j in (k + 1, k + 2)):
            return True
    return False


def np_text(s: Sentence, start: int, stop: int) -> str | None:
    """A readable English-ish name for the words in [start, stop): a person, an actor, a
    capitalised name, or a known source noun."""
    for p in s.persons:
        if start <= p.start < stop:
            return p.text
    for a in s.actors:
        if start <= a.start < stop:
            if a.form == "leader":
                first = a.start
                while (
                    first > 0 and s.tokens[first - 1].text[:1].isupper() and not s.tags[first - 1]
                ):
                    first -= 1
                return " ".join(t.text for t in s.tokens[first : a.end]) + f" ({a.name})"
            if a.form == "gen" or a.form == "adj":
                nxt = a.end
                if nxt < stop:
                    for rx, english in _SOURCE_NOUNS:
                        if re.fullmatch(rx, s.tokens[nxt].low):
                            return f"{a.name} {english}"
            return a.name
    for k in range(start, stop):
        for rx, english in _SOURCE_NOUNS:
            if re.fullmatch(rx, s.tokens[k].low):
                return english
    return None


def speaker_span(s: Sentence, k: int) -> tuple[int, int]:
    """Where the subject of cue verb k is: before it in its clause, else right after it."""
    cs, _ = clause_start(s, k)
    if any(
        s.has(j, "anaphor_person", "anaphor_plural", "first_person")
        or j in s.actor_at
        or any(p.start == j for p in s.persons)
        for j in range(cs, k)
    ) and not (cs == 0 and s.has(0, "according")):
        return cs, k
    if k + 1 < len(s.tokens) and s.has(k + 1, "complementizer", "infinitive"):
        return k + 1, k + 1  # "visar att ...": the subject is not after the verb
    stop = k + 1
    while stop < len(s.tokens) and stop < k + 9 and s.tokens[stop].text not in ",.;:":
        if s.has(stop, "to", "complementizer") and stop > k + 1:
            break
        stop += 1
    return k + 1, stop


def according(s: Sentence) -> str | None:
    """The X of "ifølge X" / "enligt X" / "etter det X erfarer" in the sentence."""
    for k in range(len(s.tokens)):
        if s.has(k, "according"):
            if s.has(k, "len4"):
                return np_text(s, k + 2, k + 3) or s.tokens[k + 2].text
            stop = k + 1
            while stop < len(s.tokens) and s.tokens[stop].text not in ",.;:" and stop < k + 10:
                stop += 1
            return np_text(s, k + 1, stop)
    return None


def trailing_sayer(s: Sentence, v: int) -> int | None:
    """A saying verb after the supply clause with its subject after it (", sier X",
    ", hävdade X", "hävdar han")."""
    for k in range(v + 1, len(s.tokens)):
        if not s.has(k, "say", "confirm", "accuse"):
            continue
        prev = s.tokens[k - 1].text
        nxt = k + 1
        subject_next = nxt < len(s.tokens) and (
            nxt in s.actor_at
            or s.has(nxt, "anaphor_person")
            or any(p.start == nxt for p in s.persons)
            or s.tokens[nxt].low in ("det", "den", "de")
        )
        if prev in (",", "–", "—", "”", '"', "»") or subject_next:
            return k
    return None
