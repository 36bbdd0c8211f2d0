"""Gazetteer data: every way nb, nn, sv and da texts name an actor, mapped to one English name.

Per entry: English name, kind, proper names (matched with a capital; genitive -s / :s / ' is added
automatically), demonym stems (lowercase; inflection endings are added), English aliases (for
comparing annotations). Capitals and metonyms ("Kreml", "Pentagon") and leaders ("Putin") count as
the country: in supply claims a leader or a capital stands for the state.
"""

# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)

from __future__ import annotations

from typing import NamedTuple


class ActorEntry(NamedTuple):
    name: str
    kind: str  # country | bloc | org | company | leader
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


def _split(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(";") if x.strip())


def _e(name: str, kind: str, names: str, demonyms: str = "", aliases: str = "") -> ActorEntry:
    split = _split
    return ActorEntry(name, kind, split(names), split(demonyms), split(aliases))


ENTRIES: tuple[ActorEntry, ...] = (
    _e(
        "Russia",
        "country",
        "Russland; Ryssland; Rusland; Russia; Moskva; Moskow; Moskou; Moscow; Kreml; Kremlin; "
        "Den russiske føderasjonen; Ryska federationen; Russiske føderasjon; Putin; Vladimir Putin; "
        "Lavrov; Sjojgu; Shoigu; Sjoigu; Belousov; Peskov; Medvedev; Gerasimov",
        "russisk; rysk",
        "Russian Federation; Kremlin; Moscow",
    ),
    _e(
        "Ukraine",
        "country",
        "Ukraina; Ukraine; Kyiv; Kiev; Kijev; Kyjiv; Zelenskyj; Zelenskyy; Zelensky; Zelenskij; "
        "Zelenskiy; Selenskyj; Volodymyr Zelenskyj; Kuleba; Umerov; Sybiha; Sybiga; Syrskyj",
        "ukrainsk",
        "Kyiv; Kiev",
    ),
    _e(
        "United States",
        "country",
        "USA; US; De forente stater; Amerika; Förenta staterna; Washington; Pentagon; "
        "Det hvite hus; Vita huset; Det Hvide Hus; Biden; Joe Biden; Trump; Donald Trump; "
        "Blinken; Rubio; Hegseth",
        "amerikansk",
        "US; U.S.; USA; America; United States of America; Washington; Pentagon",
    ),
    _e(
        "China",
        "country",
        "Kina; China; Beijing; Peking; Xi Jinping; Xi; Wang Yi; Folkerepublikken Kina",
        "kinesisk",
        "People's Republic of China; PRC; Beijing",
    ),
    _e(
        "Iran",
        "country",
        "Iran; Teheran; Tehran; Raisi; Ebrahim Raisi; Khamenei; Pezeshkian; Araghchi; "
        "Amir-Abdollahian; Den islamske republikken; Revolusjonsgarden; Revolusjonsgardet; "
        "Revolutionsgardet; IRGC; Den iranske revolusjonsgarden",
        "iransk",
        "Islamic Republic of Iran; Tehran",
    ),
    _e(
        "North Korea",
        "country",
        "Nord-Korea; Nordkorea; Nord Korea; North Korea; Pyongyang; Kim Jong-un; Kim Jong-Un; "
        "Kim Jong Un; Kim Jong un; Jong-un; Jong-Un; DPRK",
        "nordkoreansk; nord-koreansk",
        "DPRK; Democratic People's Republic of Korea; Pyongyang",
    ),
    _e(
        "South Korea",
        "country",
        "Sør-Korea; Sørkorea; Sydkorea; Syd-Korea; South Korea; Seoul",
        "sørkoreansk; sør-koreansk; sydkoreansk; syd-koreansk",
        "Republic of Korea; Seoul",
    ),
    _e(
        "United Kingdom",
        "country",
        "Storbritannia; Storbritannien; Britannia; Britannien; England; UK; London; "
        "Downing Street; Sunak; Starmer",
        "britisk; brittisk; engelsk",
        "UK; Britain; Great Britain; England; London",
    ),
    _e("Germany", "country", "Tyskland; Berlin; Scholz; Merz; Pistorius; Bundeswehr", "tysk"),
    _e("France", "country", "Frankrike; Frankrig; Paris; Macron; Élysée", "fransk"),
    _e(
        "Sweden",
        "country",
        # The procurement agency buys for the state ("FMV har beställt ...").
        "Sverige; Stockholm; Kristersson; Pål Jonson; Försvarets materielverk; FMV",
        "svensk",
    ),
    _e(
        "Norway",
        "country",
        "Norge; Noreg; Norway; Oslo; Støre; Stortinget; Forsvaret; Forsvarsmateriell",
        "norsk",
    ),
    _e(
        "Denmark",
        "country",
        "Danmark; Köpenhamn; København; Folketinget; Forsvarsministeriets Materiel- og Indkøbsstyrelse",
        "dansk",
    ),
    _e("Finland", "country", "Finland; Helsingfors; Helsinki", "finsk; finländsk"),
    _e("Poland", "country", "Polen; Warszawa; Warsawa", "polsk"),
    _e(
        "Belarus",
        "country",
        "Belarus; Hviterussland; Kviterussland; Vitryssland; Hviderusland; Minsk; Lukasjenko; "
        "Lukasjenka; Lukashenko; Lukasjenkos",
        "belarusisk; belarusk; hviterussisk; vitrysk; hviderussisk",
        "Byelorussia",
    ),
    _e("Israel", "country", "Israel; Jerusalem; Tel Aviv; Netanyahu; IDF", "israelsk; israelisk"),
    _e(
        "Turkey",
        "country",
        "Tyrkia; Turkiet; Tyrkiet; Türkiye; Ankara; Erdogan; Erdoğan",
        "tyrkisk; turkisk",
        "Türkiye",
    ),
    _e("India", "country", "India; Indien; New Delhi; Modi", "indisk"),
    _e("Pakistan", "country", "Pakistan; Islamabad", "pakistansk"),
    _e("Japan", "country", "Japan; Tokyo", "japansk"),
    _e("Taiwan", "country", "Taiwan; Taipei", "taiwansk"),
    _e(
        "Netherlands",
        "country",
        "Nederland; Nederländerna; Nederlandene; Holland; Haag",
        "nederlandsk; nederländsk; hollandsk",
    ),
    _e("Belgium", "country", "Belgia; Belgien", "belgisk"),
    _e("Italy", "country", "Italia; Italien; Roma", "italiensk"),
    _e("Spain", "country", "Spania; Spanien; Madrid", "spansk"),
    _e("Canada", "country", "Canada; Kanada; Ottawa", "kanadisk; canadisk; kanadensisk"),
    _e("Australia", "country", "Australia; Australien; Canberra", "australsk; australisk"),
    _e("Estonia", "country", "Estland; Tallinn", "estisk; estnisk; estlandsk"),
    _e("Latvia", "country", "Latvia; Lettland; Letland; Riga", "latvisk; lettisk"),
    _e("Lithuania", "country", "Litauen; Vilnius", "litauisk"),
    _e(
        "Czech Republic",
        "country",
        "Tsjekkia; Tjeckien; Tjekkiet; Praha; Prag",
        "tsjekkisk; tjeckisk; tjekkisk",
        "Czechia",
    ),
    _e("Slovakia", "country", "Slovakia; Slovakien; Slovakiet; Fico", "slovakisk"),
    _e("Hungary", "country", "Ungarn; Ungern; Budapest; Orbán; Orban", "ungarsk; ungersk"),
    _e("Romania", "country", "Romania; Rumänien; Rumænien; Bucuresti", "rumensk; rumänsk; rumænsk"),
    _e("Bulgaria", "country", "Bulgaria; Bulgarien", "bulgarsk; bulgarisk"),
    _e("Greece", "country", "Hellas; Grekland; Grækenland; Athen", "gresk; grekisk; græsk"),
    _e("Syria", "country", "Syria; Syrien; Damaskus; Assad", "syrisk"),
    _e("Iraq", "country", "Irak; Bagdad", "irakisk"),
    _e(
        "Saudi Arabia",
        "country",
        "Saudi-Arabia; Saudiarabien; Saudi-Arabien; Riyadh",
        "saudiarabisk; saudisk",
    ),
    _e(
        "United Arab Emirates",
        "country",
        "De forente arabiske emirater; Förenade arabemiraten; Emiratene; Emiraten; UAE; Abu Dhabi; "
        "De Forenede Arabiske Emirater; Forenede Arabiske Emirater; Emiraterne",
        "emiratisk",
        "UAE",
    ),
    _e("Qatar", "country", "Qatar; Doha", "qatarsk"),
    _e("Egypt", "country", "Egypt; Egypten; Kairo", "egyptisk"),
    _e("Yemen", "country", "Jemen; Yemen; Sanaa", "jemenittisk; jemenitisk"),
    _e("Lebanon", "country", "Libanon; Beirut", "libanesisk"),
    _e("Afghanistan", "country", "Afghanistan; Kabul", "afghansk"),
    _e("Armenia", "country", "Armenia; Armenien; Jerevan", "armensk; armenisk"),
    _e(
        "Azerbaijan",
        "country",
        "Aserbajdsjan; Azerbajdzjan; Aserbajdsjan; Baku",
        "aserbajdsjansk; azerbajdzjansk",
    ),
    _e("Kazakhstan", "country", "Kasakhstan; Kazakstan; Astana", "kasakhisk; kazakisk"),
    _e("Serbia", "country", "Serbia; Serbien; Beograd; Belgrad", "serbisk"),
    _e(
        "Austria",
        "country",
        "Østerrike; Österrike; Østrig; Wien",
        "østerriksk; österrikisk; østrigsk",
    ),
    _e("Switzerland", "country", "Sveits; Schweiz; Bern", "sveitsisk; schweizisk"),
    _e("Moldova", "country", "Moldova; Moldavien; Chisinau", "moldovsk; moldavisk"),
    _e("Myanmar", "country", "Myanmar; Burma", "burmesisk"),
    _e("Venezuela", "country", "Venezuela; Caracas", "venezuelansk"),
    _e("Cuba", "country", "Cuba; Kuba; Havanna", "cubansk; kubansk"),
    _e("Brazil", "country", "Brasil; Brasilien", "brasiliansk; brasiliansk"),
    _e("South Africa", "country", "Sør-Afrika; Sydafrika", "sørafrikansk; sydafrikansk"),
    _e("Libya", "country", "Libya; Libyen; Tripoli", "libysk"),
    _e("Sudan", "country", "Sudan; Khartoum", "sudansk; sudanesisk"),
    _e("Algeria", "country", "Algerie; Algeriet", "algerisk"),
    _e("Jordan", "country", "Jordan; Jordanien; Amman", "jordansk; jordanisk"),
    _e("Vietnam", "country", "Vietnam; Hanoi", "vietnamesisk"),
    _e("Indonesia", "country", "Indonesia; Indonesien; Jakarta", "indonesisk"),
    _e("Mexico", "country", "Mexico; Mexiko", "meksikansk; mexikansk"),
    _e("Eritrea", "country", "Eritrea", "eritreisk"),
    _e("Ethiopia", "country", "Etiopia; Etiopien", "etiopisk"),
    _e("Mali", "country", "Mali; Bamako", "malisk"),
    _e("Uzbekistan", "country", "Usbekistan; Uzbekistan", "usbekisk; uzbekisk"),
    _e("Tajikistan", "country", "Tadsjikistan; Tadzjikistan", "tadsjikisk"),
    _e("Iceland", "country", "Island; Reykjavik", "islandsk; isländsk"),
    _e("Ireland", "country", "Irland; Dublin", "irsk; irländsk"),
    _e("Portugal", "country", "Portugal; Lisboa; Lissabon", "portugisisk"),
    _e("Croatia", "country", "Kroatia; Kroatien; Zagreb", "kroatisk"),
    _e("Slovenia", "country", "Slovenia; Slovenien", "slovensk; slovenisk"),
    _e("Georgia", "country", "Georgia; Georgien; Tbilisi", "georgisk"),
    _e("Colombia", "country", "Colombia", "colombiansk"),
    _e("Thailand", "country", "Thailand; Bangkok", "thailandsk; thailändsk"),
    _e("Chile", "country", "Chile", "chilensk; chilensk"),
    _e("Argentina", "country", "Argentina", "argentinsk"),
    _e("Nigeria", "country", "Nigeria", "nigeriansk"),
    _e("Kenya", "country", "Kenya", "kenyansk"),
    _e("Philippines", "country", "Filippinene; Filippinerna; Filippinerne", "filippinsk"),
    _e("Malaysia", "country", "Malaysia", "malaysisk"),
    _e("Singapore", "country", "Singapore", "singaporsk"),
    _e("Bangladesh", "country", "Bangladesh", "bangladeshisk"),
    _e("Sri Lanka", "country", "Sri Lanka", "srilankisk"),
    _e("New Zealand", "country", "New Zealand", "newzealandsk"),
    _e("Luxembourg", "country", "Luxembourg", "luxembourgsk"),
    _e("Albania", "country", "Albania; Albanien", "albansk"),
    _e("North Macedonia", "country", "Nord-Makedonia; Nordmakedonien", "makedonsk"),
    _e("Montenegro", "country", "Montenegro", "montenegrinsk"),
    _e(
        "Bosnia and Herzegovina",
        "country",
        "Bosnia-Hercegovina; Bosnien-Hercegovina; Bosnia",
        "bosnisk",
    ),
    _e("Kosovo", "country", "Kosovo", "kosovarsk"),
    _e("Cyprus", "country", "Kypros; Cypern", "kypriotisk; cypriotisk"),
    _e("Malta", "country", "Malta", "maltesisk"),
    _e("Morocco", "country", "Marokko; Marocko", "marokkansk"),
    _e("Tunisia", "country", "Tunisia; Tunisien", "tunisisk"),
    _e("Somalia", "country", "Somalia; Mogadishu", "somalisk"),
    _e("Niger", "country", "Niger", "nigerisk"),
    _e("Burkina Faso", "country", "Burkina Faso", "burkinsk"),
    _e("Kyrgyzstan", "country", "Kirgisistan; Kirgizistan", "kirgisisk"),
    _e("Turkmenistan", "country", "Turkmenistan", "turkmensk"),
    _e("Mongolia", "country", "Mongolia; Mongoliet", "mongolsk"),
    _e("Nicaragua", "country", "Nicaragua", "nicaraguansk"),
    _e("Palestine", "country", "Palestina; De palestinske områdene", "palestinsk"),
    # Blocs and alliances
    _e("NATO", "bloc", "NATO; Nato; Rutte; Mark Rutte", "", "North Atlantic Treaty Organization"),
    _e(
        "European Union",
        "bloc",
        "EU; Den europeiske union; Europeiska unionen; Brussel; Bryssel",
        "",
        "EU",
    ),
    _e(
        "the West",
        "bloc",
        "Vesten; Västvärlden; Västländerna; Vesten",
        "",
        "West; Western countries; Western allies",
    ),
    _e("United Nations", "bloc", "FN; UN; De forente nasjoner; Förenta nationerna", "", "UN"),
    # Armed groups
    _e(
        "Wagner Group",
        "org",
        "Wagner; Wagner-gruppen; Wagnergruppen; Wagner-gruppa; Wagnergruppa; Wagner-styrkene; "
        "Wagner-soldatene; Prigozjin; Prigozhin; Afrikakorpset",
        "",
        "Wagner; the Wagner Group; Wagner mercenaries; PMC Wagner",
    ),
    _e("Hamas", "org", "Hamas; Sinwar", "", ""),
    _e("Hezbollah", "org", "Hizbollah; Hizbolla; Hezbollah; Hizballah; Nasrallah", "", "Hizbollah"),
    _e(
        "Houthis",
        "org",
        "Houthi; Houthiene; Huthiene; Hutiene; Houthiopprørerne; Houthi-opprørerne; Huthirebellerna; "
        "Houthirebellerna; Ansar Allah; Huthierna; Houthierna; Houthi-militsen; Houthibevegelsen",
        "houthi; huthi; huti",
        "Houthi rebels; Houthi movement; Ansar Allah; the Houthis",
    ),
    _e("Taliban", "org", "Taliban; Talibans", "", ""),
    _e(
        "Islamic State",
        "org",
        "IS; ISIS; IS-krigere; Den islamske staten; Islamiska staten",
        "",
        "ISIS; IS",
    ),
    _e("PKK", "org", "PKK", "", ""),
    _e("al-Shabaab", "org", "al-Shabaab; al-Shabab", "", ""),
    # Defence and dual-use companies
    _e("Saab", "company", "Saab", "", "Saab AB"),
    _e("Nammo", "company", "Nammo", "", ""),
    _e(
        "Kongsberg",
        "company",
        "Kongsberg; Kongsberg Gruppen; Kongsberg Defence; Kongsberg Defence & Aerospace",
        "",
        "Kongsberg Gruppen; Kongsberg Defence & Aerospace",
    ),
    _e("SKF", "company", "SKF", "", ""),
    _e("Patria", "company", "Patria", "", ""),
    _e("Rheinmetall", "company", "Rheinmetall", "", ""),
    _e("Lockheed Martin", "company", "Lockheed Martin; Lockheed", "", ""),
    _e("Raytheon", "company", "Raytheon; RTX", "", "RTX"),
    _e("Boeing", "company", "Boeing", "", ""),
    _e("BAE Systems", "company", "BAE Systems; BAE", "", ""),
    _e("KNDS", "company", "KNDS; Krauss-Maffei Wegmann; KMW; Nexter", "", ""),
    _e("Thales", "company", "Thales", "", ""),
    _e("MBDA", "company", "MBDA", "", ""),
    _e("Diehl", "company", "Diehl", "", ""),
    _e("Northrop Grumman", "company", "Northrop Grumman; Northrop", "", ""),
    _e("General Dynamics", "company", "General Dynamics", "", ""),
    _e("Elbit", "company", "Elbit; Elbit Systems", "", ""),
    _e("Baykar", "company", "Baykar", "", ""),
    _e("Hanwha", "company", "Hanwha", "", ""),
    _e("Norinco", "company", "Norinco", "", ""),
    _e("Rosoboronexport", "company", "Rosoboronexport", "", ""),
    _e("Rostec", "company", "Rostec", "", ""),
    _e("DJI", "company", "DJI", "", ""),
    _e("Huawei", "company", "Huawei", "", ""),
    _e("Leonardo", "company", "Leonardo", "", ""),
    _e("Airbus", "company", "Airbus", "", ""),
    _e("Dassault", "company", "Dassault", "", ""),
    _e("Chemring", "company", "Chemring", "", ""),
    _e("Czechoslovak Group", "company", "CSG; Czechoslovak Group", "", ""),
    _e("Terma", "company", "Terma", "", ""),
    _e("Nordic Ammunition Company", "company", "Nordic Ammunition Company; Nammo Raufoss", "", ""),
    _e("Heckler & Koch", "company", "Heckler & Koch", "", ""),
    _e("FN Herstal", "company", "FN Herstal", "", ""),
    _e("Textron", "company", "Textron", "", ""),
    _e("L3Harris", "company", "L3Harris", "", ""),
    _e("Anduril", "company", "Anduril", "", ""),
    _e("Naval Group", "company", "Naval Group", "", ""),
    _e("Safran", "company", "Safran", "", ""),
    _e("Embraer", "company", "Embraer", "", ""),
    _e("Fincantieri", "company", "Fincantieri", "", ""),
    _e("Rafael", "company", "Rafael Advanced Defense Systems", "", "Rafael"),
    _e("Kalashnikov", "company", "Kalasjnikov-konsernet; Kalashnikov Concern", "", ""),
)

# Names of people among the entries above: they stand for their state in a supply role, and
# "han"/"hun" later in the text refers back to them.
LEADERS = frozenset(
    """putin lavrov sjojgu shoigu sjoigu belousov peskov medvedev gerasimov zelenskyj zelenskyy
    zelensky zelenskij zelenskiy selenskyj kuleba umerov sybiha sybiga syrskyj biden trump
    blinken rubio hegseth xi raisi khamenei pezeshkian araghchi amir-abdollahian lukasjenko
    lukasjenka lukashenko netanyahu erdogan erdoğan scholz merz pistorius macron sunak starmer
    støre kristersson modi assad orbán orban fico rutte prigozjin prigozhin sinwar nasrallah
    jinping jong-un jong-un""".split()
)

# Nouns after a demonym that make the phrase stand for the state ("det koreanske diktaturet").
REGIME_NOUNS = (
    r"diktatur\w*|regime\w*|regim\w*|styre\w*|regjering\w*|regering\w*|myndighet\w*|stat(?:en)?"
)
# "koreansk" alone is ambiguous; with a regime noun it is North Korea.
KOREAN_AMBIGUOUS = ("koreansk", "koreanske", "koreanska", "koreanskt")

# Companies in the gazetteer whose goods are civil or dual-use: their "produkter" are not weapons.
CIVIL_COMPANIES = frozenset({"SKF", "Huawei", "DJI", "Airbus", "Boeing", "Embraer", "Safran"})
