"""Per-text and per-batch limits of the /v1 routes, enforced as one dependency and documented in
the OpenAPI schema with the values of the running settings.

The limits are settings (BRIEF_MAX_TEXT_CHARS, BRIEF_MAX_BATCH_ITEMS), so they cannot be static
`max_length` constraints of the request models, which are built at import. Instead the dependency
checks the parsed JSON body before the route's own validation runs (413 for a text over the limit,
with the limit in the detail; 422 for a list with too many texts), and `document_text_limits`
writes the same values into the schema as maxLength / maxItems, so clients and fuzzers see them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request

from service.config import Settings
from service.errors import Problem

# Request-body fields that carry article text: a string, or a list of strings (a batch).
TEXT_FIELDS = ("text", "title")


def _check_field(name: str, value: Any, settings: Settings) -> None:
    if isinstance(value, list):
        if len(value) > settings.max_batch_items:
            raise Problem(
                422,
                "too-many-texts",
                f"{name}: {len(value)} texts in one request; the limit is "
                f"{settings.max_batch_items}.",
            )
        items: list[tuple[int | None, Any]] = list(enumerate(value))
    else:
        items = [(None, value)]
    for index, text in items:
        if isinstance(text, str) and len(text) > settings.max_text_chars:
            where = name if index is None else f"{name}[{index}]"
            raise Problem(
                413,
                "text-too-long",
                f"{where} has {len(text)} characters; the limit is {settings.max_text_chars} "
                "characters per text.",
            )


async def enforce_text_limits(request: Request) -> None:
    """Raise 413/422 Problems for texts over the limits. Use as a router-level dependency."""
    if "json" not in request.headers.get("content-type", ""):
        return  # not a JSON body: the route's own validation refuses it
    try:
        # FastAPI has parsed and cached the body already; this costs no second parse.
        body = await request.json()
    except ValueError:
        return
    if isinstance(body, dict):
        settings: Settings = request.app.state.settings
        for name in TEXT_FIELDS:
            _check_field(name, body.get(name), settings)


def _limit_schema(schema: dict[str, Any], settings: Settings) -> None:
    kind = schema.get("type")
    if kind == "string":
        schema["maxLength"] = min(
            schema.get("maxLength", settings.max_text_chars), settings.max_text_chars
        )
    elif kind == "array":
        schema["maxItems"] = min(
            schema.get("maxItems", settings.max_batch_items), settings.max_batch_items
        )
        if isinstance(schema.get("items"), dict):
            _limit_schema(schema["items"], settings)
    for alternative in schema.get("anyOf", []) + schema.get("oneOf", []):
        _limit_schema(alternative, settings)


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        resolved: dict[str, Any] = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
        return resolved
    return schema


def apply_limits(spec: dict[str, Any], settings: Settings, paths_prefix: str = "/v1/") -> None:
    """Write the limits into the request-body schemas of the JSON routes under `paths_prefix`."""
    for path, operations in spec.get("paths", {}).items():
        if not path.startswith(paths_prefix):
            continue
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            media = content.get("application/json")
            if not media:
                continue
            body = _resolve(spec, media.get("schema", {}))
            for name in TEXT_FIELDS:
                if name in body.get("properties", {}):
                    _limit_schema(body["properties"][name], settings)
            too_large = operation.get("responses", {}).get("413")
            if too_large is not None:
                too_large["description"] = (
                    f"Body over {settings.max_body_bytes} bytes, or a text over "
                    f"{settings.max_text_chars} characters"
                )


def document_text_limits(app: FastAPI, settings: Settings) -> None:
    """Make `app.openapi()` show this app's limits (maxLength, maxItems, 413 description)."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            apply_limits(spec, settings)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
