"""`--store URL`: the one place the back-fill calls into the claim store (issue 14)."""

from __future__ import annotations

from typing import Any

from service.backfill.output import FlushHook


class StoreUnavailable(Exception):
    """The store cannot be used from this build or at this URL."""


def open_store(url: str) -> FlushHook:
    try:
        import service.store  # noqa: F401
    except ModuleNotFoundError as exc:
        raise StoreUnavailable(
            "--store: this build has no claim store (service.store, issue 14)"
        ) from exc

    def save(rows: list[dict[str, Any]]) -> None:
        raise StoreUnavailable("--store: not wired to service.store yet")

    return save
