"""Danish forms, added to the Bokmål list (shared vocabulary, different spelling)."""

# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)

from __future__ import annotations

WORDS: dict[str, list[str]] = {
    "give": [
        r"lever(?:ede|et)",
        r"sælg(?:e|er|es)",
        r"eksporter(?:ede|et)",
        r"give|giver|givet|gives",
        r"doner(?:ede|et)",
        r"overfør(?:te|t)",
        r"send(?:te)",
        r"overdrag(?:e|er|es)|overdrog|overdraget",  # "har overdraget F-16-fly til Ukraine"
    ],
    "supply_with": [r"forsyn(?:ede|et)", r"udstyr(?:e|er|ede|et)", r"bevæbn(?:e|er|ede|et)"],
    "support": [r"støt(?:te|ter|tede|tet)", r"hjælp(?:e|er)|hjalp|hjulpet"],
    "produce": [r"producer(?:e|er|ede|et)", r"fremstill(?:e|er|ede|et)"],
    "receive": [r"køb(?:e|er|te|t|es)", r"modtag(?:e|er|es)?|modtog|modtaget", r"fik|fået"],
    "request": [r"kræv(?:e|er|ede|et)"],
    "ask": [r"bede|beder|bad|bedt"],
    "use": [r"anvend(?:e|er|te|t)", r"affyr(?:e|er|ede|et)"],
    "give_noun": [
        r"levering(?:en|er|erne)",
        r"eksport(?:en)",
        r"salg(?:et)",
        r"hjælp(?:en)?",
        r"bistand",
    ],
    "receive_noun": [r"køb(?:et)?"],
    "negation": [r"ikke|aldrig|ingen"],
    "deny": [
        r"afvis(?:e|er|te|t)",
        r"nægt(?:e|er|ede|et)",
        r"benægt(?:e|er|ede|et)",
        r"tilbagevis(?:e|er|te)",
    ],
    "admit": [r"indrøm(?:me|mer|mede|met)", r"erkend(?:e|er|te|t)", r"vedgå|vedgår|vedgik"],
    "accuse": [
        r"anklag(?:e|er|ede|et)",
        r"beskyld(?:e|er|te|t)",
        r"hævd(?:e|er|ede|et)",
        r"påstå|påstår|påstod",
        r"mistænk(?:e|er|te|t|es)",
        r"udpeg(?:e|er|et|es)",  # "udpeget af FN som leverandør"
    ],
    "confirm": [r"bekræft(?:e|er|ede|et)"],
    "say": [
        r"sig(?:e|er)|sagde|sagt",
        r"oplys(?:e|er|te|t)",
        r"fortæl(?:le|ler)|fortalte",
        r"bekræft(?:e|er|ede|et)",
    ],
    "plan": [
        r"planlægg(?:e|er)|planlagde",
        r"beslut(?:te|ter|tede|tet)",
        r"kommer til",
        r"lover|lovede|lovet",
        r"ventes|forventes",  # "ventes at blive leveret i 2025": expected, not yet done
    ],
    "want": [r"ønsk(?:e|er|ede)"],
    "attempt": [r"forsøg(?:e|er|te)", r"prøv(?:e|er|ede)"],
    "hedge": [
        r"angiveligt|formentlig|sandsynligvis|muligvis|tilsyneladende|efter sigende",
        r"mistænkt|mistænkes|formodentlig|angivelig|vistnok|rygtes|siges|menes|antages",
    ],
    "hearsay_modal": [r"skulle"],
    "aux": [r"har|havde|have|er|var|være|været|bliver|blev|blive|blevet|kan|kunne|må|måtte|bør"],
    "passive_aux": [r"bliver|blev|blive|blevet"],
    "from": [r"fra"],
    "agent": [r"af"],
    "prep": [r"efter|gennem|uden|mellem|blandt|inden|omkring|trods|siden|før|hos"],
    "according": [r"ifølge"],
    "complementizer": [r"at|om|hvorvidt"],
    "relative": [r"som|der|hvor|hvilket"],
    "infinitive": [r"at"],
    "anaphor_country": [r"landet|landets|regimet|styret|myndighederne|regeringen"],
    "anaphor_person": [r"han|hun"],
    "anaphor_company": [r"selskabet|koncernen|virksomheden|producenten"],
    "anaphor_group": [r"landene"],
    "contract": [r"kontrakt\w*|aftale\w*|ordre\w*"],
    "first_person": [r"vi|os|vores|jeg"],
    "civil": [r"humanitær|nødhjælp|penge|økonomisk"],
}

PHRASES: dict[str, list[tuple[str, ...]]] = {
    "receive": [(r"tage|tager|tog|taget", r"imod")],
}
