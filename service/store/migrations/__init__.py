"""Alembic migrations of the claim store (env.py, versions/); run through service.store.migrate."""
