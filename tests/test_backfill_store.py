"""`backfill --store URL`: every briefing also lands in the claim store (issue 14), once per
article even when DIR loses what the store already has (a run killed between the two).

Needs service.store, which issue 14 brings; until both are merged this module skips.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.backfill_helpers import HAS_STORE, dev_articles, run_backfill, shards, write_jsonl
from tests.conftest import tiny_settings

if not HAS_STORE:
    pytest.skip("the claim store (issue 14) is not in this tree", allow_module_level=True)


def _article_ids(out: Path) -> dict[str, int]:
    return {r["key"]: json.loads(r["brief"])["article_id"] for r in shards(out, "briefs")}


def test_store_keeps_each_article_once_and_dir_carries_its_id(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    from sqlalchemy import func, select

    from service.store import open_store
    from service.store.models import Article

    url = f"sqlite:///{tmp_path / 'store.db'}"
    articles = dev_articles()[:6]
    src = write_jsonl(tmp_path / "in.jsonl", articles)
    settings = tiny_settings(tiny_model_dir)
    assert run_backfill(src, tmp_path / "run1", settings, store=url) == 0
    first = _article_ids(tmp_path / "run1")
    assert len(first) == len(articles) and len(set(first.values())) == len(articles)
    # As if a run had stored these and been killed before writing DIR: a fresh DIR, same store.
    assert run_backfill(src, tmp_path / "run2", settings, store=url) == 0
    assert _article_ids(tmp_path / "run2") == first  # the same articles, not new ones
    store = open_store(url)
    try:
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(Article)) == len(articles)
    finally:
        store.close()
