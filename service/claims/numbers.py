"""Numbers as news writes them in nb, nn, sv and da: digits with spaces or points as thousands
separators ("2 000", "12.000"), decimal commas ("1,2"), number words ("fire", "tolv", "tjugo"),
and multipliers ("millioner", "miljarder").
"""

from __future__ import annotations

import re

# Number words of the four standards (one form per line: nb nn sv da share most of them).
_WORDS = {
    "én": 1, "en": 1, "ett": 1, "eitt": 1, "ein": 1, "ei": 1, "et": 1,
    "to": 2, "två": 2, "tre": 3, "fire": 4, "fyra": 4, "fem": 5, "seks": 6, "sex": 6,
    "sju": 7, "syv": 7, "åtte": 8, "åtta": 8, "otte": 8, "ni": 9, "nio": 9, "ti": 10,
    "tio": 10, "elleve": 11, "elva": 11, "tolv": 12, "tretten": 13, "tretton": 13,
    "fjorten": 14, "fjorton": 14, "femten": 15, "femton": 15, "seksten": 16, "sexton": 16,
    "sytten": 17, "sytton": 17, "atten": 18, "arton": 18, "nitten": 19, "nitton": 19,
    "tjue": 20, "tjugo": 20, "tyve": 20, "tretti": 30, "trettio": 30, "tredive": 30,
    "førti": 40, "fyrti": 40, "fyrtio": 40, "fyrre": 40, "femti": 50, "femtio": 50,
    "halvtreds": 50, "seksti": 60, "sextio": 60, "tres": 60, "sytti": 70, "sjuttio": 70,
    "halvfjerds": 70, "åtti": 80, "åttio": 80, "firs": 80, "nitti": 90, "nittio": 90,
    "halvfems": 90, "hundre": 100, "hundra": 100, "hundrede": 100, "tusen": 1000,
    "tusind": 1000,
}  # fmt: skip
# Words that scale the number before them ("1,2 milliarder", "to millioner").
MULTIPLIERS = {
    "tusen": 1_000, "tusind": 1_000, "million": 10**6, "millioner": 10**6, "millionar": 10**6,
    "miljon": 10**6, "miljoner": 10**6, "mill": 10**6, "mill.": 10**6, "mio": 10**6,
    "mio.": 10**6, "milliard": 10**9, "milliarder": 10**9, "milliardar": 10**9,
    "miljard": 10**9, "miljarder": 10**9, "mrd": 10**9, "mrd.": 10**9, "mia": 10**9,
    "mia.": 10**9, "mdr": 10**9, "mdr.": 10**9,
}  # fmt: skip
_DIGITS = re.compile(r"^\d{1,3}(?:[ .\u00a0]\d{3})+$|^\d+(?:,\d+)?$")


def parse_number(text: str) -> float | None:
    """The value of one written number ("2 000", "1,2", "tolv"), or None."""
    low = text.lower().strip()
    if low in _WORDS:
        return float(_WORDS[low])
    if not _DIGITS.match(low):
        return None
    if "," in low:
        return float(low.replace(",", "."))
    return float(re.sub(r"[ .\u00a0]", "", low))


def as_count(value: float | None) -> int | None:
    """A count of units: a whole positive number, else None."""
    if value is None or value <= 0 or value != int(value):
        return None
    return int(value)
