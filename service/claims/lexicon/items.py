"""Weapons, equipment and dual-use goods with their English renderings.

An item pattern matches the HEAD of a lowercased token, so compounds match by their last part
("artillerigranater", "kamikazedroner", "kortdistansrobotar"); the part before it may carry an
English modifier (see MODIFIERS). A known compound tail after the item ("missilsystem",
"våpenleveranser") keeps the item. Strength: 3 a named system, 2 a military item, 1 dual-use that
counts when the article is about the military, 0 generic words that need a military cue in the
same sentence ("teknologi", "utstyr").
"""

# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)

from __future__ import annotations

from typing import NamedTuple


class ItemEntry(NamedTuple):
    pattern: str
    english: str
    strength: int


def _items(rows: str) -> tuple[ItemEntry, ...]:
    out = []
    for row in rows.strip().splitlines():
        pattern, english, strength = (p.strip() for p in row.split("|="))
        out.append(ItemEntry(pattern, english, int(strength)))
    return tuple(out)


# nb, nn and da share these (da spellings added where they differ).
NORWEGIAN = _items(r"""
drone(?:n|r|ne)?|dronar|dronane |= drones |= 2
missil(?:er|ene|et|a|ar|ane)? |= missiles |= 2
rakett(?:er|en|ene|ar|ane)?|raket(?:ter|ten)? |= rockets |= 2
ammunisjon(?:en)?|ammunition(?:en)? |= ammunition |= 2
granat(?:er|en|ene|ar|ane)? |= shells |= 2
patron(?:er|ene)? |= ammunition |= 2
våpen(?:et|a|ene)?|våpn(?:ene|a)|våben(?:et|ene)? |= weapons |= 2
stridsvogn(?:er|en|ene|ar|ane)?|kampvogn(?:e|en|ene|er|ar|ane)? |= tanks |= 2
(?:storm)?panservogn(?:er|en|ene|ar|ane)?|pansr(?:ede|et|a)|panserkjøretøy(?:et|ene)?|pansrede |= armoured vehicles |= 2
(?:kamp|jager|strids|jage)fly(?:et|ene|a|a)? |= fighter jets |= 2
(?:bombe)fly(?:et|ene|a)? |= bombers |= 2
(?:militær|transport|overvåkings)fly(?:et|ene|a)? |= military aircraft |= 2
luftvern(?:et)?|luftvernsystem(?:er|et|ene)?|luftforsvarssystem(?:er|et|ene)? |= air defence |= 2
helikopter(?:e|en|ne|et|ar|ane)?|helikoptre(?:ne)? |= helicopters |= 1
ubåt(?:er|en|ene|ar|ane)?|u-båt(?:er|en|ene|ar)? |= submarines |= 2
krigsskip(?:et|ene)?|fregatt(?:er|en|ene)?|korvett(?:er|en)?|marinefartøy(?:er|et|ene)? |= warships |= 2
artilleri(?:et)? |= artillery |= 2
haubits(?:er|en|ene|ar)? |= howitzers |= 2
morter(?:er|en|ene)?|bombekaster(?:e|ne)?|granatkaster(?:e|ne)? |= mortars |= 2
gevær(?:er|et|ene)?|automatgevær(?:er)?|rifle(?:r|ne)?|håndvåpen|skytevåpen |= small arms |= 2
sprengstoff(?:et)?|eksplosiver|sprængstof |= explosives |= 2
bombe(?:n|r|ne)? |= bombs |= 2
(?:land|sjø|panservern)mine(?:r|ne)?|(?:land|sjø|panservern)?miner(?:ne)? |= mines |= 2
klasevåpen(?:et|ene)?|klaseammunisjon(?:en)?|klasebombe(?:r|ne)? |= cluster munitions |= 2
soldat(?:er|ene|ar|ane)?|tropp(?:er|ene|ar|ane)|leiesoldat(?:er|ene|ar|ane) |= troops |= 2
torpedo(?:er|en|ene|ar|ane)? |= torpedoes |= 2
kanon(?:er|en|ene|ar|ane)|maskingevær(?:er|et|ene|a)?|maskinkanon(?:er|en|ene)? |= guns |= 2
pistol(?:er|en|ene|ar)? |= small arms |= 2
rakettkaster(?:e|en|ne|ar|ane)?|rakettartilleri(?:et)? |= rocket launchers |= 2
krutt(?:et)? |= propellant |= 2
stridshode(?:r|ne|t)?|stridsspiss(?:er)? |= warheads |= 2
prosjektil(?:er|ene|a)? |= projectiles |= 2
patruljebåt(?:er|en|ene|ar)?|kampbåt(?:er|en|ene|ar)?|landgangsfartøy(?:er|et|ene)?|minesveiper(?:e|ne)?|mineryddingsfartøy(?:er|et|a|ene)? |= naval vessels |= 2
skuddsikre|skuddsikker|skotsikre|kroppsbeskyttelse |= body armour |= 1
kjøretøy(?:et|ene|a)? |= vehicles |= 0
(?:våpen|ammunisjons|forsvars|egne)lager(?:et|ene)?|lagrene|lagrane |= stocks |= 1
produkt(?:er|ene|a|ar|ane)? |= products |= 1
militærhjelp(?:en)?|militærstøtte(?:n)?|våpenhjelp(?:en)?|våpenstøtte(?:n)?|militærbistand(?:en)?|militærhjælp(?:en)? |= military aid |= 2
radar(?:er|en|ene)? |= radars |= 1
mikrochip(?:s|ene)?|mikrobrikke(?:r|ne)?|brikke(?:r|ne)|halvleder(?:e|ne)?|chip(?:s)? |= microchips |= 1
mikroelektronikk(?:en)?|elektronikk(?:en)? |= electronics |= 1
kulelager(?:e|ne)?|kullager(?:e|ne)? |= ball bearings |= 1
maskinverktøy(?:et|ene)?|verktøymaskin(?:er|ene)? |= machine tools |= 1
støttepakke(?:n|r|ne)?|hjelpepakke(?:n|r|ne)?|våpenpakke(?:n|r|ne)? |= aid package |= 1
komponent(?:er|ene)? |= components |= 0
motor(?:er|en|ene|ar|ane)? |= engines |= 0
(?:bygnings)?arbeider(?:e|ne)?|(?:bygnings)?arbeidar(?:ar|ane)? |= workers |= 0
minerydder(?:e|ne)?|minerydjar(?:ar|ane)? |= deminers |= 2
system(?:er|et|ene)? |= systems |= 1
fly(?:et|ene|a)? |= aircraft |= 1
teknologi(?:en)?|teknikk(?:en)? |= technology |= 0
utstyr(?:et)?|udstyr(?:et)? |= equipment |= 1
materiell(?:et)?|materiel(?:let)? |= materiel |= 1
deler|delene |= parts |= 0
hjelp(?:en)?|støtte(?:n)?|bistand(?:en)?|hjelpa|støtta|hjælp(?:en)? |= aid |= 0
luftværn(?:et)?|luftværnssystem(?:er|et|erne)? |= air defence |= 2
panserkøretøj(?:er|erne|et)?|mandskabsvogn(?:e|en|ene)?|pansret |= armoured vehicles |= 2
våbnene |= weapons |= 2
dronerne |= drones |= 2
missilerne |= missiles |= 2
granaterne |= shells |= 2
ubåd(?:e|en|ene)?|undervandsbåd(?:e|en|ene)? |= submarines |= 2
krigsskib(?:e|et|ene)? |= warships |= 2
kugleleje(?:r|rne)? |= ball bearings |= 1
værktøjsmaskin(?:e|er|erne)? |= machine tools |= 1
elektronik(?:ken)? |= electronics |= 1
hjælpepakke(?:n|r|rne)? |= aid package |= 1
""")

SWEDISH = _items(r"""
pjäs(?:er|en|erna)?|artilleripjäs(?:er|en|erna)? |= artillery pieces |= 1
drönare(?:n|ns)?|drönarna(?:s)? |= drones |= 2
robot(?:ar|en|arna|er)? |= missiles |= 2
missil(?:er|en|erna)? |= missiles |= 2
raket(?:er|en|erna)? |= rockets |= 2
ammunition(?:en)? |= ammunition |= 2
granat(?:er|en|erna)? |= shells |= 2
vapen(?:et|en)?|vapn(?:et|en)? |= weapons |= 2
stridsvagn(?:ar|en|arna)? |= tanks |= 2
pansarfordon(?:et|en)?|stridsfordon(?:et|en)?|pansarbandvagn(?:ar|en|arna)? |= armoured vehicles |= 2
stridsflygplan(?:et|en)?|jaktplan(?:et|en)?|stridsplan(?:et|en)?|attackflyg(?:plan)?(?:et|en)? |= fighter jets |= 2
bombplan(?:et|en)? |= bombers |= 2
luftvärn(?:et)?|luftvärnssystem(?:et|en)?|luftförsvarssystem(?:et|en)? |= air defence |= 2
helikopter|helikoptrar(?:na)?|helikoptern |= helicopters |= 1
ubåt(?:ar|en|arna)?|u-båt(?:ar|en|arna)? |= submarines |= 2
örlogsfartyg(?:et|en)?|krigsfartyg(?:et|en)?|fregatt(?:er|en)?|korvett(?:er|en)? |= warships |= 2
artilleri(?:et)? |= artillery |= 2
haubits(?:ar|en|arna)? |= howitzers |= 2
granatkastare(?:n|na)?|granatkastarna |= mortars |= 2
gevär(?:et|en)?|automatkarbin(?:er|en|erna)?|handeldvapen(?:et)? |= small arms |= 2
sprängämne(?:n|t|na)? |= explosives |= 2
bomb(?:er|en|erna)? |= bombs |= 2
(?:land|sjö|pansarvärns)?min(?:a|or|orna) |= mines |= 2
patron(?:er|en|erna)? |= ammunition |= 2
klusterbomb(?:er|erna)?|klustervapen|klusterammunition(?:en)? |= cluster munitions |= 2
soldat(?:er|erna)|trupp(?:er|erna)|legosoldat(?:er|erna) |= troops |= 2
torped(?:er|en|erna)? |= torpedoes |= 2
kanon(?:er|en|erna)|kulspruta(?:n)?|kulsprutor(?:na)?|automatkanon(?:er|en)? |= guns |= 2
pistol(?:er|en|erna)? |= small arms |= 2
raketkastare(?:n|na)?|raketartilleri(?:et)?|raketgevär(?:et|en)? |= rocket launchers |= 2
krut(?:et)? |= propellant |= 2
stridsspets(?:ar|en|arna)?|stridsdel(?:ar|en)? |= warheads |= 2
projektil(?:er|en|erna)? |= projectiles |= 2
patrullbåt(?:ar|en|arna)?|stridsbåt(?:ar|en|arna)?|minröjningsfartyg(?:et|en)? |= naval vessels |= 2
skyddsväst(?:ar|en|arna)?|kroppsskydd(?:et)? |= body armour |= 1
fordon(?:et|en)? |= vehicles |= 0
lager(?:et|en)? |= stocks |= 1
produkt(?:er|en|erna)? |= products |= 1
militärhjälp(?:en)?|vapenhjälp(?:en)?|vapenstöd(?:et)?|militärstöd(?:et)?|militärbistånd(?:et)? |= military aid |= 2
radar(?:er|n|erna)? |= radars |= 1
mikrochip(?:s|pen)?|halvledare(?:n|na)?|chip(?:s|pen)? |= microchips |= 1
mikroelektronik(?:en)?|elektronik(?:en)? |= electronics |= 1
kullager(?:et|en)? |= ball bearings |= 1
verktygsmaskin(?:er|erna)? |= machine tools |= 1
stödpaket(?:et)?|biståndspaket(?:et)?|vapenpaket(?:et)? |= aid package |= 1
komponent(?:er|erna)? |= components |= 0
motor(?:er|n|erna)? |= engines |= 0
(?:byggnads)?arbetare(?:n|na)? |= workers |= 0
minröjare(?:n|na)? |= deminers |= 2
system(?:et|en)? |= systems |= 1
flygplan(?:et|en)? |= aircraft |= 1
teknologi(?:n)?|teknik(?:en)? |= technology |= 0
utrustning(?:en)?|materiel(?:en)? |= equipment |= 1
delar(?:na)? |= parts |= 0
hjälp(?:en)?|stöd(?:et)?|bistånd(?:et)? |= aid |= 0
""")

# Named systems, matched case-sensitively on the original token ("Patriot-batterier", "F-16-fly").
NAMED = _items(r"""
Patriot |= Patriot air-defence systems |= 3
NASAMS |= NASAMS air-defence systems |= 3
IRIS-T |= IRIS-T air-defence systems |= 3
HIMARS |= HIMARS rocket launchers |= 3
ATACMS |= ATACMS missiles |= 3
SCALP |= SCALP cruise missiles |= 3
Taurus |= Taurus cruise missiles |= 3
Leopard |= Leopard tanks |= 3
Abrams |= Abrams tanks |= 3
Challenger |= Challenger tanks |= 3
Bradley |= Bradley fighting vehicles |= 3
Stryker |= Stryker armoured vehicles |= 3
CV90 |= CV90 infantry fighting vehicles |= 3
F-16 |= F-16 fighter jets |= 3
F-35 |= F-35 fighter jets |= 3
Gripen |= Gripen fighter jets |= 3
Mirage |= Mirage fighter jets |= 3
MiG-\d+ |= MiG fighter jets |= 3
Su-\d+ |= Sukhoi fighter jets |= 3
Archer |= Archer artillery systems |= 3
Caesar |= Caesar howitzers |= 3
M777 |= M777 howitzers |= 3
Javelin |= Javelin anti-tank missiles |= 3
NLAW |= NLAW anti-tank weapons |= 3
Stinger |= Stinger missiles |= 3
AT4 |= AT4 anti-tank weapons |= 3
Bayraktar |= Bayraktar drones |= 3
TB2 |= Bayraktar TB2 drones |= 3
Shahed(?:-\d+)? |= Shahed drones |= 3
Geran(?:-\d+)? |= Geran drones |= 3
Lancet |= Lancet drones |= 3
Mohajer(?:-\d+)? |= Mohajer drones |= 3
Hwasong(?:-\d+)? |= Hwasong missiles |= 3
KN-\d+ |= KN-series ballistic missiles |= 3
Iskander |= Iskander missiles |= 3
Kinzhal |= Kinzhal missiles |= 3
Kalibr |= Kalibr cruise missiles |= 3
Fateh(?:-\d+)? |= Fateh missiles |= 3
S-[34]00 |= S-300/S-400 air-defence systems |= 3
Pantsir |= Pantsir air-defence systems |= 3
Gepard |= Gepard anti-aircraft guns |= 3
Harpoon |= Harpoon missiles |= 3
Tomahawk |= Tomahawk cruise missiles |= 3
T-\d\d |= tanks |= 3
BMP-\d |= infantry fighting vehicles |= 3
Kh-\d+ |= cruise missiles |= 3
Mi-\d+ |= helicopters |= 3
Ka-\d+ |= helicopters |= 3
Storm-Shadow |= Storm Shadow cruise missiles |= 3
JASSM |= JASSM cruise missiles |= 3
GMLRS |= GMLRS rockets |= 3
MLRS |= MLRS rocket launchers |= 3
M270 |= M270 rocket launchers |= 3
M142 |= HIMARS rocket launchers |= 3
NSM |= Naval Strike Missiles |= 3
JSM |= Joint Strike Missiles |= 3
AMRAAM |= AMRAAM missiles |= 3
ESSM |= ESSM missiles |= 3
Hellfire |= Hellfire missiles |= 3
Brimstone |= Brimstone missiles |= 3
Excalibur |= Excalibur shells |= 3
Hawk |= Hawk air-defence systems |= 3
Skyshield |= Skyshield air-defence systems |= 3
Skynex |= Skynex air-defence systems |= 3
Mistral |= Mistral missiles |= 3
Starstreak |= Starstreak missiles |= 3
Piorun |= Piorun missiles |= 3
Igla |= Igla missiles |= 3
Kornet |= Kornet anti-tank missiles |= 3
Carl-Gustaf |= Carl Gustaf recoilless rifles |= 3
RBS(?:-?\d+)? |= RBS missiles |= 3
Robot(?:-?\d+) |= missiles |= 3
Marder |= Marder infantry fighting vehicles |= 3
Puma |= Puma infantry fighting vehicles |= 3
Boxer |= Boxer armoured vehicles |= 3
M113 |= M113 armoured personnel carriers |= 3
M109 |= M109 howitzers |= 3
PzH |= PzH 2000 howitzers |= 3
Krab |= Krab howitzers |= 3
Zuzana |= Zuzana howitzers |= 3
K9 |= K9 howitzers |= 3
Strv(?:-?\d+)? |= Stridsvagn 122 tanks |= 3
Pbv(?:-?\d+)? |= armoured personnel carriers |= 3
Eurofighter |= Eurofighter fighter jets |= 3
Typhoon |= Typhoon fighter jets |= 3
Rafale |= Rafale fighter jets |= 3
Tornado |= Tornado aircraft |= 3
Apache |= Apache helicopters |= 3
Chinook |= Chinook helicopters |= 3
GlobalEye |= GlobalEye surveillance aircraft |= 3
ASC(?:-?890) |= ASC 890 surveillance aircraft |= 3
Switchblade |= Switchblade loitering munitions |= 3
Orlan(?:-\d+)? |= Orlan drones |= 3
Ababil(?:-\d+)? |= Ababil drones |= 3
Zolfaghar |= Zolfaghar missiles |= 3
Tochka |= Tochka missiles |= 3
Buk |= Buk air-defence systems |= 3
Tor-M\d |= Tor air-defence systems |= 3
Zircon|Tsirkon|Zirkon |= Zircon missiles |= 3
Oniks|Onyx |= Oniks missiles |= 3
SAMP |= SAMP/T air-defence systems |= 3
THAAD |= THAAD air-defence systems |= 3
MRAP |= MRAP armoured vehicles |= 3
Humvee |= Humvee military vehicles |= 3
AK-\d+|Kalasjnikov\w*|Kalashnikov\w* |= assault rifles |= 3
RPG(?:-\d+)? |= rocket-propelled grenades |= 3
Starlink |= Starlink terminals |= 1
""")

# Two-token names: (first, second) on the original text.
NAMED_PAIRS: dict[tuple[str, str], str] = {
    ("Storm", "Shadow"): "Storm Shadow cruise missiles",
    ("Carl", "Gustaf"): "Carl Gustaf recoilless rifles",
    ("RBS", "70"): "RBS 70 air-defence systems",
    ("PzH", "2000"): "PzH 2000 howitzers",
    ("Black", "Hawk"): "Black Hawk helicopters",
    ("Iron", "Dome"): "Iron Dome air-defence systems",
    ("ASC", "890"): "ASC 890 surveillance aircraft",
    ("Phoenix", "Ghost"): "Phoenix Ghost drones",
    ("Sea", "Sparrow"): "Sea Sparrow missiles",
    ("Strv", "122"): "Stridsvagn 122 tanks",
    ("Stridsvagn", "122"): "Stridsvagn 122 tanks",
    ("Pbv", "302"): "armoured personnel carriers",
    ("Robot", "70"): "RBS 70 air-defence systems",
    ("Patria", "AMV"): "Patria AMV armoured vehicles",
    ("Sisu", "XA-180"): "Sisu XA-180 armoured vehicles",
}

# Compound tails that keep an item: "missilsystem", "våpenleveranser", "droneangrep" does not.
TAILS = (
    r"s?(?:system(?:er|et|ene|en)?|batteri(?:er|et|ene)?|leveranse(?:r|n|ne)?|levering(?:er|en|ene)?"
    r"|leverans(?:er|en|erna)?|eksport(?:en)?|export(?:en)?|pakke(?:r|n|ne)?|paket(?:et)?"
    r"|last(?:en)?|sending(?:er|en)?|forsendelse(?:r|n)?|sändning(?:ar|en)?|hjelp(?:en)?|hjälp(?:en)?"
    r"|støtte(?:n)?|stöd(?:et)?|salg(?:et)?|försäljning(?:en|ar)?|donasjon(?:er|en)?|kjøp(?:et)?"
    r"|köp(?:et)?|overføring(?:er|en)?|överföring(?:ar|en)?|bistand(?:en)?|bistånd(?:et)?"
    r"|avtale(?:n|r)?|avtal(?:et)?|kontrakt(?:en|er)?|ordre(?:n|r)?|order(?:n)?|import(?:en)?)"
)

# Prefixes of a compound (or preceding adjectives) that add an English modifier.
MODIFIERS: tuple[tuple[str, str], ...] = (
    (r"kortdistanse|kortdistans|korthold|kortdistanse\w+|kortdistans\w+", "short-range"),
    (
        r"langdistanse|långdistans|langtrekkende|langtrekkjande|långräckviddig\w*|langdistanse\w+",
        "long-range",
    ),
    (r"mellomdistanse|medeldistans", "medium-range"),
    (r"ballistisk\w*", "ballistic"),
    (r"kamikaze|selvmords|självmords|sjølvmords", "kamikaze"),
    (r"krysser|kryssnings|kryssar", "cruise"),
    (r"hypersonisk\w*|hypersonisk", "hypersonic"),
    (r"artilleri", "artillery"),
    (r"panservern|pansarvärns", "anti-tank"),
    (r"luftvern|luftvärns", "air-defence"),
    (r"angreps|attack", "attack"),
    (r"militær\w*|militär\w*|krigs|forsvars|försvars|våpen|vapen|våben|stridsmateriel", "military"),
    (r"minerydding\w*|minrydding\w*|minröjning\w*|minerydnings", "mine-clearing"),
    (r"drone|drönar|drone\w*", "drone"),
    (r"missil|robot|rakett|raket", "missile"),
    (r"ammunisjons|ammunitions", "ammunition"),
)

# Modifiers that make a generic head military ("dronekomponenter", "mineryddingsutstyr").
MILITARY_MODIFIERS = frozenset(
    {
        "military",
        "mine-clearing",
        "drone",
        "missile",
        "ammunition",
        "artillery",
        "anti-tank",
        "air-defence",
    }
)
