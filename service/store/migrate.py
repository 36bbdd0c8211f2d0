"""Schema versions of the store: upgrade to head, read the current revision.

The migrations ship inside the package (service/store/migrations), so an installed service
migrates its own database; no alembic.ini is needed.
"""

from __future__ import annotations

import threading

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from service.store.engine import Store

SCRIPT_LOCATION = "service.store:migrations"
# Alembic keeps its running migration context in module globals, so two threads of one process
# must not migrate at once; other processes (replicas) are kept apart by the database's lock.
_ALEMBIC = threading.Lock()


class SchemaMismatch(RuntimeError):
    """The database is not at the schema version this code reads and writes."""


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision this code knows."""
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    assert revision is not None, "the store has no migrations"
    return revision


def current(store: Store) -> str | None:
    """The database's revision; None for an empty database."""
    with store.reader.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(store: Store, revision: str = "head") -> None:
    """Migrate to `revision` in one transaction (the writer's, so concurrent starts queue)."""
    with _ALEMBIC, store.writer.begin() as connection:
        command.upgrade(_config(connection), revision)


def downgrade(store: Store, revision: str) -> None:
    with _ALEMBIC, store.writer.begin() as connection:
        command.downgrade(_config(connection), revision)


def require_head(store: Store) -> None:
    """Raise SchemaMismatch unless the database is at head (when migrating at start-up is off)."""
    found, wanted = current(store), head()
    if found != wanted:
        raise SchemaMismatch(
            f"the store at {store.display_url} is at schema revision {found or 'none'}, this "
            f"service needs {wanted}: run `python -m service.store upgrade` or set "
            "BRIEF_STORE_MIGRATE=true"
        )
