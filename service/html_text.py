"""Split HTML into markup and translatable text nodes, and put it back together.

Used by the LibreTranslate-compatible `format=html`: the text nodes are translated, the markup
(tags with their attributes exactly as written, comments, doctype) is kept byte for byte, and the
content of script/style (and similar raw-text elements) is never sent to the translator.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose content is code or preformatted data, not prose.
_SKIP_CONTENT = frozenset({"script", "style", "noscript", "template", "code", "textarea", "svg"})


@dataclass(frozen=True)
class HtmlDocument:
    """`parts` is the document in order; entries at `text_slots` are plain (unescaped) text."""

    parts: list[str]
    text_slots: list[int]

    @property
    def texts(self) -> list[str]:
        """The translatable text nodes, stripped of surrounding whitespace."""
        return [self.parts[i].strip() for i in self.text_slots]

    def rebuild(self, translations: list[str]) -> str:
        """The document with each text node replaced by its translation (escaped, spacing kept)."""
        if len(translations) != len(self.text_slots):
            raise ValueError(
                f"expected {len(self.text_slots)} translations, got {len(translations)}"
            )
        parts = list(self.parts)
        for slot, translated in zip(self.text_slots, translations, strict=True):
            original = parts[slot]
            lead = original[: len(original) - len(original.lstrip())]
            trail = original[len(original.rstrip()) :]
            parts[slot] = html.escape(lead + translated.strip() + trail, quote=False)
        return "".join(parts)


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.text_slots: list[int] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # get_starttag_text() is the tag exactly as written: attributes, quoting and case kept.
        self.parts.append(self.get_starttag_text() or f"<{tag}>")
        if tag in _SKIP_CONTENT:
            self._skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")
        if tag in _SKIP_CONTENT and self._skip_depth:
            self._skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip_depth or self.cdata_elem is not None:
            # Raw content (script/style) arrives undecoded: keep it as written.
            self.parts.append(
                data if self.cdata_elem is not None else html.escape(data, quote=False)
            )
            return
        if any(ch.isalpha() for ch in data):
            # Only nodes with words go to the translator; "!" or "2024" alone would come back
            # mangled by a model trained on sentences.
            self.text_slots.append(len(self.parts))
            self.parts.append(data)
        else:
            self.parts.append(html.escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.parts.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.parts.append(f"<![{data}]>")


def split_html(markup: str) -> HtmlDocument:
    """Parse `markup` (a fragment or a document) into markup parts and text nodes."""
    splitter = _Splitter()
    splitter.feed(markup)
    splitter.close()
    return HtmlDocument(splitter.parts, splitter.text_slots)
