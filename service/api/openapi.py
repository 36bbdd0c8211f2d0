"""The app's OpenAPI document, made to say what the app does.

Two things FastAPI cannot know on its own:
- the text limits are settings, checked by a dependency (`enforce_input_limits`), so they are
  written into the request-body schemas (maxLength / maxItems) of the routes behind it;
- error answers are served as application/problem+json, so their schema is documented under
  that media type, not under application/json.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from service.config import Settings
from service.errors import PROBLEM_MEDIA_TYPE
from service.input_limits import TEXT_FIELDS


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


def apply_limits(
    spec: dict[str, Any], settings: Settings, operations: set[tuple[str, str]]
) -> None:
    """Write the limits into the request-body schemas of `operations`."""
    for path, method in operations:
        operation = spec.get("paths", {}).get(path, {}).get(method)
        if operation is None:
            continue
        media = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if not media:
            continue  # no body, no text to limit
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


def document_problem_media_type(spec: dict[str, Any]) -> None:
    """Move each error schema from application/json to application/problem+json."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if not str(status).startswith(("4", "5")) or PROBLEM_MEDIA_TYPE not in content:
                    continue
                schema = content.pop("application/json", {}).get("schema")
                if schema is not None:
                    content[PROBLEM_MEDIA_TYPE] = {"schema": schema}


def customise_openapi(
    app: FastAPI, settings: Settings, limited: set[tuple[str, str]]
) -> None:
    """Make `app.openapi()` show this app's limits (on the `limited` operations) and its error
    media type."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            apply_limits(spec, settings, limited)
            document_problem_media_type(spec)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
