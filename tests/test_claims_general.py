"""General constructions that raise recall on unseen news: time phrases before the asked party,
accusations ("pekats ut av", "er anklaget for"), dual-use trade with sanctioned states, financing
chains, elliptical quantities, plural inhabitant nouns, Danish forms, and the precision guard
(domestic production, budgets, stockpiles). Sentences written for these tests in nb, nn, sv, da,
not taken from the annotated articles."""

# ruff: noqa: E501  (one test sentence per line reads better than wrapped)

from __future__ import annotations

import pytest

from service.claims import extract_claims
from service.claims.actors import find_actors
from service.claims.text import tokenize


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    return {(c.supplier, c.recipient, c.stance) for c in extract_claims(text, lang)}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nb",
            "Kyiv ba i forrige uke Sverige om flere luftvernsystemer.",
            {("Sweden", "Ukraine", "requested")},
        ),
        (
            "nn",
            "Ukraina bad på eit møte i Brussel i førre veke Noreg og Danmark om fleire kampfly.",
            {("Norway", "Ukraine", "requested"), ("Denmark", "Ukraine", "requested")},
        ),
        (
            "sv",
            "Zelenskyj bad i måndags Tyskland om fler stridsvagnar.",
            {("Germany", "Ukraine", "requested")},
        ),
        (
            "da",
            "Ukraine bad i sidste uge Holland om flere kampfly.",
            {("Netherlands", "Ukraine", "requested")},
        ),
    ],
)
def test_time_phrase_before_the_asked_party(
    lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        ("sv", "Iran har pekats ut av FN för att ha skickat drönare till Sudan.", "United Nations"),
        ("nb", "Kina er blitt pekt ut av USA for å ha solgt droner til Russland.", "United States"),
        ("nb", "Belarus er anklaget for å ha levert ammunisjon til Russland.", None),
        ("nn", "Kina er skulda for å ha sendt dronar til Russland.", None),
        ("sv", "Kina är misstänkt för att ha sålt drönare till Ryssland.", None),
        ("da", "Iran er mistænkt for at have solgt missiler til Rusland.", None),
    ],
)
def test_accused_of_supplying_is_asserted_by_the_accuser(
    lang: str, text: str, source: str | None
) -> None:
    claims = extract_claims(text, lang)
    assert len(claims) == 1
    assert claims[0].stance == "asserted"
    assert claims[0].source == source  # the accused is never the source


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nb",
            "Nordtek AS solgte elektroniske komponenter til Russland i strid med sanksjonene.",
            ("Nordtek", "Russia", "asserted"),
        ),
        (
            "sv",
            "Baltic Parts AB har exporterat kullager till Ryssland trots sanktionerna.",
            ("Baltic Parts", "Russia", "asserted"),
        ),
        (
            "nn",
            "Vestfjord AS selde mikrobrikker til Iran trass i eksportforbodet og sanksjonane.",
            ("Vestfjord", "Iran", "asserted"),
        ),
    ],
)
def test_dual_use_goods_to_a_sanctioned_state(
    lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Nordtek AS solgte elektroniske komponenter til Tyskland i fjor."),  # not sanctioned
        ("sv", "Baltic Parts AB har exporterat komponenter till Ryssland."),  # no sanctions context
    ],
)
def test_civil_component_trade_is_no_claim(lang: str, text: str) -> None:
    assert triples(text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nb",
            "Nederland finansierer granatene, Rheinmetall produserer dem og Ukraina mottar dem.",
            {("Netherlands", "Ukraine", "asserted"), ("Rheinmetall", "Ukraine", "asserted")},
        ),
        (
            "nn",
            "Noreg finansierer, Nammo produserer og Ukraina tek imot granatane.",
            {("Norway", "Ukraine", "asserted"), ("Nammo", "Ukraine", "asserted")},
        ),
        (
            "sv",
            "Danmark finansierar, Saab tillverkar och Ukraina tar emot robotarna.",
            {("Denmark", "Ukraine", "asserted"), ("Saab", "Ukraine", "asserted")},
        ),
        (
            "da",
            "Sverige finansierer granaterne, Nammo producerer dem, og Ukraine modtager dem.",
            {("Sweden", "Ukraine", "asserted"), ("Nammo", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Sverige og Finland har finansiert dronene som Ukraina har fått.",
            {("Sweden", "Ukraine", "asserted"), ("Finland", "Ukraine", "asserted")},
        ),
    ],
)
def test_financing_chains_and_donor_groups(
    lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nb",
            "Polen har fått 40 stridsvogner fra Sør-Korea. Sør-Korea vil levere like mange neste år.",
            ("South Korea", "Poland", "planned"),
        ),
        (
            "nn",
            "Ukraina har fått 20 000 granatar frå Noreg. Danmark har lova å betale for ytterlegare 10 000.",
            ("Denmark", "Ukraine", "planned"),
        ),
        (
            "nb",
            "Tyskland har lånt ut luftvern til Polen, mens amerikanerne sendte tilsvarende mengder fra egne lagre til Ukraina.",
            ("United States", "Ukraine", "asserted"),
        ),
        ("sv", "Ryssarna har fått drönare från Iran.", ("Iran", "Russia", "asserted")),
    ],
)
def test_elliptic_quantities_and_inhabitant_nouns(
    lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nb",
            "Romania har inngått en avtale om kjøp av 54 Abrams-stridsvogner fra USA.",
            ("United States", "Romania", "planned"),
        ),
        (
            "sv",
            "De haubitsar som Sverige skänkte i våras har levererats och används nu av den ukrainska armén.",
            ("Sweden", "Ukraine", "asserted"),
        ),
        (
            "nb",
            "Pansrede kjøretøy ble sendt til Ukraina fra Norge i fjor.",
            ("Norway", "Ukraine", "asserted"),
        ),
    ],
)
def test_purchase_agreements_users_and_passives(
    lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sverige sendte luftværn til Ukraine.", ("Sweden", "Ukraine", "asserted")),
        ("Nederlandene har givet kampfly til Ukraine.", ("Netherlands", "Ukraine", "asserted")),
        (
            "Nordkorea skulle have sendt missiler til Rusland.",
            ("North Korea", "Russia", "asserted"),
        ),
        ("Danmark vil have flere kampfly fra USA.", ("United States", "Denmark", "requested")),
        ("Slovakiet har leveret panserkøretøjer til Ukraine.", ("Slovakia", "Ukraine", "asserted")),
        (
            "De Forenede Arabiske Emirater har angiveligt sendt droner til Sudan.",
            ("United Arab Emirates", "Sudan", "asserted"),
        ),
    ],
)
def test_danish_forms(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, "da")


def test_danish_hearsay_is_a_hedge() -> None:
    claims = extract_claims("Nordkorea skulle have sendt missiler til Rusland.", "da")
    assert claims and claims[0].hedged


@pytest.mark.parametrize(
    "word", ["Nederlandene", "Slovakiet", "Emiraterne", "canadisk", "Filippinerne"]
)
def test_danish_country_names(word: str) -> None:
    assert find_actors(tokenize(f"{word} sender", 0))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Norge skal produsere mer ammunisjon."),
        ("nb", "Sverige øker forsvarsbudsjettet."),
        ("nb", "Danmark kjøper inn nye fregatter fra egen industri."),
        ("nn", "Noreg skal produsere meir ammunisjon i åra som kjem."),
        ("sv", "Sverige ska producera mer ammunition och ökar försvarsbudgeten."),
        ("sv", "Danmark köper nya fregatter från den inhemska industrin."),
        ("da", "Danmark øger forsvarsbudgettet og producerer flere granater."),
        ("nb", "Norge har et stort lager av artillerigranater."),
        ("nb", "Nammo skal produsere granater til det norske forsvaret."),
        ("nb", "Nordmennene kjøper mye laks fra russerne."),
    ],
)
def test_home_production_budgets_and_stocks_are_no_claim(lang: str, text: str) -> None:
    assert triples(text, lang) == set()
