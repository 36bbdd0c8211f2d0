"""Norwegian Bokmål cue words. Each entry is a regular expression for one lowercased token.

Verbs are written as stems with their inflection endings so every form matches: present, past,
participle, passive (-es) and infinitive. Nynorsk and Danish build on this list (see nn.py, da.py).
"""

# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)

from __future__ import annotations

WORDS: dict[str, list[str]] = {
    # --- supply triggers ------------------------------------------------------------------------
    # Subject gives; "til X" is the recipient.
    "give": [
        r"lever(?:e|er|te|t|es|tes|ende)",
        r"overlever(?:e|er|te|t|es)",
        r"overdra|overdrar|overdro|overdratt|overdras",
        r"send(?:e|er|te|t|es|tes)",
        r"ettersend(?:e|er|te|t)",
        r"selg(?:e|er|es)",
        r"solgt(?:e|es)?",
        r"eksporter(?:e|er|te|t|es)",
        r"gi|gir|ga|gav|gitt|gis",
        r"doner(?:e|er|te|t|es)",
        r"overfør(?:e|er|te|t|es)",
        r"skjenk(?:e|er|et|es)",
        r"bidra|bidrar|bidro|bidratt",
        r"skip(?:e|er|et|es)",
        r"frakt(?:e|er|et|es)",
        r"smugl(?:e|er|et|es)",
        r"sørg(?:e|er|et) for",
        r"overlat(?:e|er|es)|overlot|overlatt",
        r"gi|gir|ga|gitt videre",
        r"yt(?:e|er|te|es)|ytt",  # "yter militær støtte"
        r"overrekk(?:e|er|es)|overrakte|overrakt",
        r"tildel(?:e|er|te|t|es)",
        r"finansier(?:e|er|te|t|es|ar|a)",  # the state that pays supplies (annotation guideline)
    ],
    # Give verbs whose subject promises or offers: stance "planned".
    "give_plan": [
        r"lov(?:e|er|et|te)",
        r"utlov(?:e|er|et|te)",
        r"tilby|tilbyr|tilbød|tilbudt|tilbys",
    ],
    # Ordering is buying what is not yet delivered: recipient first, stance "planned".
    "order": [r"bestill(?:e|er|es)|bestilte|bestilt", r"kontraher(?:e|er|te|t)"],
    # Object is the recipient, "med" the items: forsyne X med Y.
    "supply_with": [
        r"forsyn(?:e|er|te|t|es)",
        r"bevæpn(?:e|er|et|es)",
        r"utstyr(?:e|er|te|t|es)",
        r"utrust(?:e|er|et|es)",
    ],
    # Support verbs: a claim only with an item ("med våpen") or a war as object.
    "support": [
        r"støtt(?:e|er|et|a|es)",
        r"hjelp(?:e|er|es)",
        r"hjalp|hjulpet",
        r"bistå|bistår|bisto|bistått",
    ],
    # Makers: not a transfer, but a finite verb that opens a clause ("..., Nammo produserer dem
    # og Ukraina mottar dem") and names the producer in a financing chain (see chains.py).
    "produce": [
        r"produser(?:e|er|te|t|es|ar|a)",
        r"fremstill(?:e|er|te|t|es)|framstill(?:e|er|te|t|ar|a)",
        r"tilvirk(?:e|er|et|es)",
    ],
    # Subject receives; "fra X"/"av X" is the supplier.
    "receive": [
        r"kjøp(?:e|er|te|t|es|tes)",
        r"motta|mottar|mottok|mottatt|mottas",
        r"få|får|fikk|fått",
        r"skaff(?:e|er|et|a|es)",
        r"importer(?:e|er|te|t|es)",
        r"anskaff(?:e|er|et|es)",
        r"innkjøp(?:e|er|te|t)",
    ],
    # Subject asks: recipient first, "fra X" or the object is the supplier.
    "request": [r"etterspør|etterspurte|etterspurt|etterlys(?:e|er|te|t)", r"krev(?:e|er|de|d)"],
    # "be om" / "ber X om": request when "om" follows within two words.
    "ask": [r"be|ber|ba|bad|bedt", r"anmod(?:e|er|et|a)", r"appeller(?:e|er|te|t)"],
    # Use of a supplier's weapon by someone else ("iranske droner brukt av Russland").
    "use": [
        r"bruk(?:e|er|te|t|es|tes)",
        r"benytt(?:e|er|et|es)",
        r"anvend(?:e|er|te|t|es)",
        r"avfyr(?:e|er|te|t|es)",
        r"skyt(?:e|er)|skjøt|skutt",
    ],
    # Nouns that state a transfer; the head of a compound ("våpenleveranser", "dronelevering").
    "give_noun": [
        r"leveranse(?:n|r|ne)?",
        r"levering(?:en|er|ene)?",
        r"forsendelse(?:n|r|ne)?",
        r"eksport(?:en|er|ene)?",
        r"salg(?:et|ene)?",
        r"donasjon(?:en|er|ene)?",
        r"overføring(?:en|er|ene)?",
        r"sending(?:en|er|ene)?",
        r"bidrag(?:et|ene)?",
        r"gave(?:n|r|ne)?",
        r"pakke(?:n|r|ne)?",
        r"hjelp(?:en)?",
        r"støtte(?:n)?",
        r"bistand(?:en)?",
        r"forsyning(?:en|er|ene)?",
    ],
    "receive_noun": [r"kjøp(?:et|ene)?", r"import(?:en|er)?", r"innkjøp(?:et|ene)?"],
    # --- stance ---------------------------------------------------------------------------------
    "negation": [r"ikke|aldri|ingen|verken|ikkje|inte|aldrig|inga|inget"],
    "deny": [
        r"avvis(?:e|er|te|t|es)",
        r"nekt(?:e|er|et|a)",
        r"benekt(?:e|er|et|a)",
        r"tilbakevis(?:e|er|te|t)",
        r"dementer(?:e|er|te|t)",
        r"avkrefte(?:r|t|s)?|avkreftet",
        r"bestrid(?:e|er|te|t)",
        r"avfei(?:e|er|de|d)",
        r"avslå|avslår|avslo|avslått",
        r"utelukk(?:e|er|et|a)",
        r"vegr(?:e|er|et|a)",
    ],
    # Halting a transfer: "stanser leveransene", "slutter å sende" (denied when the supplier halts).
    "halt": [
        r"stans(?:e|er|et|es|a)",
        r"stopp(?:e|er|et|es|a)",
        r"suspender(?:e|er|te|t|es)",
        r"fryse|fryser|frøs|frosset|fryses",
        r"avbryt(?:e|er|es)|avbrøt|avbrutt",
        r"innstill(?:e|er|es)|innstilte|innstilt",
        r"slutt(?:e|er|et|a)",
        r"kutt(?:e|er|et|es|a)",
    ],
    "admit": [
        r"innrøm(?:me|mer|met|te|t)",
        r"erkjen(?:ne|ner|te|t)",
        r"vedgå|vedgår|vedgikk|vedgått",
        r"medgi|medgir|medga",
        r"tilstå|tilstår|tilsto|tilstått",
    ],
    # Accusers assert: "USA anklager Kina for å..."; the object controls the infinitive.
    "accuse": [
        r"anklag(?:e|er|et|es|a)",
        r"beskyld(?:e|er|te|t|es)",
        r"hevd(?:e|er|et|a|es)",
        r"påst(?:å|år|od|ått)",
        r"mistenk(?:e|er|te|t|es)",
    ],
    "confirm": [r"bekreft(?:e|er|et|es)"],
    "say": [
        r"si|sier|sa|sagt",
        r"uttal(?:e|er|te|t)",
        r"opplys(?:e|er|te|t)",
        r"skriv(?:e|er)|skrev|skrevet",
        r"mel(?:de|der|dte|dt)",
        r"rapporter(?:e|er|te|t|es)",
        r"fortel(?:le|ler)|fortalte|fortalt",
        r"men(?:e|er|te)",
        r"bekreft(?:e|er|et|es)",
        r"advar(?:e|er|te|t)",
        r"kunngjør|kunngjorde",
        r"henvis(?:e|er|te|t)",
        r"påpek(?:e|er|te|t)",
        r"varsl(?:e|er|et)",
        r"tils(?:ier|a)",
        r"forklar(?:e|er|te|t)",
        r"slå(?:r)? fast|slo fast",
        r"vis(?:e|er|te|t)",
        r"erfar(?:e|er|te|t)",
    ],
    # Planned: modal + infinitive, or a decision verb governing the supply verb.
    "plan_modal": [r"skal|vil|skulle|ville"],
    "plan": [
        r"planlegg(?:e|er)|planla|planlagt",
        r"beslutt(?:e|er|et)",
        r"bestem(?:me|mer|te|t)",
        r"forbered(?:e|er|te|t)",
        r"vedt(?:a|ar|ok|att)",
        r"ventes|forventes|ventast|forventast",  # "ventes levert i 2025": expected, not done
        r"godkjen(?:ne|ner|te|t)",
        r"lov(?:e|er|et|te)",
        r"gå(?:r)? inn for|gikk inn for",
        r"kommer til|komme til|kom til",
        r"snart",
        r"framover|fremover",
        r"forplikt(?:e|er|et|a)",
        r"akt(?:er|et)",
        r"utlov(?:e|er|et|te)",
    ],
    # Governing a supply verb: wanting it, or trying to obtain it (recipient is the subject).
    # Considering is not deciding: "vurderer å sende" gives no claim.
    "consider": [
        r"vurder(?:e|er|te|t|es)",
        r"overvei(?:e|er|de|d)",
        r"utred(?:e|er|et)",
        r"diskuter(?:e|er|te|t)",
    ],
    "want": [r"ønsk(?:e|er|et|a)", r"trenge(?:r)?|trengte"],
    "attempt": [r"forsøk(?:e|er|te|t)", r"prøv(?:e|er|de|d)", r"jobb(?:e|er|et) for"],
    # Object-control request verbs: "overbevise Iran om å sende".
    "persuade": [
        r"overbevis(?:e|er|te|t)",
        r"overtal(?:e|er|te|t)",
        r"press(?:e|er|et)",
        r"oppfordr(?:e|er|et)",
        r"bønnfal(?:le|ler|t)",
    ],
    "hedge": [
        r"trolig|sannsynligvis|angivelig|visstnok|antakelig|antageligvis|muligens|kanskje",
        r"tilsynelatende|formentlig|påstått|mistenkt|mistenkes|rapporteres|meldes|hevdes",
        r"antas|tydeligvis|etter sigende|sies|ryktes|antakeligvis|muligens|sannsynlegvis",
    ],
    # "skal ha levert": reported, not planned.
    "hearsay_modal": [r"skal|skulle|kan|kunne|må|måtte"],
    # Phrases that put a claim in doubt: "ingen indikasjoner på at".
    "doubt_noun": [r"indikasjon(?:er)?|tegn|bevis|holdepunkt(?:er)?|belegg|dokumentasjon"],
    # --- structure --------------------------------------------------------------------------------
    "aux": [
        r"har|hadde|ha|er|var|være|vært|blir|ble|bli|blitt|kan|kunne|må|måtte|bør|burde|får|fikk",
    ],
    "passive_aux": [r"blir|ble|bli|blitt"],
    "to": [r"til|åt"],
    "from": [r"fra|hos"],
    "agent": [r"av"],
    "with": [r"med"],
    "prep": [
        r"i|på|over|under|etter|for|om|ved|gjennom|mellom|blant|uten|innen|rundt|bak|foran|mot",
        r"tross|siden|før|mens|langs|hos|pr|per|via|utenfor|innenfor|inn|ut|opp|ned",
    ],
    "according": [r"ifølge|iflg|ifølgje"],
    "complementizer": [r"at|om|hvorvidt"],
    "relative": [r"som|der|hvor|hvilket|hva"],
    "infinitive": [r"å"],
    "coord": [r"og|samt|eller|både"],
    "clause_conj": [r"men|mens|fordi|selv om|ettersom|samtidig|da|når|dersom|hvis"],
    "anaphor_country": [
        r"landet|landets|regimet|regimets|diktaturet|diktaturets|nasjonen|nasjonens|staten",
        r"statens|myndighetene|myndighetenes|regjeringen|regjeringens|øya|øystaten|ønasjonen",
    ],
    "anaphor_plural": [r"de|dem|deres|begge"],
    "anaphor_org": [
        r"organisasjonen|organisasjonens|gruppen|gruppa|militsen|bevegelsen|opprørerne",
        r"opprørarane|grupperingen|hæren|hærens|militsene|geriljaen|terrorgruppen|rørsla",
    ],
    "anaphor_company": [
        r"selskapet|selskapets|konsernet|konsernets|produsenten|våpenprodusenten|bedriften"
    ],
    "anaphor_group": [r"landene|landa|nasjonene|partene"],
    "contract": [r"kontrakt\w*|avtale\w*|ordre\w*|bestilling\w*|innkjøpsavtale\w*"],
    "object_pronoun": [r"dem|dei|disse|desse|de"],
    "anaphor_person": [r"han|hun|hans|hennes"],
    "anaphor_self": [r"man|seg|sitt|sin|sine|vi|oss|vår|våre"],
    "first_person": [r"vi|oss|vår|våre|vårt|jeg"],
    # Things that are not items in any context: civil trade and humanitarian aid.
    "civil": [
        r"humanitær(?:e|t)?|nødhjelp(?:en)?|økonomisk(?:e)?|penger|pengestøtte|laks|fisk|olje|gass",
        r"strøm|mat|korn|medisiner|vaksiner|biler|budsjettstøtte",
    ],
}

# "ta imot" (receive) and friends: two-word verbs as sequences of token patterns.
PHRASES: dict[str, list[tuple[str, ...]]] = {
    "receive": [(r"ta|tar|tok|tatt|tas", r"imot|mot|i mot")],
    "according": [(r"etter", r"det", r"\w+", r"erfarer")],
    "hedge": [(r"etter", r"sigende"), (r"skal", r"visstnok"), (r"ser|så|synes", r"ut", r"til")],
    "deny": [
        (r"si|sier|sa|sagt", r"nei"),
        # "Det er ikke sant at vi har sendt ...": a denial of the clause that follows.
        (r"det", r"er", r"ikke|ikkje", r"sant|riktig|korrekt", r"at"),
        (r"det", r"stemmer|stemmar", r"ikke|ikkje", r"at"),
        (r"det", r"er", r"feil|usant|løgn", r"at"),
    ],
    "consider": [(r"ser|så|sjå|ser", r"på", r"muligheten|moglegheita|mulighetene")],
    "give": [(r"lån(?:e|er|te|t|es|ar|a)", r"ut"), (r"betal(?:e|er|te|t|ar|a)", r"for")],
    # "er blitt pekt ut av FN for å ha levert": named as the supplier.
    "accuse": [(r"pek(?:e|er|te|es)|pekt|peika|peikar|peika|peikt", r"ut")],
    "plan": [(r"tar|ta|tok", r"sikte"), (r"har|hadde", r"til", r"hensikt")],
    "halt": [(r"sett(?:e|er)|satte|satt", r"på", r"pause")],
}
