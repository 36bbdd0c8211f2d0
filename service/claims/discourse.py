"""What the article has said so far, and turning a phrase head into the actors it names.

A phrase names actors directly (a gazetteer name, an organisation), through a state organ
("regjeringen i Berlin", "Norges forsvarsdepartement", "den tyske regjeringen"; alone,
"Regjeringen" is the government of the article's own country), or by reference: "landet" is
the country last named, "selskapet" the company last named. Coordinated heads give several
actors ("Norge og Danmark").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Token

from service.claims import actors_data
from service.claims.gazetteer import Actor, gazetteer
from service.claims.items import Goods
from service.claims.mentions import Mention
from service.claims.tree import case_of, dep, with_conjuncts
from service.claims.types import Claim, Stance
from service.claims.words import dictionary_lemma

STATE_KINDS = frozenset({"country"})
PERSONAL = frozenset("han hun ho hon".split())
WE = frozenset("vi me".split())
QUOTE_DASHES = frozenset({"–", "-", "—", "―"})
THEY = frozenset("de dei".split())
PERSONAL = frozenset("han hun ho hon hen".split())
_SPEECH_LEMMAS = frozenset(
    """si seie säga sige opplyse uppge oplyse skrive skriva fortelle fortelje berätta fortælle
    uttale uttala udtale melde meddela meddele hevde hävda hævde""".split()
)


def speaker(token: Token) -> Token | None:
    """The subject of a speech verb in the sentence ("..., sier X"), if any."""
    for candidate in token.doc:
        if candidate.lemma_.lower() in _SPEECH_LEMMAS:
            for child in candidate.children:
                if dep(child) == "nsubj":
                    return child
    return None
COMPANY_KINDS = frozenset({"company", "org"})
GROUP_KINDS = frozenset({"armed_group", "bloc"})


@dataclass
class Pending:
    """A purchase that named no seller ("Polen har bestilt helikoptre"): the seller may come
    later ("KNDS skal levere dem", "Selgeren er Boeing"), with the purchase's goods and stance."""

    buyers: list[Actor]
    goods: Goods
    stance: Stance

    def __contains__(self, actor: object) -> bool:
        return actor in self.buyers


@dataclass
class Discourse:
    """The article so far: the last actors named, by kind, and the home country."""

    home: Actor | None
    published: dt.date | None = None
    last_country: Actor | None = None
    last_company: Actor | None = None
    last_group: Actor | None = None
    last_leader: Actor | None = None  # the state of the last head of state or minister named
    headline: list[Actor] = field(default_factory=list)
    headline_to: list[Actor] = field(default_factory=list)  # "... til Ukraina" in the headline
    headline_end: int = 0
    military: bool = False  # the article names weapons somewhere
    pending: Pending | None = None  # the last purchase still without a seller
    last_supplier: Actor | None = None  # the supplier of the last claim made
    last_countries: list[Actor] = field(default_factory=list)  # the last coordinated countries
    # For a quote sentence with no speaker of its own: whom the speech verb later in its
    # paragraph names ("– Vi har aldri levert noe. Alle kundene er NATO-land, skriver X"), as
    # (found, actor): found with no actor means a speaker the article does not know as one.
    quote_speaker: tuple[bool, Actor | None] = (False, None)
    last_deal: Claim | None = None  # the last claim a purchase or order made

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
            if mention.leader:
                self.last_leader = mention.actor
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
        if head.pos_ == "PRON" and head.lower_ in THEY:
            return list(self.last_countries)  # "Iran og Belarus ... De leverer droner"
        if head.i not in mentions:
            # "Danmark og Nederland var de første landene som leverte": the predicate noun is
            # its subject.
            if any(dep(c) == "cop" for c in head.children):
                subjects = [c for c in head.children if dep(c) == "nsubj"]
                if subjects:
                    return self.actors(subjects[0], mentions)
            # "Landene som har sendt ..., er Polen og Tyskland" / "Blant landene som ..., er
            # Polen": the subject of a copula, or "blant", points at the predicate's names.
            predicate = head.head
            copular = any(dep(c) == "cop" for c in predicate.children)
            linked = dep(head) == "nsubj" or case_of(head) in ("blant", "bland", "blandt")
            named: Token | None = None
            if copular and linked and predicate.i in mentions:
                named = predicate
            elif linked and predicate.lemma_.lower() in _EXIST and dep(head) != "nsubj":
                # "Bland länderna som har skickat ... finns Polen": what there is among them.
                there = [c for c in predicate.children if dep(c) == "nsubj" and c.i in mentions]
                named = there[0] if there else None
            if named is not None:
                found = self.actors(named, mentions)
                if any(c.lower_ in _ALSO for c in predicate.children):
                    # "... finns också Indien": the ones named before are among them too.
                    found += [a for a in self.last_countries if a not in found]
                return found
            indefinite = "Ind" in head.morph.get("Definite", []) or head.lower_ in _INDEFINITE_LAND
            if _plural(head) and noun_keys(head) & actors_data.COUNTRY_NOUNS and not indefinite:
                return list(self.last_countries)  # "de to landene": the last ones named together
        for token in with_conjuncts(head) + _listed_after(head, mentions):
            actor = self._actor(token, mentions)
            if actor is not None and actor not in out:
                out.append(actor)
                # "bedrifter i Kina og Iran": the place named is coordinated.
                out += [a for a in _places_coordinated(token, mentions) if a not in out]
        return out

    def _actor(self, token: Token, mentions: dict[int, Mention]) -> Actor | None:
        if token.i in mentions:
            return mentions[token.i].actor
        for part in token.children:  # "Rustem Umerov": the table knows the surname
            if dep(part) in ("flat:name", "flat") and part.i in mentions:
                return mentions[part.i].actor
        if token.pos_ == "PRON" and token.lower_ in WE:
            # "– Vi sender ..., sier talspersonen i Det hvite hus": we are the speaker's side.
            said_by = speaker(token)
            if said_by is not None and said_by.i != token.i:
                found = self.actors(said_by, mentions)
                # "talspersonen i Det hvite hus", "en talsmann for Pentagon": whose voice it is.
                voice = found[0] if found else _named_in_phrase(said_by, mentions) or next(
                    (mentions[c.i].actor for c in said_by.children
                     if c.i in mentions and case_of(c) in ("for", "för")), None)
                if voice is None and _company_role(said_by):
                    return self.last_company  # "sa dagleg leiar Arne Kvamme": his company
                return voice
            if said_by is None and token.doc[0].text in QUOTE_DASHES:
                # "– Vi har aldri solgt ... Serbia er nøytralt, sa han": whom the paragraph's
                # speech verb names; else the head of state named last, who was introduced
                # before the quote ("Vučić svarte samme kveld. – Vi ...").
                known, actor = self.quote_speaker
                return actor if known else self.last_leader
        if token.pos_ == "PRON" and token.lower_ == "man" and dep(token) == "nsubj":
            # "Kina förnekar att man levererar vapen": the impersonal subject of a reported
            # clause is the side of whoever reports it.
            for subject in _governing_subjects(token):
                if subject.i in mentions:
                    return mentions[subject.i].actor
            return None
        if token.pos_ == "PRON" and token.lower_ in THEY and self.last_countries:
            return None  # plural: see actors(), which returns the whole group
        if token.pos_ == "PRON" and token.lower_ in PERSONAL:
            # "ba han Norge om ...": a leader speaks for his state; the last one named.
            earlier = [m for k, m in mentions.items() if k < token.i and m.leader]
            return earlier[-1].actor if earlier else self.last_leader
        keys = noun_keys(token)
        named = _named_in_phrase(token, mentions)
        if self.last_supplier is not None and keys & _SUPPLYING_NOUNS and any(
            c.lower_ in SAME for c in token.children
        ):
            return self.last_supplier  # "fra samme land", "från samma leverantör"
        if keys & actors_data.COMPANY_NOUNS or _compound_of(keys, actors_data.COMPANY_NOUNS):
            plural = "Plur" in token.morph.get("Number", [])
            described = any(dep(c) == "acl:relcl" for c in token.children)
            if plural or "Ind" in token.morph.get("Definite", []) and not described:
                # "produsentene", "et selskap i Almaty": no company named before. (One "som
                # leverer til hæren" describes the company spoken of.)
                return named
            return named or self.last_company  # "selskapet", "ammunisjonsprodusenten Nammo"
        if keys & actors_data.COUNTRY_NOUNS:
            if token.lower_ in _INDEFINITE_LAND or "Ind" in token.morph.get("Definite", []):
                return named  # "til land som er i krig": no country in particular
            # "Lukasjenko har avvist at landet sender våpen": in what someone says, "landet"
            # is most often the speaker's own.
            return named or self._speakers_country(token, mentions) or _demonym_before(
                token, mentions
            ) or self.last_country

        if token.lower_ in actors_data.HOME_ORGANS and named is None:
            # "FMV har beställt", "Hæren får nye stridsvogner": the home country's own forces
            # are written as names, capitalised. Lower case mid-sentence, "hæren" is an army
            # in general: that of the country spoken of ("Indien köper ... till flottan").
            if token.lower_ in actors_data.BRANCH_NOUNS and token.text.islower() and (
                token.i > 0 and self.last_country is not None
            ):
                return self.last_country
            return self.home
        if keys & actors_data.GROUP_NOUNS:
            return named or self.last_group
        if named is not None and (keys & actors_data.RECIPIENT_NOUNS or _compound_of(
            keys, actors_data.RECIPIENT_NOUNS
        )):
            return named  # "mottakere i Russland", "den ryska vapenindustrin"
        if keys & actors_data.DIPLOMATIC_NOUNS:
            return named  # "Irans mission ved FN afviser": Iran
        if keys & actors_data.GOVERNMENT_NOUNS:
            if named is not None:
                return named
            if "president" in keys:
                # Norway, Sweden and Denmark have no president: "presidenten" is the one named
                # before (or of the country spoken of), never the home state.
                return self.last_leader or self.last_country
            if token.lower_ in actors_data.HOME_ORGANS or _is_bare(token):
                return self.home
        return None

    def _speakers_country(self, token: Token, mentions: dict[int, Mention]) -> Actor | None:
        for speaker in _governing_subjects(token):
            mention = mentions.get(speaker.i)
            if mention is not None and mention.actor.kind in STATE_KINDS:
                return mention.actor
        return None



_LEMMA_LANGUAGES = frozenset({"nb", "nn", "sv", "da"})
_DEFINITE = ("ene", "erne", "arna", "erna", "ane", "en", "et", "a", "na", "ne", "n", "t")


_INDEFINITE_LAND = frozenset("land länder lande".split())
_ALSO = frozenset("også òg også också".split())
# Existential verbs: "Blant landene ... finnes Polen".
_EXIST = frozenset("finnes finnast finnas findes finne finna".split())
# "samme land", "samma leverantör": the side that supplied in the last claim.
SAME = frozenset("samme samma same".split())
_SUPPLYING_NOUNS = actors_data.COUNTRY_NOUNS | actors_data.COMPANY_NOUNS


def noun_keys(token: Token) -> set[str]:
    """The lemma, the form, and the form without a definite ending: a capitalised noun at the
    start of a sentence ("Regjeringen") is often tagged a name and left unlemmatised."""
    low = token.lower_
    keys = {token.lemma_.lower(), low}
    keys |= {low[: -len(e)] for e in _DEFINITE if low.endswith(e) and len(low) - len(e) >= 3}
    if token.lang_ in _LEMMA_LANGUAGES:  # a second opinion: "leverancerne" -> "leverance"
        keys.add(dictionary_lemma(low, token.lang_))
    return keys


_LIST_WORDS = frozenset({",", "og", "och", "samt", "eller"})


def _listed_after(head: Token, mentions: dict[int, Mention]) -> list[Token]:
    """Names listed right after a named head ("frå Tyskland, Polen, Noreg og Portugal") that
    the parse did not coordinate with it: a run of names joined by commas and "og"."""
    if head.i not in mentions:
        return []
    doc, out = head.doc, []
    i = mentions[head.i].end
    while i + 1 < len(doc) and doc[i].lower_ in _LIST_WORDS and (i + 1) in mentions:
        nxt = mentions[i + 1]
        out.append(doc[i + 1])
        i = nxt.end
    return out


def _compound_of(keys: set[str], heads: frozenset[str]) -> bool:
    """A compound whose last part is one of `heads` ("vapenindustri" of "industri"), with a
    first part of three letters or more."""
    return any(len(key) - len(head) >= 3 and key.endswith(head) for key in keys for head in heads)


def _plural(token: Token) -> bool:
    plural_forms = ("landene", "landa", "länderna")
    return "Plur" in token.morph.get("Number", []) or token.lower_ in plural_forms


def _in_subject(mention: Mention, mentions: dict[int, Mention]) -> bool:
    return dep(mention.head).startswith("nsubj")


def _governing_subjects(token: Token) -> list[Token]:
    out = []
    current = token.head
    for _ in range(6):
        # The subject may hang on the auxiliary ("Tyrkiet blev ... smidt ud"), and a clause
        # head the tagger took for a noun is still the clause's.
        around = [current, *(c for c in current.children if dep(c).startswith("aux"))]
        subjects = [c for h in around for c in h.children
                    if dep(c).startswith("nsubj") and c != token]
        clause = current.pos_ in ("VERB", "AUX") or current.head.i == current.i
        if subjects and clause and current.i != token.head.i:
            out += subjects
        if current.head.i == current.i:
            break
        current = current.head
    return out


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
    # A demonym only where no name is attached: in "det israelske selskapet Elbit" the name is
    # the actor and the adjective its nationality.
    for child in token.children:
        if dep(child) == "amod" and (country := gaz.demonym(child.lemma_, child.text)):
            return country
    head = token.head
    if dep(token) in ("nmod", "appos", "compound") and head.i in mentions:
        return mentions[head.i].actor  # "Nordic Shield, selskapet som ..." / name as head
    return None


def _places_coordinated(token: Token, mentions: dict[int, Mention]) -> list[Actor]:
    """The names coordinated with a place phrase on a noun ("selskaper i Kina og Iran")."""
    if token.i in mentions:
        return []
    for child in token.children:
        if dep(child) == "nmod" and child.i in mentions and case_of(child) in _PLACE_CASES:
            return [mentions[c.i].actor for c in with_conjuncts(child)[1:] if c.i in mentions]
    return []


_PLACE_CASES = frozenset({"i", "fra", "frå", "från", "af"})


# Who speaks for a company ("daglig leder", "vd:n", "konsernsjefen").
_COMPANY_ROLES = frozenset(
    """leder leiar direktør direktøren direktör direktören sjef sjefen konsernsjef
    konsernsjefen vd vd:n koncernchef koncernchefen administrerende adm.dir. ceo""".split()
)


def _company_role(token: Token) -> bool:
    """The speaker phrase names a company role: the head, a word joined to it, or its head."""
    words = [token, *token.children, token.head]
    return any(noun_keys(w) & _COMPANY_ROLES for w in words if w.pos_ in ("NOUN", "ADJ", "PROPN"))


def _demonym_before(token: Token, mentions: dict[int, Mention]) -> Actor | None:
    """ "Litauiske soldater med våpen som landet kjøpte": with no country named before it in
    the sentence, "landet" is that of the nationality just named."""
    gaz = gazetteer()
    for t in reversed(token.doc[: token.i]):
        if t.i in mentions and mentions[t.i].actor.kind in STATE_KINDS:
            return None
        if t.pos_ == "ADJ" and dep(t) == "amod" and (country := gaz.demonym(t.lemma_, t.text)):
            return country
    return None


def _is_bare(token: Token) -> bool:
    """A definite organ noun with nothing naming whose it is ("Regjeringen har besluttet")."""
    return "Def" in token.morph.get("Definite", []) or token.lower_.endswith(("en", "et", "a"))
