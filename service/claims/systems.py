"""Named weapon systems: a designation in an item phrase is a military good, even without a
weapon noun beside it ("leverer Patriot til Ukraina", "sender NASAMS").

World knowledge, like the gazetteer: names and the kind of system they are. A name that is also
an ordinary word or brand (Lancet, Tornado, Puma, Boxer, Hawk, Caesar, Archer) is only ever read
here, in the item position of a supply event; elsewhere it is just a word.
"""

from __future__ import annotations

# Category -> the English rendering used when no weapon noun comes with the name.
RENDERING = {
    "air_defence": "air-defence systems",
    "artillery": "artillery systems",
    "missile": "missiles",
    "drone": "drones",
    "aircraft": "aircraft",
    "vehicle": "armoured vehicles",
    "tank": "tanks",
    "weapon": "weapons",
    "vessel": "vessels",
}

_TABLE = """
air_defence | Patriot; NASAMS; IRIS-T; SAMP/T; Hawk; Gepard; Skyguard; Crotale; Stinger; Mistral;
  RBS 70; RBS-70; Avenger; S-300; S-400; Buk; Tor; Pantsir; Iron Dome; David's Sling; THAAD;
  Skyranger; Aster; CAMM; Sky Sabre; Starstreak; Cheongung; KM-SAM
artillery | HIMARS; M142; M270; MLRS; Caesar; Archer; PzH 2000; Krab; K9; Zuzana; Dana; Bohdana;
  Chunmoo; M777; M109; AS90; Atmos; Puls; Grad; Smertsj; Uragan; Tornado-S
missile | ATACMS; Storm Shadow; SCALP; Taurus; JSM; NSM; Harpoon; Tomahawk; Neptun; Kalibr;
  Iskander; Kinzhal; Kh-101; Hwasong; Hwasong-11; KN-23; KN-24; Fateh; Fateh-110; Zolfaghar;
  Javelin; NLAW; Carl Gustaf; AT4; M72; Spike; Brimstone; Hellfire; GMLRS; Oresjnik; Oreshnik
drone | Shahed; Shahed-136; Geran; Geran-2; Bayraktar; TB2; Lancet; Switchblade; Orlan; Mohajer;
  Puma; Black Hornet; Heron; Hermes
aircraft | F-16; F-35; Gripen; Rafale; Eurofighter; Typhoon; Mirage; Su-35; Su-34; MiG-29;
  Tornado; Black Hawk; Apache; Chinook; Kaan; KF-21; FA-50; GlobalEye
tank | Leopard; Leopard 1; Leopard 2; Abrams; Challenger; Challenger 2; K2; T-72; T-90; Merkava
vehicle | CV90; Bradley; Stryker; Marder; Boxer; Patria AMV; M113; Piranha; Bushmaster; Lynx;
  Puma IFV; Hummer; Humvee; MRAP; Sisu
vessel | Visby; Gotland; Type 212; Type 209; Skjold
"""


def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in _TABLE.strip().split("\n"):
        if "|" in row:
            category, names = (x.strip() for x in row.split("|", 1))
        else:
            names = row.strip()
        for name in names.split(";"):
            if name.strip():
                out[name.strip().lower()] = category
    return out


SYSTEMS = _table()


def system_category(name: str) -> str | None:
    """The kind of system `name` is ("Patriot" -> air_defence), or None."""
    return SYSTEMS.get(name.lower())
