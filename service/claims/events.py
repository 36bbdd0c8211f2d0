"""Supply events in one parsed sentence: a trigger word and its roles, read off the tree.

Verb triggers take their roles from the verb's own dependents (with subjects found through
relative clauses, coordination and control, see `tree.subject`):

- GIVE ("sende", "levere", "selge", "donere", "tilby"): supplier = subject (passive: the "av"
  agent); recipient = an oblique or noun modifier with til/till/åt, or the indirect object;
  items = the object (passive: the subject, unless it is an actor: "Ukraina ble lovet kampfly").
- SUPPLY_WITH ("utruste", "bevæpne", "forsyne", "bistå med"): recipient = object, items = med.
- RECEIVE ("få", "motta", "kjøpe", "bestille"): recipient = subject; supplier = fra/från/av/hos.
- REQUEST ("be om", "anmode om"): recipient = subject; supplier = the one asked (object, or
  fra/från); items = the "om" phrase, or the object of an infinitive ("ba Norge om å sende").

Noun triggers ("leveransen", "våpensalget", "ordren", "kjøpet") take the supplier from a genitive,
a demonym ("amerikansk våpensalg") or fra; the recipient from til; items from av, a compound's
first part or the noun's own modifiers; an order's supplier is whoever gets it ("Saab har fått en
ordre fra Polen"). Missing roles are left empty here; `discourse` may fill them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from service.claims.gazetteer import Actor, gazetteer
from service.claims.mentions import Mention
from service.claims.tree import (
    case_of,
    children,
    dep,
    earlier_subject,
    governors,
    infinitive,
    is_passive,
    subject,
)
from service.claims.words import Lexicon, dictionary_lemma

GIVE, FUND, SUPPLY_WITH = "GIVE", "FUND", "SUPPLY_WITH"
RECEIVE, REQUEST = "RECEIVE", "REQUEST"
TRANSFER_NOUN, ORDER_NOUN, REQUEST_NOUN = "TRANSFER_NOUN", "ORDER_NOUN", "REQUEST_NOUN"
REFUSAL_NOUN, SUPPLIER_NOUN = "REFUSAL_NOUN", "SUPPLIER_NOUN"
NOUN_CLASSES = (TRANSFER_NOUN, ORDER_NOUN, REQUEST_NOUN, REFUSAL_NOUN, SUPPLIER_NOUN)
AGAINST = frozenset({"mot", "mod", "emot", "against", "med"})
_OPPOSED = AGAINST - {"med"}
# Verbs by which a deal says what it covers ("gjelder", "omfatter", "gäller", "omfattar").
_COVER = frozenset(
    "gjelde gjelda gälla gælde omfatte omfatta inkludere inkludera innebære innebära".split()
)
BETWEEN = frozenset({"mellom", "mellan", "mellem", "imellem"})
# Verbs by which a buyer places an order ("legge inn", "gi", "plassere").
PLACING = frozenset("legge plassere placera lägga gi ge give afgive".split())
VERB_CLASSES = (GIVE, FUND, SUPPLY_WITH, RECEIVE, REQUEST)

TO = frozenset({"til", "till", "åt", "to"})
FROM = frozenset({"fra", "frå", "från", "af", "hos", "from"})
BY = frozenset({"av", "af", "by"})
WITH = frozenset({"med", "with"})
ABOUT = frozenset({"om", "på", "about"})
FOR = frozenset({"for", "för"})
# "fått over 150 000 raketter": a quantity the parser read as a preposition.
QUANTITY = frozenset(
    "over rundt omkring opptil oppimot nesten minst cirka drøyt knapt nærmere".split()
)
# "Norge har donert missiler sammen med USA": a co-supplier.
TOGETHER = frozenset({"sammen", "saman", "tillsammans"})


@dataclass
class Roles:
    """Who and what, as phrase heads still to be resolved to actors and items."""

    suppliers: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    items: list[Token] = field(default_factory=list)


@dataclass
class Event:
    trigger: Token
    cls: str  # one of VERB_CLASSES or NOUN_CLASSES
    roles: Roles
    # The two sides of a deal when the words do not say which sells ("kontrakt med").
    parties: list[Token] = field(default_factory=list)
    # Actors the noun phrase itself names (demonyms, "Norges"), resolved already.
    named_suppliers: list[Actor] = field(default_factory=list)
    named_recipients: list[Actor] = field(default_factory=list)
    # A halt whose object is the goods themselves ("stanser F-16-flyene til Ukraina"): the
    # transfer is read with the roles of GIVE and the stance `refused`.
    halted: bool = False


def obliques(token: Token, preps: frozenset[str], noun: bool = False) -> list[Token]:
    """Nominal dependents of `token`, or inside its object phrase ("millioner av granater til
    Russland": the til-phrase hangs on the object's noun), introduced by one of `preps`."""
    found: list[Token] = []
    frontier = [token]
    for depth in range(_DEPTH):
        nxt: list[Token] = []
        for host in frontier:
            for c in host.children:
                link = dep(c).split(":")[0]
                case = case_of(c)
                if link in ("obl", "nmod", "iobj") and case in preps:
                    found.append(c)
                elif link in ("obj", "obl", "nmod", "conj", "appos") and (
                    depth or noun or link != "nmod"
                ) and not (link == "conj" and c.pos_ in ("VERB", "AUX")):  # not another clause
                    # Into the object and oblique phrases: the parser often hangs "til X"
                    # on the goods ("granater til Russland") or on a "fra"-phrase.
                    nxt.append(c)
        frontier = nxt
    return found


_DEPTH = 6  # a recipient sits at most this deep in the object phrase ("bomber og missiler for
# milliarder af dollar til Israel": five links down)


def _multiword_class(token: Token, lex: Lexicon) -> set[str]:
    """Classes of multiword verbs ("ta imot", "si nei til", "be om", "stille til rådighet"):
    the head lemma plus each further word among the verb's dependents (or theirs)."""
    entries = lex.multiword.get(token.lemma_.lower()) or lex.multiword.get(
        dictionary_lemma(token.lower_, lex.language), []
    )
    if not entries:
        return set()
    # Three levels down: "sagt nei til å selje" has "til" as the marker of the clause on "nei";
    # never into a coordinated clause ("nekta å selje ..., og set foten ned for sal": that
    # "for" is not "nekte for").
    def own(t: Token) -> list[Token]:
        return [c for c in t.children if not (dep(c) in _OTHER_CLAUSES and c.pos_ == "VERB")]

    level = own(token)
    near = {c.lemma_.lower() for c in level}
    for _ in range(3):
        near |= {c.lower_ for c in level}
        level = [g for c in level for g in own(c)]
    return {cls for rest, cls in entries if all(word in near for word in rest)}


_OTHER_CLAUSES = frozenset({"conj", "parataxis"})


def is_verbal(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun although it heads a clause ("at Wagner
    angivelig planla å gi": a subject and an infinitive below it)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    clausal = dep(token) in ("ccomp", "xcomp", "advcl", "ROOT", "root", "parataxis")
    # A predicate noun ("USA er Israels største våpenleverandør") has a copula: a noun still.
    return clausal and any(dep(c) in ("nsubj", "xcomp", "aux") for c in token.children) and (
        not any(dep(c) == "cop" for c in token.children)
    )


def _up_to(nominal: Token) -> bool:
    """ "upp till 100 robotar": a quantity, unlike a plain "till"-phrase (a recipient)."""
    case = next((c for c in nominal.children if dep(c) == "case"), None)
    return case is not None and case.lower_ == "till" and case.i > 0 and (
        case.doc[case.i - 1].lower_ == "upp"
    )


def _in_total(nominal: Token) -> bool:
    """"i alt 19 fly", "i allt 30 robotar": a total, read by the parser as an oblique."""
    return any(
        dep(c) == "case" and c.lower_ == "i"
        and any(g.lower_ in ("alt", "allt") for g in c.children)
        for c in nominal.children
    )


def _relative_word(token: Token) -> bool:
    """A relative pronoun, or "som"/"der" the tagger took for a conjunction."""
    return "Rel" in token.morph.get("PronType", []) or token.lower_ in ("som", "der")


def goods_objects(verb: Token) -> list[Token]:
    """The verb's objects, and quantity phrases the parser read as obliques ("over 150 000
    raketter"); in a relative clause, the noun it describes ("systemet som landet kjøpte",
    "flya landet kjøpte")."""
    objects = [o for o in children(verb, "obj") if "Reflex=Yes" not in str(o.morph)
               and o.lower_ not in ("seg", "sig")]  # "tilby seg å": volunteering, no goods
    objects += [c for c in children(verb, "obl")
                if case_of(c) in QUANTITY or _in_total(c) or _up_to(c)]
    relative = dep(verb) == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN")
    if relative and all(_relative_word(o) for o in objects):
        subject_is_relative = any(
            dep(c) == "nsubj" and "Rel" in c.morph.get("PronType", []) for c in verb.children
        )
        if not subject_is_relative:
            return [verb.head]
    if not objects and dep(verb) == "conj" and verb.head.pos_ == "VERB":
        # "har kjøpt og overlevert 14 stridsvogner": coordinated verbs share the object after
        # the last of them, which the parse hangs on the first.
        objects = [o for o in children(verb.head, "obj") if o.i > verb.i]
    return objects


def verb_classes(token: Token, lex: Lexicon) -> set[str]:
    if not is_verbal(token):
        return set()
    # A particle verb's own meaning wins: "låne ut" is lending (GIVE), not "låne" (borrowing).
    return _multiword_class(token, lex) or set(lex.verb_classes(token.lemma_, token.text))


def _other_goods(verb: Token, named: list[Token]) -> list[Token]:
    """Nominal dependents of `verb`, other than `named`, that may hold the goods."""
    return [
        c for c in verb.children
        if c not in named and dep(c).split(":")[0] in ("obj", "obl", "xcomp", "iobj")
        and c.pos_ in ("NOUN", "PROPN") and not case_of(c)
    ]


def _shared(verb: Token, preps: frozenset[str]) -> list[Token]:
    """A phrase after the last of coordinated verbs, hung on the first ("har kjøpt og sendt
    kanoner til Estland"): the verbs share it."""
    if dep(verb) != "conj" or verb.head.pos_ != "VERB":
        return []
    return [r for r in obliques(verb.head, preps) if r.i > verb.i]


def _agent(verb: Token, mentions: dict[int, Mention]) -> list[Token]:
    """The "av"-agent of a passive: on the verb, or, where the parser hung it lower, an actor
    with "av" inside the clause ("overlevert til Ukraina av Polen")."""
    direct = [c for c in obliques(verb, BY) if dep(c).startswith("obl")]
    if direct:
        return direct
    frontier, found = [verb], []
    for _ in range(_DEPTH):
        frontier = [c for t in frontier for c in t.children if dep(c) not in CLAUSE_LINKS]
        found += [c for c in frontier if case_of(c) in BY and c.i in mentions]
    return found[:1]


def _stative(verb: Token) -> bool:
    """ "er utstyrt med", "var bevæpnet med": "være" and a participle with no object is the
    state a passive left."""
    return not children(verb, "obj") and "Part" in verb.morph.get("VerbForm", []) and any(
        dep(c) == "aux" and c.lemma_.lower() in _BE for c in verb.children
    )


_BE = frozenset("være vere vera vara".split())
CLAUSE_LINKS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj"})


def _verb_event(verb: Token, cls: str, mentions: dict[int, Mention], lex: Lexicon) -> Event:
    roles = Roles()
    agent = _agent(verb, mentions)
    subj = subject(verb)
    if subj is None and dep(verb) in ("ROOT", "root", "parataxis", "conj"):
        subj = earlier_subject(verb)
    if cls == GIVE:
        passive = is_passive(verb)
        if passive:
            roles.suppliers = agent
            pass_subj = children(verb, "nsubj:pass") or ([subj] if subj is not None else [])
            roles.items = children(verb, "obj") or pass_subj
            if children(verb, "obj"):
                roles.recipients = pass_subj  # "Ukraina ble lovet kampfly"
        else:
            roles.suppliers = [subj] if subj is not None else []
            roles.items = goods_objects(verb)
            # "levererade spaningsflygplanet Erieye": a name right after the goods noun is its
            # name, not an indirect object.
            named = [o for o in roles.items if o.i in mentions
                     and not (o.i > 0 and o.doc[o.i - 1] in roles.items)]
            if named and len(named) < len(roles.items) or named and _other_goods(verb, named):
                # "gav Ukraina kryssarmissil": an actor as object is the indirect object.
                roles.recipients = named
                roles.items = [o for o in roles.items if o not in named] or _other_goods(
                    verb, named
                )
        if dep(verb) == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and not infinitive(verb):
            # "missil levert av Nord-Korea": the participle's noun is the goods, and whoever
            # uses or holds them ("Russland har skote missil levert av ...") received them.
            roles.items = roles.items or [verb.head]
            holder = verb.head.head
            if not roles.recipients and holder.pos_ in ("VERB", "AUX"):
                user = subject(holder)
                roles.recipients = [user] if user is not None else []
        roles.recipients = roles.recipients or obliques(verb, TO) or children(verb, "iobj")
        roles.recipients = roles.recipients or _shared(verb, TO)
        if not any(r.i in mentions for r in roles.recipients):
            # "stille X til rådighet for Ukraina", "ställa till förfogande för": the til-phrase
            # is the idiom's, the recipient comes with for/för.
            roles.recipients += obliques(verb, FOR) or linear_recipient(verb, mentions)
        subjects = children(verb, "nsubj")
        if not roles.recipients and len(subjects) >= 2 and subjects[1].i > verb.i:
            # Two subjects around the verb: the parser took an indirect object for a second
            # subject ("Danmark vil tilby Moldova støtte"); a clause has one subject.
            roles.recipients = subjects[1:2]
        if not roles.recipients and len(children(verb, "obj")) >= 2:
            # A double object the parser left as two objects ("tilby Moldova støtte").
            roles.recipients, roles.items = children(verb, "obj")[:1], children(verb, "obj")[1:]
        roles.recipients = roles.recipients or _buyer_of(roles.items, lex)
    elif cls == FUND:  # "betale for X til Y", "finansiere X til Y"
        roles.suppliers = [subj] if subj is not None else []
        roles.items = children(verb, "obj") + obliques(verb, FOR)
        roles.recipients = obliques(verb, TO) or children(verb, "iobj") or [
            # "betale for missiler som USA skal levere til Ukraina": where what is paid for goes
            r for item in roles.items for noun in [item, *children(item, "nmod")]
            for clause in children(noun, "acl:relcl") for r in obliques(clause, TO)
        ]  # ("40 000 av granatene, som ...": the clause may sit on the noun of the amount)
    elif cls == SUPPLY_WITH and (is_passive(verb) or _stative(verb)):
        # "Hæren er utstyrt med artilleri fra Kina", "bevæpnet med droner av Iran": the one
        # equipped is the subject; who equips, the agent or the goods' from-phrase.
        roles.recipients = [subj] if subj is not None else []
        roles.items = obliques(verb, WITH) or linear_phrase(verb, WITH)
        roles.suppliers = agent or [
            r for item in roles.items for r in obliques(item, FROM, noun=True) if r.i in mentions
        ] or obliques(verb, FROM)
    elif cls == SUPPLY_WITH:
        roles.suppliers = [subj] if subj is not None else []
        roles.recipients = children(verb, "obj") or linear_object(verb, mentions)
        if not roles.recipients and dep(verb) == "conj" and verb.head.lemma_ == verb.lemma_:
            # "har bistått Ukraina med ..., og vil bistå med meir": the one helped, left out
            roles.recipients = children(verb.head, "obj")
        roles.items = obliques(verb, WITH) or linear_phrase(verb, WITH)
    elif cls == RECEIVE and is_passive(verb):  # "kjøpes inn av Norge og Tyskland"
        roles.recipients = agent
        roles.items = children(verb, "nsubj:pass") or ([subj] if subj is not None else [])
        roles.suppliers = obliques(verb, FROM)
    elif cls == RECEIVE:
        roles.recipients = [subj] if subj is not None else []
        roles.suppliers = obliques(verb, FROM) or obliques(verb, BY) or _shared(verb, FROM)
        roles.items = goods_objects(verb)
    elif cls == REQUEST:
        roles.recipients = [subj] if subj is not None else []
        asked = [c for c in children(verb, "obj", "iobj") if not case_of(c)]
        roles.suppliers = asked or obliques(verb, FROM) or linear_object(verb, mentions)
        roles.items = obliques(verb, ABOUT) or linear_phrase(verb, frozenset({"om"}))
        for clause in children(verb, "xcomp", "advcl", "ccomp"):  # "ba Norge om å sende F-16"
            roles.items += children(clause, "obj")
    if cls in (GIVE, FUND):
        roles.suppliers += _together(verb)
    origins: list[Actor] = []
    passive_giving = cls == GIVE and is_passive(verb)
    if (cls in (RECEIVE, REQUEST) or passive_giving) and not roles.suppliers:
        # "motta russiske jagerfly", "köpa amerikanska robotar", "be om svenska stridsflygplan",
        # "danske F-16-fly blev leveret": the goods' origin sells or gives them.
        origins = _origins(roles.items)
    return Event(verb, cls, roles, named_suppliers=origins)


def _origins(goods: list[Token]) -> list[Actor]:
    """Countries named by demonym adjectives on the goods and their conjuncts."""
    gaz = gazetteer()
    heads = goods + [c for g in goods for c in g.children if dep(c) == "conj"]
    # "det russiske luftforsvarssystem S-400": the demonym on the noun the name goes with.
    heads += [c for g in goods for c in g.children if dep(c) == "nmod" and not case_of(c)]
    found = [country for h in heads for c in h.children if dep(c) == "amod"
             if (country := gaz.demonym(c.lemma_, c.text))]
    return list(dict.fromkeys(found))


def _together(verb: Token) -> list[Token]:
    """Nominals in "sammen med X" / "tillsammans med X" on the verb: they supply too."""
    out = []
    for child in verb.children:
        if dep(child).startswith("obl") and case_of(child) in WITH:
            words = {c.lower_ for c in child.children if dep(c) in ("case", "advmod", "fixed")}
            words |= {g.lower_ for c in child.children for g in c.children}
            if words & TOGETHER:
                out.append(child)
    return out


def _noun_event(noun: Token, cls: str, mentions: dict[int, Mention]) -> Event:
    roles = Roles()
    named: list[Actor] = []
    gaz = gazetteer()
    for child in noun.children:
        link, case = dep(child), case_of(child)
        genitive = (
            link == "nmod" and not case and child.i in mentions and child.lower_.endswith("s")
        )
        # Danish "af" is "from", "by" and "of": an actor after it supplies, goods are goods.
        from_actor = case in FROM and (case not in BY or child.i in mentions)
        if link == "nmod:poss" or genitive or (link == "nmod" and from_actor):
            roles.suppliers.append(child)
        elif link in ("nmod", "obl") and case in TO:
            roles.recipients.append(child)
        elif link in ("nmod", "obl") and case in BY | ABOUT:
            (roles.suppliers if child.i in mentions else roles.items).append(child)
        elif link in ("nmod", "obl") and case in WITH and child.i not in mentions:
            roles.items.append(child)  # "hjelpepakke med artilleri og ammunisjon"
        elif link == "amod" and (country := gaz.demonym(child.lemma_, child.text)):
            named.append(country)
    if not roles.recipients:
        roles.recipients = [r for r in obliques(noun, TO, noun=True) if r.i in mentions]
    if not roles.suppliers and not named:
        # "leveransane av granatar frå Nord-Korea": the frå-phrase hung on the goods.
        # Danish "af" first read as "of" ("salget af våben fra Danmark"), then as "from".
        roles.suppliers = [
            r for r in obliques(noun, FROM - BY, noun=True) or obliques(noun, FROM, noun=True)
            if r.i in mentions
        ]
    event = Event(noun, cls, roles, named_suppliers=named)
    if cls == ORDER_NOUN:
        _order_roles(noun, event)
    elif cls == SUPPLIER_NOUN:
        _supplier_roles(noun, event)
    elif cls == REFUSAL_NOUN:
        _governing_roles(noun, event)
        if not event.roles.recipients:  # "forbud mot våpenhandel med Israel"
            event.roles.recipients = [
                r for r in obliques(noun, AGAINST | TO, noun=True) if r.i in mentions
            ]
        if not event.roles.recipients and dep(noun) == "obj":
            # "innføre (en) våpenembargo mot X": the against-phrase hung on the verb.
            event.roles.recipients = [
                c for c in noun.head.children
                if dep(c).startswith("obl") and case_of(c) in _OPPOSED and c.i in mentions
            ]
        event.roles.items += children(noun, "nmod")
    else:
        _governing_roles(noun, event)
    if dep(noun) == "nsubj" and noun.head.lemma_.lower() in _COVER:
        # "Kontrakten med X gjelder 300 000 granater til Ukraina", "Salget omfatter 400
        # missiler": what the deal covers, and where it goes, are the covering verb's.
        event.roles.items += children(noun.head, "obj")
        if not event.roles.recipients:
            event.roles.recipients = [r for r in obliques(noun.head, TO) if r.i in mentions]
    if cls == TRANSFER_NOUN and not event.roles.suppliers and not event.named_suppliers:
        # "leveransen av de siste danske F-16-flyene er satt på pause": no one named delivers,
        # so the goods' origin does.
        event.named_suppliers = _origins(event.roles.items)
    return event


def _supplier_roles(noun: Token, event: Event) -> None:
    """ "X er Israels største våpenleverandør", "X regnes som leverandøren til Y", "X,
    våpenleverandøren til Y": the one the noun is said of supplies; a genitive is whom."""
    roles = event.roles
    roles.recipients = roles.suppliers + roles.recipients  # "Israels" was read as a supplier
    roles.suppliers = []
    head = noun.head
    if dep(noun) == "nsubj" and any(dep(c) == "cop" for c in head.children):
        roles.suppliers = [head]  # "Selgeren er Boeing"
    elif any(dep(c) == "cop" for c in noun.children):
        roles.suppliers = children(noun, "nsubj")
        if dep(noun) == "acl:relcl" and any(
            "Rel" in s.morph.get("PronType", []) for s in roles.suppliers
        ):
            roles.suppliers = [head]  # "Tyskland, som er Israels våpenleverandør"
    elif dep(noun) == "appos":
        roles.suppliers = [head]
    elif dep(noun) in ("xcomp", "obl", "obj") and head.pos_ in ("VERB", "AUX"):
        who = subject(head)  # "regnes som", "ble kalt"
        roles.suppliers = [who] if who is not None else []


def _order_roles(noun: Token, event: Event) -> None:
    """An order goes from the buyer (fra, or who gives or places it) to the seller (who gets
    it, or med/hos: "en kontrakt med Saab"). Who signs a contract, or the two sides of "avtalen
    mellom Saab og Polen", may be either: they go to `parties`, and the extractor tells the
    company (the seller) from the state (the buyer)."""
    roles = event.roles
    # "fra Polen" was read as a supplier above: on the order noun itself it is the buyer ("en
    # ordre fra Polen"); on the goods it names, their seller ("en avtale om 26 fly fra Dassault").
    buyers = [r for r in roles.suppliers if r.head.i == noun.i]
    roles.suppliers = [r for r in roles.suppliers if r.head.i != noun.i]
    event.parties = [c for c in noun.children if case_of(c) in WITH | BETWEEN | {"hos"}]
    roles.recipients = buyers + roles.recipients
    head = noun.head
    if dep(noun) == "nsubj" and head.lemma_.lower() in ("gå", "gå", "gick", "tildele"):
        roles.suppliers = obliques(head, TO)  # "Ordren ... gikk til KNDS"
        return
    if dep(noun) in ("obj", "nsubj:pass") and head.pos_ == "VERB":
        who = subject(head)
        if who is not None:
            getting = head.lemma_.lower() in ("få", "vinne", "vinna", "motta", "modtage", "sikre")
            if getting:
                roles.suppliers.insert(0, who)
                # "har fått en beställning ... från den indiska armén": who orders, on the verb.
                roles.recipients += [b for b in obliques(head, FROM) if b not in roles.recipients]
            elif head.lemma_.lower() in PLACING:
                roles.recipients.insert(0, who)  # "Polen la inn en ordre"
            else:
                event.parties.insert(0, who)  # "Hanwha har signert en kontrakt med Norge"
        event.parties += obliques(head, WITH | frozenset({"hos"}))
        for iobj in children(head, "iobj"):  # "Polen ga Saab en ordre"
            roles.suppliers.insert(0, iobj)


def _governing_roles(noun: Token, event: Event) -> None:
    """A transfer noun without its own supplier takes the subject of the verb it is the object
    of ("Finland stanser salget", "Norge gir våpenhjelp"), and that verb's til-phrase."""
    head = noun.head
    mislabelled = dep(noun) == "nsubj" and any(
        dep(c) == "nsubj" and c.i != noun.i for c in head.children
    )  # two subjects: the parser took the object for one ("Finland stanser salget")
    if dep(noun) not in ("obj", "nsubj:pass", "nmod") and not mislabelled:
        return
    if head.pos_ not in ("VERB", "NOUN"):
        return
    if not event.roles.suppliers and not event.named_suppliers and head.pos_ == "VERB":
        who = subject(head)
        if who is not None and who.i != noun.i:
            event.roles.suppliers.append(who)
        elif mislabelled:
            event.roles.suppliers += [
                c for c in head.children if dep(c) == "nsubj" and c.i != noun.i
            ][:1]
    if not event.roles.recipients:
        event.roles.recipients = [c for c in obliques(head, TO) if c.i != noun.i]


def linear_recipient(trigger: Token, mentions: dict[int, Mention]) -> list[Token]:
    """Where the parse lost the til-phrase ("sende S-300 til Ukraina" with "til Ukraina" hung on
    the name): the first "til <actor>" after the trigger, before the next verb or clause mark."""
    doc = trigger.doc
    for i in range(trigger.i + 1, min(len(doc) - 1, trigger.i + _WINDOW)):
        token = doc[i]
        if token.pos_ in ("VERB", "SCONJ") or token.lower_ in ("og", "och", "men", ";"):
            break
        if token.lower_ in TO and doc[i + 1].i in mentions:
            return [doc[i + 1]]
    return []


_WINDOW = 12  # tokens after a trigger that may still belong to its phrase


def linear_object(verb: Token, mentions: dict[int, Mention]) -> list[Token]:
    """Where the parse lost the object ("bevæpnet RSF med ...", "ba i forrige uke Seoul om
    ..."): the first actor after the verb, before any preposition of its own or the next verb."""
    doc = verb.doc
    for i in range(verb.i + 1, min(len(doc), verb.i + _WINDOW)):
        token = doc[i]
        if token.pos_ in ("VERB", "SCONJ", "CCONJ") or token.lower_ in WITH | ABOUT | TO:
            break
        if i in mentions and not case_of(token):
            return [token]
    return []


def linear_phrase(verb: Token, preps: frozenset[str]) -> list[Token]:
    """The nouns after the first of `preps` following the verb ("om luftvernsystemer og
    artilleri"), up to the next verb or clause mark."""
    doc = verb.doc
    start = next((i for i in range(verb.i + 1, min(len(doc), verb.i + _WINDOW))
                  if doc[i].lower_ in preps), None)
    if start is None:
        return []
    nouns = []
    for token in doc[start + 1 : start + _WINDOW]:
        if token.pos_ in ("VERB", "SCONJ") or token.is_punct and token.text != ",":
            break
        if token.pos_ in ("NOUN", "PROPN"):
            nouns.append(token)
    return nouns


def _headline_event(doc: Doc, lex: Lexicon, mentions: dict[int, Mention]) -> list[Event]:
    """A headline without a verb ("Iranske droner til Russland", "Droner fra Iran til
    Russland"): goods with a demonym or fra-phrase and a til-phrase make the claim."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc):
        return []
    gaz = gazetteer()
    out = []
    for token in doc:
        item = lex.item(token.lemma_, token.text) if token.pos_ in ("NOUN", "PROPN") else None
        if item is None or not item.military:
            continue
        roles = Roles(items=[token], recipients=[r for r in obliques(token, TO, noun=True)
                                                 if r.i in mentions])
        roles.suppliers = [r for r in obliques(token, FROM, noun=True) if r.i in mentions]
        named = [country for c in token.children if dep(c) == "amod"
                 if (country := gaz.demonym(c.lemma_, c.text))]
        if roles.recipients and (roles.suppliers or named):
            out.append(Event(token, TRANSFER_NOUN, roles, named_suppliers=named))
    return out


def find(doc: Doc, lex: Lexicon, mentions: dict[int, Mention]) -> list[Event]:
    """Every supply event of a sentence, in token order."""
    events: list[Event] = _headline_event(doc, lex, mentions)
    for token in doc:
        if is_verbal(token):
            found = verb_classes(token, lex) & set(VERB_CLASSES)
            if RECEIVE in found and any(
                ORDER_NOUN in lex.noun_classes(o.lemma_, o.text) for o in children(token, "obj")
            ):
                # "Saab har fått en beställning från armén": getting an order is selling; the
                # order noun's event reads it.
                found.discard(RECEIVE)
            for cls in sorted(found):
                events.append(_verb_event(token, cls, mentions, lex))
            if not found and _halts_goods(token, lex):
                event = _verb_event(token, GIVE, mentions, lex)
                event.halted = True
                events.append(event)
        elif token.pos_ in ("NOUN", "PROPN") and token.i not in mentions:
            head = token.head
            classes = lex.noun_classes(token.lemma_, token.text)
            giving = verb_classes(head, lex) & {GIVE, FUND, SUPPLY_WITH}
            if dep(token) in ("obj", "nsubj:pass") and giving and TRANSFER_NOUN in classes:
                continue  # "tilby militær støtte": the verb's event already covers its object
            if head.i != token.i and head.pos_ == "NOUN" and set(
                lex.noun_classes(head.lemma_, head.text)
            ) & set(NOUN_CLASSES):
                continue  # "forbud mot våpenhandel": the outer noun's event covers it
            for cls in NOUN_CLASSES:
                if cls in classes:
                    events.append(_noun_event(token, cls, mentions))
                    break
    return events


def _buyer_of(goods: list[Token], lex: Lexicon) -> list[Token]:
    """ "levere de F-35-fly som Tyrkiet havde bestilt": the goods' relative clause says who
    bought, ordered or is to receive them, and so where a delivery goes."""
    for item in goods:
        for clause in item.children:
            if dep(clause) == "acl:relcl" and RECEIVE in verb_classes(clause, lex):
                who = subject(clause)
                if who is not None and who.i != item.i and who.pos_ != "PRON":
                    return [who]
    return []


def _halts_goods(verb: Token, lex: Lexicon) -> bool:
    """A verb of refusing or halting ("stanse", "fryse", "sette på pause") whose object, or
    passive subject, is a military good rather than a clause or a transfer noun."""
    if "REFUSE" not in verb_classes(verb, lex) or children(verb, "xcomp", "ccomp"):
        return False
    for noun in children(verb, "obj", "nsubj:pass") or children(verb, "nsubj"):
        item = lex.item(noun.lemma_, noun.text)
        # Not a ship: a navy or customs stopping a vessel halts someone else's transfer.
        if noun.pos_ == "NOUN" and item is not None and item.category not in (
            "civil", "military_generic", "vessel"
        ) and not lex.noun_classes(noun.lemma_, noun.text):
            return True
    return False


def noun_trigger_governed(event: Event) -> Token | None:
    """The verb whose clause a noun trigger lives in (for stance), if any."""
    return next(iter(governors(event.trigger)), None)


def compound_item_prefix(noun: Token, lex: Lexicon) -> str | None:
    """The first part of a compound transfer noun, when it is a good: "våpen" in "våpenhjelp"."""
    form = noun.lower_
    for entry in lex.noun_suffixes:
        at = form.find(entry)
        if at >= 3 and lex.item(form[:at], form[:at]) is not None:
            return form[:at]
    return None

