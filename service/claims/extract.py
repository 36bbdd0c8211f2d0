"""Supply claims from an article: triggers, roles, stance, hedge, attribution, reference.

The article is read in order; each sentence's actors and references ("landet", "de", "han")
are resolved against what came before. A claim needs a supply trigger, a supplier and a
recipient that differ, and a military or dual-use item (or military support): civil trade and
visits give nothing.
"""

from __future__ import annotations

import re
from collections import Counter

from service.claims import stance as st
from service.claims.actors import kind_of
from service.claims.analysis import Sentence, analyse
from service.claims.attribution import source_of
from service.claims.chains import link_chain
from service.claims.companies import discover
from service.claims.contracts import contract_frames
from service.claims.frames import (
    GIVE,
    RECEIVE,
    REQUEST,
    WITH,
    Frame,
    trigger_class,
    verb_frame,
)
from service.claims.lexicon import get_lexicon
from service.claims.lexicon.actors_data import CIVIL_COMPANIES
from service.claims.merge import merge
from service.claims.nominal import headline_frames, noun_frames, service_frames
from service.claims.references import HOME, Discourse, build_slots, quote_speakers
from service.claims.roles import Slot, clause_start, subject
from service.claims.text import split_units
from service.claims.types import Claim, Evidence, Stance

# Sanctions and export-control vocabulary: in such an article, technology sold to a sanctioned
# state is the dual-use supply the guideline counts, even when no weapon is named.
SANCTIONS = re.compile(
    r"\w*(?:sanksjon|sanktion|eksportkontroll|exportkontroll|eksportforbud|exportförbud"
    r"|embargo|flerbruks|dual-use|dobbeltbruk|sanctions)\w*"
)
_SHOULD = frozenset({"bør", "burde", "bör", "borde", "burte"})
SANCTIONED = frozenset({"Russia", "Belarus", "Iran", "North Korea", "Syria"})
# Generic goods that are dual-use when they go to a sanctioned state's industry.
_TECH = frozenset({"components", "electronics", "technology", "parts", "engines"})


def _valid(
    items: list[tuple[str, int]],
    s: Sentence,
    article_military: bool,
    supplier: str,
    sanctioned_trade: bool = False,
) -> bool:
    # An arms maker delivering "produkter" or "systemer" delivers military goods: its name is
    # the military context the generic word lacks.
    arms_maker = kind_of(supplier) == "company" and supplier not in CIVIL_COMPANIES
    return any(
        strength >= 2
        or (strength == 1 and (article_military or arms_maker or sanctioned_trade))
        or (strength == 0 and (s.military or arms_maker))
        or (sanctioned_trade and english.split()[-1] in _TECH)
        for english, strength in items
    )


def _fallback(frame: Frame, d: Discourse, claims: list[Claim], gov_subject: list[str]) -> None:
    """Fill a missing role from context: a denier/admitter of a passive is the supplier, a
    supplier's last recipient stays the recipient, a receiver's partner in the previous sentence
    is the supplier."""
    if not frame.suppliers and gov_subject and frame.cls in (GIVE, WITH):
        frame.suppliers = list(gov_subject)
    if frame.suppliers and not frame.recipients and frame.cls in (GIVE, WITH):
        for c in reversed(claims):
            if c.supplier in frame.suppliers:
                frame.recipients = [c.recipient]
                break
    if frame.suppliers and not frame.recipients and frame.cls in (GIVE, WITH) and claims:
        # "Storbritannien och Frankrike kommer att skicka fler robotar": to the article's
        # main recipient so far.
        counts = Counter(c.recipient for c in claims if c.recipient not in frame.suppliers)
        if counts:
            top = max(counts.values())
            frame.recipients = [
                next(c.recipient for c in reversed(claims) if counts.get(c.recipient) == top)
            ]
    if frame.recipients and not frame.suppliers and frame.cls == RECEIVE:
        # The same recipient's supplier earlier in the article, else the other party of the
        # previous sentence ("I utbyte får Kina ... u-båtar").
        earlier = [c.supplier for c in reversed(claims) if c.recipient in frame.recipients]
        # "Saab har sålt Gripen till Thailand. Colombia ska köpa 17 Gripen": the same named
        # system comes from the same supplier.
        named = {e for e, k in frame.items if k >= 3}
        earlier += [
            c.supplier
            for c in reversed(claims)
            if named & set(c.item_terms) and c.supplier not in frame.recipients
        ]
        others = [n for n in reversed(d.previous_names) if n not in frame.recipients]
        if earlier:
            frame.suppliers = [earlier[0]]
        elif others and frame.get_verb and any(k >= 2 for _, k in frame.items):
            frame.suppliers = [others[0]]


def _join(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    # "Leopard tanks and tanks" -> "Leopard tanks": a generic term another one already covers.
    items = [i for i in items if not any(o != i and o.endswith(" " + i) for o in items)]
    if len(items) <= 1:
        return items[0] if items else "military support"
    return ", ".join(items[:-1]) + " and " + items[-1]


def _claims_for(
    frame: Frame,
    s: Sentence,
    d: Discourse,
    slots: list[Slot],
    claims: list[Claim],
    article_military: bool,
    source_field: str,
    article_sanctions: bool = False,
) -> list[Claim]:
    stance: Stance
    stance, g = st.stance_of(s, frame.v, frame.cs, frame.requested, frame.planned_verb)
    if g is not None and s.has(g, "consider"):
        return []  # "vurderer å sende", "överväger att skicka": not decided, so not planned
    if any(s.tokens[k].low in _SHOULD for k in range(max(frame.cs, frame.v - 3), frame.v)):
        return []  # "meiner at Tyskland bør sende Taurus": an opinion, not a supply
    gov_subject: list[str] = []
    if g is not None and s.has(g, "deny", "admit", "confirm", "halt"):
        gcs, gkind = clause_start(s, g)
        gov_subject = [n for sl in subject(s, slots, g, gcs, gkind) for n in sl.names]
    if (
        g is not None
        and stance == "asserted"
        and s.has(g, "confirm")
        and set(gov_subject) & set(frame.suppliers or gov_subject)
    ):
        stance = "admitted"  # the supplier itself confirms
    _fallback(frame, d, claims, gov_subject)
    if g is not None and s.has(g, "halt") and not set(gov_subject) & set(frame.suppliers):
        return []  # a shipment stopped by customs or a third party is no claim at all
    source = source_of(s, frame.v, g, d, slots)
    hedge = st.hedged(s, frame.cs, frame.v)
    out: list[Claim] = []
    unit = s.unit
    for sup in dict.fromkeys(frame.suppliers):
        for rec in dict.fromkeys(frame.recipients):
            if not sup or not rec or sup == rec:
                continue
            items = (
                frame.by_supplier.get(sup if frame.cls in (RECEIVE, REQUEST) else rec)
                or frame.items
            )
            trade = article_sanctions and rec in SANCTIONED
            if not _valid(items, s, article_military, sup, trade):
                continue
            kept = [
                e for e, k in items if k >= 1 or s.military or (trade and e.split()[-1] in _TECH)
            ]
            out.append(
                Claim(
                    supplier=sup,
                    recipient=rec,
                    items=_join(kept),
                    stance=stance,
                    hedged=hedge,
                    source=source,
                    evidence=Evidence(unit.text, unit.start, unit.end, None, source_field),  # type: ignore[arg-type]
                    trigger=s.tokens[frame.v].text,
                    item_terms=kept,
                    strength=max((k for _, k in items), default=0),
                )
            )
    return out


def _bare_stance(
    s: Sentence, slots: list[Slot], used: set[int], found: list[Claim], previous: list[Claim]
) -> list[Claim]:
    """ "..., vilket de nekar till" / "Kina avviser anklagene": a denial (or admission) with no
    supply clause of its own applies to the claims just made about the denier."""
    out: list[Claim] = []
    for k in range(len(s.tokens)):
        if k in used or not s.has(k, "deny", "admit"):
            continue
        if any(
            s.tokens[j].low in ("at", "att") and s.has(j, "complementizer")
            for j in range(k + 1, min(k + 3, len(s.tokens)))
        ):
            continue  # "afviser, at der er konstateret misbrug": denies its own clause, no supply
        cs, kind = clause_start(s, k)
        who = {n for sl in subject(s, slots, k, cs, kind) for n in sl.names}
        if not who:
            continue
        stance: Stance = "denied" if s.has(k, "deny") else "admitted"
        targets = [c for c in found if c.evidence.start <= s.tokens[k].start] or previous[-8:]
        pairs = [(c.supplier, c.recipient) for c in targets]
        for c in targets:
            reverse = (c.recipient, c.supplier)
            if reverse in pairs and pairs.index(reverse) < pairs.index((c.supplier, c.recipient)):
                continue  # "X og Y avviser våpenhandel": the main accusation, not the trade back
            party = c.supplier if c.supplier in who else c.recipient if c.recipient in who else None
            if party is None or c.stance in ("denied", "admitted"):
                continue
            out.append(
                Claim(
                    c.supplier,
                    c.recipient,
                    c.items,
                    stance,
                    False,
                    party,
                    Evidence(s.unit.text, s.unit.start, s.unit.end, None, c.evidence.field),
                    s.tokens[k].text,
                    c.item_terms,
                    c.strength,
                )
            )
    return out


def extract_claims(text: str, language: str, source_field: str = "text") -> list[Claim]:
    """All supply claims in `text` (an article in nb, nn, sv or da), merged, in text order."""
    lex = get_lexicon(language)
    companies = discover(text)
    sentences = [analyse(u, lex, companies) for u in split_units(text)]
    article_military = sum(1 for s in sentences if s.military) >= 1
    article_sanctions = any(SANCTIONS.fullmatch(t.low) for s in sentences for t in s.tokens)
    d = Discourse(quote_speakers(sentences), HOME.get(language))
    claims: list[Claim] = []
    for s in sentences:
        slots = build_slots(s, d)
        found: list[Claim] = []
        used: set[int] = set()
        done: set[int] = set()
        frames: list[Frame] = []
        for v in range(len(s.tokens)):
            cls = trigger_class(s, v)
            if cls is None:
                continue
            frame = verb_frame(s, slots, v, cls, d)
            if frame is not None:
                frames.append(frame)
        frames += service_frames(s)
        verb_clauses = {f.cs for f in frames}
        frames += noun_frames(s, slots, verb_clauses | done)
        frames += contract_frames(s, slots, verb_clauses | {f.cs for f in frames})
        if not frames:
            frames = headline_frames(s, slots)
        link_chain(s, slots, frames)
        for frame in frames:
            new = _claims_for(
                frame,
                s,
                d,
                slots,
                claims + found,
                article_military,
                source_field,
                article_sanctions,
            )
            if new:
                g = st.governor(s, frame.v)
                if g is not None:
                    used.add(g)
            found += new
        found += _bare_stance(s, slots, used, found, claims)
        claims += found
        if found:
            d.last_supplier, d.supplier_paragraph = (found[-1].supplier,), s.unit.paragraph
        elif s.unit.paragraph > d.supplier_paragraph + 1:
            d.last_supplier = ()
        d.update(s, slots)
    _align_headline(claims, sentences)
    return merge(claims)


def _align_headline(claims: list[Claim], sentences: list[Sentence]) -> None:
    """Headlines use the present tense for decisions ("Norge donerer F-16 til Ukraina"): when
    the body states the same pair only as planned, the headline claim is planned too."""
    heads = [s.unit for s in sentences if s.unit.kind == "headline"]
    if not heads:
        return
    end = max(u.end for u in heads)
    body: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        if c.evidence.start >= end:
            body.setdefault((c.supplier, c.recipient), set()).add(c.stance)
    for c in claims:
        seen = body.get((c.supplier, c.recipient), set())
        if c.evidence.start < end and c.stance == "asserted" and seen and "asserted" not in seen:
            if "planned" in seen:
                c.stance = "planned"
