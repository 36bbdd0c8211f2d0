"""The claim store for the routes: the dependency that hands it over, and `run`, which calls the
(synchronous) store off the event loop and answers a database outage as problem+json.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, Request
from sqlalchemy.exc import DBAPIError

from service.errors import Problem
from service.schemas.brief import BriefRequest, BriefResponse
from service.store import Store, ingest
from service.store.ingest import from_brief

log = logging.getLogger("service.store")

P = ParamSpec("P")
T = TypeVar("T")


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def unavailable(exc: DBAPIError) -> Problem:
    log.error("claim store error: %s", exc)
    return Problem(
        503,
        "store-unavailable",
        "The claim store could not be reached or refused the operation; retry later.",
        headers={"Retry-After": "5"},
    )


async def run(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`fn(*args, **kwargs)` in a worker thread (database calls block); a database error is a
    503 `store-unavailable`."""
    try:
        return await asyncio.to_thread(fn, *args, **kwargs)
    except DBAPIError as exc:
        raise unavailable(exc) from exc


def refuse_nul(**values: str | None) -> None:
    """422 for a NUL character: PostgreSQL text cannot hold one, and no article or name has one
    (SQLite would take it, so the answer would depend on the database)."""
    for name, value in values.items():
        if value is not None and "\x00" in value:
            raise Problem(422, "nul-character", f"{name} contains a NUL character (U+0000).")


async def store_brief(store: Store, body: BriefRequest, answer: BriefResponse) -> int:
    """Keep a briefing of POST /v1/brief; its article's id."""
    item = from_brief(
        answer.model_dump(mode="json"),
        body.text,
        title=body.title,
        url=body.url,
        outlet=body.outlet,
        published=body.published,
    )
    stored = await run(ingest, store, item)
    return stored.article_id
