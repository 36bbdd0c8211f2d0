"""Who can supply or receive: what the gazetteer knows beyond CLDR's country names.

Country names in nb, nn, sv, da and English come from CLDR (Babel) in `gazetteer.py`. This table
adds what CLDR does not have: capitals and seats of power that stand for their state in news
prose ("Kreml avviser ..."), the demonym adjectives (lemmas: "norsk", "rysk"), heads of state and
ministers who speak for their state, and the organisations, armed groups and companies of the
arms trade. One entry per line: `code | surface forms (";"-separated)`; a code is an ISO 3166
country code or the English name of a non-state actor. Names need a capital letter when matched;
demonyms are lowercase lemmas.
"""

# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)

from __future__ import annotations

# Country names CLDR does not give: older or informal ones that the press still writes (the
# Scandinavian "white Russia" names of Belarus, "Holland", the Emirates' short forms), each with
# its inflected forms written out.
OTHER_NAMES = """
BY | Hviterussland; Hviterusslands; Kviterussland; Kviterusslands; Vitryssland; Vitrysslands; Hviderusland; Hvideruslands
NL | Holland; Hollands
AE | Emiratene; Emiratenes; Emirata; Emiratane; Emiraten; Emiratens; Emiraterne; Emiraternes
US | Amerika; Amerikas
"""

# Capitals and metonyms: in supply claims a capital stands for its state.
CAPITALS = """
RU | Moskva; Moskow; Moskou; Moscow; Kreml; Kremlin; Kremls
US | Washington; Det hvite hus; Det kvite huset; Vita huset; Det Hvide Hus; Pentagon
CN | Peking; Beijing
IR | Teheran; Tehran
KP | Pyongyang
KR | Seoul
UA | Kyiv; Kiev; Kijev; Kyjiv
GB | London; Downing Street
DE | Berlin
FR | Paris; Élysée
NO | Oslo
SE | Stockholm; Rosenbad
DK | København; Köpenhamn; Christiansborg
FI | Helsingfors; Helsinki
PL | Warszawa; Warsawa
BY | Minsk
TR | Ankara
IL | Jerusalem; Tel Aviv
IN | New Delhi
PK | Islamabad
JP | Tokyo
TW | Taipei
SA | Riyadh; Riyad
AE | Abu Dhabi
QA | Doha
EG | Kairo
SY | Damaskus
IQ | Bagdad
YE | Sanaa
LB | Beirut
AM | Jerevan
AZ | Baku
HU | Budapest
SK | Bratislava
CZ | Praha; Prag
RS | Beograd; Belgrad
RO | Bucuresti; București
BG | Sofia
GR | Athen
IT | Roma; Rom
ES | Madrid
PT | Lisboa
NL | Haag
BE | Brussel; Bryssel; Bruxelles
CA | Ottawa
AU | Canberra
SD | Khartoum
LY | Tripoli
ML | Bamako
VE | Caracas
CU | Havanna
"""

# Demonym adjectives (lemmas), by country.
DEMONYMS = """
NO | norsk
SE | svensk
DK | dansk
FI | finsk; finländsk; finlandsk
IS | islandsk; isländsk
DE | tysk
FR | fransk
GB | britisk; brittisk; engelsk
US | amerikansk
RU | russisk; rysk
UA | ukrainsk
BY | belarusisk; belarusk; hviterussisk; kviterussisk; vitrysk; hviderussisk
CN | kinesisk
TW | taiwansk; taiwanesisk
IR | iransk
KP | nordkoreansk; nord-koreansk
KR | sørkoreansk; sør-koreansk; sydkoreansk; syd-koreansk
JP | japansk
IN | indisk
PK | pakistansk
IL | israelsk; israelisk
TR | tyrkisk; turkisk
PL | polsk
NL | nederlandsk; nederländsk; hollandsk
BE | belgisk
ES | spansk
IT | italiensk
PT | portugisisk; portugisisk
GR | gresk; grekisk; græsk
HU | ungarsk; ungersk
CZ | tsjekkisk; tjeckisk; tjekkisk
SK | slovakisk
RO | rumensk; rumänsk; rumænsk
BG | bulgarsk; bulgarisk
RS | serbisk
HR | kroatisk
EE | estisk; estnisk; estlandsk
LV | latvisk; lettisk; lettlandsk
LT | litauisk
GE | georgisk
AM | armensk; armenisk
AZ | aserbajdsjansk; azerbajdzjansk; aserbajdsjansk
KZ | kasakhisk; kazakisk
SA | saudiarabisk; saudisk
AE | emiratisk
QA | qatarsk
EG | egyptisk
SY | syrisk
IQ | irakisk
LB | libanesisk
YE | jemenittisk; jemenitisk
SD | sudanesisk; sudansk
LY | libysk
ET | etiopisk
ZA | sørafrikansk; sydafrikansk
AU | australsk; australisk
CA | kanadisk; canadisk; kanadensisk
BR | brasiliansk
MX | meksikansk; mexikansk; mexicansk
AR | argentinsk
VN | vietnamesisk
TH | thailandsk; thailändsk
ID | indonesisk
MM | myanmarsk; burmesisk
AT | østerriksk; österrikisk; østrigsk
CH | sveitsisk; schweizisk; schweizisk
MD | moldovsk; moldavisk
AF | afghansk
DZ | algerisk
BD | bangladeshisk
BO | boliviansk
KH | kambodsjansk; kambodjansk; cambodjansk
TD | tsjadisk; tchadisk
CL | chilensk; chilenska
CO | colombiansk
CU | cubansk; kubansk
CY | kypriotisk; kyprisk; cypriotisk
CD | kongolesisk; congolesisk
EC | ecuadoriansk
ER | eritreisk; eritreansk
GH | ghanesisk; ghanansk
IE | irsk; irländsk
JO | jordansk; jordanisk
KE | kenyansk; kenyask
XK | kosovarsk; kosovansk; kosovoalbansk
KW | kuwaitisk
KG | kirgisisk; kirgizisk
LA | laotisk
MY | malaysisk
ML | malisk
MR | mauritansk; mauretansk; mauretanisk
MN | mongolsk; mongolisk
ME | montenegrinsk
MA | marokkansk; marockansk
MZ | mosambikisk; moçambikisk; mozambiquisk
NP | nepalsk; nepalesisk
NZ | newzealandsk; nyzeeländsk; nyzealandsk
NI | nicaraguansk
NE | nigerisk
NG | nigeriansk
MK | makedonsk; nordmakedonsk
OM | omansk; omanisk
PS | palestinsk; palæstinensisk; palestinensisk
PA | panamansk; panamask
PE | peruansk; peruviansk
PH | filippinsk
RW | rwandisk; rwandesisk
SN | senegalesisk
SG | singaporsk; singaporiansk; singaporeansk
SI | slovensk; slovenisk
SO | somalisk
SS | sørsudansk; sydsudanesisk; sørsudanesisk
LK | srilankisk; lankesisk; srilankansk
TJ | tadsjikisk; tadzjikisk
TZ | tanzaniansk; tanzanisk
TN | tunisisk; tunesisk
TM | turkmensk; turkmenisk
UG | ugandisk; ugandesisk
UY | uruguayansk; uruguaysk
UZ | usbekisk; uzbekisk
VE | venezuelansk; venezolansk
ZM | zambisk
ZW | zimbabwisk; zimbabwesisk
AL | albansk
AO | angolansk; angolask
BH | bahrainsk; bahrainisk
CM | kamerunsk; camerounsk
LU | luxembourgsk; luxemburgsk
MT | maltesisk
"""

# (The rows after Afghanistan add the other countries in the news: nb/nn, sv and da forms.)

# Heads of state and government, and ministers, who speak and act for their state.
LEADERS = """
RU | Putin; Vladimir Putin; Lavrov; Sergej Lavrov; Sjojgu; Shoigu; Belousov; Peskov; Dmitrij Peskov; Medvedev; Gerasimov
UA | Zelenskyj; Zelenskyy; Zelensky; Zelenskij; Selenskyj; Volodymyr Zelenskyj; Kuleba; Umerov; Sybiha; Syrskyj; Sjmyhal; Svyrydenko
US | Biden; Joe Biden; Trump; Donald Trump; Blinken; Antony Blinken; Rubio; Marco Rubio; Hegseth; Pete Hegseth; Lloyd Austin; Kamala Harris; J.D. Vance; Jake Sullivan
CN | Xi Jinping; Xi; Wang Yi; Li Qiang
IR | Khamenei; Pezeshkian; Raisi; Araghchi; Amir-Abdollahian; Revolusjonsgarden; Revolusjonsgardet; Revolutionsgardet; Revolutionsgarden; Revolutionsgarde; IRGC
KP | Kim Jong-un; Kim Jong Un; Kim Jong-Un
GB | Starmer; Keir Starmer; Sunak; Rishi Sunak; Cameron; Healey; John Healey; Shapps; Lammy
DE | Scholz; Olaf Scholz; Merz; Friedrich Merz; Pistorius; Boris Pistorius; Baerbock; Wadephul
FR | Macron; Emmanuel Macron; Lecornu; Barrot
NO | Støre; Jonas Gahr Støre; Bjørn Arild Gram; Tore O. Sandvik; Espen Barth Eide
SE | Kristersson; Ulf Kristersson; Pål Jonson; Maria Malmer Stenergard
DK | Mette Frederiksen; Frederiksen; Troels Lund Poulsen; Lund Poulsen; Løkke; Lars Løkke Rasmussen
FI | Stubb; Alexander Stubb; Orpo; Petteri Orpo; Häkkänen
PL | Tusk; Donald Tusk; Duda; Andrzej Duda; Kosiniak-Kamysz; Sikorski; Nawrocki
TR | Erdogan; Erdoğan; Recep Tayyip Erdoğan; Fidan
IL | Netanyahu; Benjamin Netanyahu; Gallant; Israel Katz
BY | Lukasjenko; Lukasjenka; Lukashenko; Alexander Lukasjenko
HU | Orbán; Orban; Viktor Orbán
SK | Fico; Robert Fico
IN | Modi; Narendra Modi
BR | Lula; Lula da Silva
RS | Vučić; Vucic; Aleksandar Vučić
SY | Assad; Bashar al-Assad
"""

# Organisations, armed groups and companies: English name | kind | surface forms.
ORGANISATIONS = """
NATO | bloc | Nato; NATO; Natos; NATOs; Nato:s; NATO:s
European Union | bloc | EU; EUs; EU:s; Den europeiske union; Den europeiske unionen; Europeiska unionen; Den Europæiske Union; Den europeiske fredsfasiliteten; Europeiska fredsfaciliteten
United Nations | bloc | FN; Förenta nationerna; De forente nasjoner; De Forenede Nationer; FNs sikkerhetsråd; FN:s säkerhetsråd
Houthis | armed_group | Houthi; Houthiene; Houthiane; Houthierna; Houthierne; Houthi-bevegelsen; Houthi-opprørerne; Houthi-rebellene; Houthirebellene; Houthirebellerna; Ansar Allah; Ansarallah; Huthi; houthiene; houthiane; houthierna; houthierne; houthi-bevegelsen; houthi-bevegelse; houthi-opprørerne; houthi-opprørarane; houthirebellerna; houthi-rebellerna; houthi-rebellene; houthirørsla; houthi-rørsla; huthierna; houthiopprørerne
Hezbollah | armed_group | Hizbollah; Hezbollah; Hizbullah; Hizballah
Hamas | armed_group | Hamas
Wagner Group | armed_group | Wagner; Wagner-gruppen; Wagnergruppen; Wagnergruppa; Wagner-gruppa
Africa Corps | armed_group | Africa Corps; Afrikakorpset; Afrikakåren
Rapid Support Forces | armed_group | RSF; Rapid Support Forces
Sudanese Armed Forces | armed_group | SAF
Taliban | armed_group | Taliban
Islamic State | armed_group | IS; ISIS; Den islamske staten; Islamiska staten
Kongsberg | company | Kongsberg; Kongsberg Gruppen; Kongsberg Defence & Aerospace; KDA; Kongsberg Defence
Nammo | company | Nammo
Saab | company | Saab; Saab AB
Patria | company | Patria
Terma | company | Terma
Weibel | company | Weibel
Rheinmetall | company | Rheinmetall
KNDS | company | KNDS; Krauss-Maffei Wegmann; Nexter
Diehl Defence | company | Diehl; Diehl Defence
Hensoldt | company | Hensoldt
Airbus | company | Airbus
BAE Systems | company | BAE Systems; BAE
BAE Systems Hägglunds | company | BAE Systems Hägglunds; Hägglunds
BAE Systems Bofors | company | BAE Systems Bofors; Bofors
Lockheed Martin | company | Lockheed Martin; Lockheed
Raytheon | company | Raytheon; RTX
Boeing | company | Boeing
Northrop Grumman | company | Northrop Grumman
General Dynamics | company | General Dynamics
L3Harris | company | L3Harris
Thales | company | Thales
Dassault | company | Dassault; Dassault Aviation
MBDA | company | MBDA
Naval Group | company | Naval Group
Safran | company | Safran
Leonardo | company | Leonardo
Fincantieri | company | Fincantieri
Navantia | company | Navantia
Hanwha | company | Hanwha; Hanwha Aerospace; Hanwha Defense
Hyundai Rotem | company | Hyundai Rotem
Korea Aerospace Industries | company | Korea Aerospace Industries; KAI
Baykar | company | Baykar
Aselsan | company | Aselsan
Roketsan | company | Roketsan
Elbit Systems | company | Elbit; Elbit Systems
Rafael | company | Rafael
Israel Aerospace Industries | company | Israel Aerospace Industries; IAI
Rostec | company | Rostec
Rosoboronexport | company | Rosoboronexport
Kalashnikov | company | Kalasjnikov; Kalashnikov Concern
Almaz-Antey | company | Almaz-Antej; Almaz-Antey
Norinco | company | Norinco
DJI | company | DJI
Embraer | company | Embraer
Colt | company | Colt
Sig Sauer | company | Sig Sauer
Heckler & Koch | company | Heckler & Koch
FN Herstal | company | FN Herstal
Czechoslovak Group | company | CSG; Czechoslovak Group
Eurosam | company | Eurosam
Milrem | company | Milrem Robotics
Sky-Watch | company | Sky-Watch
"""

# Nouns for a state's organs: with a name or demonym in their phrase they stand for that state
# ("regjeringen i Berlin", "Norges regjering", "den tyske regjeringen"); alone, for the state of
# the article's language ("Regjeringen har besluttet ..." in Norwegian news is Norway's).
GOVERNMENT_NOUNS = frozenset(
    """regjering regjeringa regering myndighet myndigheit styresmakt statsminister statsråd
    forsvarsminister utenriksminister utanriksminister utrikesminister udenrigsminister
    forsvarsdepartement forsvarsdepartementet utenriksdepartement utanriksdepartement
    forsvarsministerium forsvarsministeriet försvarsdepartement försvarsdepartementet
    udenrigsministerium utrikesdepartement departement ministerium minister president
    administrasjon administrasjonen administration forsvar forsvaret försvar försvarsmakt
    försvarsmakten hær hæren armé armén marine militær militæret militären luftforsvar
    etterretning etterretningstjeneste etterretningsteneste underrättelsetjänst
    efterretningstjeneste statsledelse leiing ledelse ledning styrke styrker styrkene
    styrkar styrkor styrkorna soldat soldater soldatar tropp tropper troppar trupper brigade
    brigader brigadar enhet enheter einingar enheder forsvarsstyrke forsvarsstyrker
    revolusjonsgarde flygvapen flygvapnet luftvåpen luftvåpenet flyvåpen flyvåpenet
    flyvevåben flyvevåbnet luftforsvaret sjøforsvar sjøforsvaret søværn søværnet marinen
    flotta flottan hemvärn hemvärnet""".split()
)
# A state's diplomatic posts speak for it when the phrase names the state ("Irans mission ved
# FN", "Russlands ambassade i Oslo"); bare, they may be anyone's, so they never mean home.
DIPLOMATIC_NOUNS = frozenset(
    """ambassade ambassaden ambassad ambassaden delegasjon delegasjonen delegation
    delegationen mission missionen misjon misjonen sendemann sendebud ambassadør ambassadøren
    ambassadör ambassadören""".split()
)
# "Forsvaret" (capitalised) names the armed forces of the article's own country.
HOME_ORGANS = frozenset(
    """forsvaret försvarsmakten fmv fmi forsvarsmateriell hæren armén marinen luftforsvaret
    flyvevåbnet materielverk materielverket indkøbsstyrelse indkøbsstyrelsen flygvapnet
    sjøforsvaret søværnet flottan""".split()
)
# The armed forces and their branches, as HOME_ORGANS names them: capitalised they are the home
# country's ("Hæren", "Flygvapnet"), in lower case an army in general.
BRANCH_NOUNS = frozenset(
    """forsvaret försvarsmakten hæren armén marinen luftforsvaret flyvevåbnet flygvapnet
    sjøforsvaret søværnet flottan""".split()
)
# Nouns that refer back to a state, a company, or a non-state group named before ("landet",
# "selskapet", "organisasjonen").
GROUP_NOUNS = frozenset(
    """organisasjon organisasjonen organisasjonar organisation organisationen bevegelse
    bevegelsen rørsle rørsla rörelse rörelsen bevægelse bevægelsen gruppe gruppen gruppa grupp
    gruppen milits militsen militsar miliser opprører opprørerne opprørarane rebell rebellene
    rebellerna oprørere oprørerne""".split()
)
# Nouns of a place named beside them ("Landvetter flygplats", "flybasen Rzeszów"): such a name
# is where something happens, not who acts.
PLACE_NOUNS = frozenset(
    """flyplass flyplassen lufthavn lufthavnen flygplats flygplatsen hamn hamnen havn havnen
    hamna flybase flybasen flygbas flygbasen flyvestation flyvestationen militærbase
    militærbasen militärbas militärbasen base basen leir leiren läger lägret lejr lejren
    kraftverk kraftverket kärnkraftverk kärnkraftverket kraftværk kraftværket""".split()
)
COUNTRY_NOUNS = frozenset("land landet landa landene länder landet".split())
COMPANY_NOUNS = frozenset(
    """selskap selskapet firma firmaet bedrift bedriften konsern konsernet produsent
    produsenten leverandør leverandøren bolag bolaget företag företaget koncern koncernen
    virksomhed virksomheden tillverkare tillverkaren fabrikant fabrikanten våpenprodusent
    vapentillverkare våbenproducent industrikonsern forsvarskonsern försvarsföretag
    forsvarsselskap våpenselskap selskab selskabet producent producenten forsvarskoncern
    forsvarskoncernen våbenselskab fabrikk fabrikken fabrik fabriken""".split()
)
# News organisations: they report, they do not supply.
MEDIA = frozenset(
    """nrk ntb tv 2 vg aftenposten dagbladet dn e24 nettavisen klassekampen dagsavisen
    svt sr tt dn svd aftonbladet expressen gp sydsvenskan dr tv2 ritzau politiken berlingske
    jyllands-posten reuters ap afp bbc cnn bloomberg politico axios the guardian guardian
    new york times washington post wall street journal financial times ft the economist
    der spiegel spiegel al jazeera tass ria novosti interfax kcna yonhap irna tasnim fars
    isna xinhua""".split()
)

# Nouns for a country's people or forces ("amerikanerne sendte ...", "russarna"): lemmas.
DEMONYM_NOUNS = """
US | amerikaner; amerikanar; amerikan
RU | russer; russar; ryss
CN | kineser; kinesar; kines
IR | iraner; iranar; iranier
KP | nordkoreaner; nordkoreanar; nordkorean
UA | ukrainer; ukrainar; ukrainare
DE | tysker; tyskar; tysk
GB | brite; britt; britter
FR | franskmann; fransos; fransmann; fransman; franskmand
IL | israeler; israelar; israel
TR | tyrker; tyrkar; turk
NO | nordmann; nordmand; norrman
SE | svenske; svensk
DK | danske; danskar; dansk
PL | polakk; polack; polak
"""
# Nouns for whoever takes goods: with a place ("mottakere i Russland") they are that country.
RECIPIENT_NOUNS = frozenset(
    """mottaker mottakar mottagare modtager kunde kund kjøper kjøpar köpare køber aktør
    aktör bruker brukar användare bruger selskap firma bolag företag virksomhed bedrift
    fabrikk fabrik industri mellomledd mellommann mellanhand
    mellanhänder mellemhandler mellemmand""".split()
)

# Political parties and agencies the entity recogniser calls organisations: they speak, vote and
# investigate, they do not supply arms. (Lowercase; a party's initials as written in news.)
NOT_SUPPLIERS = frozenset(
    """frp ap høyre h sv rødt krf venstre v mdg sp fremskrittspartiet arbeiderpartiet
    senterpartiet socialdemokraterna moderaterna sverigedemokraterna liberalerna
    kristdemokraterna centerpartiet vänsterpartiet miljöpartiet socialdemokratiet venstre
    konservative dansk folkeparti enhedslisten sf radikale økokrim pst nis ffi kripos
    politiet politi tollvesenet tolletaten tullverket säpo fra must e-tjenesten
    etterretningstjenesten stortinget riksdagen folketinget storting riksdag folketing
    regjeringen regeringen""".split()
)
# What a supply is carried in: goods come inside them ("en forsendelse med bomber").
CONTAINER_NOUNS = frozenset(
    """forsendelse sending sendning last lasta lasten parti pakke pakker paket pakker container
    containere mengde mengder mängd tusen million millioner miljoner hundrevis tusenvis antall
    antal del deler del type typen pakke pakka paket pakken hjelpepakke hjelpepakka
    hjälppaket hjælpepakke våpenpakke vapenpaket våbenpakke støttepakke stödpaket""".split()
)
