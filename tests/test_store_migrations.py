"""Alembic migrations of the store, on SQLite and PostgreSQL: from an empty database, from the
previous schema version with data in it, back down, and many replicas starting at once."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from service.store import ArticleIn, ingest, migrate, open_store
from service.store.engine import connect
from service.store.filters import ClaimFilter
from service.store.migrate import SchemaMismatch
from service.store.models import Base, JSONData
from service.store.queries import claims_page

ROOT = Path(__file__).resolve().parent.parent

# The tables as revision 0001 made them (the models are at head); typed where the driver needs
# to know (JSON, dates, booleans).
_TYPES: dict[str, sa.types.TypeEngine[object]] = {
    "published": sa.Date(),
    "stored_at": sa.DateTime(timezone=True),
    "extracted_at": sa.DateTime(timezone=True),
    "is_current": sa.Boolean(),
    "hedged": sa.Boolean(),
    "data": JSONData,
}


def _table(name: str, columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c, _TYPES.get(c)) for c in columns.split()))


ARTICLES_0001 = _table(
    "articles",
    "url title outlet published language content_hash text extractor_version stored_at "
    "extracted_at revision is_current",
)
CLAIMS_0001 = _table(
    "claims",
    "article_id position supplier recipient items stance hedged source trigger mentions "
    "evidence_text evidence_start evidence_end evidence_text_en evidence_field data",
)


# Rows without ids: the database numbers them, as revision 0001 code did (explicit ids would
# leave PostgreSQL's sequences behind).
def _claim(article_id: int, supplier: str, recipient: str) -> dict[str, object]:
    data = {
        "supplier": supplier,
        "recipient": recipient,
        "items": "drones",
        "stance": "asserted",
        "hedged": False,
        "source": None,
        "evidence": {"text": "Tekst.", "start": 0, "end": 6, "text_en": None, "field": "text"},
    }
    return {
        "article_id": article_id, "position": 0, "supplier": supplier,
        "recipient": recipient, "items": "drones", "stance": "asserted", "hedged": False,
        "source": None, "trigger": "", "mentions": 1, "evidence_text": "Tekst.",
        "evidence_start": 0, "evidence_end": 6, "evidence_text_en": None,
        "evidence_field": "text", "data": data,
    }  # fmt: skip


def _article(aid: int, published: dt.date | None, stored: dt.datetime) -> dict[str, object]:
    return {
        "url": None, "title": None, "outlet": None, "published": published,
        "language": "nb", "content_hash": f"{aid:064x}", "text": "Tekst.",
        "extractor_version": "1", "stored_at": stored, "extracted_at": stored, "revision": 1,
        "is_current": True,
    }  # fmt: skip


def test_an_empty_database_is_migrated_to_head_matching_the_models(store_url: str) -> None:
    store = connect(store_url)
    try:
        assert migrate.current(store) is None
        migrate.upgrade(store)
        assert migrate.current(store) == migrate.head() == "0002"
        with store.writer.connect() as connection:
            # No difference between what the migrations built and what the models declare.
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        store.close()


def test_the_previous_version_with_data_is_upgraded_and_backfilled(store_url: str) -> None:
    store = connect(store_url)
    try:
        migrate.upgrade(store, "0001")
        late = dt.datetime(2024, 5, 31, 23, 30, tzinfo=dt.timezone.utc)
        with store.writer.begin() as connection:
            connection.execute(
                ARTICLES_0001.insert(),
                [_article(1, dt.date(2024, 1, 15), late), _article(2, None, late)],
            )
            connection.execute(
                CLAIMS_0001.insert(),
                [_claim(1, "Iran", "Russia"), _claim(2, "North Korea", "Russia")],
            )
        migrate.upgrade(store)
        assert migrate.current(store) == "0002"
        with store.reader.connect() as connection:
            days = connection.execute(sa.text("SELECT id, day FROM claims ORDER BY id")).all()
        # The published date, else the stored date (in UTC).
        assert [(i, dt.date.fromisoformat(str(d))) for i, d in days] == [
            (1, dt.date(2024, 1, 15)),
            (2, dt.date(2024, 5, 31)),
        ]
        page = claims_page(store, ClaimFilter.of(recipient="Russia"), 10, None)
        assert [(c.id, c.day) for c in page.claims] == [
            (2, dt.date(2024, 5, 31)),
            (1, dt.date(2024, 1, 15)),
        ]
        # New rows after the upgrade take new ids: the rebuilt table kept AUTOINCREMENT.
        text = "Ny tekst.\n\nNorge sender NASAMS."
        evidence = {"text": "Norge sender NASAMS.", "start": 11, "end": 31, "text_en": None}
        new = {
            "supplier": "Norway",
            "recipient": "Ukraine",
            "items": "NASAMS",
            "stance": "planned",
            "hedged": False,
            "source": None,
            "evidence": evidence,
        }
        stored = ingest(store, ArticleIn(text, "nb", [new]))
        assert stored.article_id == 3
        assert [c.id for c in claims_page(store, ClaimFilter(), 10, None).claims] == [3, 2, 1]
    finally:
        store.close()


def test_downgrade_and_upgrade_again(store_url: str) -> None:
    store = connect(store_url)
    try:
        migrate.upgrade(store)
        migrate.downgrade(store, "0001")
        assert migrate.current(store) == "0001"
        with store.reader.connect() as connection:
            columns = {c["name"] for c in sa.inspect(connection).get_columns("claims")}
        assert "day" not in columns and "data" in columns
        migrate.downgrade(store, "base")
        assert migrate.current(store) is None
        migrate.upgrade(store)
        assert migrate.current(store) == "0002"
    finally:
        store.close()


def test_a_database_at_another_version_stops_start_up_without_migrate(store_url: str) -> None:
    store = connect(store_url)
    migrate.upgrade(store, "0001")
    store.close()
    with pytest.raises(SchemaMismatch, match="at schema revision 0001, this service needs 0002"):
        open_store(store_url, migrate=False)
    open_store(store_url).close()  # migrate=True (the default setting) upgrades it
    open_store(store_url, migrate=False).close()


def test_replicas_starting_together_migrate_once(store_url: str) -> None:
    # Separate processes, as replicas are: each runs `python -m service.store upgrade`.
    env = {**os.environ, "BRIEF_STORE_URL": store_url, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "service.store", "upgrade"]
    replicas = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    results = [(r.wait(120), r.stdout.read(), r.stderr.read()) for r in replicas]  # type: ignore[union-attr]
    assert [code for code, _, _ in results] == [0, 0, 0, 0], results
    assert all(out.decode().rstrip().endswith("at 0002, head 0002") for _, out, _ in results)
    # And threads of one process (a test suite, a benchmark) take turns.
    with ThreadPoolExecutor(3) as pool:
        for future in [pool.submit(lambda: open_store(store_url).close()) for _ in range(3)]:
            future.result(60)  # raises what the thread raised
    store = connect(store_url)
    try:
        assert migrate.current(store) == "0002"
    finally:
        store.close()
