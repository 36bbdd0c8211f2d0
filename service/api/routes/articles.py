"""GET /v1/articles/{id}: a stored article with its claims. DELETE: remove it and its claims
(corrections, takedowns)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from service.api.store_deps import StoreDep, run
from service.errors import Problem, problem_responses
from service.schemas.store import ArticleOut
from service.store import delete_article, queries

router = APIRouter(tags=["claim store"])

NOT_FOUND = problem_responses({404: "No stored article has this id"})
# le: the id column is a 32-bit integer on PostgreSQL.
ArticleId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The article's id.")]


def _missing(article_id: int) -> Problem:
    return Problem(404, "article-not-found", f"No stored article has id {article_id}.")


@router.get(
    "/articles/{article_id}",
    response_model=ArticleOut,
    responses=NOT_FOUND,
    summary="A stored article with its claims",
    description="Any revision by its id; `current` says whether it is the latest of its URL "
    "(only current revisions are answered by /v1/claims).",
)
async def get_article(article_id: ArticleId, store: StoreDep) -> ArticleOut:
    record = await run(queries.get_article, store, article_id)
    if record is None:
        raise _missing(article_id)
    return ArticleOut.of_record(record)


@router.delete(
    "/articles/{article_id}",
    status_code=204,
    response_class=Response,
    responses=NOT_FOUND,
    summary="Remove a stored article and its claims",
    description="For corrections and takedowns. When it was the current revision of its URL, "
    "the previous revision becomes current again; delete each revision to remove them all.",
)
async def remove_article(article_id: ArticleId, store: StoreDep) -> Response:
    if not await run(delete_article, store, article_id):
        raise _missing(article_id)
    return Response(status_code=204)
