"""The scorer's own name table: which English names of actors count as the same actor.

Written for scoring only, from general knowledge of how English writes these names (official and
short country names, acronyms, company legal forms), never from the extractor's gazetteer, so a
name the extractor gets wrong cannot be "fixed" by the code under test. Both the gold and the
predicted names go through `normalise`.
"""

from __future__ import annotations

import re
import unicodedata

# Each line: the key every variant maps to, then its variants (";"-separated). Variants are
# compared after `_fold` (case, accents, punctuation, a leading "the" and parentheticals dropped).
_TABLE = """
united states; us; u s; usa; u s a; america; united states of america; the us; washington
united kingdom; uk; u k; britain; great britain; england
czech republic; czechia
turkey; turkiye
north korea; dprk; democratic people s republic of korea; korea north
south korea; republic of korea; rok; korea; korea south
russia; russian federation
china; people s republic of china; prc
taiwan; republic of china
iran; islamic republic of iran
netherlands; holland; the netherlands
myanmar; burma; myanmar burma
ivory coast; cote d ivoire
united arab emirates; uae; emirates; the emirates
saudi arabia; kingdom of saudi arabia; ksa
democratic republic of the congo; dr congo; drc; congo kinshasa
bosnia and herzegovina; bosnia
north macedonia; macedonia
moldova; republic of moldova
syria; syrian arab republic
vietnam; viet nam
laos; lao pdr
palestine; palestinian territories; state of palestine
vatican; holy see; vatican city
european union; eu
united nations; un
nato; north atlantic treaty organization; north atlantic treaty organisation
houthis; houthi; houthi rebels; houthi movement; ansar allah; ansarallah; the houthis
hezbollah; hizbollah; hizballah; hizbullah
hamas
wagner group; wagner; pmc wagner; the wagner group
africa corps; russian africa corps; afrika korps
rapid support forces; rsf
sudanese armed forces; saf; sudan armed forces
kongsberg; kongsberg gruppen; kongsberg defence aerospace; kongsberg defence and aerospace; kda
saab; saab ab
nammo; nammo as
bae systems; bae
lockheed martin; lockheed
rheinmetall; rheinmetall ag
knds; krauss maffei wegmann; kmw; nexter
general dynamics; general dynamics land systems; gdls
raytheon; rtx; raytheon technologies
hanwha; hanwha aerospace; hanwha defense
baykar; baykar technologies
"""

_LEGAL_FORMS = re.compile(
    r"\s+(?:as|asa|ab|a s|aps|oy|oyj|ag|gmbh|se|sa|spa|inc|ltd|plc|llc|corp|corporation|co)$"
)


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\([^)]*\)", " ", text)  # "Wagner Group (Russia)" -> "wagner group"
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return _LEGAL_FORMS.sub("", text)


def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in _TABLE.strip().splitlines():
        names = [_fold(n) for n in row.split(";") if n.strip()]
        for name in names:
            table[name] = names[0]
    return table


ALIASES = _aliases()


def normalise(name: str) -> str:
    """The comparison key of an actor name."""
    folded = _fold(name)
    return ALIASES.get(folded, folded)
