# ruff: noqa: E501  (word tables: one pair per entry reads better than wrapped)
"""English words for what a claim carries: numbers, money, goods with their count and systems,
and sources named by role ("forsvarsminister Bjørn Arild Gram" -> "Defence Minister Bjørn
Arild Gram", "amerikansk etterretning" -> "US intelligence").

The role table covers the titles and organs news attributes claims to; a word it does not know
is kept as written (a name, usually), never guessed.
"""

from __future__ import annotations

from service.claims.types import Claim, Money

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve"]
_CURRENCY_SIGN = {"USD": "$", "EUR": "€", "GBP": "£"}

# Source-language role and organ words (lemmas and definite forms) -> English.
ROLES = {
    "forsvarsminister": "Defence Minister", "forsvarsministeren": "the Defence Minister",
    "försvarsminister": "Defence Minister", "försvarsministern": "the Defence Minister",
    "utenriksminister": "Foreign Minister", "utenriksministeren": "the Foreign Minister",
    "utanriksminister": "Foreign Minister", "utrikesminister": "Foreign Minister",
    "udenrigsminister": "Foreign Minister", "udenrigsministeren": "the Foreign Minister",
    "statsminister": "Prime Minister", "statsministeren": "the Prime Minister",
    "president": "President", "presidenten": "the President", "presidenten.": "the President",
    "talsperson": "spokesperson", "talspersonen": "a spokesperson", "talsmann": "spokesman",
    "talsmannen": "a spokesman", "talskvinne": "spokeswoman", "talesperson": "spokesperson",
    "talesmand": "spokesman", "taleskvinde": "spokeswoman",
    "etterretning": "intelligence", "etterretningen": "intelligence",
    "etterretningstjeneste": "intelligence service", "etterretningstenesta": "intelligence",
    "underrättelsetjänst": "intelligence service", "efterretningstjeneste": "intelligence",
    "forsvarsdepartementet": "the Ministry of Defence", "forsvarsdepartement": "Ministry of Defence",
    "försvarsdepartementet": "the Ministry of Defence", "forsvarsministeriet": "the Ministry of Defence",
    "utenriksdepartementet": "the Foreign Ministry", "utrikesdepartementet": "the Foreign Ministry",
    "udenrigsministeriet": "the Foreign Ministry", "regjeringen": "the government",
    "regjeringa": "the government", "regeringen": "the government", "myndighetene": "the authorities",
    "myndigheter": "authorities", "styresmaktene": "the authorities", "myndigheterna": "the authorities",
    "myndighederne": "the authorities", "tjenestemenn": "officials", "tjenestemann": "official",
    "tenestemenn": "officials", "tjänstemän": "officials", "embedsmænd": "officials",
    "kilder": "sources", "kjelder": "sources", "källor": "sources", "kilder.": "sources",
    "eksperter": "experts", "ekspertar": "experts", "experter": "experts",
    "forsker": "researcher", "seniorforsker": "senior researcher", "analytiker": "analyst",
    "generalsekretær": "Secretary General", "generalsekreterare": "Secretary General",
    "sjef": "chief", "sjefen": "the chief", "general": "General", "admiral": "Admiral",
    "minister": "Minister", "ministeren": "the Minister", "ambassadør": "Ambassador",
    "nyhetsbyrå": "news agency", "nyhetsbyrået": "news agency", "nyhetsbyrån": "news agency",
    "nyhedsbureau": "news agency", "nyhedsbureauet": "news agency", "nyheitsbyrået": "news agency",
    "rapporten": "the report", "rapport": "a report", "dommen": "the verdict",
    "tiltalen": "the indictment", "retten": "the court", "domstolen": "the court",
}  # fmt: skip
# Country demonyms (lemmas) -> English adjective for a source ("amerikansk" -> "US").
DEMONYMS = {
    "amerikansk": "US", "russisk": "Russian", "rysk": "Russian", "ukrainsk": "Ukrainian",
    "britisk": "British", "brittisk": "British", "tysk": "German", "fransk": "French",
    "norsk": "Norwegian", "svensk": "Swedish", "dansk": "Danish", "finsk": "Finnish",
    "kinesisk": "Chinese", "iransk": "Iranian", "israelsk": "Israeli", "israelisk": "Israeli",
    "sørkoreansk": "South Korean", "sydkoreansk": "South Korean", "nordkoreansk": "North Korean",
    "japansk": "Japanese", "polsk": "Polish", "tyrkisk": "Turkish", "turkisk": "Turkish",
    "vestlig": "Western", "vestleg": "Western", "västlig": "Western",
    "europeisk": "European", "europeisk.": "European", "europæisk": "European",
}  # fmt: skip


def count(n: int) -> str:
    """ "four", "16", "2,000"."""
    return _SMALL[n] if n < len(_SMALL) else f"{n:,}"


def money(value: Money) -> str:
    """ "NOK 480 million", "$12 billion"."""
    amount = value.amount
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            figure = f"{amount / scale:.1f}".rstrip("0").rstrip(".")
            return _with_currency(f"{figure} {word}", value.currency)
    return _with_currency(f"{amount:,.0f}", value.currency)


def _with_currency(figure: str, currency: str) -> str:
    sign = _CURRENCY_SIGN.get(currency)
    return f"{sign}{figure}" if sign else f"{currency} {figure}"


def goods(claim: Claim) -> str:
    """The goods with their count and systems: "four NASAMS air-defence systems"."""
    items = claim.items
    named = [d for d in claim.designations if d.lower() not in items.lower()]
    if named:
        items = f"{' and '.join(named)} {items}"
    if claim.quantity:
        items = f"{count(claim.quantity)} {items}"
    return items


def source(text: str) -> str | None:
    """A source phrase in English where its words are roles, demonyms or organs, and names; a
    party tag after a minister's name ("(Ap)") is dropped. None when a word has no English
    rendering here ("flere vestlige medier"): the summary then says "reports say" rather than
    mix languages, and the claim keeps the original words."""
    words = [w for w in text.split() if not (w.startswith("(") or w.endswith(")"))]
    out = []
    for w in words:
        low = w.lower()
        english = ROLES.get(low) or DEMONYMS.get(low.rstrip("e"))
        if english is None and not w[:1].isupper():
            return None
        out.append(english or w)
    return " ".join(out) or None


def when(claim: Claim) -> str:
    return f" {claim.when}" if claim.when else ""
