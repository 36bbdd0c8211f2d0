"""Claim store benchmark: ingest throughput and /v1/claims latency, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_store.py [--sizes 10000,100000] [--repeats 20] [--skip-postgres]

1. Ingest: every development article (seeds/, 92) briefed and stored, one after the other, with
   and without translation (the tiny random-weight model of tests/tiny_model.py: every sentence
   decodes to its maximum length, so it costs like a slow real model), into a fresh store.
   Printed: articles/s end to end (brief + store), and the store's own ms per article.
   Extraction is service.claims when its trained pipelines are installed; without them (the
   extractor is being rebuilt) the hand-made claims of seeds/claims.json stand in, as in the
   store tests; the output says which.
2. Queries: 10,000 and 100,000 generated claims (10 per article, 40 actors with a skewed
   distribution, two years of dates, four languages) bulk-loaded into a fresh store, then typical
   /v1/claims requests through the app (FastAPI, validation, JSON) timed: median and p95 ms.

PostgreSQL is a throwaway server (tests/pg_server.py) with its default durability (fsync on).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert  # noqa: E402

import service.briefing  # noqa: E402
from service.app import create_app  # noqa: E402
from service.briefing import build_brief  # noqa: E402
from service.config import Settings  # noqa: E402
from service.schemas.brief import BriefResponse  # noqa: E402
from service.store import Store, ingest, open_store  # noqa: E402
from service.store.ingest import from_brief  # noqa: E402
from service.store.models import Article, Claim  # noqa: E402
from service.translation.engine import TranslationEngine, load_engine  # noqa: E402
from service.translation.options import TranslationOptions  # noqa: E402
from tests.pg_server import find_bindir, postgres_server  # noqa: E402
from tests.store_support import ScriptedExtractor, dev_articles  # noqa: E402
from tests.tiny_model import build_tiny_model  # noqa: E402

ACTORS = [
    "Russia", "Ukraine", "Iran", "North Korea", "China", "United States", "Belarus", "Norway",
    "Sweden", "Denmark", "Finland", "Germany", "France", "United Kingdom", "Poland", "Turkey",
    "Israel", "Houthis", "Hezbollah", "Sudan", "Syria", "India", "Pakistan", "Japan",
    "South Korea", "Taiwan", "Saudi Arabia", "Qatar", "Egypt", "Mali", "Wagner Group", "Saab",
    "Nammo", "Kongsberg", "Rheinmetall", "Myanmar", "Armenia", "Azerbaijan", "Serbia", "Hungary",
]  # fmt: skip
ITEMS = ["drones", "artillery shells", "ballistic missiles", "air defence systems", "tanks",
         "fighter jets", "ammunition", "machine tools", "microchips", "rifles"]  # fmt: skip
STANCES = ["asserted", "denied", "admitted", "planned", "requested", "refused"]
LANGUAGES = ["nb", "nn", "sv", "da"]
CLAIMS_PER_ARTICLE = 10


# --- ingest -------------------------------------------------------------------------------------


def _extractor_note() -> str:
    """Use the real extractor when it can run here, else the hand-made claims."""
    try:
        service.briefing.extract_claims("Norge sender NASAMS til Ukraina.", "nb")
        return "service.claims (the real extractor)"
    except LookupError:
        articles = dev_articles()
        scripted = ScriptedExtractor({a.text: a.claims for a in articles})
        service.briefing.extract_claims = scripted  # type: ignore[assignment]
        return "seeds/claims.json hand-made claims (service.claims pipelines not installed)"


def _engine(work: Path) -> TranslationEngine | None:
    model = build_tiny_model(work / "tiny-model")
    # No translation cache: each store's run translates every sentence again, as new articles do.
    settings = Settings(
        model_dir=model,
        decoding_length_ratio=1.0,
        decoding_length_margin=4,
        translation_cache_size=0,
    )
    return load_engine(model, TranslationOptions.from_settings(settings))


def bench_ingest(
    store: Store, texts: list[str], engine: TranslationEngine | None
) -> dict[str, float]:
    async def run() -> tuple[float, float]:
        await build_brief(texts[0], "auto", None, engine)  # one-off warm-ups are not ingest
        store_s = 0.0
        start = time.perf_counter()
        for text in texts:
            brief = await build_brief(text, "auto", None, engine)
            data = BriefResponse.of(brief).model_dump(mode="json")
            t = time.perf_counter()
            await asyncio.to_thread(ingest, store, from_brief(data, text))
            store_s += time.perf_counter() - t
        return time.perf_counter() - start, store_s

    total, store_s = asyncio.run(run())
    return {
        "articles_per_s": len(texts) / total,
        "store_ms_per_article": 1000 * store_s / len(texts),
        "store_articles_per_s": len(texts) / store_s,
    }


# --- queries ------------------------------------------------------------------------------------


def generate(store: Store, claims: int, seed: int = 14) -> None:
    """Bulk-load `claims` generated claims (CLAIMS_PER_ARTICLE per article)."""
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(ACTORS))]  # a few actors in most claims
    now = dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc)
    articles = claims // CLAIMS_PER_ARTICLE
    batch = 1000
    for first in range(0, articles, batch):
        rows, claim_rows = [], []
        for a in range(first, min(first + batch, articles)):
            day = dt.date(2023, 6, 1) + dt.timedelta(days=rng.randrange(730))
            rows.append({"id": a + 1, "url": f"https://example.invalid/{a}", "title": f"Sak {a}",
                         "outlet": rng.choice(["NRK", "SvD", "DR", "VG"]), "published": day,
                         "language": rng.choice(LANGUAGES), "content_hash": f"{a:064x}",
                         "text": f"Sak {a}. " * 40, "extractor_version": "1", "stored_at": now,
                         "extracted_at": now, "revision": 1, "is_current": True})  # fmt: skip
            for n in range(CLAIMS_PER_ARTICLE):
                supplier, recipient = rng.choices(ACTORS, weights, k=2)
                item, stance = rng.choice(ITEMS), rng.choice(STANCES)
                evidence = {"text": f"Sak {a}.", "start": 0, "end": 6 + len(str(a)),
                            "text_en": None, "field": "text"}  # fmt: skip
                data = {"supplier": supplier, "recipient": recipient, "items": item,
                        "stance": stance, "hedged": False, "source": None, "trigger": "",
                        "mentions": 1, "evidence": evidence}  # fmt: skip
                claim_rows.append({"article_id": a + 1, "position": n, "supplier": supplier,
                                   "recipient": recipient, "items": item, "stance": stance,
                                   "hedged": False, "source": None, "trigger": "", "mentions": 1,
                                   "evidence_text": evidence["text"], "evidence_start": 0,
                                   "evidence_end": evidence["end"], "evidence_text_en": None,
                                   "evidence_field": "text", "data": data, "day": day})  # fmt: skip
        with store.write() as session:
            session.execute(insert(Article), rows)
            session.execute(insert(Claim), claim_rows)
    if store.dialect == "postgresql":
        # Explicit ids leave the sequence behind; and fresh statistics, as autovacuum would.
        with store.writer.begin() as conn:
            conn.exec_driver_sql("SELECT setval('articles_id_seq', (SELECT max(id) FROM articles))")
        with store.writer.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with store.writer.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("first page, no filter", {}),
    ("actor=Russland (most frequent)", {"actor": "Russland"}),
    ("supplier=Iran, stance=denied|admitted",
     {"supplier": "Iran", "stance": ["denied", "admitted"]}),
    ("item=drone (substring)", {"item": "drone"}),
    ("since/until, three months", {"since": "2024-01-01", "until": "2024-03-31"}),
    ("actor=Nord-Korea, language=sv, 2024", {"actor": "Nord-Korea", "language": "sv",
                                             "since": "2024-01-01", "until": "2024-12-31"}),
    ("limit=500", {"limit": 500}),
]  # fmt: skip


def _timed(fn: Callable[[], Any], repeats: int) -> tuple[float, float]:
    for _ in range(2):
        fn()  # warm caches and the connection pool
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    return statistics.median(times), times[max(0, int(round(0.95 * len(times))) - 1)]


def bench_queries(url: str, work: Path, repeats: int) -> dict[str, tuple[float, float]]:
    settings = Settings(model_dir=work / "no-model", store_url=url)
    out: dict[str, tuple[float, float]] = {}
    with TestClient(create_app(settings)) as client:

        def get(params: dict[str, Any], path: str = "/v1/claims") -> Callable[[], Any]:
            def call() -> Any:
                r = client.get(path, params=params)
                assert r.status_code == 200, r.text
                return r

            return call

        for name, params in QUERIES:
            out[name] = _timed(get(params), repeats)
        # The tenth page of an actor's claims, reached by following cursors.
        cursor = None
        for _ in range(9):
            cursor = client.get("/v1/claims", params={"actor": "Russia", "cursor": cursor} if cursor
                                else {"actor": "Russia"}).json()["next_cursor"]  # fmt: skip
        out["actor=Russia, 10th page (cursor)"] = _timed(
            get({"actor": "Russia", "cursor": cursor}), repeats
        )
        out["/v1/claims/network (page graph)"] = _timed(get({}, "/v1/claims/network"), repeats)
        out["/v1/claims/timeline, actor=Iran"] = _timed(
            get({"actor": "Iran"}, "/v1/claims/timeline"), repeats
        )
        out["/v1/actors/Iran"] = _timed(get({}, "/v1/actors/Iran"), repeats)
        out["/v1/claims.csv, supplier=Iran (all)"] = _timed(
            get({"supplier": "Iran"}, "/v1/claims.csv"), max(3, repeats // 4)
        )
    return out


# --- main ---------------------------------------------------------------------------------------


@contextmanager
def databases(work: Path, postgres: bool) -> Iterator[Callable[[str], tuple[str, str]]]:
    """A factory of fresh databases: name -> (backend, URL)."""
    with ExitStack() as stack:
        server = stack.enter_context(postgres_server(durable=True)) if postgres else None

        def make(name: str) -> tuple[str, str]:
            if name.startswith("pg_"):
                assert server is not None
                return "PostgreSQL", server.create_database(name)
            return "SQLite", f"sqlite:///{work / (name + '.db')}"

        yield make


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="claims to generate")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args(argv)
    postgres = not args.skip_postgres and find_bindir() is not None
    backends = ["sqlite", *(["pg"] if postgres else [])]
    sizes = [int(s) for s in args.sizes.split(",")]

    with (
        tempfile.TemporaryDirectory(prefix="bench-store-") as tmp,
        databases(Path(tmp), postgres) as database,
    ):
        work = Path(tmp)
        note = _extractor_note()
        texts = [a.text for a in dev_articles()]
        print(f"Ingest: {len(texts)} development articles, one at a time; extraction: {note}\n")
        print("| store | translation | articles/s (brief + store) | store ms/article |")
        print("|---|---|---:|---:|")
        engines = {"none": None, "tiny model": _engine(work)}
        for label, engine in engines.items():
            for backend in backends:
                name, url = database(f"{backend}_ingest_{label.replace(' ', '_')}")
                store = open_store(url)
                try:
                    r = bench_ingest(store, texts, engine)
                finally:
                    store.close()
                print(f"| {name} | {label} | {r['articles_per_s']:.1f} | "
                      f"{r['store_ms_per_article']:.1f} |", flush=True)  # fmt: skip
        for engine in engines.values():
            if engine is not None:
                engine.close()

        for size in sizes:
            for backend in backends:
                name, url = database(f"{backend}_claims_{size}")
                store = open_store(url)
                start = time.perf_counter()
                try:
                    generate(store, size)
                finally:
                    store.close()
                load_s = time.perf_counter() - start
                articles = size // CLAIMS_PER_ARTICLE
                print(f"\n/v1/claims on {name}, {size:,} claims ({articles:,} articles, loaded "
                      f"in {load_s:.1f} s); ms over {args.repeats} runs\n")  # fmt: skip
                print("| request | median ms | p95 ms |")
                print("|---|---:|---:|")
                for query, (median, p95) in bench_queries(url, work, args.repeats).items():
                    print(f"| {query} | {median:.1f} | {p95:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
