"""Who says so: the source of a claim, from the clause around its trigger.

In order: who denies, refuses or admits it (the governing verb's subject); an "ifølge X" /
"enligt X" phrase on the trigger's clause or a clause above it, or a headline's "X: ..."; the
subject of a governing speech verb ("X sier at ..."); a speech verb beside the clause ("...,
sier X", "opplyser X til NTB", "skriver Reuters"). None means the article's own voice.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from service.claims.events import Event, verb_classes
from service.claims.gazetteer import Actor
from service.claims.mentions import Mention
from service.claims.modality import Modality
from service.claims.tree import MAX_CHAIN, case_of, dep, governors
from service.claims.words import Lexicon

ACCORDING = frozenset({"ifølge", "iflg", "iflg.", "enligt", "ifølgje", "etter", "according"})
# Parts of a speaker phrase worth keeping ("forsvarsminister Bjørn Arild Gram").
_KEEP = frozenset({"flat", "flat:name", "compound", "amod", "nmod:poss", "appos", "nmod"})


Resolve = Callable[[Token], list[Actor]]


def describe(token: Token, mentions: dict[int, Mention], resolve: Resolve | None = None) -> str:
    """A speaker phrase as a short name: the actor's English name when it is a state or an
    organisation the gazetteer knows (also through "regjeringen i Berlin"), else the words of
    the phrase (titles and names kept)."""
    mention = mentions.get(token.i)
    if mention is not None and not mention.leader and mention.actor.kind != "org":
        return mention.actor.name
    if mention is None and resolve is not None:
        actors = resolve(token)
        if len(actors) == 1 and actors[0].kind != "org":
            return actors[0].name
    words = [token]
    stack = [token]
    while stack and len(words) < 12:
        current = stack.pop()
        for child in current.children:
            if dep(child) in _KEEP and not (dep(child) == "nmod" and case_of(child)):
                words.append(child)
                stack.append(child)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i)).strip(" ,.")


def _according(verb: Token) -> Token | None:
    for child in verb.children:
        if dep(child).startswith("obl") and case_of(child) in ACCORDING:
            return child
    return None


def _before_colon(verb: Token, mentions: dict[int, Mention], resolve: Resolve | None
                  ) -> Token | None:
    """ "Sør-Korea: Nord-Korea har sendt granater": the actor set off before the colon (not a
    genre label: "Analyse: ...")."""
    for child in verb.children:
        if dep(child) == "dislocated" and child.i < verb.i and (
            child.i in mentions or (resolve is not None and resolve(child))
        ):
            return child
    return None


def _beside(verb: Token, lex: Lexicon) -> Token | None:
    """ "..., sier X" / "opplyser X": a speech verb attached as parataxis, and its subject."""
    for child in verb.children:
        if dep(child) in ("parataxis", "conj") and "SPEECH" in verb_classes(child, lex):
            for grand in child.children:
                if dep(grand).startswith("nsubj"):
                    return grand
    return None


def source_of(
    event: Event,
    modality: Modality,
    lex: Lexicon,
    mentions: dict[int, Mention],
    resolve: Resolve | None = None,
) -> str | None:
    """The source of the claim `event` makes, or None for the article's voice."""
    if modality.denier is not None:
        return describe(modality.denier, mentions, resolve)
    trigger = event.trigger
    chain = [trigger, *governors(trigger)]
    root = chain[-1]
    for _ in range(MAX_CHAIN):  # up to the sentence root: "ifølge" attaches high
        if root.head.i == root.i:
            break
        root = root.head
        chain.append(root)
    for verb in chain:
        found = _according(verb) or _before_colon(verb, mentions, resolve)
        if found is not None:
            return describe(found, mentions, resolve)
    if modality.speaker is not None:
        return describe(modality.speaker, mentions, resolve)
    for verb in chain:
        found = _beside(verb, lex)
        if found is not None:
            return describe(found, mentions, resolve)
    return None
