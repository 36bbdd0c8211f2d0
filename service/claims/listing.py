"""Example lists inside a noun phrase: "til land som Colombia og Thailand", "till bland annat
Polen", "blant annet Norge og Danmark", "for eksempel Tyskland".

News often names recipients through such a list; without this the list marker ("som", "bland")
would end the clause or hide the preposition ("til", "till") that gives the actors their role.
"""

from __future__ import annotations

from collections.abc import Callable

from service.claims.analysis import Sentence

# Markers that may stand between a preposition and the listed actors, and the word each needs
# after it ("blant" only as "blant annet", "land" only as "land som"), so that a plain "mellom
# Norge og Polen" keeps its own preposition.
_MARKERS = frozenset(
    """annet annat anna andre andra bl a . eks ex inklusive inkludert inklusiv deriblant
    däribland herunder særlig særleg särskilt spesielt især også óg också""".split()
)
_NEEDS_NEXT = {
    "blant": ("annet", "andre", "dem"),
    "bland": ("annat", "andra", "dem"),
    "mellom": ("annet", "anna"),
    "mellan": ("annat",),
    "m": (".",),
    "først": ("og",),
    "främst": ("och",),
}
_LIST_NOUNS = frozenset(
    "land länder landa landene länderna nasjoner nationer kunder kundar kunderna kundene".split()
)
_EXAMPLE = frozenset({"eksempel", "exempel", "dømes"})
_MAX_SKIP = 5


def transparent(s: Sentence, k: int) -> bool:
    """Whether token k may be skipped when looking left for an actor's preposition."""
    low = s.tokens[k].low
    nxt = s.tokens[k + 1].low if k + 1 < len(s.tokens) else ""
    if low in ("for", "för", "til", "till"):
        return nxt in _EXAMPLE
    if low in ("som", "såsom"):
        return is_list_som(s, k)
    if low in _LIST_NOUNS:
        return nxt in ("som", "såsom", "blant", "bland", "inkludert", "inklusive")
    if low in _NEEDS_NEXT:
        return nxt in _NEEDS_NEXT[low]
    return low in _MARKERS or low in _EXAMPLE


def is_list_som(
    s: Sentence, i: int, is_verb: Callable[[Sentence, int], bool] | None = None
) -> bool:
    """ "land som Colombia og Thailand": "som" followed by actors that no verb follows (a
    relative clause has a verb after its subject: "missilene som Ukraina har bedt om")."""
    n = len(s.tokens)
    j = i + 1
    while j < n and j not in s.actor_at and transparent(s, j):
        j += 1
    if j >= n or j not in s.actor_at or j - i > _MAX_SKIP:
        return False
    # Skip the coordinated actors ("Colombia, Brasil og Thailand").
    while j < n and (j in s.actor_at or s.tokens[j].text == "," or s.has(j, "coord")):
        j += 1
    if j >= n:
        return True
    if is_verb is not None:
        return not is_verb(s, j)
    return not any(
        s.has(j, cat)
        for cat in ("aux", "plan_modal", "give", "receive", "order", "request", "ask", "say")
    )
