"""`--store URL`: the one place the back-fill calls into the claim store (service.store, issue 14).

Written against that package's interface: `open_store(url)` connects and migrates,
`ingest.from_brief(brief, text, title=, url=, outlet=, published=)` builds the item,
`ingest(store, item)` stores it in one transaction and returns its `article_id`. The row that
goes to DIR then carries the brief with `article_id`, as `python -m service brief --store`
writes it; an article the store refuses becomes an error row, as there.

Runs on the driver, one article at a time, as rows arrive: an ingest takes milliseconds, an
article's briefing seconds, so one writer keeps up with a cluster and needs no coordination.
"""

from __future__ import annotations

import json
from typing import Any

from service.backfill.records import published_date
from service.backfill.steps import failure


class StoreUnavailable(Exception):
    """This build has no claim store, or the store at the URL cannot be opened."""


class StoreWriter:
    """Stores briefed rows (a `StoreStep`); close it when the run ends."""

    def __init__(self, url: str) -> None:
        try:
            from service.store import ingest, open_store
            from service.store.ingest import from_brief
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("service.store"):
                raise
            raise StoreUnavailable(
                "--store: this build has no claim store (service.store, issue 14)"
            ) from exc
        self._ingest, self._from_brief = ingest, from_brief
        try:
            self._store = open_store(url)
        except Exception as exc:  # a wrong URL or an unreachable server: say so, once
            raise StoreUnavailable(f"--store: cannot open the store ({exc})") from exc

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        brief = json.loads(row["brief"])
        try:
            item = self._from_brief(
                brief,
                row["text"],
                title=row["title"],
                url=row["url"],
                outlet=row["outlet"],
                published=published_date(row["published"]),
            )
            stored = self._ingest(self._store, item)
        except Exception as exc:  # noqa: BLE001 - refused by the store: this article's error
            return {**row, "brief": None, "error": failure(exc, row["key"])}
        brief = {**brief, "article_id": stored.article_id}
        return {**row, "brief": json.dumps(brief, ensure_ascii=False)}

    def close(self) -> None:
        self._store.close()
