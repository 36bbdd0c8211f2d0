"""Alembic environment: runs on the connection service.store.migrate hands over.

Called with `config.attributes["connection"]` (the service, the tests, `python -m
service.store`), so the migration runs inside the caller's transaction. On PostgreSQL a
transaction-scoped advisory lock serialises replicas that start together: the second one waits,
then finds the schema at head and does nothing. On SQLite the writer's BEGIN IMMEDIATE does the
same. Batch mode lets SQLite alter columns (it rebuilds the table).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from service.store.models import Base

# Any constant: the key of the advisory lock only migrations take.
MIGRATION_LOCK_KEY = 7_140_001


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            connection.execute(lock, {"key": MIGRATION_LOCK_KEY})
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through service.store.migrate (python -m service.store upgrade), "
        "which passes the connection"
    )
_run(connection)
