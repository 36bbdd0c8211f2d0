"""Lexicon breadth and the constructions added for unseen news: one sentence per case in nb, nn
and sv, written for these tests (not taken from the annotated articles)."""

# ruff: noqa: E501  (one test sentence per line reads better than wrapped)

from __future__ import annotations

import pytest

from service.claims import extract_claims


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    return {(c.supplier, c.recipient, c.stance) for c in extract_claims(text, lang)}


# Civil trade, idioms, sport, exercises, aid and stopped shipments: no supply claim.
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Equinor skal levere mer gass til Tyskland neste vinter."),
        ("nb", "Norge eksporterer strøm til Sverige og Danmark."),
        ("nb", "Statsministeren lover å levere resultater for velgerne."),
        ("sv", "Regeringen måste leverera resultat, säger oppositionen."),
        ("nb", "Rosenborg har solgt spissen til Brøndby i Danmark."),
        ("sv", "Sverige skickar humanitär hjälp till Ukraina."),
        ("nn", "Noreg sender naudhjelp og mat til Gaza."),
        ("nb", "Norge sendte vaksiner til Afrika under pandemien."),
        ("sv", "USA skickar soldater till övningen i Norrbotten."),
        ("nb", "Tollvesenet stanset en forsendelse med droner fra Kina til Russland."),
        ("sv", "Ukraina köper el från Polen och Slovakien."),
        ("nb", "Kina kjøper mer norsk laks enn før."),
        ("nn", "Tyskland sende redningsmannskap til Tyrkia etter jordskjelvet."),
        ("sv", "Finland exporterar papper och massa till Kina."),
        ("nb", "Kongsberg-laget vant over Lillestrøm i går."),
        ("sv", "Kyiv School of Economics publicerade en rapport om sanktionerna."),
        ("nb", "USA Today skriver at Biden besøkte Tyskland."),
    ],
)
def test_civil_and_idiomatic_senses_give_no_claim(lang: str, text: str) -> None:
    assert triples(text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nn",
            "Sverige har levert Archer-haubitsar til Ukraina, stadfestar forsvarsdepartementet.",
            {("Sweden", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Ifølge Reuters har Iran sendt hundrevis av Shahed-droner til Russland.",
            {("Iran", "Russia", "asserted")},
        ),
        (
            "nb",
            "Iran sies å ha levert ballistiske missiler til Russland.",
            {("Iran", "Russia", "asserted")},
        ),
        (
            "sv",
            "Nordkorea uppges ha skickat miljontals granater till Ryssland.",
            {("North Korea", "Russia", "asserted")},
        ),
        (
            "nb",
            "Tyskland avslår å sende Taurus-missiler til Ukraina.",
            {("Germany", "Ukraine", "denied")},
        ),
        ("sv", "Tyskland vägrar skicka Taurus till Ukraina.", {("Germany", "Ukraine", "denied")}),
        (
            "sv",
            "Ungern säger nej till att skicka vapen till Ukraina.",
            {("Hungary", "Ukraine", "denied")},
        ),
        (
            "nb",
            "Polen har bedt om flere Patriot-batterier fra USA.",
            {("United States", "Poland", "requested")},
        ),
        (
            "sv",
            "Ukraina vädjar till Sverige om fler stridsflygplan.",
            {("Sweden", "Ukraine", "requested")},
        ),
        (
            "nb",
            "Ukraina har anmodet Norge om flere NASAMS-systemer.",
            {("Norway", "Ukraine", "requested")},
        ),
        (
            "nb",
            "Regjeringen har til hensikt å sende flere kampfly til Ukraina.",
            {("Norway", "Ukraine", "planned")},
        ),
        (
            "sv",
            "Regeringen avser att skicka fler stridsvagnar till Ukraina.",
            {("Sweden", "Ukraine", "planned")},
        ),
        (
            "nb",
            "Norge har forpliktet seg til å levere ammunisjon til Ukraina.",
            {("Norway", "Ukraine", "planned")},
        ),
        (
            "nb",
            "USA stanser våpenleveransene til Ukraina.",
            {("United States", "Ukraine", "denied")},
        ),
        (
            "sv",
            "USA pausar vapenleveranserna till Ukraina, uppger Pentagon.",
            {("United States", "Ukraine", "denied")},
        ),
        (
            "nn",
            "USA stansar leveransane av våpen til Ukraina.",
            {("United States", "Ukraine", "denied")},
        ),
        (
            "nb",
            "Storbritannia har sendt Storm Shadow-missiler og Challenger 2-stridsvogner til Ukraina.",
            {("United Kingdom", "Ukraine", "asserted")},
        ),
        (
            "sv",
            "Frankrike har skickat SCALP-robotar och Caesar-haubitsar till Ukraina.",
            {("France", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Danmark har donert alle sine Caesar-kanoner til Ukraina.",
            {("Denmark", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Nammo skal levere 155 millimeter artillerigranater til blant annet Polen og Estland.",
            {("Nammo", "Poland", "planned"), ("Nammo", "Estonia", "planned")},
        ),
        (
            "sv",
            "Saab ska leverera Carl-Gustaf till länder som Lettland och Litauen.",
            {("Saab", "Latvia", "planned"), ("Saab", "Lithuania", "planned")},
        ),
        (
            "nn",
            "Kongsberg skal levere NSM til mellom anna Polen og Latvia.",
            {("Kongsberg", "Poland", "planned"), ("Kongsberg", "Latvia", "planned")},
        ),
        (
            "nb",
            "Ukraina har mottatt F-16-fly fra Danmark og Nederland.",
            {("Denmark", "Ukraine", "asserted"), ("Netherlands", "Ukraine", "asserted")},
        ),
        (
            "sv",
            "Ryssland har fått drönare från Iran och granater från Nordkorea.",
            {("Iran", "Russia", "asserted"), ("North Korea", "Russia", "asserted")},
        ),
        (
            "nb",
            "Raketter av typen KN-23 ble levert av Nord-Korea til Russland.",
            {("North Korea", "Russia", "asserted")},
        ),
        (
            "sv",
            "Drönarna levererades av Iran till Ryssland via Kaspiska havet.",
            {("Iran", "Russia", "asserted")},
        ),
        (
            "nb",
            "Norge yter militær støtte til Ukraina for 15 milliarder kroner i år.",
            {("Norway", "Ukraine", "asserted")},
        ),
        ("sv", "Danmark bidrar med F-16-plan till Ukraina.", {("Denmark", "Ukraine", "asserted")}),
        (
            "nb",
            "Hviterussland skal angivelig ha overført stridsvogner til Russland.",
            {("Belarus", "Russia", "asserted")},
        ),
        (
            "nb",
            "Iran innrømmer å ha sendt droner til Russland før krigen.",
            {("Iran", "Russia", "admitted")},
        ),
        (
            "sv",
            "Iran medger att landet har skickat drönare till Ryssland.",
            {("Iran", "Russia", "admitted")},
        ),
        (
            "nb",
            "Kina benekter at landet har levert våpen til Russland.",
            {("China", "Russia", "denied")},
        ),
        ("nn", "Kina nektar for å ha sendt våpen til Russland.", {("China", "Russia", "denied")}),
        (
            "sv",
            "Polen beställer 96 Apache-helikoptrar från USA.",
            {("United States", "Poland", "planned")},
        ),
        (
            "nb",
            "Polen har bestilt 250 Abrams-stridsvogner fra USA.",
            {("United States", "Poland", "planned")},
        ),
        (
            "nb",
            "Hizbollah har fått raketter fra Iran, ifølge israelsk etterretning.",
            {("Iran", "Hezbollah", "asserted")},
        ),
        (
            "nb",
            "Revolusjonsgarden har smuglet våpen til houthiene i Jemen.",
            {("Iran", "Houthis", "asserted")},
        ),
        (
            "sv",
            "Sverige stöder Ukraina med ett nytt militärt stödpaket värt sju miljarder kronor.",
            {("Sweden", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Kongsberg har signert en kontrakt om levering av NASAMS til Ukraina.",
            {("Kongsberg", "Ukraine", "planned")},
        ),
        (
            "nb",
            "Norge donerer luftvern til Ukraina\n\nRegjeringen har besluttet å donere NASAMS-systemer til Ukraina. Systemene skal leveres i vår.",
            {("Norway", "Ukraine", "planned")},
        ),
        (
            "nb",
            "Sverige overleverer Archer-haubitser til Ukraina.",
            {("Sweden", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Tyskland overlater 20 Marder-stormpanservogner til Ukraina.",
            {("Germany", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Danmark stiller F-16-fly til rådighet for Ukraina.",
            {("Denmark", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Norge bidrar med 155 mm artillerigranater til Ukraina.",
            {("Norway", "Ukraine", "asserted")},
        ),
        ("nb", "USA utstyrer Ukraina med HIMARS.", {("United States", "Ukraine", "asserted")}),
        (
            "nb",
            "Iran bevæpner Houthiene med droner og missiler.",
            {("Iran", "Houthis", "asserted")},
        ),
        (
            "nb",
            "Norge lover å sende flere stridsvogner til Ukraina.",
            {("Norway", "Ukraine", "planned")},
        ),
        (
            "nb",
            "Regjeringen har godkjent eksport av NSM-missiler til Polen.",
            {("Norway", "Poland", "planned")},
        ),
        (
            "nb",
            "Polen har bestilt 48 K9-haubitser fra Sør-Korea.",
            {("South Korea", "Poland", "planned")},
        ),
        (
            "nb",
            "Nederland anskaffer 12 Patriot-batterier fra USA.",
            {("United States", "Netherlands", "asserted")},
        ),
        ("sv", "Danmark köper in CV90 från Sverige.", {("Sweden", "Denmark", "asserted")}),
        (
            "sv",
            "Sverige skänker 50 pansarbandvagnar till Ukraina.",
            {("Sweden", "Ukraine", "asserted")},
        ),
        (
            "sv",
            "Sverige överlämnar Archer-system till Ukraina.",
            {("Sweden", "Ukraine", "asserted")},
        ),
        (
            "sv",
            "Regeringen tilldelar Ukraina ett nytt stödpaket med luftvärn.",
            {("Sweden", "Ukraine", "asserted")},
        ),
        (
            "sv",
            "Nordkorea har skickat ballistiska robotar av typen KN-23 till Ryssland, enligt Sydkorea.",
            {("North Korea", "Russia", "asserted")},
        ),
        (
            "sv",
            "Kina förser Ryssland med halvledare och komponenter till vapen.",
            {("China", "Russia", "asserted")},
        ),
        (
            "nn",
            "Noreg sender fleire NASAMS-system til Ukraina.",
            {("Norway", "Ukraine", "asserted")},
        ),
        ("nn", "Ukraina har bede Noreg om fleire F-16-fly.", {("Norway", "Ukraine", "requested")}),
        ("nn", "Noreg lovar å sende ammunisjon til Ukraina.", {("Norway", "Ukraine", "planned")}),
        (
            "sv",
            "Ukraina har bett om fler Gripenplan från Sverige.",
            {("Sweden", "Ukraine", "requested")},
        ),
        (
            "nb",
            "USA stanser leveransene av artillerigranater til Ukraina.",
            {("United States", "Ukraine", "denied")},
        ),
        (
            "sv",
            "USA pausar leveranserna av vapen till Ukraina.",
            {("United States", "Ukraine", "denied")},
        ),
        (
            "nb",
            "Saab selger radarsystemer til land som Colombia og Thailand.",
            {("Saab", "Colombia", "asserted"), ("Saab", "Thailand", "asserted")},
        ),
        (
            "sv",
            "Saab säljer Gripen till bland annat Colombia och Thailand.",
            {("Saab", "Colombia", "asserted"), ("Saab", "Thailand", "asserted")},
        ),
        (
            "nb",
            "Tyskland nekter å sende Taurus-missilene som Ukraina har bedt om.",
            {("Germany", "Ukraine", "denied"), ("Germany", "Ukraine", "requested")},
        ),
        (
            "sv",
            "Nederländerna har beslutat att köpa Patriot-robotar från USA, som ska skänkas till Ukraina.",
            {("United States", "Netherlands", "planned"), ("Netherlands", "Ukraine", "planned")},
        ),
        (
            "nb",
            "Norge kjøper granater fra Tyskland som skal doneres til Ukraina.",
            {("Germany", "Norway", "asserted"), ("Norway", "Ukraine", "planned")},
        ),
        (
            "nb",
            "Nammo skal levere produkter til Ukraina for 2 milliarder kroner.",
            {("Nammo", "Ukraine", "planned")},
        ),
        (
            "nb",
            "Norge gir en ny militær støttepakke til Ukraina på 5 milliarder kroner.",
            {("Norway", "Ukraine", "asserted")},
        ),
        (
            "sv",
            "Sverige skickar ett nytt stödpaket till Ukraina med bland annat luftvärn.",
            {("Sweden", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Norge sender mer materiell til Ukraina, opplyser Forsvarsdepartementet.",
            {("Norway", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Danmark gir Ukraina våpenhjelp for 3 milliarder kroner.",
            {("Denmark", "Ukraine", "asserted")},
        ),
        (
            "nb",
            "Nord-Korea har sendt 10 000 soldater til Russland.",
            {("North Korea", "Russia", "asserted")},
        ),
    ],
)
def test_constructions(lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nn",
            "Noreg har bestilt fleire K9-haubitsar frå Sør-Korea.",
            {("South Korea", "Norway", "planned")},
        ),
        (
            "nn",
            "Ukraina har fått NASAMS frå Noreg, og Litauen har kjøpt stridsvogner frå Tyskland.",
            {("Norway", "Ukraine", "asserted"), ("Germany", "Lithuania", "asserted")},
        ),
        (
            "nn",
            "Tyskland nektar å sende dei Taurus-missila som Ukraina har bede om.",
            {("Germany", "Ukraine", "denied"), ("Germany", "Ukraine", "requested")},
        ),
        (
            "sv",
            "Saab har sålt Gripen till Thailand. Nu ska även Colombia köpa 17 Gripen.",
            {("Saab", "Thailand", "asserted"), ("Saab", "Colombia", "planned")},
        ),
        (
            "nb",
            "Nord-Korea har sendt missiler av typen KN-23. Ukrainske myndigheter bekrefter at "
            "Russland har brukt dem.",
            set(),
        ),
    ],
)
def test_list_relative_and_same_product_supplier(
    lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(text, lang) == expected


_FORMS = {
    "sv": {
        "give": "levereras levererades skänkas skänkts överföras överlämnats tilldelade donerats",
        "receive": "köpas köpts anskaffade erhöll",
        "order": "beställer beställdes upphandlar upphandlade",
        "deny": "förnekar vägrar avslog",
        "halt": "stoppar pausar avbröt fryser",
    },
    "nb": {
        "give": "overlates overleverte ytte tildelte finansierte leverast seld",
        "receive": "anskaffet importerte fekk",
        "order": "bestilte bestilt bestiller",
        "supply_with": "utstyrt bevæpner",
        "deny": "avslo utelukker nektar",
        "halt": "stanser stoppet suspenderte stansar",
    },
}


@pytest.mark.parametrize(
    ("lang", "cat", "forms"),
    [(lang, cat, forms) for lang, cats in _FORMS.items() for cat, forms in cats.items()],
)
def test_inflected_forms_are_tagged(lang: str, cat: str, forms: str) -> None:
    from service.claims.lexicon import get_lexicon

    lex = get_lexicon(lang)
    assert [f for f in forms.split() if cat not in lex.tags(f)] == []
