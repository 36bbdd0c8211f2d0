"""Clause edges without a parser: where the clause holding a token starts and ends.

Relative "som"/"der", complementizers "at"/"att", clause conjunctions ("men", "mens", "medan"),
hard punctuation and a coordinated new subject ("og Finland har sendt") open a new clause;
commas inside lists of actors and a parenthetical ", sier han," do not.
"""

from __future__ import annotations

from service.claims.analysis import Sentence
from service.claims.listing import is_list_som

VERBS = (
    "give",
    "give_plan",
    "supply_with",
    "support",
    "receive",
    "order",
    "request",
    "ask",
    "use",
    "deny",
    "halt",
    "admit",
    "accuse",
    "say",
    "confirm",
    "plan",
    "want",
    "attempt",
    "persuade",
    "consider",
    "produce",
)
CUES = (
    "deny",
    "admit",
    "accuse",
    "say",
    "confirm",
    "plan",
    "want",
    "attempt",
    "persuade",
    "ask",
    "request",
    "halt",
    "consider",
)
HARD_PUNCT = frozenset(';:–—()«»"”“[]')


def is_verb(s: Sentence, i: int) -> bool:
    return s.has(i, *VERBS, "aux", "plan_modal")


def is_infinitive_marker(s: Sentence, i: int) -> bool:
    """å always; at/att when a verb follows (Swedish and Danish use one word for both)."""
    if not s.has(i, "infinitive"):
        return False
    if s.tokens[i].low == "å":
        return True
    nxt = i + 1
    if nxt < len(s.tokens) and s.has(nxt, "negation"):
        nxt += 1
    return nxt < len(s.tokens) and is_verb(s, nxt) and nxt not in s.actor_at


def is_complementizer(s: Sentence, i: int) -> bool:
    return s.tokens[i].low in ("at", "att", "hvorvidt", "huruvida") and not is_infinitive_marker(
        s, i
    )


def _is_hard(s: Sentence, i: int) -> bool:
    tok = s.tokens[i]
    if s.has(i, "relative") and is_list_som(s, i, is_verb):
        return False  # "til land som Colombia og Thailand": a list, not a relative clause
    return tok.text in HARD_PUNCT or s.has(i, "relative", "clause_conj") or is_complementizer(s, i)


def new_subject_clause(s: Sentence, k: int) -> bool:
    """ "og/och/, Sør-Korea leverer": a coordinator followed by an actor and a finite verb opens
    a clause with its own subject ("Polen kjøper fly fra USA og Sør-Korea leverer stridsvogner")."""
    if not (s.has(k, "coord") or s.tokens[k].text == ","):
        return False
    a = s.actor_at.get(k + 1)
    if a is None or a.end >= len(s.tokens):
        return False
    if not is_verb(s, a.end) or s.has(a.end, "relative"):
        return False
    # "Norge og Danmark sender": without a verb before it, "og" joins two subjects.
    for j in range(k - 1, -1, -1):
        if s.tokens[j].text in HARD_PUNCT:
            return False
        if is_verb(s, j) and j not in s.actor_at:
            return True
    return False


def clause_start(s: Sentence, v: int) -> tuple[int, str]:
    """First token of the clause holding token v, and what opened it."""
    for k in range(v - 1, -1, -1):
        if is_infinitive_marker(s, k):
            return k + 1, "inf"
        if new_subject_clause(s, k) and s.tokens[k].text != ",":
            return k + 1, "coord"
        if _is_hard(s, k):
            return k + 1, "rel" if s.has(k, "relative") else "comp"
        if s.tokens[k].text == "," and not (k - 1 in s.actor_at and k + 1 in s.actor_at):
            return k + 1, "comma"
    return 0, "start"


def clause_end(s: Sentence, v: int) -> int:
    """End (exclusive) of the clause after token v; commas in lists do not end it, a
    parenthetical ", sier han," is skipped."""
    n = len(s.tokens)
    k = v + 1
    while k < n:
        tok = s.tokens[k]
        if _is_hard(s, k) and not is_infinitive_marker(s, k):
            return k
        if (
            tok.text == ","
            and k + 1 < n
            and s.has(k + 1, "coord", "clause_conj")
            and not s.has(k + 1, "cont")
        ):
            return k
        if tok.text == "," and k + 1 < n and s.has(k + 1, "say", "accuse"):
            close = next((j for j in range(k + 2, min(n, k + 8)) if s.tokens[j].text == ","), None)
            if close is None:
                return k
            k = close + 1
            continue
        if s.has(k, "coord") and k + 2 < n and (k + 1) in s.actor_at and is_verb(s, k + 2):
            return k
        if tok.text == "," and new_subject_clause(s, k):
            return k  # "Tyskland finansierer granatene, Rheinmetall produserer dem": asyndeton
        k += 1
    return n
