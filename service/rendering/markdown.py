"""The briefing as GitHub-flavoured Markdown, for chat and CMS: supply claims first."""

from __future__ import annotations

from service.rendering.labels import details, language_label
from service.schemas.brief import BriefResponse, ClaimOut


def _cell(value: str | None) -> str:
    # Table cells: one line, pipes escaped, and nothing that starts markup of its own.
    text = " ".join((value or "—").split())
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _inline(value: str) -> str:
    return " ".join(value.split())


def _stance_words(claim: ClaimOut) -> str:
    return claim.stance + (" (hedged)" if claim.hedged else "")


def render_markdown(brief: BriefResponse, title: str | None = None) -> str:
    """Claims table, summary, evidence quotes, key points and warnings, in that order."""
    lines = [f"# Briefing: {_inline(title)}" if title else "# Briefing", ""]
    lines += [f"*Source language: {language_label(brief.language)}*", ""]
    lines += ["## Supply claims", ""]
    if brief.claims:
        lines += [
            "| # | Supplier | Recipient | Items | Stance | Claimed by |",
            "|---|---|---|---|---|---|",
        ]
        for n, c in enumerate(brief.claims, 1):
            extra = details(c)
            items = f"{c.items} ({extra})" if extra else c.items
            cells = [c.supplier, c.recipient, items, _stance_words(c), c.source]
            lines.append(f"| {n} | " + " | ".join(_cell(x) for x in cells) + " |")
    else:
        lines.append("No supply claims found.")
    lines.append("")
    if brief.summary:
        lines += ["## Summary", "", _inline(brief.summary), ""]
    if brief.claims:
        lines += ["## Evidence", ""]
        for n, c in enumerate(brief.claims, 1):
            lines.append(f"{n}. > {_inline(c.evidence.text)}")
            if c.evidence.text_en:
                lines.append(f"   >\n   > *{_inline(c.evidence.text_en)}*")
        lines.append("")
    if brief.bullets:
        lines += ["## Key points", ""] + [f"- {_inline(b)}" for b in brief.bullets] + [""]
    if brief.warnings:
        lines += ["## Warnings", ""] + [f"- {_inline(w)}" for w in brief.warnings] + [""]
    return "\n".join(lines)
