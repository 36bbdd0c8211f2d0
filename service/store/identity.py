"""What makes two articles the same: the content hash of the normalised text, and the URL.

The hash ignores what copying an article between systems changes without changing a word:
Unicode composition (NFC), line endings, trailing spaces, runs of blanks and blank lines. The
stored text is the one briefed, unchanged, because evidence offsets index it.

URLs are canonicalised so the same page reached through a share link or a campaign link is one
URL: scheme and host in lower case, default ports, fragments and tracking parameters dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_BLANKS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{2,}")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|ref|cmpid)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_text(text: str) -> str:
    """The text as far as identity is concerned (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_BLANKS.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """The URL articles are grouped into revisions by; None for a missing or blank one."""
    if url is None or not url.strip():
        return None
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host
    if parts.port is not None and _DEFAULT_PORTS.get(scheme) != parts.port:
        netloc = f"{host}:{parts.port}"
    if parts.username:  # credentials in a news URL are a mistake; keep them rather than guess
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)])
    path = parts.path or ("/" if host else "")
    return urlunsplit((scheme, netloc, path, query, ""))
