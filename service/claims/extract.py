"""Supply claims of an article: parse each sentence, find supply events, read their roles,
stance, hedge, source and goods, and keep those that name a supplier, a different recipient and
something military or dual-use. Civil trade, sport and exercises give nothing.

The article is read in order, so references ("landet", "selskapet") resolve to what came before,
and a purchase whose seller is not in its own sentence takes the company named last. Every stage
works sentence by sentence: the cost is linear in the text, and the CPU budget is checked between
sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service import languages, nlp, segmentation
from service.claims import actors_data, attributes
from service.claims import events as ev
from service.claims.discourse import QUOTE_DASHES, SAME, Discourse, Pending, noun_keys
from service.claims.discourse import speaker as speech_subject
from service.claims.gazetteer import Actor, gazetteer
from service.claims.items import Goods, designations_in, goods
from service.claims.mentions import Mention, learn
from service.claims.mentions import find as find_mentions
from service.claims.merge import merge
from service.claims.modality import CONFIRM, buying, modality
from service.claims.repair import repair
from service.claims.sources import describe, source_of
from service.claims.systems import system_category
from service.claims.tree import case_of, children, dep, governors, is_passive
from service.claims.types import Claim, Evidence, Stance
from service.claims.words import Lexicon, dictionary_lemma, lexicon
from service.workload import UNLIMITED, Budget

_PARSE_CHUNK = 32  # sentences parsed per call, with a budget check between calls
_NOT_PARTIES = frozenset({"media"})
# Exercises: troops or aircraft sent to one are no supply.
_EXERCISE = frozenset("øvelse øving övning øvelsen øvinga övningen øvelser övningar".split())


@dataclass
class _Sentence:
    span: segmentation.Sentence
    doc: Doc
    mentions: dict[int, Mention]


def _home(language: str) -> Actor | None:
    entry = languages.get(language)
    if entry is None:
        return None
    return next((a for a in gazetteer().countries.values() if a.name == entry.home), None)


def _parse(text: str, spans: list[segmentation.Sentence], language: str, budget: Budget
           ) -> list[Doc]:
    docs: list[Doc] = []
    for i in range(0, len(spans), _PARSE_CHUNK):
        budget.check("parsing")
        docs += nlp.parse([text[s.start : s.end] for s in spans[i : i + _PARSE_CHUNK]], language)
    return docs


def _roles(event: ev.Event, d: Discourse, mentions: dict[int, Mention]
           ) -> tuple[list[Actor], list[Actor]]:
    suppliers = list(event.named_suppliers)
    for head in event.roles.suppliers:
        suppliers += [a for a in d.actors(head, mentions) if a not in suppliers]
    recipients = list(event.named_recipients)
    for head in event.roles.recipients:
        recipients += [a for a in d.actors(head, mentions) if a not in recipients]
    parties = [a for head in event.parties for a in d.actors(head, mentions)]
    if parties:  # a deal's sides: the company sells, the state buys
        companies = [a for a in parties if a.kind in ("company", "org")]
        states = [a for a in parties if a.kind not in ("company", "org")]
        suppliers += [a for a in companies if a not in suppliers]
        recipients += [a for a in states if a not in recipients and a not in suppliers]
    # Supplying an alliance's mission (NATO air policing) is no transfer between actors.
    recipients = [a for a in recipients if a.kind != "bloc"]
    return suppliers, recipients


def _military(event: ev.Event, stuff: Goods, suppliers: list[Actor], claims: list[Claim],
              article_military: bool = False, refusing: bool = False) -> bool:
    """Specific military goods always count. Generic ones ("utstyr", "materiell", a pronoun,
    "leveransen") only where the context is military: an arms company supplies, or the article
    has made supply claims already. A noun the lexicon does not know ("kontrakter", "penger")
    is no good at all."""
    if stuff.military:
        return True
    if stuff.civil:
        return False
    context = bool(claims) or article_military or any(a.kind == "company" for a in suppliers)
    if stuff.generic:
        return context
    heads = event.roles.items
    if heads and all(noun_keys(h) & _PACKAGES for h in heads):
        return context  # "betale for en første pakke": a package of what was spoken of
    if any(h.pos_ in ("NOUN", "PROPN") and not stuff.words for h in heads):
        return False
    if event.cls.endswith("NOUN"):
        delivery = bool(noun_keys(event.trigger) & _DELIVERY_NOUNS)
        # "stanse leveransene": halting deliveries is about arms where the news is about them.
        return delivery and (context or event.cls == ev.TRANSFER_NOUN and refusing)
    return context and event.cls in (ev.GIVE, ev.FUND) and bool(heads)


# Nouns that may stand for a receiving side: a recipient phrase headed by anything else names a
# destination that is no party ("til sykehusene", "till Ukrainas energisektor").
# Rulers named by their kind of rule ("juntaen", "regimet") are parties too, though never the
# article's own government, so they are not government nouns.
_PARTY_NOUNS = (
    actors_data.GOVERNMENT_NOUNS | actors_data.RECIPIENT_NOUNS | actors_data.GROUP_NOUNS
    | actors_data.COUNTRY_NOUNS | actors_data.COMPANY_NOUNS
    | frozenset("junta militærjunta militärjunta regime regim styre".split())
)


def _civil_destination(event: ev.Event, d: Discourse, mentions: dict[int, Mention]) -> bool:
    """The recipient phrase is a common noun that names no actor and no armed body: generic
    goods sent there ("utstyr til energisektoren") are civilian help, whatever else the
    article is about."""
    heads = event.roles.recipients
    if any(d.actors(head, mentions) for head in heads):
        return False  # "stille til rådighet for Ukraina": the idiom's noun is no destination
    return any(
        head.pos_ == "NOUN" and not noun_keys(head) & _PARTY_NOUNS for head in heads
    )


def _names_weapons(doc: Doc, lex: Lexicon) -> bool:
    for token in doc:
        if token.pos_ == "NOUN":
            item = lex.item(token.lemma_, token.text)
            if item is not None and item.category not in ("civil", "military_generic"):
                return True
    return False


def _linear_subject(verb: Token, mentions: dict[int, Mention], recipients: list[Actor]
                    ) -> list[Actor]:
    """Where the parse gave the verb no actor for a subject ("USA har sidan våren sendt": "våren"
    read as the subject): the nearest named actor before the verb in its clause, not inside a
    prepositional phrase."""
    doc = verb.doc
    for i in range(verb.i - 1, max(-1, verb.i - 10), -1):
        token = doc[i]
        auxiliary = token.dep_.startswith("aux")  # "har" tagged a verb is still the auxiliary
        if token.pos_ in ("VERB", "SCONJ") and token.i != verb.i and not auxiliary or (
            token.text in (";", ":")
        ):
            break
        mention = mentions.get(i)
        if mention is None or case_of(doc[mention.start]) or mention.actor in recipients:
            continue
        if i > 0 and doc[mention.start - 1].pos_ == "ADP":
            continue
        return [mention.actor]
    return []


def _exercise(doc: Doc) -> bool:
    return any(t.lemma_.lower() in _EXERCISE or t.lower_ in _EXERCISE for t in doc)


def _fill(event: ev.Event, suppliers: list[Actor], recipients: list[Actor], d: Discourse,
          claims: list[Claim], lex: Lexicon, in_headline: bool = False, requested: bool = False
          ) -> tuple[list[Actor], list[Actor]]:
    """Roles the sentence leaves out, from the article so far: a purchase's seller is the
    company named last; a delivery without a recipient goes where this supplier's earlier
    deliveries went, else to the article's main recipient (the headline's claims', the
    headline's til-phrase, or the most frequent); a seller's delivery goes to the buyers of the
    purchase waiting for a seller, unless it is `requested`. Never for a verb aimed at a
    target ("sender droner mot byer" is an attack)."""
    if not suppliers and _seller_guessed(event, lex):
        # "får" (gets) names no seller: a purchase or order does. Without a company named, the
        # seller may come later: the caller keeps the purchase as `d.pending`.
        if d.last_company and d.last_company not in recipients:
            suppliers = [d.last_company]
    if not suppliers and recipients and event.cls == ev.RECEIVE and d.last_supplier and (
        not buying(event.trigger, lex) and _same_goods_named(event)
        and d.last_supplier not in recipients
    ):
        # "har tatt imot 100 av de samme kjøretøyene": received from whom the same goods came
        # just before. (Buying "det samme utstyret" is buying the same kind, from anyone.)
        suppliers = [d.last_supplier]
    last = claims[-1] if claims else None
    if not suppliers and not recipients and event.cls == ev.GIVE and last is not None and (
        is_passive(event.trigger) and (last is d.last_deal or _part_of_the_goods(event))
    ):
        # "Estland beställde M4-gevär 2019, och merparten av dem har nu levererats": a passive
        # delivery naming neither side, right after a purchase, is that purchase's delivery;
        # after any claim, one of "the rest" or "the third and last" continues its pair.
        supplier, buyer = gazetteer().by_name(last.supplier), gazetteer().by_name(last.recipient)
        if supplier is not None and buyer is not None:
            return [supplier], [buyer]
    if not suppliers and recipients and event.cls == ev.REQUEST and not event.roles.suppliers:
        # "Ukraina har bett om fler fly" in an article whose headline has Denmark supply
        # Ukraine: a request naming no one it asks (not even "from the West") is put to the
        # headline's supplier.
        names = {a.name for a in recipients}
        asked = [c.supplier for c in claims
                 if c.evidence.start < d.headline_end and c.recipient in names]
        if asked:
            suppliers = [gazetteer().by_name(asked[0]) or Actor(asked[0], "org")]
    if not recipients and event.cls in _SELLING and d.pending and not requested and (
        event.cls != ev.ORDER_NOUN or suppliers and all(a.kind == "company" for a in suppliers)
    ):
        recipients = [a for a in d.pending.buyers if a not in suppliers]
    if suppliers and not recipients and event.cls in _DELIVERIES and not claims and (
        not in_headline and not d.headline_to and not ev.obliques(event.trigger, _TARGET)
    ):
        # "Hälften av Rysslands granater kommer från Nordkorea" over "Nordkorea har skickat
        # fem miljoner granater": a headline naming the supplier and one other state names the
        # article's pair.
        others = [a for a in dict.fromkeys(d.headline)
                  if a not in suppliers and a.kind not in ("company", "org", "media")]
        if len(others) == 1 and set(d.headline) - set(others) == {suppliers[0]}:
            return suppliers, others
    if suppliers and not recipients and event.cls in _DELIVERIES and (claims or d.headline_to):
        if ev.obliques(event.trigger, _TARGET):
            return suppliers, recipients
        # A destination named but known as no actor ("skickat F-35 till Keflavík", an air base)
        # is what the sentence says: the article's main recipient would overrule it. (A city
        # of the main recipient the gazetteer does not know loses its claim so.)
        if any(head.pos_ == "PROPN" or noun_keys(head) & actors_data.COUNTRY_NOUNS
               for head in event.roles.recipients):
            return suppliers, recipients  # also "til land i krig": countries, none in particular
        names = {s.name for s in suppliers}
        earlier = [c.recipient for c in reversed(claims) if c.supplier in names]
        headline = [c.recipient for c in claims if c.evidence.start < d.headline_end]
        headline += [a.name for a in d.headline_to]
        counts = Counter(c.recipient for c in claims)
        target = (earlier or headline or [counts.most_common(1)[0][0]])[0]
        if target not in names:
            recipients = [gazetteer().by_name(target) or Actor(target, "org")]
    return suppliers, recipients


def _later_speaker(n: int, spans: list[segmentation.Sentence], docs: list[Doc], d: Discourse,
                   learned: dict[tuple[str, ...], Actor]) -> tuple[bool, Actor | None]:
    """For a quote sentence without a speech verb ("– Vi har aldri levert noe."): the actor
    the first speech verb later in the same paragraph names, within `_QUOTE_REACH` sentences
    (found, actor); (False, None) when there is none."""
    doc = docs[n]
    if not len(doc) or doc[0].text not in QUOTE_DASHES or speech_subject(doc[0]) is not None:
        return False, None
    for k in range(n + 1, min(len(docs), n + 1 + _QUOTE_REACH)):
        if spans[k].line.index != spans[n].line.index:
            break
        said_by = speech_subject(docs[k][0]) if len(docs[k]) else None
        if said_by is not None:
            found = d.actors(said_by, find_mentions(docs[k], learned))
            return True, found[0] if found else None
    return False, None


_QUOTE_REACH = 4  # sentences a quote runs on before its "sier X"


def _part_of_the_goods(event: ev.Event) -> bool:
    """The goods are a part of those spoken of: "de første", "det tredje og siste", "resten"."""
    heads = event.roles.items + [c for c in event.trigger.children
                                 if dep(c).split(":")[0] in ("nsubj", "advmod", "obj")]
    # The part word heads its phrase ("de første soldatene" may be goods of their own), or
    # the goods are "the remaining" ones ("dei resterande 18 flya").
    return any(
        h.pos_ in ("ADJ", "NUM", "NOUN", "DET") and (
            h.lower_ in _PARTS or "Ord" in h.morph.get("NumType", []))
        or any(c.lower_ in _REMAINING for c in h.children)
        for h in heads
    )


_REMAINING = frozenset("resterende resterande øvrige övriga återstående".split())
_PARTS = frozenset(
    """første siste resten resterande resterende øvrige övriga första sista resten rest
    andre andra anden tredje""".split()
)


def _same_goods_named(event: ev.Event) -> bool:
    """The goods (or a phrase the parse took for their source) are "the same" ones ("de samme
    kjøretøyene", "samma system")."""
    heads = event.roles.items + event.roles.suppliers
    return any(t.lower_ in SAME for h in heads for t in h.subtree if t.i < h.i)



def _seller_guessed(event: ev.Event, lex: Lexicon) -> bool:
    """A purchase or order whose seller may be taken from the article: not one that names a
    from-phrase of its own that is no actor ("købt kampfly fra flere lande"), nor a relative
    clause on goods another verb delivers ("levere de F-35-fly, som Tyrkiet havde bestilt")."""
    if not _purchase(event, lex):
        return False
    trigger = event.trigger
    # An indefinite from-phrase names no one ("fra flere lande"); "från företaget" refers back.
    unnamed = any(
        case_of(h) in ev.FROM and h.pos_ == "NOUN" and "Ind" in h.morph.get("Definite", [])
        for h in event.roles.suppliers
    )
    on_goods = trigger.dep_ == "acl:relcl" and trigger.head in event.roles.items
    return not (unnamed or on_goods)


def _purchase(event: ev.Event, lex: Lexicon) -> bool:
    return event.cls == ev.ORDER_NOUN or event.cls == ev.RECEIVE and buying(event.trigger, lex)


_DELIVERIES = (ev.GIVE, ev.FUND, ev.TRANSFER_NOUN)
# Events that may name the seller of the purchase waiting for one (`Discourse.pending`): a
# delivery, a seller noun (which takes the purchase's stance), a deal with a company (planned).
_SELLING = (ev.GIVE, ev.SUPPLIER_NOUN, ev.ORDER_NOUN)
_TARGET = frozenset({"mot", "mod", "emot", "against", "over"})
# Nouns that name a delivery of goods already spoken of: "leveransen" needs no item of its own.
# Support and aid ("støtte", "hjelp") do: they are as often political as material.
_DELIVERY_NOUNS = frozenset(
    """leveranse levering leverans leverance forsendelse sending sendning försändelse
    overføring overførsel överföring overlevering overleverans eksport export salg sal
    försäljning donasjon donation eksportlisens eksporttillatelse eksportløyve exporttillstånd
    exportlicens eksporttilladelse eksportlicens""".split()
)


# A package with no contents named is of the goods the article speaks of, in a military one.
_PACKAGES = frozenset("pakke pakka paket pakken paketet".split())

# Amounts that stand for goods already named ("sendte tilsvarende mengder", "levere like
# mange", "det samme antallet", "ytterligere 200 000"): the goods are the last claim's.
_AMOUNT_NOUNS = frozenset(
    """mengde mengd mängd mængde antall antal kvantum kvantitet volum volym""".split()
)
_AMOUNT_WORDS = frozenset(
    "mange flere fleire fler många flera mer meir mere mye mykje mycket".split()
)


def _amounts(heads: list[Token], lex: Lexicon) -> bool:
    def amount(h: Token) -> bool:
        if h.pos_ == "NUM" or h.pos_ == "ADJ" and h.lower_ in _AMOUNT_WORDS:
            return True
        lemma = h.lemma_.lower()
        return lemma in _AMOUNT_NOUNS or dictionary_lemma(h.lower_, lex.language) in _AMOUNT_NOUNS

    return bool(heads) and all(amount(h) for h in heads)


_ARMING = frozenset("bevæpne væpne beväpna bevæbne".split())


def _same_goods(claim: Claim) -> Goods:
    return Goods(words=list(claim.item_terms), designations=list(claim.designations),
                 military=True, categories=set(claim.categories))


def _event_claims(event: ev.Event, s: _Sentence, lex: Lexicon, d: Discourse,
                  claims: list[Claim], source_field: str) -> list[Claim]:
    mode = modality(event, lex)
    if mode.stance is None:
        return []
    prefix = ev.compound_item_prefix(event.trigger, lex) if event.cls.endswith("NOUN") else None
    # Goods the parse hung elsewhere are looked for in the trigger's clause: the verb's own, or
    # for a noun trigger the verb it depends on.
    around = event.trigger if event.trigger.pos_ == "VERB" else next(
        iter(governors(event.trigger)), None
    )
    stuff = goods(event.roles.items, lex, [prefix] if prefix else None, around)
    if not stuff.words and claims and (
        _amounts(event.roles.items, lex) or _part_of_the_goods(event)
    ):
        stuff = _same_goods(claims[-1])  # "ytterligere 200 000", "det tredje og siste"
    if not stuff.words and event.cls == ev.SUPPLY_WITH and not event.roles.items and (
        event.trigger.lemma_.lower() in _ARMING
    ):
        # "har bevæpnet RSF": to arm is to supply weapons, named or not.
        stuff = Goods(words=["weapons"], military=True, categories={"weapon"})
    suppliers, recipients = _roles(event, d, s.mentions)
    if not suppliers and event.cls in (ev.GIVE, ev.FUND, ev.SUPPLY_WITH):
        suppliers = _linear_subject(event.trigger, s.mentions, recipients)
    named_recipients = bool(recipients)
    suppliers, recipients = _fill(event, suppliers, recipients, d, claims, lex,
                                  s.span.line.index == 0, mode.requester is not None)
    stance = mode.stance
    if not suppliers and _seller_guessed(event, lex):
        d.pending = Pending(list(recipients), stuff, stance)  # waiting for its seller
    pending = d.pending
    if event.cls in _SELLING[1:] and not named_recipients and recipients and (
        pending is not None and all(a in pending for a in recipients)
    ):
        # "Polen har bestilt helikoptre. Selgeren er Boeing." / "Avtalen med Boeing ble
        # signert i går.": the seller of that purchase.
        stance = pending.stance if event.cls == ev.SUPPLIER_NOUN else stance  # a deal: planned
        stuff = stuff if stuff.words else pending.goods
    refusing = mode.stance == "refused" or mode.denier is None and mode.stance == "asserted"
    if not _military(event, stuff, suppliers, claims, d.military, refusing) or (
        "troops" in stuff.categories and _exercise(s.doc)
    ) or (stuff.generic and _civil_destination(event, d, s.mentions)):
        return []
    if mode.requester is not None:
        askers = set(d.actors(mode.requester, s.mentions))
        if not askers & set(recipients):
            return []  # a third party asking someone to supply: a call, not a request
    if stance == "admitted" and mode.denier is not None:
        admitters = set(d.actors(mode.denier, s.mentions))
        conceding = not any(g.lemma_.lower() in CONFIRM for g in governors(event.trigger))
        if not admitters & (set(suppliers) | set(recipients)) and (admitters or not conceding):
            # A third party confirming is a source, not an admission; but someone the article
            # does not place ("vedgjekk han at selskapet har sendt") concedes for the party.
            stance = "asserted"
    source = source_of(event, mode, lex, s.mentions, lambda t: d.actors(t, s.mentions))
    clause = event.trigger if event.trigger.pos_ in ("VERB", "AUX") else (
        next(iter(governors(event.trigger)), event.trigger)
    )
    count = attributes.quantity(event.roles.items)
    money = attributes.value(clause, lex.language)
    time = attributes.when(clause, d.published)
    span = s.span
    out: list[Claim] = []
    for supplier in suppliers:
        for recipient in recipients:
            if supplier == recipient or {supplier.kind, recipient.kind} & _NOT_PARTIES:
                continue
            out.append(
                Claim(
                    supplier=supplier.name,
                    recipient=recipient.name,
                    items=stuff.english(),
                    stance=stance,
                    hedged=mode.hedged,
                    source=source,
                    evidence=Evidence(
                        s.doc.text, span.start, span.end, None, source_field  # type: ignore[arg-type]
                    ),
                    trigger=event.trigger.text,
                    item_terms=list(dict.fromkeys(stuff.words)),
                    strength=2 if stuff.designations else 1,
                    quantity=count,
                    value=money,
                    when=time.text if time else None,
                    when_iso=time.iso if time else None,
                    designations=list(dict.fromkeys(stuff.designations)),
                    categories=sorted(stuff.categories - {"civil"}),
                )
            )
    if out and _purchase(event, lex):
        d.last_deal = out[-1]
    return out


def _bare_stances(s: _Sentence, lex: Lexicon, d: Discourse, recent: list[Claim],
                  earlier: list[Claim], used: set[int], triggers: set[int],
                  source_field: str) -> list[Claim]:
    """ "Kina avviser anklagene", "Iran innrømmet dette": a denial or admission with no supply
    clause of its own answers the claims just made about whoever denies. So does one whose
    complement speaks of supply but states no claim of its own (the token is not in `used`):
    "X og Y avviser at det foregår våpenhandel mellom dem"."""
    out: list[Claim] = []
    for token in s.doc:
        if token.i in used:
            continue
        stance: Stance
        speaker_token = children(token, "nsubj")[0] if children(token, "nsubj") else None
        if _falsehood(token, lex):  # "– Det stemmer ikke, sier X", "Det er grunnløse påstander"
            stance, speaker_token = "denied", speech_subject(token)
        elif token.pos_ not in ("VERB", "AUX"):
            continue
        elif "DENY" in (classes := ev.verb_classes(token, lex)):
            stance = "denied"
        elif "ADMIT" in classes:
            stance = "admitted"
        else:
            continue
        if stance != "denied" or not _falsehood(token, lex):
            clauses = children(token, "xcomp", "ccomp")
            if clauses and not any(_about_supply(c, lex, triggers) for c in clauses):
                continue  # a clause about something else
        # Only a denial that says what it denies ("at ...", "anklagene") reaches back past the
        # last paragraphs.
        charge = any(noun_keys(o) & _CHARGES for o in children(token, "obj"))
        wide = earlier if children(token, "xcomp", "ccomp") or charge else []
        if speaker_token is None:
            continue
        who = d.actors(speaker_token, s.mentions)
        names = {a.name for a in who}
        for claim in _answered(names, recent, wide):
            if stance == "admitted" and claim.stance == "planned" and (
                token.lemma_.lower() in CONFIRM
            ):
                continue  # "..., bekrefter departementet": confirming a plan admits nothing
            speaker = describe(speaker_token, s.mentions, lambda t: d.actors(t, s.mentions))
            out.append(
                Claim(claim.supplier, claim.recipient, claim.items, stance, False, speaker,
                      Evidence(s.doc.text, s.span.start, s.span.end, None,
                               source_field),  # type: ignore[arg-type]
                      token.text, claim.item_terms, claim.strength)
            )
    return out


def _about_supply(clause: Token, lex: Lexicon, triggers: set[int]) -> bool:
    """A complement clause with a supply trigger or a military good in it, or one that points
    back at what was just said ("noe slikt", "något sådant")."""
    def weapon(t: Token) -> bool:
        item = lex.item(t.lemma_, t.text)
        return item is not None and item.category not in _AMBIGUOUS

    return any(t.i in triggers or weapon(t) or t.lower_ in _SUCH for t in clause.subtree)


# Goods that are military only in a military context: a ship or vehicle may be a target.
_AMBIGUOUS = frozenset({"civil", "military_generic", "vessel", "vehicle", "aircraft"})


_SUCH = frozenset("slik slikt slike sådan sådant sådana sådanne sån sånt såna".split())


def _answered(names: set[str], recent: list[Claim], earlier: list[Claim]) -> list[Claim]:
    """The claims a denial or admission by `names` answers: those of the last paragraphs that
    name the speaker as a party; failing these, a later paragraph that answers for the
    article's charge ("Both capitals have denied it") answers its first claim against them:
    the supplier among the speakers, and the recipient too when two are named."""
    def party(c: Claim) -> bool:
        return c.stance in ("asserted", "planned") and bool(names & {c.supplier, c.recipient})

    near = [c for c in recent if party(c)]
    if near:
        # "Nordkorea har avvist uppgifterna om vapenleveranser" after claims both ways: one
        # answers first for what it is said to have supplied.
        return [c for c in near if c.supplier in names] or near
    for c in earlier[:_CHARGE_WINDOW]:
        if party(c) and c.supplier in names and (len(names) < 2 or c.recipient in names):
            return [c]
    return []


# An article makes its charge early: a denial looks back over its first claims only, so that
# many denials in a long text each cost a bounded scan.
_CHARGE_WINDOW = 64


# Nouns for a charge or a report ("avviser anklagene", "förnekar uppgifterna").
_CHARGES = frozenset(
    """anklage anklagene anklagane anklager anklagerne anklagelse anklagelsene anklagelser
    beskyldning beskyldningene beskyldningane beskyldningar beskyldningarna beskyldninger
    beskyldningerne påstand påstandene påstandane påståenden påståendena påstande påstandene
    uppgift uppgifterna oppgave opplysning opplysningene oplysning oplysningerne rapport
    rapporten rapportene rapporterna rapporterne""".split()
)


# Words that call a report false ("Det stemmer ikke", "grunnløse påstander", "feil").
_FALSE = frozenset(
    """feil usant usann usanne falsk falske grunnløs grunnlaus grunnløse grunnlause løgn løgner
    lögn lögner oppspinn propaganda fabrikert fabrikkert felaktig felaktiga osant osanna usandt
    forkert forkerte påfund nonsens tull""".split()
)
_TRUE = frozenset("stemme stemma stämma passe".split())


def _falsehood(token: Token, lex: Lexicon) -> bool:
    low = token.lower_
    if low in _FALSE or token.lemma_.lower() in _FALSE:
        return True
    if token.lemma_.lower() in _TRUE and token.pos_ in ("VERB", "AUX"):
        return any("NEGATION" in lex.adverb_classes(c.lemma_) for c in token.children)
    return False


_WORD = re.compile(r"[^\W\d_]+")


def _two_words(text: str, span: segmentation.Sentence) -> bool:
    """A claim names a supplier and a recipient, or a speaker and what is denied: a sentence
    of fewer than two words ("a", "12.", "–") cannot hold one, and is not parsed. A list of
    one-word lines would otherwise cost a parse per line."""
    words = _WORD.finditer(text, span.start, span.end)
    return next(words, None) is not None and next(words, None) is not None


def _governing(event: ev.Event) -> set[int]:
    return {t.i for t in [event.trigger, *governors(event.trigger)]}


def extract_claims(
    text: str,
    language: str,
    source_field: str = "text",
    budget: Budget = UNLIMITED,
    published: dt.date | None = None,
) -> list[Claim]:
    """All supply claims in `text` (an article in nb, nn, sv or da), merged, in text order.
    `published` (the article's date) resolves relative times ("i fjor") in `when_iso`."""
    lex = lexicon(language)
    lines = segmentation.lines(text)
    spans = [
        s for s in segmentation.sentences(text, lines)
        if s.line.kind != "teaser" and _two_words(text, s)
    ]
    docs = [repair(doc, lex) for doc in _parse(text, spans, language, budget)]
    d = Discourse(_home(language), published=published)
    learned: dict[tuple[str, ...], Actor] = {}  # companies named so far, by their words
    # An article that names weapons anywhere is a military context for "leveransene".
    d.military = any(_names_weapons(doc, lex) for doc in docs)
    claims: list[Claim] = []
    # Claims made since the start of each line: a bare denial answers the claims of its own
    # paragraph or the one before.
    line_starts: dict[int, int] = {}
    previous: tuple[segmentation.Sentence, list[Claim]] | None = None
    for n, (span, doc) in enumerate(zip(spans, docs, strict=True)):
        budget.check("claim extraction")
        d.quote_speaker = _later_speaker(n, spans, docs, d, learned)
        s = _Sentence(span, doc, find_mentions(doc, learned))
        learn(s.mentions, learned)
        if span.line.index == 0:
            d.headline = [m.actor for m in s.mentions.values()]
            d.headline_to = list(dict.fromkeys(
                m.actor for m in s.mentions.values() if case_of(m.head) in ev.TO
            ))
            d.headline_end = span.line.end
        found: list[Claim] = []
        used: set[int] = set()
        events = ev.find(doc, lex, s.mentions)
        for event in events:
            new = _event_claims(event, s, lex, d, claims + found, source_field)
            if new:
                used |= _governing(event)
            found += new
        line_starts.setdefault(span.line.index, len(claims))
        since = line_starts.get(span.line.index - 1, line_starts[span.line.index])
        recent = found or claims[since:]
        found += _bare_stances(s, lex, d, recent, claims, used,
                               {e.trigger.i for e in events}, source_field)
        if not (_attribution(doc, lex) and not found):
            d.remember(s.mentions)  # "Det skriv NIS i Seoul." says who said it, not who acts
        if found:
            d.last_supplier = gazetteer().by_name(found[-1].supplier) or d.last_supplier
        if previous is not None and previous[1]:
            _designations_from_next(previous[1], doc, lex)
        previous = (span, found)
        claims += found
    _align_headline(claims, lines)
    return merge(claims)


def _attribution(doc: Doc, lex: Lexicon) -> bool:
    """A sentence that only says who said the last one ("Det skriv etterretningstenesta NIS",
    "Det uppger Försvarsmakten"): a verb of saying as the root with a fronted "det" for what
    was said."""
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None or "SPEECH" not in ev.verb_classes(root, lex):
        return False
    return any(c.lower_ in _IT and c.i < root.i for c in root.children)


_IT = frozenset("det dette detta".split())


def _designations_from_next(claims: list[Claim], doc: Doc, lex: Lexicon) -> None:
    """ "Nord-Korea har sendt kortdistansemissiler. Missilene er av typen Hwasong-11.": a next
    sentence that names a system of the same kind as the claim's goods adds its designation."""
    for name in designations_in(doc, lex):
        category = system_category(name)
        kinds = {item.category for t in doc if t.pos_ == "NOUN"
                 if (item := lex.item(t.lemma_, t.text)) is not None}
        for claim in claims:
            if name in claim.designations:
                continue
            if (category and category in claim.categories) or kinds & set(claim.categories):
                claim.designations.append(name)


def _align_headline(claims: list[Claim], lines: list[segmentation.Line]) -> None:
    """Headlines put decisions in the present ("Norge donerer F-16 til Ukraina"): when the body
    states the same pair only as planned, the headline's claim is planned too."""
    if not lines:
        return
    end = lines[0].end
    body: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        if c.evidence.start >= end:
            body.setdefault((c.supplier, c.recipient), set()).add(c.stance)
    for c in claims:
        seen = body.get((c.supplier, c.recipient), set())
        if c.evidence.start < end and c.stance == "asserted" and "planned" in seen:
            if "asserted" not in seen:
                c.stance = "planned"

