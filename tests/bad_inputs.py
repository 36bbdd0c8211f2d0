"""The bad-input corpus: inputs a newsroom service meets (pasted junk, scrapers, wrong clients),
each with the answer the service is designed to give. Never a 500, and never a silent drop.

`tests/test_bad_input.py` sends every case; `python tests/bad_inputs.py` prints the corpus as the
Markdown table in the README. A case's `check` names a property the 200 answer must have (see
the test), which is how "nothing dropped or truncated" is verified with a random-weight model.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

V1 = ("/v1/detect", "/v1/translate", "/v1/brief")
BIG_LIMITS = {"max_text_chars": 1_100_000, "max_body_bytes": 3_000_000}

# --- texts -----------------------------------------------------------------------------------

NB = (
    "Iran har levert droner til Russland, ifølge amerikanske tjenestemenn.\n\n"
    "Teheran avviser anklagene og sier at landet ikke har sendt våpen til noen av partene."
)
SV_WITH_EN_QUOTE = (
    "Nordkorea har skickat artillerigranater till Ryssland, uppger amerikanska källor.\n\n"
    '"We have seen clear evidence of these transfers," the spokesperson told reporters.\n\n'
    "Pyongyang förnekar att landet har levererat vapen."
)
HTML = (
    '<p class="ingress">Russland kjøper <b>droner</b> fra Iran, skriver <a href="https://'
    'example.org">avisen</a>.</p>\n\n<script>alert("x")</script><p>Det sier kilder &amp; '
    "diplomater.</p>"
)
EMOJI_RTL = (
    "Russland 🚀 kjøper droner fra Iran 🇮🇷, sier kilder.\n\n"
    "Sitatet på arabisk var «لا نرسل أسلحة» og på hebraisk «אנחנו לא שולחים נשק».\n\n"
    "👍🏽 Familien 👨‍👩‍👧 er trygg."
)
DE = "Die Bundesregierung hat heute beschlossen, weitere Panzer an die Ukraine zu liefern."
EN = "The government decided today to send more tanks to Ukraine, the minister said."
_WORDS = "regjeringen sender flere luftvernsystemer og mer ammunisjon til ukraina i år".split()


def one_mb_line_words() -> str:
    """1,000,000 characters of words, no punctuation, no line break."""
    return " ".join(itertools.islice(itertools.cycle(_WORDS), 200_000))[:1_000_000]


def one_mb_line_no_spaces() -> str:
    """1,000,000 letters without a single space or punctuation mark."""
    return ("luftvernsystemer" * 62_500)[:1_000_000]


def one_char_lines() -> str:
    """50,000 lines of one character each."""
    return "\n".join(itertools.islice(itertools.cycle("abcdefghijklmnoprstuvyzæøå"), 50_000))


# --- cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadInput:
    """One request and its designed answer."""

    name: str
    path: str
    answer: int  # the HTTP status
    why: str  # the documented reason, shown in the README
    body: Any = None  # JSON value, or a callable returning one (big texts are built lazily)
    raw: bytes | None = None  # sent as is instead of `body`
    content_type: str = "application/json"
    kind: str | None = None  # problem type suffix, for 4xx
    detail: str | None = None  # a substring the problem detail must contain
    check: str | None = None  # property of a 200 answer, implemented in test_bad_input.py
    settings: dict[str, Any] = field(default_factory=dict)
    model: bool = True  # run with the tiny translation model loaded
    isolated: bool = False  # run in a subprocess with a deadline (see test_bad_input.py)

    def json_body(self) -> Any:
        return self.body() if callable(self.body) else self.body


def _each(
    path_cases: Callable[[str], list[BadInput]], paths: tuple[str, ...] = V1
) -> list[BadInput]:
    return [case for path in paths for case in path_cases(path)]


def _empty(path: str) -> list[BadInput]:
    return [
        BadInput("empty text", path, 422, "nothing to work on", {"text": ""}, kind="empty-text"),
        BadInput(
            "blank text",
            path,
            422,
            "whitespace only (incl. NBSP, tabs, line breaks)",
            {"text": " \n\t\u00a0\u2003 "},
            kind="empty-text",
        ),
    ]


def _huge(path: str) -> list[BadInput]:
    lang = {} if path == "/v1/detect" else {"source_language": "nb"}
    # The brief's claim extraction is the part most at risk from one endless sentence, so its
    # huge cases run in a subprocess with a deadline: a regression fails instead of hanging.
    isolated = path == "/v1/brief"
    cases = [
        BadInput(
            "1 MB line, no punctuation (default limits)",
            path,
            413,
            "over BRIEF_MAX_TEXT_CHARS (200,000); the detail names the limit",
            lambda: {"text": one_mb_line_words(), **lang},
            kind="text-too-long",
            detail="200000",
        ),
        BadInput(
            "200,000 characters, no punctuation (at the limit)",
            path,
            200,
            "split hard (clauses, words) into model-sized pieces; every piece translated",
            lambda: {"text": one_mb_line_words()[:200_000], **lang},
            check="one_line_kept",
            isolated=isolated,
        ),
        BadInput(
            "1 MB line, no punctuation (limit raised)",
            path,
            200,
            "the same at five times the default limit",
            lambda: {"text": one_mb_line_words(), **lang},
            check="one_line_kept",
            settings=BIG_LIMITS,
            isolated=isolated,
        ),
        BadInput(
            "1 MB without a space (limit raised)",
            path,
            200,
            "split into character windows; nothing dropped",
            lambda: {"text": one_mb_line_no_spaces(), **lang},
            check="one_line_kept",
            settings=BIG_LIMITS,
            isolated=isolated,
        ),
        BadInput(
            "50,000 one-character lines",
            path,
            200,
            "every line is a segment; all 50,000 come back in place",
            lambda: {"text": one_char_lines(), **lang},
            check="lines_kept",
            isolated=isolated,
        ),
    ]
    if path == "/v1/brief":
        # Five times the limit adds nothing for the brief but half a minute of test time: its
        # cost is linear (the at-the-limit case bounds it), unlike translation's hard splitting.
        cases = [c for c in cases if c.name != "1 MB line, no punctuation (limit raised)"]
    return cases


def _encoding(path: str) -> list[BadInput]:
    lang = {} if path == "/v1/detect" else {"source_language": "nb"}
    return [
        BadInput(
            "invalid UTF-8 in the body",
            path,
            400,
            "JSON must be UTF-8; nothing is guessed",
            raw=b'{"text": "Iran har levert \xff\xfe droner."}',
        ),
        BadInput(
            "NUL bytes in the text",
            path,
            200,
            "control characters pass through untranslated, in place; text around them is kept",
            {"text": "Iran har\u0000 levert droner.\n\nTeheran\u0000 avviser det.", **lang},
            check="lines_kept",
        ),
        BadInput(
            "HTML markup",
            path,
            200,
            "/v1 takes plain text: markup is text and is kept (LibreTranslate's format=html "
            "translates HTML)",
            {"text": HTML, **lang},
            check="lines_kept",
        ),
        BadInput(
            "emoji and right-to-left text",
            path,
            200,
            "any Unicode is fine; paragraphs and lines kept",
            {"text": EMOJI_RTL, **lang},
            check="lines_kept",
        ),
        BadInput(
            "mixed-language article (Swedish, English quote)",
            path,
            200,
            "the article's language is the majority; /v1/detect reports the mix",
            {"text": SV_WITH_EN_QUOTE},
            check="mixed" if path == "/v1/detect" else "lines_kept",
        ),
    ]


def _types(path: str) -> list[BadInput]:
    bad = [
        ("text is a number", {"text": 123}),
        ("text is null", {"text": None}),
        ("text is an object", {"text": {"nb": NB}}),
        ("text list holds a number", {"text": [NB, 5]}),
        ("body is a JSON array", [NB]),
        ("body is a JSON string", NB),
        ("source_language is a number", {"text": NB, "source_language": 5}),
    ]
    if path == "/v1/detect":
        bad = bad[:3] + bad[4:6]  # detect takes one text and no language
    if path == "/v1/brief":
        bad.append(("title is a list", {"text": NB, "title": ["a"]}))
    cases = [BadInput(n, path, 422, "wrong JSON type", b, kind="validation") for n, b in bad]
    cases += [
        BadInput(
            "unknown field",
            path,
            422,
            "refused, not ignored: a misspelt field must not silently change the answer",
            {"text": NB, "source_langauge": "nb"},
            kind="validation",
            detail="source_langauge",
        ),
        BadInput("empty body", path, 422, "the body is required", raw=b"", kind="validation"),
        BadInput(
            "not JSON (text/plain)",
            path,
            422,
            "the body must be a JSON object",
            raw=NB.encode(),
            content_type="text/plain",
            kind="validation",
        ),
        BadInput(
            "broken JSON",
            path,
            422,
            "JSON syntax error, with its position",
            raw=b'{"text": "Iran har levert droner',
            kind="validation",
        ),
        BadInput(
            "body over BRIEF_MAX_BODY_BYTES",
            path,
            413,
            "refused before it is read whole",
            raw=b" " * 2_000_001,
            kind="body-too-large",
            detail="2000000",
        ),
    ]
    return cases


def _languages() -> list[BadInput]:
    return [
        BadInput(
            "German article",
            "/v1/translate",
            422,
            "not a source language; the detail names it",
            {"text": DE},
            kind="unsupported-language",
            detail="'de'",
        ),
        BadInput(
            "English article",
            "/v1/translate",
            422,
            "already English; the detail says so",
            {"text": EN},
            kind="unsupported-language",
            detail="'en'",
        ),
        BadInput(
            "German article",
            "/v1/brief",
            422,
            "briefs are built from nb, nn, sv, da only",
            {"text": DE},
            kind="unsupported-language",
            detail="de",
        ),
        BadInput(
            "German article",
            "/v1/detect",
            200,
            "detected, marked unsupported",
            {"text": DE},
            check="unsupported_de",
        ),
        BadInput(
            "source_language de",
            "/v1/translate",
            422,
            "not one of auto, nb, nn, sv, da",
            {"text": DE, "source_language": "de"},
            kind="validation",
        ),
        BadInput(
            "65 texts in one request",
            "/v1/translate",
            422,
            "over BRIEF_MAX_BATCH_ITEMS (64); the detail names the limit",
            {"text": ["Hei."] * 65},
            kind="too-many-texts",
            detail="64",
        ),
        BadInput(
            "empty list of texts",
            "/v1/translate",
            422,
            "nothing to translate",
            {"text": []},
            kind="empty-text",
        ),
        BadInput(
            "one blank text in a batch",
            "/v1/translate",
            422,
            "the detail names the index",
            {"text": ["Hei.", "  "]},
            kind="empty-text",
            detail="text[1]",
        ),
    ]


CASES: list[BadInput] = (
    _each(_empty) + _each(_huge) + _each(_encoding) + _each(_types) + _languages()
)


def markdown_table() -> str:
    """The corpus as the README shows it: one row per input, one column per endpoint."""
    rows: dict[str, dict[str, BadInput]] = {}
    for case in CASES:
        rows.setdefault(case.name, {})[case.path] = case
    lines = [
        "| input | " + " | ".join(f"`{p}`" for p in V1) + " | why |",
        "|---" * (len(V1) + 2) + "|",
    ]
    for name, by_path in rows.items():
        cells = []
        for path in V1:
            found = by_path.get(path)
            cells.append(
                ""
                if found is None
                else f"{found.answer}" + (f" `{found.kind}`" if found.kind else "")
            )
        why = next(iter(by_path.values())).why
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {why} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
    print(
        f"\n{len(CASES)} cases; bodies total "
        f"{sum(len(c.raw or json.dumps(c.json_body())) for c in CASES) / 1e6:.1f} MB"
    )
