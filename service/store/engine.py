"""Connections to the store: one `Store` per process, SQLite or PostgreSQL behind one URL.

SQLite is tuned for several writers (threads and processes) on one file: WAL, so readers never
wait for a writer; a busy timeout, so a writer waits for the lock instead of failing; and write
transactions that take the lock at BEGIN (BEGIN IMMEDIATE). With pysqlite's default deferred
BEGIN, two transactions that both read and then write can deadlock, and SQLite answers one of
them "database is locked" at once instead of waiting. Reads keep deferred transactions on a
second engine, so queries run alongside ingestion.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

# How long a SQLite writer waits for another one's lock before giving up.
SQLITE_BUSY_TIMEOUT_S = 60


def _sqlite_engine(url: URL, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level: the "begin" hook below emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each WAL checkpoint
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


def _sqlite_file(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


@dataclass(eq=False)
class Store:
    """The engines of one store; `write()` and `read()` give transactional sessions."""

    url: URL
    writer: Engine
    reader: Engine
    _writer_sessions: sessionmaker[Session] = field(init=False, repr=False)
    _reader_sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._writer_sessions = sessionmaker(self.writer, expire_on_commit=False)
        self._reader_sessions = sessionmaker(self.reader, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.writer.dialect.name

    @property
    def display_url(self) -> str:
        """The URL without its password, for logs."""
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed on success, rolled back on error."""
        with self._writer_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries (one consistent snapshot on both databases)."""
        with self._reader_sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()


def connect(url: str | URL) -> Store:
    """A Store on `url` (no connection is made until first use). A SQLite file's folder is
    created, so the default `sqlite:///data/store.db` works in a fresh checkout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_file(parsed)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        writer = _sqlite_engine(parsed, "BEGIN IMMEDIATE")
        return Store(parsed, writer, _sqlite_engine(parsed, "BEGIN"))
    # pre_ping: a replica behind a restarted PostgreSQL gets a fresh connection, not an error.
    engine = create_engine(parsed, pool_pre_ping=True)
    return Store(parsed, engine, engine)
