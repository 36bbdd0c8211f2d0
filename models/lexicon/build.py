#!/usr/bin/env python3
"""Build CANDIDATE word lists for the supply-claim lexicons from bilingual dictionaries.

Run from the repository root (standard library only; Python 3.10+):

    python models/lexicon/build.py --dict-dir /usr/share/dictd

It reads the FreeDict dictionaries in dictd format (``freedict-*.index`` + ``.dict.dz``) and, when
the Apertium packages are installed (``apt-get install apertium-nno-nob apertium-swe-nor
apertium-dan-nor``, which bring ``lt-proc``), their compiled bilingual dictionaries, and writes

    models/lexicon/candidates/<lang>.tsv      (lang = nb, nn, sv, da)

with the columns ``class, lemma, pos, gloss, dictionary``: every dictionary lemma whose English
translation is one of the English seed words of a trigger class (GIVE, RECEIVE, ...) or of an item
category (ITEM:weapon, ITEM:drone, ...), plus lemmas reached from those through a Norwegian pivot
(nno-nob, swe-nor, Apertium) and dictionary compounds that end in a candidate. The gloss column
quotes the dictionary sense a row came from, so the candidate files carry the dictionaries'
licences (see README.md).

The output is the INPUT to curation, not the shipped lexicon: it over-generates on purpose (every
sense of every matching headword, e.g. "give" also yields "gi etter" = bend). The curated files the
service ships are service/claims/lexicon/triggers.tsv and items.tsv; models/lexicon/README.md
describes how they were curated from these lists.

A second mode checks curated files: it counts the rows attested in the candidate lists or by the
Apertium morphological analysers, and prints the rows attested in neither, for review (nothing is
written):

    python models/lexicon/build.py --check service/claims/lexicon/triggers.tsv \
        service/claims/lexicon/items.tsv
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

LANGS = ("nb", "nn", "sv", "da")
HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------------
# Seeds: English words per class. Each seed is "word" or "word/POS" (POS = UD tag); a seed
# without a POS matches any part of speech. Verb and noun seeds are kept apart because English
# reuses the same form ("ship", "arm", "order", "supply") and the translations differ.
# --------------------------------------------------------------------------------------------

TRIGGER_SEEDS: dict[str, tuple[str, ...]] = {
    "GIVE": (
        "supply/VERB", "deliver/VERB", "send/VERB", "ship/VERB", "sell/VERB", "export/VERB",
        "donate/VERB", "give/VERB", "provide/VERB", "transfer/VERB", "hand over/VERB",
        "furnish/VERB", "lend/VERB", "lease/VERB", "offer/VERB", "smuggle/VERB",
        "dispatch/VERB", "grant/VERB", "contribute/VERB", "allocate/VERB", "transport/VERB",
        "resell/VERB", "hand/VERB", "deploy/VERB", "bestow/VERB", "forward/VERB",
        "convey/VERB", "present/VERB", "sell off/VERB", "give away/VERB",
    ),
    "SUPPLY_WITH": (
        "equip/VERB", "arm/VERB", "rearm/VERB", "furnish/VERB", "provide/VERB",
        "supply/VERB", "help/VERB", "assist/VERB", "support/VERB", "aid/VERB", "back/VERB",
        "outfit/VERB", "fit out/VERB", "provision/VERB", "fund/VERB", "finance/VERB",
    ),
    "RECEIVE": (
        "receive/VERB", "get/VERB", "obtain/VERB", "acquire/VERB", "buy/VERB",
        "purchase/VERB", "order/VERB", "import/VERB", "procure/VERB", "lease/VERB",
        "rent/VERB", "hire/VERB", "accept/VERB", "take over/VERB", "take delivery/VERB",
        "get hold of/VERB", "secure/VERB", "buy in/VERB", "take in/VERB", "borrow/VERB",
    ),
    "REQUEST": (
        "request/VERB", "ask for/VERB", "ask/VERB", "apply for/VERB", "apply/VERB",
        "seek/VERB", "solicit/VERB", "beg/VERB", "plead/VERB", "appeal/VERB",
        "petition/VERB", "requisition/VERB", "beseech/VERB", "implore/VERB",
    ),
    "REFUSE": (
        "refuse/VERB", "decline/VERB", "reject/VERB", "deny/VERB", "stop/VERB", "halt/VERB",
        "freeze/VERB", "suspend/VERB", "cancel/VERB", "ban/VERB", "prohibit/VERB",
        "forbid/VERB", "block/VERB", "withhold/VERB", "withdraw/VERB", "pause/VERB",
        "postpone/VERB", "delay/VERB", "veto/VERB", "embargo/VERB", "terminate/VERB",
        "cut off/VERB", "restrict/VERB", "limit/VERB", "revoke/VERB", "abort/VERB",
        "boycott/VERB", "discontinue/VERB", "break off/VERB", "hold back/VERB",
        "turn down/VERB", "interrupt/VERB", "end/VERB", "cease/VERB", "put off/VERB",
        "call off/VERB", "obstruct/VERB", "prevent/VERB",
    ),
    "DENY": (
        "deny/VERB", "dispute/VERB", "refute/VERB", "reject/VERB", "rebut/VERB",
        "contradict/VERB", "disclaim/VERB", "disavow/VERB", "repudiate/VERB",
        "dismiss/VERB", "contest/VERB", "gainsay/VERB", "disown/VERB", "negate/VERB",
    ),
    "ADMIT": (
        "admit/VERB", "confess/VERB", "acknowledge/VERB", "concede/VERB", "confirm/VERB",
        "recognize/VERB", "recognise/VERB", "own up/VERB", "verify/VERB", "corroborate/VERB",
        "affirm/VERB", "grant/VERB", "avow/VERB",
    ),
    "PLAN": (
        "plan/VERB", "decide/VERB", "promise/VERB", "pledge/VERB", "agree/VERB",
        "intend/VERB", "sign/VERB", "commit/VERB", "resolve/VERB", "approve/VERB",
        "authorize/VERB", "authorise/VERB", "adopt/VERB", "undertake/VERB", "vow/VERB",
        "prepare/VERB", "arrange/VERB", "schedule/VERB", "aim/VERB", "determine/VERB",
        "conclude/VERB", "endorse/VERB", "consent/VERB", "guarantee/VERB", "enact/VERB",
        "ratify/VERB", "countersign/VERB", "earmark/VERB",
    ),
    "FUTURE": ("shall", "will", "be going to", "going to", "would", "be about to", "should"),
    "CONSIDER": (
        "consider/VERB", "discuss/VERB", "debate/VERB", "deliberate/VERB",
        "contemplate/VERB", "weigh/VERB", "evaluate/VERB", "assess/VERB", "examine/VERB",
        "explore/VERB", "review/VERB", "look into/VERB", "ponder/VERB", "negotiate/VERB",
        "investigate/VERB", "study/VERB", "mull/VERB", "reconsider/VERB",
    ),
    "CALL": (
        "urge/VERB", "demand/VERB", "call for/VERB", "should", "ought", "must",
        "require/VERB", "press/VERB", "insist/VERB", "encourage/VERB", "exhort/VERB",
        "appeal/VERB", "call on/VERB", "push/VERB", "pressure/VERB", "lobby/VERB",
        "request/VERB", "call upon/VERB", "challenge/VERB",
    ),
    "SPEECH": (
        "say/VERB", "tell/VERB", "state/VERB", "write/VERB", "report/VERB", "claim/VERB",
        "announce/VERB", "declare/VERB", "inform/VERB", "assert/VERB", "maintain/VERB",
        "allege/VERB", "explain/VERB", "mention/VERB", "add/VERB", "comment/VERB",
        "stress/VERB", "emphasize/VERB", "emphasise/VERB", "point out/VERB",
        "reveal/VERB", "disclose/VERB", "publish/VERB", "warn/VERB", "notify/VERB",
        "proclaim/VERB", "tweet/VERB", "quote/VERB", "testify/VERB", "argue/VERB",
        "contend/VERB", "indicate/VERB", "signal/VERB", "communicate/VERB",
        "according to/ADP", "relate/VERB", "recount/VERB", "express/VERB", "utter/VERB",
    ),
    "BELIEF": (
        "believe/VERB", "think/VERB", "assume/VERB", "suppose/VERB", "suspect/VERB",
        "fear/VERB", "expect/VERB", "presume/VERB", "reckon/VERB", "guess/VERB",
        "doubt/VERB", "estimate/VERB", "hope/VERB", "imagine/VERB", "deem/VERB",
        "count on/VERB", "conclude/VERB", "surmise/VERB", "speculate/VERB", "mean/VERB",
    ),
    "HEDGE": (
        "allegedly/ADV", "reportedly/ADV", "probably/ADV", "likely/ADV",
        "presumably/ADV", "supposedly/ADV", "apparently/ADV", "seemingly/ADV",
        "possibly/ADV", "perhaps/ADV", "maybe/ADV", "purportedly/ADV", "ostensibly/ADV",
        "reputedly/ADV", "conceivably/ADV", "perchance/ADV", "evidently/ADV",
        "unconfirmed/ADJ", "alleged/ADJ", "possible/ADJ", "probable/ADJ", "suspected/ADJ",
        "presumed/ADJ", "supposed/ADJ", "apparent/ADJ", "potentially/ADV",
        "it is said", "rumour has it", "by all accounts", "in all likelihood",
    ),
    "NEGATION": (
        "not", "never", "no", "none", "nothing", "neither", "nor", "nobody", "no one",
        "not yet", "by no means", "nowhere", "without", "no longer", "not at all",
    ),
    "TRANSFER_NOUN": (
        "delivery/NOUN", "supply/NOUN", "shipment/NOUN", "sale/NOUN", "export/NOUN",
        "donation/NOUN", "transfer/NOUN", "consignment/NOUN", "dispatch/NOUN",
        "gift/NOUN", "aid/NOUN", "assistance/NOUN", "support/NOUN", "help/NOUN",
        "contribution/NOUN", "package/NOUN", "provision/NOUN", "handover/NOUN",
        "loan/NOUN", "lease/NOUN", "smuggling/NOUN", "transport/NOUN", "grant/NOUN",
        "deployment/NOUN", "shipping/NOUN", "present/NOUN", "relief/NOUN",
    ),
    "ORDER_NOUN": (
        "order/NOUN", "purchase/NOUN", "acquisition/NOUN", "import/NOUN",
        "procurement/NOUN", "contract/NOUN", "deal/NOUN", "agreement/NOUN", "buy/NOUN",
        "requisition/NOUN", "trade/NOUN", "bargain/NOUN", "transaction/NOUN",
        "commission/NOUN", "affair/NOUN", "business/NOUN",
    ),
    "REQUEST_NOUN": (
        "request/NOUN", "plea/NOUN", "application/NOUN", "appeal/NOUN", "petition/NOUN",
        "wish/NOUN", "inquiry/NOUN", "enquiry/NOUN", "call/NOUN", "demand/NOUN",
        "prayer/NOUN", "entreaty/NOUN",
    ),
    "REFUSAL_NOUN": (
        "refusal/NOUN", "rejection/NOUN", "ban/NOUN", "embargo/NOUN", "stop/NOUN",
        "halt/NOUN", "freeze/NOUN", "suspension/NOUN", "prohibition/NOUN",
        "moratorium/NOUN", "veto/NOUN", "sanction/NOUN", "boycott/NOUN",
        "cancellation/NOUN", "restriction/NOUN", "blockade/NOUN", "interruption/NOUN",
        "termination/NOUN", "withdrawal/NOUN", "pause/NOUN", "denial/NOUN", "no/NOUN",
    ),
    "DENIAL_NOUN": (
        "denial/NOUN", "rebuttal/NOUN", "refutation/NOUN", "disclaimer/NOUN",
        "repudiation/NOUN", "contradiction/NOUN", "dementi/NOUN", "disavowal/NOUN",
    ),
}

ITEM_SEEDS: dict[str, tuple[str, ...]] = {
    "weapon": (
        "weapon", "arms", "gun", "rifle", "pistol", "machine gun", "firearm", "handgun",
        "revolver", "carbine", "submachine gun", "sniper rifle", "assault rifle",
        "bazooka", "flamethrower", "chemical weapon", "nuclear weapon", "small arms",
        "weaponry", "armament", "automatic rifle", "shotgun", "musket", "bayonet",
        "anti-tank weapon", "nerve gas", "poison gas", "atomic bomb",
    ),
    "munition": (
        "ammunition", "munition", "shell", "grenade", "hand grenade", "mine", "landmine",
        "land mine", "bomb", "cartridge", "bullet", "explosive", "gunpowder", "powder",
        "shrapnel", "cluster bomb", "projectile", "warhead", "depth charge", "torpedo",
        "dynamite", "detonator", "fuse", "ordnance", "ammo", "round",
    ),
    "missile": (
        "missile", "rocket", "ballistic missile", "cruise missile", "guided missile",
        "intercontinental ballistic missile",
    ),
    "drone": ("drone", "unmanned aerial vehicle", "uav"),
    "aircraft": (
        "aircraft", "airplane", "aeroplane", "fighter", "fighter jet", "jet", "bomber",
        "helicopter", "plane", "warplane", "fighter aircraft", "military aircraft",
        "transport aircraft", "airship",
    ),
    "vehicle": (
        "tank", "armoured vehicle", "armored vehicle", "armoured car", "truck", "lorry",
        "jeep", "vehicle", "military vehicle", "personnel carrier", "tractor",
    ),
    "vessel": (
        "ship", "warship", "submarine", "frigate", "corvette", "destroyer", "boat",
        "vessel", "patrol boat", "aircraft carrier", "minesweeper", "cruiser",
        "battleship", "landing craft", "gunboat", "u-boat",
    ),
    "air_defence": (
        "air defence", "air defense", "anti-aircraft", "anti-aircraft gun", "flak",
        "surface-to-air missile",
    ),
    "artillery": (
        "artillery", "howitzer", "cannon", "mortar", "rocket launcher", "field gun",
        "launcher", "gun carriage", "catapult",
    ),
    "sensor": (
        "radar", "sonar", "night vision", "sensor", "binoculars", "camera", "satellite",
        "telescope", "periscope", "rangefinder", "infrared", "thermal imaging",
        "surveillance", "reconnaissance",
    ),
    "dual_use": (
        "component", "spare part", "part", "microchip", "chip", "semiconductor",
        "electronics", "circuit", "integrated circuit", "bearing", "ball bearing",
        "machine tool", "lathe", "engine", "motor", "turbine", "software", "computer",
        "processor", "transistor", "battery", "navigation", "laser", "optics",
        "technology", "microelectronics", "diesel engine", "jet engine", "equipment",
        "machinery", "drone engine", "steel", "titanium", "aluminium", "nitrocellulose",
    ),
    "troops": (
        "troops", "troop", "soldier", "adviser", "advisor", "instructor", "trainer",
        "mercenary", "personnel", "officer", "special forces", "military adviser",
        "battalion", "brigade", "regiment", "infantry", "marine", "paratrooper",
        "peacekeeper", "volunteer", "army", "forces", "militia",
    ),
    "military_generic": (
        "military equipment", "materiel", "matériel", "military aid", "military support",
        "war material", "military hardware", "defence equipment", "defense equipment",
        "military assistance", "arms aid", "military", "defence", "defense",
        "munitions industry", "arms industry", "military materiel",
    ),
    "civil": (
        "salmon", "electricity", "power", "gas", "natural gas", "grain", "wheat", "corn",
        "medicine", "medicament", "drug", "ambulance", "generator", "oil", "petroleum",
        "food", "fertilizer", "fertiliser", "clothing", "fuel", "coal", "timber", "fish",
        "vaccine", "blanket", "tent", "money", "humanitarian aid", "flour", "rice", "water",
        "seafood", "medication", "bandage", "clothes",
    ),
}

# --------------------------------------------------------------------------------------------
# Dictionaries
# --------------------------------------------------------------------------------------------

Layout = Literal["wikdict", "ergane", "pairs"]


@dataclass(frozen=True)
class DictSpec:
    """One dictd dictionary: its file stem, the languages of headwords and translations, and
    how its entries are laid out in the dictd text (FreeDict has three generations)."""

    name: str
    source: str  # "en", "nb", "nn", "sv", "da"
    target: str
    layout: Layout


DICTS: tuple[DictSpec, ...] = (
    # WikDict (Wiktionary via DBnary): senses = translation line + English/Swedish gloss line.
    DictSpec("freedict-eng-nor", "en", "nb", "wikdict"),
    DictSpec("freedict-swe-nor", "sv", "nb", "wikdict"),
    # Old ergane-based dictionaries: one line of comma-separated translations per sense.
    DictSpec("freedict-eng-swe", "en", "sv", "ergane"),
    DictSpec("freedict-swe-eng", "sv", "en", "ergane"),
    DictSpec("freedict-eng-dan", "en", "da", "ergane"),
    DictSpec("freedict-dan-eng", "da", "en", "ergane"),
    # Derived from apertium-nn-nb: headword line, then the Bokmål equivalent.
    DictSpec("freedict-nno-nob", "nn", "nb", "pairs"),
)

# dictd's index encodes offsets and lengths in this base-64 alphabet.
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

# Part-of-speech labels of the dictionaries mapped to UD.
POS_MAP = {
    "v": "VERB", "vblex": "VERB", "verb": "VERB",
    "n": "NOUN", "noun": "NOUN",
    "adj": "ADJ", "adjective": "ADJ",
    "adv": "ADV", "adverb": "ADV",
    "prep": "ADP", "pr": "ADP",
    "pron": "PRON", "pronoun": "PRON", "prn": "PRON",
    "det": "DET", "num": "NUM", "conj": "CCONJ", "part": "PART", "interj": "INTJ",
    "pn": "PROPN", "propn": "PROPN",
    # WikDict and the Danish FreeDict spell some labels out.
    "interjection": "INTJ", "udråbsord": "INTJ", "preposition": "ADP", "postposition": "ADP",
    "conjunction": "CCONJ", "bindeord": "CCONJ", "determiner": "DET", "article": "DET",
    "numeral": "NUM", "particle": "PART", "phraseologicalunit": "", "proverb": "",
    "affix": "X", "suffix": "X", "prefix": "X", "symbol": "SYM",
}


@dataclass
class Sense:
    """One sense: its translations and, where the dictionary has one, a gloss."""

    translations: list[str]
    gloss: str = ""


@dataclass
class Entry:
    """One dictionary entry."""

    headword: str
    pos: str  # UD tag, or "" when the dictionary does not say
    senses: list[Sense]
    dictionary: str


@dataclass(frozen=True)
class Candidate:
    """One output row."""

    lang: str
    cls: str
    lemma: str
    pos: str
    gloss: str
    dictionary: str


def b64(s: str) -> int:
    """Decode one dictd index number."""
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def read_dictd(dict_dir: Path, stem: str) -> Iterator[tuple[str, str]]:
    """Yield (index headword, entry text) for every entry of one dictd dictionary.

    The whole .dict.dz is decompressed (a few MB at most), then cut at the index offsets; the
    index offsets are byte offsets, so the text is decoded per entry, not as a whole."""
    data = gzip.open(dict_dir / f"{stem}.dict.dz").read()
    with open(dict_dir / f"{stem}.index", encoding="utf-8") as index:
        for line in index:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00database"):
                continue  # dictd's own metadata entries
            start, length = b64(parts[1]), b64(parts[2])
            yield parts[0], data[start : start + length].decode("utf-8", "replace")


SENSE_NUMBER = re.compile(r"^\s*\d+\.\s*")
TRAILING_NUMBER = re.compile(r"\s+\d+\.$")
BRACKETS = re.compile(r"\[[^\]]*\]")
PARENS = re.compile(r"\([^)]*\)")


def split_translations(line: str) -> list[str]:
    """'1. gi, overlate, overrekke 2.' -> ['gi', 'overlate', 'overrekke']."""
    line = TRAILING_NUMBER.sub("", SENSE_NUMBER.sub("", line))
    line = BRACKETS.sub("", line)
    return [t.strip() for t in re.split(r"[,;]", line) if t.strip()]


def parse_header(line: str) -> tuple[str, str]:
    """'give //ɡɪv// <v>' -> ('give', 'VERB'); the IPA between slashes is dropped."""
    tags = re.findall(r"<([^>]*)>", line)
    pos = ""
    if tags:
        first = tags[-1].split(",")[0].strip().lower()
        pos = POS_MAP.get(first, "")
    head = line.split(" /")[0].split(" <")[0].strip()
    return head, pos


def parse_entry(text: str, spec: DictSpec) -> Entry | None:
    """Parse one entry's text by the dictionary's layout."""
    lines = [ln for ln in text.rstrip("\n").split("\n") if ln.strip()]
    if len(lines) < 2:
        return None
    head, pos = parse_header(lines[0])
    body = lines[1:]
    senses: list[Sense] = []
    if spec.layout == "pairs":
        senses = [Sense(split_translations(ln)) for ln in body]
    elif spec.layout == "ergane":
        for ln in body:
            notes = " ".join(BRACKETS.findall(ln))
            senses.append(Sense(split_translations(ln), notes))
    else:
        # WikDict: the first body line and every numbered line are translations; other lines
        # are the gloss of the sense before them. A line that is only " 3." repeats the
        # previous translations for a new sense.
        for i, ln in enumerate(body):
            if i == 0 or SENSE_NUMBER.match(ln):
                tr = split_translations(ln)
                if not tr and senses:
                    tr = list(senses[-1].translations)
                senses.append(Sense(tr))
            elif senses:
                senses[-1].gloss = (senses[-1].gloss + " " + ln.strip()).strip()
    return Entry(head, pos, [s for s in senses if s.translations], spec.name)


def load_dictionaries(dict_dir: Path) -> dict[str, list[Entry]]:
    """Every available dictionary, parsed; a missing one is reported and skipped."""
    out: dict[str, list[Entry]] = {}
    for spec in DICTS:
        if not (dict_dir / f"{spec.name}.index").exists():
            print(f"warning: {spec.name} not found in {dict_dir}, skipped", file=sys.stderr)
            continue
        entries = [e for _, t in read_dictd(dict_dir, spec.name) if (e := parse_entry(t, spec))]
        out[spec.name] = entries
    return out


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


@dataclass
class Seeds:
    """English seed phrases of one class, with their optional POS."""

    by_phrase: dict[str, str] = field(default_factory=dict)  # phrase -> UD POS or ""

    @classmethod
    def parse(cls, items: Iterable[str]) -> Seeds:
        s = cls()
        for item in items:
            phrase, _, pos = item.partition("/")
            s.by_phrase[normalise_en(phrase)] = pos
        return s

    def match(self, phrase: str, pos: str) -> str | None:
        """The seed's POS (or the dictionary's) when the phrase is a seed of compatible POS."""
        key = normalise_en(phrase)
        if key not in self.by_phrase:
            return None
        want = self.by_phrase[key]
        if want and pos and want != pos:
            return None
        return want or pos or "_"


def normalise_en(s: str) -> str:
    """'to hand (something) over' -> 'hand over'; lowercase, no infinitive marker, no brackets."""
    s = PARENS.sub("", BRACKETS.sub("", s)).lower().strip()
    s = re.sub(r"^to ", "", s)
    s = re.sub(r"\b(something|somebody|someone|sth|sb)\b", "", s)
    return re.sub(r"\s+", " ", s).strip()


def norm_lemma(s: str) -> str:
    """Lowercase, single spaces; strips the dictionaries' trailing dashes ('hode-')."""
    return re.sub(r"\s+", " ", PARENS.sub("", s)).strip().strip("-").lower()


def good_lemma(s: str) -> bool:
    """Reject empty strings, sentences and phrases of more than four words."""
    return bool(s) and len(s.split()) <= 4 and not re.search(r"[.!?:\"]", s)


def all_classes() -> dict[str, Seeds]:
    """Trigger classes and item categories ('ITEM:<category>') with their seeds."""
    classes = {c: Seeds.parse(v) for c, v in TRIGGER_SEEDS.items()}
    classes.update({f"ITEM:{c}": Seeds.parse(v) for c, v in ITEM_SEEDS.items()})
    return classes


def match_english(dicts: dict[str, list[Entry]], classes: dict[str, Seeds]) -> list[Candidate]:
    """Direct matches: English headword -> target lemmas, and target headword <- English."""
    out: list[Candidate] = []
    for spec in DICTS:
        for entry in dicts.get(spec.name, []):
            if spec.source == "en":
                for cls, seeds in classes.items():
                    pos = seeds.match(entry.headword, entry.pos)
                    if pos is None:
                        continue
                    for sense in entry.senses:
                        gloss = f"{entry.headword}: {sense.gloss}".strip(": ")
                        for tr in sense.translations:
                            lemma = norm_lemma(tr)
                            if good_lemma(lemma):
                                out.append(
                                    Candidate(spec.target, cls, lemma, pos, gloss, spec.name)
                                )
            elif spec.target == "en":
                for cls, seeds in classes.items():
                    for sense in entry.senses:
                        hits = [p for t in sense.translations if (p := seeds.match(t, entry.pos))]
                        if hits and good_lemma(norm_lemma(entry.headword)):
                            gloss = ", ".join(sense.translations)
                            pos = entry.pos or hits[0]
                            out.append(Candidate(spec.source, cls, norm_lemma(entry.headword), pos,
                                                 gloss, spec.name))
    return out


def pivot_freedict(dicts: dict[str, list[Entry]], pool: list[Candidate], to_bokmaal: bool
                   ) -> list[Candidate]:
    """Cross the Norwegian-target dictionaries (swe-nor, nno-nob) in either direction.

    to_bokmaal=True: an sv or nn candidate's Bokmål translations become nb candidates
    ("sälja" -> "selge"). to_bokmaal=False: the reverse lookup, a headword whose Bokmål
    translation is an nb candidate becomes a candidate itself ("selje -> selge" makes "selje" a
    GIVE candidate because "selge" is one)."""
    index: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in pool:
        index[(c.lang, c.lemma)].append(c)
    out: list[Candidate] = []
    for spec in DICTS:
        if spec.target != "nb":
            continue
        for entry in dicts.get(spec.name, []):
            head = norm_lemma(entry.headword)
            if not good_lemma(head):
                continue
            for sense in entry.senses:
                for tr in map(norm_lemma, sense.translations):
                    if not good_lemma(tr):
                        continue
                    src_lang, src, dst_lang, dst = (
                        (spec.source, head, "nb", tr)
                        if to_bokmaal
                        else ("nb", tr, spec.source, head)
                    )
                    for via in index.get((src_lang, src), []):
                        if entry.pos and via.pos not in ("_", entry.pos):
                            continue
                        out.append(Candidate(dst_lang, via.cls, dst, entry.pos or via.pos,
                                             f"{src_lang} {via.lemma} ({via.gloss})"[:200],
                                             f"{spec.name} via {src_lang}"))
    return out


def headword_inventory(dicts: dict[str, list[Entry]]) -> dict[str, dict[str, tuple[str, str]]]:
    """Per language, every lemma the dictionaries know (either side): lemma -> (dictionary, POS).
    Translations carry the POS of their entry; nno-nob has none ("")."""
    inv: dict[str, dict[str, tuple[str, str]]] = {lang: {} for lang in LANGS}
    for spec in DICTS:
        for entry in dicts.get(spec.name, []):
            if spec.source in inv:
                inv[spec.source].setdefault(norm_lemma(entry.headword), (spec.name, entry.pos))
            if spec.target in inv:
                for sense in entry.senses:
                    for tr in sense.translations:
                        inv[spec.target].setdefault(norm_lemma(tr), (spec.name, entry.pos))
    return inv


# Verb particles and prefixes that form transfer verbs ("utlevere", "videreselge",
# "återsända", "udsende"). A verb compound must start with one of these: without this test
# "dansende" (dancing) would count as a compound of "sende".
VERB_PREFIXES = (
    "av", "an", "be", "bort", "efter", "etter", "for", "fram", "frem", "gen", "gjen",
    "heim", "hem", "hjem", "igjen", "ind", "inn", "in", "ned", "om", "op", "opp", "over",
    "på", "til", "tilbake", "tilbage", "tillbaka", "ud", "ut", "under", "vidare", "videre",
    "åter", "af", "sam", "med", "mot", "imod", "emot", "fra", "från", "fri",
)


def is_compound(word: str, head: str, pos: str, known: dict[str, tuple[str, str]]) -> bool:
    """Is `word` a compound with `head` as its last part?

    Verbs: the modifier must be a verb particle or prefix. Nouns: the modifier must itself be
    a dictionary word, allowing the linking letters -s- and -e- ("forsvars|materiell")."""
    if not word.endswith(head) or len(word) < len(head) + 2:
        return False
    modifier = word[: -len(head)]
    if pos == "VERB":
        return any(modifier == p or modifier == p + "e" for p in VERB_PREFIXES)
    options = {modifier, modifier[:-1] if modifier[-1:] in "se" else modifier}
    return any(len(m) >= 3 and m in known for m in options)


# Noun classes whose heads are worth expanding: transfer and order nouns head compounds
# ("våpenleveranse", "våpenkjøp"); request and refusal nouns mostly do not, and their short
# heads ("ting", "fall") end thousands of unrelated words.
COMPOUND_NOUN_CLASSES = ("TRANSFER_NOUN", "ORDER_NOUN")


def compounds(found: list[Candidate], inventory: dict[str, dict[str, tuple[str, str]]]
              ) -> list[Candidate]:
    """Dictionary lemmas that end in a candidate noun or verb: 'artillerigranat' <- 'granat',
    'videreselge' <- 'selge'. Only one level deep, only for heads of four letters or more
    (short heads end far too many unrelated words), and only words whose POS, where the
    dictionary gives one, is the head's."""
    heads: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in found:
        if c.pos not in ("NOUN", "VERB") or len(c.lemma) < 4 or " " in c.lemma:
            continue
        if c.pos == "NOUN" and c.cls not in COMPOUND_NOUN_CLASSES and not c.cls.startswith("ITEM:"):
            continue
        if all(h.cls != c.cls for h in heads[(c.lang, c.lemma)]):
            heads[(c.lang, c.lemma)].append(c)
    out: list[Candidate] = []
    for lang in LANGS:
        known = inventory.get(lang, {})
        # Index the heads by their last four letters, so each word meets only heads it could
        # end in.
        tails: dict[str, list[Candidate]] = defaultdict(list)
        for (hl, _), cs in heads.items():
            if hl == lang:
                for c in cs:
                    tails[c.lemma[-4:]].append(c)
        for word, (source, pos) in known.items():
            if " " in word or len(word) < 7:
                continue
            for c in tails.get(word[-4:], []):
                if pos and pos != c.pos:
                    continue
                if is_compound(word, c.lemma, c.pos, known):
                    out.append(Candidate(lang, c.cls, word, c.pos, f"compound of {c.lemma}",
                                         f"{source} compound"))
    return out


# --------------------------------------------------------------------------------------------
# Apertium (optional): the compiled bilingual dictionaries, queried through lt-proc
# --------------------------------------------------------------------------------------------

# Bilingual routes through Apertium: (source, target, analyser of the source in that package,
# source->target bilingual dictionary). Into Bokmål from sv and da, out of Bokmål to nn, da, sv.
APERTIUM_ROUTES = (
    ("sv", "nb", "apertium-swe-nor/swe-nob.automorf.bin", "apertium-swe-nor/swe-nob.autobil.bin"),
    ("da", "nb", "apertium-dan-nor/dan-nob.automorf.bin", "apertium-dan-nor/dan-nob.autobil.bin"),
    ("nb", "nn", "apertium-nno-nob/nob-nno.automorf.bin", "apertium-nno-nob/nob-nno.autobil.bin"),
    ("nb", "da", "apertium-dan-nor/nob-dan.automorf.bin", "apertium-dan-nor/nor-dan.autobil.bin"),
    ("nb", "sv", "apertium-swe-nor/nob-swe.automorf.bin", "apertium-swe-nor/nor-swe.autobil.bin"),
)
# Analysers for --check, one per language.
APERTIUM_ANALYSERS = {
    "nb": "apertium-nno-nob/nob-nno.automorf.bin",
    "nn": "apertium-nno-nob/nno-nob.automorf.bin",
    "sv": "apertium-swe-nor/swe-nob.automorf.bin",
    "da": "apertium-dan-nor/dan-nob.automorf.bin",
}
# Apertium's first tag for each UD POS; "" accepts any (modals are vbmod, vaux or vblex
# depending on the package).
UD_TO_APERTIUM = {"VERB": "vblex", "NOUN": "n", "ADJ": "adj", "ADV": "adv", "ADP": "pr",
                  "DET": "det", "PRON": "prn", "PART": "adv", "CCONJ": "cnjcoo", "AUX": "",
                  "_": ""}
APERTIUM_TO_UD = {"vblex": "VERB", "vbmod": "VERB", "vaux": "VERB", "vbser": "VERB",
                  "vbhaver": "VERB", "n": "NOUN", "adj": "ADJ", "adv": "ADV", "pr": "ADP",
                  "det": "DET", "prn": "PRON", "np": "PROPN", "cnjadv": "ADV"}
STREAM_UNIT = re.compile(r"\^(.*?)\$")


def lt_proc(transducer: Path, lines: list[str], bilingual: bool = False,
            compounds: bool = False) -> list[str]:
    """Run lt-proc over one query per line; return one output line per input line.

    Apertium keeps line breaks (they are blanks to it), so outputs align with inputs.
    compounds=True (-e) also analyses unlisted compounds ("artilleri<n><cmp>+granat<n>")."""
    args = (["lt-proc"] + (["-b"] if bilingual else []) + (["-e"] if compounds else [])
            + [str(transducer)])
    res = subprocess.run(args, input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True)
    out = res.stdout.split("\n")
    return (out + [""] * len(lines))[: len(lines)]


def readings(analysis_line: str) -> list[tuple[str, list[str]]]:
    """'^levere/levere<vblex><inf>/lever<n><m><pl><ind>$' -> [('levere', ['vblex', 'inf']), ...]."""
    m = STREAM_UNIT.search(analysis_line)
    if not m:
        return []
    out = []
    for r in m.group(1).split("/")[1:]:
        if r.startswith("*"):
            continue  # unknown word
        lemma = r.split("<")[0]
        out.append((lemma, re.findall(r"<([^>]+)>", r)))
    return out


def base_reading(word: str, pos: str, analysis_line: str) -> str | None:
    """The analyser's reading of `word` as its own base form of `pos`, as a bidix query."""
    want = UD_TO_APERTIUM.get(pos, "")
    for lemma, tags in readings(analysis_line):
        if lemma.lower() != word.lower() or not tags:
            continue
        if any(t.startswith("cmp") or t.startswith("compound") for t in tags):
            continue  # compound-part readings
        if want and tags[0] != want:
            continue
        return f"{lemma}<{'><'.join(tags)}>"
    return None


def compound_reading(pos: str, analysis_line: str) -> bool:
    """Does the analyser split the word into known parts, the last of them of `pos`?"""
    want = UD_TO_APERTIUM.get(pos, "")
    m = STREAM_UNIT.search(analysis_line)
    if not m:
        return False
    for r in m.group(1).split("/")[1:]:
        if "+" not in r or r.startswith("*"):
            continue
        tags = re.findall(r"<([^>]+)>", r.rsplit("+", 1)[1])
        if tags and (not want or tags[0] == want):
            return True
    return False


def apertium_pivot(apertium_dir: Path, pool: list[Candidate], source: str, target: str
                   ) -> list[Candidate]:
    """`target` equivalents of every `source` candidate, through Apertium's bilingual dictionary.

    Each lemma is first analysed (the bilingual dictionary wants the full tag string, e.g.
    'levere<vblex><inf>'); a particle verb 'ta imot' is queried as 'ta<vblex><inf># imot', the
    way Apertium writes separable multiwords."""
    route = next((r for r in APERTIUM_ROUTES if r[:2] == (source, target)), None)
    if route is None or not (apertium_dir / route[3]).exists():
        print(f"warning: no Apertium route {source}->{target}, skipped", file=sys.stderr)
        return []
    _, _, analyser, bidix = route
    cands = {(c.cls, c.lemma, c.pos): c for c in pool if c.lang == source}
    keys = sorted(cands)
    firsts = [k[1].split(" ")[0] for k in keys]
    analyses = lt_proc(apertium_dir / analyser, firsts)
    queries: list[tuple[tuple[str, str, str], str]] = []
    for key, first, line in zip(keys, firsts, analyses, strict=True):
        reading = base_reading(first, key[2], line)
        if reading is None:
            continue
        rest = key[1].split(" ", 1)[1] if " " in key[1] else ""
        queries.append((key, f"^{reading}{'# ' + rest if rest else ''}$"))
    results = lt_proc(apertium_dir / bidix, [q for _, q in queries], bilingual=True)
    name = f"apertium {Path(bidix).name.split('.')[0]}"
    out: list[Candidate] = []
    for (key, _), line in zip(queries, results, strict=True):
        m = STREAM_UNIT.search(line)
        if not m:
            continue
        src = cands[key]
        for translation in m.group(1).split("/")[1:]:
            if translation.startswith("@"):
                continue  # not in the bilingual dictionary
            tags = re.findall(r"<([^>]+)>", translation)
            lemma = norm_lemma(re.sub(r"<[^>]+>", "", translation).replace("#", ""))
            pos = APERTIUM_TO_UD.get(tags[0], key[2]) if tags else key[2]
            if good_lemma(lemma):
                out.append(Candidate(target, key[0], lemma, pos,
                                     f"{source} {src.lemma} ({src.gloss})"[:200], name))
    return out


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def write_candidates(out_dir: Path, cands: list[Candidate]) -> dict[tuple[str, str], int]:
    """One TSV per language, sorted by class and lemma; one row per (class, lemma, pos,
    dictionary), keeping the first gloss. Returns the number of distinct lemmas per
    (language, class)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    seen: dict[tuple[str, str, str, str, str], Candidate] = {}
    for c in cands:
        seen.setdefault((c.lang, c.cls, c.lemma, c.pos, c.dictionary), c)
    counts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lang in LANGS:
        rows = sorted((c for k, c in seen.items() if k[0] == lang),
                      key=lambda c: (c.cls, c.lemma, c.pos, c.dictionary))
        with open(out_dir / f"{lang}.tsv", "w", encoding="utf-8", newline="") as f:
            f.write("class\tlemma\tpos\tgloss\tdictionary\n")
            for c in rows:
                gloss = re.sub(r"\s+", " ", c.gloss).replace("\t", " ")
                f.write(f"{c.cls}\t{c.lemma}\t{c.pos}\t{gloss}\t{c.dictionary}\n")
                counts[(lang, c.cls)].add(c.lemma)
    return {k: len(v) for k, v in counts.items()}


def print_counts(counts: dict[tuple[str, str], int]) -> None:
    """A Markdown table of distinct candidate lemmas per class and language (for the README)."""
    classes = sorted({cls for _, cls in counts}, key=lambda c: (c.startswith("ITEM:"), c))
    print("| class | " + " | ".join(LANGS) + " |")
    print("|---|" + "---:|" * len(LANGS))
    for cls in classes:
        print(f"| {cls} | " + " | ".join(str(counts.get((lang, cls), 0)) for lang in LANGS) + " |")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a lexicon TSV as dicts; '#' comment lines and blank lines are skipped."""
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    # strict=False: a row may leave its optional trailing note column out.
    return [dict(zip(header, ln.split("\t"), strict=False)) for ln in lines[1:]]


def check_files(apertium_dir: Path, candidates_dir: Path, paths: list[Path]) -> int:
    """Report how far each curated row is attested, and print the rows that are attested
    nowhere, for a human to look at.

    A row is attested when its lemma is in candidates/<lang>.tsv (any class), or when the
    Apertium analyser of its language knows it as a base form of its POS, or as a compound
    whose last part has that POS (for a multiword entry: knows every word of it). Unattested
    rows are mostly compounds and multiword expressions that are still right; the list is where
    a reviewer starts."""
    cands: dict[str, set[str]] = defaultdict(set)
    for lang in LANGS:
        if (candidates_dir / f"{lang}.tsv").exists():
            for rec in read_tsv(candidates_dir / f"{lang}.tsv"):
                cands[lang].add(rec["lemma"])
    # items.tsv has no pos column: its lemmas are nouns and a few adjectives, so any POS is
    # accepted there ("_").
    rows = [(p.name, rec["lang"], rec["lemma"], rec.get("pos", "_"))
            for p in paths for rec in read_tsv(p)]
    known: set[tuple[str, str, str]] = set()  # (lang, lemma, pos) the analyser confirms
    for lang, analyser in APERTIUM_ANALYSERS.items():
        mine = sorted({(lemma, pos) for _, lg, lemma, pos in rows if lg == lang})
        words = sorted({w for lemma, _ in mine for w in lemma.split(" ")})
        outputs = lt_proc(apertium_dir / analyser, words, compounds=True)
        analyses = dict(zip(words, outputs, strict=True))
        for lemma, pos in mine:
            parts = lemma.split(" ")
            if len(parts) == 1:
                ud = "ADV" if pos == "PART" else pos
                line = analyses[lemma]
                ok = base_reading(lemma, ud, line) is not None or compound_reading(ud, line)
            else:
                ok = all(readings(analyses[w]) for w in parts)
            if ok:
                known.add((lang, lemma, pos))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # rows, cand, analyser, none
    for name, lang, lemma, pos in rows:
        c = counts[name]
        in_cands, in_analyser = lemma in cands[lang], (lang, lemma, pos) in known
        c[0] += 1
        c[1] += in_cands
        c[2] += in_analyser
        if not (in_cands or in_analyser):
            c[3] += 1
            print(f"{name}\t{lang}\t{lemma}\t{pos}\tunattested")
    for name, (n, in_c, in_a, none) in counts.items():
        print(f"{name}: {n} rows; {in_c} in the candidate lists, {in_a} known to the Apertium "
              f"analysers, {none} attested in neither", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dict-dir", type=Path, default=Path("/usr/share/dictd"))
    ap.add_argument("--apertium-dir", type=Path, default=Path("/usr/share/apertium"))
    ap.add_argument("--no-apertium", action="store_true", help="skip the Apertium pivot")
    ap.add_argument("--out-dir", type=Path, default=HERE / "candidates")
    ap.add_argument("--check", type=Path, nargs="+", metavar="TSV",
                    help="check curated TSV files against the Apertium analysers and exit")
    args = ap.parse_args(argv)
    have_lt = shutil.which("lt-proc") is not None and args.apertium_dir.is_dir()

    if args.check:
        if not have_lt:
            print("--check needs lt-proc and the Apertium packages", file=sys.stderr)
            return 2
        return check_files(args.apertium_dir, args.out_dir, args.check)

    dicts = load_dictionaries(args.dict_dir)
    if not dicts:
        print(f"no FreeDict dictionaries in {args.dict_dir}", file=sys.stderr)
        return 2
    classes = all_classes()
    use_apertium = have_lt and not args.no_apertium
    if not have_lt and not args.no_apertium:
        print("warning: lt-proc or Apertium data missing, Apertium pivot skipped", file=sys.stderr)
    # 1. Direct: English seeds against eng-nor, eng-swe, eng-dan, swe-eng, dan-eng.
    direct = match_english(dicts, classes)
    # 2. Into Bokmål: eng-nor is small (no "deny", "equip", "refuse"), so sv and da candidates
    #    are carried over to nb as well (swe-nor forwards, Apertium swe-nob and dan-nob).
    bokmaal = [c for c in direct if c.lang == "nb"] + pivot_freedict(dicts, direct, to_bokmaal=True)
    if use_apertium:
        for source in ("sv", "da"):
            bokmaal += apertium_pivot(args.apertium_dir, direct, source, "nb")
    # 3. Out of Bokmål: nn through nno-nob (reverse) and Apertium nob-nno; sv and da through
    #    swe-nor (reverse) and Apertium. One step only, so sense drift stays one step deep.
    primary = direct + bokmaal + pivot_freedict(dicts, bokmaal, to_bokmaal=False)
    if use_apertium:
        for target in ("nn", "sv", "da"):
            primary += apertium_pivot(args.apertium_dir, bokmaal, "nb", target)
    # 4. Compounds in the dictionaries' own word lists that end in a candidate.
    found = primary + compounds(primary, headword_inventory(dicts))
    counts = write_candidates(args.out_dir, found)
    print_counts(counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
