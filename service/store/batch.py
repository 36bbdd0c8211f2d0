"""The batch CLI's store hook (`python -m service brief --store`)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from service.store.engine import Store
from service.store.ingest import from_brief, ingest

if TYPE_CHECKING:
    from service.batch import Article


def batch_store_fn(store: Store) -> Callable[[Article, dict[str, Any]], Awaitable[int]]:
    """Store one briefed input line; the article's id."""

    async def store_fn(article: Article, brief: dict[str, Any]) -> int:
        item = from_brief(
            brief,
            article.text,
            title=article.title,
            url=article.url,
            outlet=article.outlet,
            published=article.published,
        )
        # In a thread: the database call blocks, and the event loop runs the translator.
        return (await asyncio.to_thread(ingest, store, item)).article_id

    return store_fn
