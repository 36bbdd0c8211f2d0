"""The claim store's queries: GET /v1/claims (pages), /v1/claims.csv (everything, streamed),
/v1/claims/network and /v1/claims/timeline (the /claims page's graph and chart), and
GET /v1/actors/{name}.

Every filter is validated here: an unknown parameter, a language the service does not brief,
since after until or a cursor this service did not make is a 422, never a silently wider answer.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse

from service import languages
from service.access import FIELD_NAME
from service.api.store_deps import StoreDep, refuse_nul, run
from service.claims.types import Stance
from service.errors import Problem, problem_responses
from service.schemas.dates import IsoDate
from service.schemas.store import (
    ActorOut,
    ClaimsPageOut,
    EdgeOut,
    MonthOut,
    NetworkOut,
    TimelineOut,
)
from service.store import aggregates, queries
from service.store.export import csv_chunks
from service.store.filters import BadCursor, ClaimFilter, Cursor
from service.store.names import english_name, is_known

router = APIRouter(tags=["claim store"])

CSV_MEDIA_TYPE = "text/csv; charset=utf-8; header=present"
NAME = {"max_length": 200}
BAD_FILTER = problem_responses({422: "Unknown parameter, bad filter value or bad cursor"})
PAGING = {"limit", "cursor"}


def _bad(detail: str) -> Problem:
    return Problem(422, "bad-filter", detail, title="Invalid filter")


def claim_filter(
    request: Request,
    supplier: Annotated[
        str | None, Query(**NAME, description="Supplier, in any language or English.")
    ] = None,
    recipient: Annotated[str | None, Query(**NAME, description="Recipient, likewise.")] = None,
    actor: Annotated[str | None, Query(**NAME, description="Supplier or recipient.")] = None,
    stance: Annotated[
        list[Stance] | None, Query(description="Repeatable: any of these stances.")
    ] = None,
    item: Annotated[
        str | None, Query(**NAME, description="Substring of the items, case-insensitive.")
    ] = None,
    source: Annotated[
        str | None,
        Query(**NAME, description='Who makes the claim; "article" for the article\'s own voice.'),
    ] = None,
    language: Annotated[str | None, Query(max_length=8, description="nb, nn, sv or da.")] = None,
    since: Annotated[
        IsoDate | None, Query(description="From this date (published, else stored).")
    ] = None,
    until: Annotated[IsoDate | None, Query(description="Up to this date, inclusive.")] = None,
) -> ClaimFilter:
    """The filters of every claim query, checked and with actor names resolved."""
    known = {
        "supplier", "recipient", "actor", "stance", "item", "source", "language", "since",
        "until", FIELD_NAME, *PAGING,
    }  # fmt: skip
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise _bad(f"unknown parameter(s): {', '.join(unknown)}; filters are {sorted(known)}")
    refuse_nul(supplier=supplier, recipient=recipient, actor=actor, item=item, source=source)
    if language is not None and not languages.is_source(language):
        raise _bad(f"language '{language}' is not one of {', '.join(languages.source_codes())}")
    if since is not None and until is not None and since > until:
        raise _bad(f"since ({since}) is after until ({until})")
    return ClaimFilter.of(
        supplier=supplier,
        recipient=recipient,
        actor=actor,
        stances=stance or (),
        item=item,
        source=source,
        language=language,
        since=since,
        until=until,
    )


FilterDep = Annotated[ClaimFilter, Depends(claim_filter)]
CursorQuery = Annotated[
    str | None, Query(max_length=200, description="next_cursor of the previous page.")
]


def _cursor(token: str | None) -> Cursor | None:
    if token is None:
        return None
    try:
        return Cursor.decode(token)
    except BadCursor as exc:
        raise Problem(422, "bad-cursor", str(exc), title="Invalid cursor") from exc


@router.get(
    "/claims",
    response_model=ClaimsPageOut,
    responses=BAD_FILTER,
    summary="Stored claims, filtered, newest first, a page at a time",
    description="Claims of the current revision of every stored article, ordered by the "
    "article's published date (else its stored date), newest first. Actor names may be given "
    'in nb, nn, sv, da or English ("Nord-Korea" finds "North Korea"). `total` counts every '
    "match; pass `next_cursor` back as `cursor` for the next page.",
)
async def list_claims(
    f: FilterDep,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: CursorQuery = None,
) -> ClaimsPageOut:
    page = await run(queries.claims_page, store, f, limit, _cursor(cursor))
    return ClaimsPageOut.of(page)


@router.get(
    "/claims.csv",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
        **BAD_FILTER,
    },
    summary="Stored claims as CSV (RFC 4180, header row), streamed",
    description="The same filters as /v1/claims; every match unless `limit` is given "
    "(`cursor` starts after a page of /v1/claims). One row per claim with its article.",
)
async def claims_csv(
    f: FilterDep,
    store: StoreDep,
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
    cursor: CursorQuery = None,
) -> StreamingResponse:
    chunks = csv_chunks(queries.iter_claims(store, f, cursor=_cursor(cursor), limit=limit))
    # The first chunk (and its query) before the answer starts: a database that is down is
    # still a 503, not a 200 cut short.
    first = await run(next, chunks)
    body: Iterator[str] = itertools.chain([first], chunks)
    return StreamingResponse(
        body,
        media_type=CSV_MEDIA_TYPE,
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )


@router.get(
    "/claims/network",
    response_model=NetworkOut,
    responses=BAD_FILTER,
    summary="Supplier -> recipient relations of the matching claims (the page's graph)",
)
async def claims_network(f: FilterDep, store: StoreDep) -> NetworkOut:
    edges = await run(aggregates.network, store, f)
    return NetworkOut(edges=[EdgeOut.of(e) for e in edges])


@router.get(
    "/claims/timeline",
    response_model=TimelineOut,
    responses=BAD_FILTER,
    summary="Matching claims per month (the page's chart)",
)
async def claims_timeline(f: FilterDep, store: StoreDep) -> TimelineOut:
    months = await run(aggregates.timeline, store, f)
    return TimelineOut(months=[MonthOut.of(m) for m in months])


@router.get(
    "/actors/{name}",
    response_model=ActorOut,
    responses=problem_responses({404: "No claims stored about an actor of that name"}),
    summary="Whom an actor supplies, and who supplies it",
    description="Over the current claims: per counterpart, the items, claims per stance, the "
    "number of articles and the first and last date. The name may be in any of the service's "
    "languages or English. 404 when no stored claim names the actor and no table knows it.",
)
async def actor(name: Annotated[str, Path(max_length=200)], store: StoreDep) -> ActorOut:
    refuse_nul(name=name)
    found = await run(aggregates.profile, store, english_name(name))
    if not found.supplies and not found.receives and not is_known(name):
        raise Problem(404, "actor-unknown", f"No stored claim names '{name}'.")
    return ActorOut.of(found)
