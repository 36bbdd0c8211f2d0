"""Norwegian Nynorsk forms, added to the Bokmål list (the two are often mixed and confused)."""

# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)

from __future__ import annotations

WORDS: dict[str, list[str]] = {
    "give": [
        r"lever(?:ast|a)",
        r"send(?:ast|a)",
        r"sel|selje|selde|selt|seld|seljast",
        r"gje|gjev|gjeve|gjevne",
        r"gjeven|gjevast|gjevest",
        r"overfør(?:de|ast)",
        r"bidreg|bidrog|bidrege",
        r"yt(?:ar|a|ast)",
        r"tildel(?:ar|a|ast)",
    ],
    "order": [r"bestill(?:ar|a|ast)"],
    "supply_with": [r"forsyn(?:te|ast)", r"utstyr(?:te|ast)"],
    "support": [r"støtt(?:ar|ast)", r"hjelpt(?:e)?"],
    "receive": [
        r"kjøp(?:ast)",
        r"mottek|motteke|mottok|mottekne",
        r"fekk",
        r"skaff(?:ar|ast)",
        r"importer(?:ast)",
    ],
    "request": [r"krev(?:je|jer|ja)", r"etterspør(?:ja|jer)"],
    "ask": [r"bed|bede|bad|bedne", r"oppmod(?:ar|a)"],
    "use": [r"bruk(?:ar|ast|a)", r"nytt(?:a|ar|ast)"],
    "give_noun": [
        r"leveranse(?:ane)?|leverans(?:ar|ane)",
        r"sending(?:a|ane|ar)",
        r"overføring(?:a|ar|ane)",
        r"eksport(?:en|ar|ane)",
        r"hjelpa",
        r"støtta",
    ],
    "negation": [r"ikkje|aldri|ingen|inkje"],
    "deny": [
        r"nekt(?:ar|a)",
        r"avvis(?:te|ar)",
        r"benekt(?:ar)",
        r"tilbakevis(?:te|ar)",
        r"utelukk(?:ar|a)",
    ],
    "halt": [r"stans(?:ar|a|ast)", r"stopp(?:ar|a|ast)", r"avbryt(?:ar|a)?", r"frys(?:er|te)"],
    "admit": [r"innrøm(?:de|mer|d)", r"vedgjekk|vedgått|vedgår", r"erkjen(?:de|d|ner)"],
    "accuse": [r"skuld(?:a|ar|ast)", r"hevd(?:ar)", r"påstår|påstod", r"skulda", r"klag(?:ar|a)"],
    "confirm": [r"stadfest(?:e|er|a|ar)"],
    "say": [
        r"seie|seier|sa|sagt",
        r"skriv|skreiv|skrive",
        r"meiner|meinte",
        r"opplyser|opplyste",
        r"fortel|fortalde|fortald",
        r"stadfest(?:e|er|a|ar)",
        r"åtvar(?:ar|a)",
    ],
    "plan": [
        r"planlegg(?:ar)?|planla",
        r"vedt(?:ek|ok|eke)",
        r"bestemt",
        r"kjem til|kom til",
        r"lovar|lova",
    ],
    "consider": [r"vurder(?:ar|a)", r"tenkjer på|tenkte på", r"diskuter(?:ar|a)"],
    "want": [r"ønskj(?:e|er|te|t)", r"treng|trong"],
    "attempt": [r"prøv(?:ar|a)", r"freist(?:ar|a|e)"],
    "hedge": [r"truleg|angiveleg|moglegvis|kanskje|visstnok|tilsynelatande|sannsynlegvis|visst"],
    "give_plan": [r"lov(?:ar|a)", r"utlov(?:ar|a)"],
    "aux": [r"har|hadde|ha|er|var|vere|vore|vart|vert|blir|blei|bli|blitt|kan|kunne|må|måtte|bør"],
    "passive_aux": [r"vart|vert|blir|blei|bli|blitt"],
    "from": [r"frå"],
    "prep": [r"etter|gjennom|utan|mellom|innan|blant"],
    "according": [r"ifølgje", r"i følgje"],
    "complementizer": [r"at|om|kvar"],
    "relative": [r"som|der|kor"],
    "clause_conj": [r"men|medan|fordi|når|dersom|viss"],
    "anaphor_country": [
        r"landet|landets|regimet|diktaturet|nasjonen|staten|styresmaktene|regjeringa"
    ],
    "anaphor_plural": [r"dei|deira|begge"],
    "anaphor_person": [r"han|ho|hennar|hans"],
    "first_person": [r"vi|oss|vår|våre|vårt|eg"],
    "civil": [r"humanitær|naudhjelp|pengar|økonomisk"],
}

PHRASES: dict[str, list[tuple[str, ...]]] = {
    "receive": [(r"ta|tek|tok|teke|takast", r"imot|imot|i mot|mot")],
    "according": [(r"etter", r"det", r"\w+", r"erfarer|kjenner")],
}
