"""What the article has said so far, and turning a phrase head into the actors it names.

A phrase names actors directly (a gazetteer name, an organisation), through a state organ
("regjeringen i Berlin", "Norges forsvarsdepartement", "den tyske regjeringen"; alone,
"Regjeringen" is the government of the article's own country), or by reference: "landet" is
the country last named, "selskapet" the company last named. Coordinated heads give several
actors ("Norge og Danmark").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from service.claims import actors_data
from service.claims.gazetteer import Actor, gazetteer
from service.claims.mentions import Mention
from service.claims.tree import case_of, dep, with_conjuncts

STATE_KINDS = frozenset({"country"})
COMPANY_KINDS = frozenset({"company", "org"})
GROUP_KINDS = frozenset({"armed_group", "bloc"})


@dataclass
class Discourse:
    """The article so far: the last actors named, by kind, and the home country."""

    home: Actor | None
    last_country: Actor | None = None
    last_company: Actor | None = None
    last_group: Actor | None = None
    headline: list[Actor] = field(default_factory=list)
    headline_end: int = 0
    military: bool = False  # the article names weapons somewhere
    last_countries: list[Actor] = field(default_factory=list)  # the last coordinated countries

    def remember(self, mentions: dict[int, Mention]) -> None:
        """Take note of a sentence's named actors: the last one named wins, except that a
        subject wins over the rest (the subject is what the next "landet" most often means)."""
        ordered = sorted(set(mentions.values()), key=lambda m: m.start)
        subjects = [m for m in ordered if _in_subject(m, mentions)]
        for mention in ordered:  # "Norge og Tyskland ... de to landene"
            group = [mentions[t.i].actor for t in with_conjuncts(mention.head) if t.i in mentions]
            countries = [a for a in dict.fromkeys(group) if a.kind in STATE_KINDS]
            if len(countries) >= 2:
                self.last_countries = countries
        for mention in ordered + subjects:
            kind = mention.actor.kind
            if kind in STATE_KINDS:
                self.last_country = mention.actor
            elif kind in COMPANY_KINDS:
                self.last_company = mention.actor
            elif kind in GROUP_KINDS:
                self.last_group = mention.actor

    def actors(self, head: Token, mentions: dict[int, Mention]) -> list[Actor]:
        """The actors a role phrase headed by `head` stands for (several when coordinated)."""
        out: list[Actor] = []
        if head.i not in mentions:
            plural = self._plural_reference(head)
            if plural:
                return plural
        for token in with_conjuncts(head):
            actor = self._actor(token, mentions)
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _actor(self, token: Token, mentions: dict[int, Mention]) -> Actor | None:
        if token.i in mentions:
            return mentions[token.i].actor
        keys = noun_keys(token)
        named = _named_in_phrase(token, mentions)
        if keys & actors_data.COMPANY_NOUNS:
            return named or self.last_company
        if keys & actors_data.COUNTRY_NOUNS:
            return named or self.last_country

        if keys & actors_data.GROUP_NOUNS:
            return named or self.last_group
        if keys & actors_data.RECIPIENT_NOUNS and named is not None:
            return named  # "mottakere i Russland"
        if keys & actors_data.GOVERNMENT_NOUNS:
            if named is not None:
                return named
            if token.lower_ in actors_data.HOME_ORGANS or _is_bare(token):
                return self.home
        return None

    def _plural_reference(self, token: Token) -> list[Actor]:
        """ "de to landene", "begge landa": the countries last named together."""
        plural = "Plur" in token.morph.get("Number", []) or token.lower_.endswith(("ene", "a"))
        if noun_keys(token) & actors_data.COUNTRY_NOUNS and plural and self.last_countries:
            return list(self.last_countries)
        return []


_DEFINITE = ("ene", "erne", "arna", "erna", "ane", "en", "et", "a", "na", "ne", "n", "t")


def noun_keys(token: Token) -> set[str]:
    """The lemma, the form, and the form without a definite ending: a capitalised noun at the
    start of a sentence ("Regjeringen") is often tagged a name and left unlemmatised."""
    low = token.lower_
    keys = {token.lemma_.lower(), low}
    keys |= {low[: -len(e)] for e in _DEFINITE if low.endswith(e) and len(low) - len(e) >= 3}
    return keys


def _in_subject(mention: Mention, mentions: dict[int, Mention]) -> bool:
    return dep(mention.head).startswith("nsubj")


def _named_in_phrase(token: Token, mentions: dict[int, Mention]) -> Actor | None:
    """A name or demonym inside the phrase: "Norges regjering", "regjeringen i Berlin", "den
    tyske regjeringen", "selskapet Nordic Shield" (the name attached to the noun)."""
    gaz = gazetteer()
    for child in token.children:
        link = dep(child)
        if child.i in mentions and (
            link in ("nmod:poss", "appos", "flat", "flat:name", "compound")
            or (link == "nmod" and case_of(child) in ("i", "fra", "frå", "från", "af", "på", ""))
        ):
            return mentions[child.i].actor
        if link == "amod" and child.lemma_.lower() in gaz.demonyms:
            return gaz.demonyms[child.lemma_.lower()]
    head = token.head
    if dep(token) in ("nmod", "appos", "compound") and head.i in mentions:
        return mentions[head.i].actor  # "Nordic Shield, selskapet som ..." / name as head
    return None


def _is_bare(token: Token) -> bool:
    """A definite organ noun with nothing naming whose it is ("Regjeringen har besluttet")."""
    return "Def" in token.morph.get("Definite", []) or token.lower_.endswith(("en", "et", "a"))
