"""The claim store: briefed articles and their claims kept across requests, in SQLite or
PostgreSQL (SQLAlchemy 2, Alembic migrations in migrations/).

    store = open_store(settings)            # connect, and migrate unless told not to
    ingest(store, ArticleIn(...))           # service.store.ingest
    claims_page(store, ClaimFilter.of(actor="Nord-Korea"), 50, None)
"""

from __future__ import annotations

import logging

from service.store.engine import Store, connect
from service.store.ingest import ArticleIn, Stored, delete_article, ingest
from service.store.migrate import require_head, upgrade
from service.store.version import EXTRACTOR_VERSION

__all__ = [
    "EXTRACTOR_VERSION",
    "ArticleIn",
    "Store",
    "Stored",
    "delete_article",
    "ingest",
    "open_store",
]

log = logging.getLogger("service.store")


def open_store(url: str, *, migrate: bool = True) -> Store:
    """A ready store on `url`: its schema upgraded to this version (or checked, with
    `migrate=False`). Raises when the database cannot be reached or is at another version."""
    store = connect(url)
    try:
        if migrate:
            upgrade(store)
        else:
            require_head(store)
    except Exception:
        store.close()
        raise
    log.info("claim store at %s", store.display_url)
    return store
