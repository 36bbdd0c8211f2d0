"""Which extractor produced an article's stored claims.

Bump EXTRACTOR_VERSION whenever service.claims changes what it extracts. Articles stored by an
older version get their claims replaced the next time they are briefed with `store` (the API or
`python -m service brief --store`); articles stored by a newer version (another replica not yet
upgraded) are never downgraded. Versions are dotted numbers, compared number by number.
"""

from __future__ import annotations

import re

EXTRACTOR_VERSION = "1"


def version_key(version: str) -> tuple[int, ...]:
    """ "1.10" sorts after "1.9"; any non-digit run separates parts ("2-rc1" is (2, 1))."""
    return tuple(int(part) for part in re.findall(r"\d+", version))


def is_newer(candidate: str, stored: str) -> bool:
    """True when claims from `candidate` should replace claims from `stored`."""
    return version_key(candidate) > version_key(stored)
