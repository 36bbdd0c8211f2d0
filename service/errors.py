"""One error shape for every error: RFC 9457 problem+json (type, title, status, detail)."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://supplybrief.invalid/problems/"


class ProblemDetail(BaseModel):
    """The body of every error answer."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


class Problem(Exception):
    """Raise anywhere to answer with problem+json. `kind` becomes the last part of `type`."""

    def __init__(
        self,
        status: int,
        kind: str,
        detail: str,
        *,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.title = title or HTTPStatus(status).phrase
        self.headers = headers
        self.errors = errors


def problem_response(problem: Problem) -> JSONResponse:
    body = ProblemDetail(
        type=TYPE_BASE + problem.kind,
        title=problem.title,
        status=problem.status,
        detail=problem.detail,
        errors=problem.errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=problem.headers,
    )


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Keep what helps a client fix its request; drop echoed input (it may be megabytes).
    return [
        {
            "loc": list(e.get("loc", ())),
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors()
    ]


async def _on_problem(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(exc)


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    return problem_response(
        Problem(
            422, "validation", f"{where}: {first['msg']}", title="Invalid request", errors=errors
        )
    )


async def _on_http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return problem_response(
        Problem(
            exc.status_code,
            f"http-{exc.status_code}",
            str(exc.detail),
            headers=dict(exc.headers or {}),
        )
    )


async def _on_unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return problem_response(Problem(500, "internal", "Internal error; it has been logged."))


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through the one problem+json shape."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)


def problem_responses(
    descriptions: dict[int, str], headers: dict[int, dict[str, Any]] | None = None
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for error statuses answered as problem+json (see api.openapi)."""
    out: dict[int | str, dict[str, Any]] = {}
    for code, description in descriptions.items():
        entry: dict[str, Any] = {
            "model": ProblemDetail,
            "content": {PROBLEM_MEDIA_TYPE: {}},
            "description": description,
        }
        if headers and code in headers:
            entry["headers"] = headers[code]
        out[code] = entry
    return out


# Documented on every route so the OpenAPI schema shows the error shape.
PROBLEM_RESPONSES = problem_responses(
    {
        400: "Malformed body: not valid UTF-8 JSON, or an unreadable form",
        413: "Body or text too large",
        422: "Invalid request (empty text, unsupported language, wrong types)",
    }
)
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
