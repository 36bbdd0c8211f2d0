"""The claim store on SQLite and on a real PostgreSQL: identity, revisions, re-extraction,
deletion, every filter, keyset pagination, and the aggregates, each with exact results."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from service.store import ArticleIn, Store, delete_article, ingest
from service.store.aggregates import network, profile, timeline
from service.store.filters import BadCursor, ClaimFilter, Cursor
from service.store.identity import canonical_url, content_hash, normalise_text
from service.store.queries import claims_page, get_article, iter_claims
from service.store.version import is_newer, version_key

STORED = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.timezone.utc)

T1 = (
    "Nord-Korea sender granater til Russland\n\n"
    "Nord-Korea har sendt artillerigranater til Russland, sier Sør-Korea. "
    "Iran avviser at landet har sendt droner til Russland."
)
T2 = (
    "Iran medger drönarleveranser\n\n"
    "Iran har skickat Shahed-drönare till Ryssland, medger Teheran. "
    "Sverige ska skicka CV90 till Ukraina."
)
T3 = (
    "Danmark sender F-16\n\nDanmark sender F-16-fly til Ukraine. "
    "USA siger, at Nordkorea måske har sendt missiler til Rusland."
)
T4 = "Iran sender missil til houthiane\n\nIran har sendt missil til houthiane i Jemen."


def claim(
    text: str,
    sentence: str,
    supplier: str,
    recipient: str,
    items: str,
    stance: str,
    source: str | None = None,
    hedged: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """A claim as POST /v1/brief answers it."""
    start = text.index(sentence)
    return {
        "supplier": supplier,
        "recipient": recipient,
        "items": items,
        "stance": stance,
        "hedged": hedged,
        "source": source,
        "trigger": "",
        "mentions": 1,
        "evidence": {
            "text": sentence,
            "start": start,
            "end": start + len(sentence),
            "text_en": None,
            "field": "text",
        },
        **extra,
    }


A1 = ArticleIn(
    T1,
    "nb",
    [
        claim(
            T1,
            "Nord-Korea har sendt artillerigranater til Russland, sier Sør-Korea.",
            "Nord-Korea",
            "Russland",
            "artillery shells",
            "asserted",
            "South Korea",
        ),
        claim(
            T1,
            "Iran avviser at landet har sendt droner til Russland.",
            "Iran",
            "Russia",
            "drones",
            "denied",
            "Iran",
        ),
    ],
    title="Nord-Korea sender granater",
    url="https://nrk.no/a1",
    outlet="NRK",
    published=dt.date(2024, 1, 10),
)
A2 = ArticleIn(
    T2,
    "sv",
    [
        claim(
            T2,
            "Iran har skickat Shahed-drönare till Ryssland, medger Teheran.",
            "Iran",
            "Russia",
            "Shahed drones",
            "admitted",
            "Iran",
        ),
        claim(
            T2,
            "Sverige ska skicka CV90 till Ukraina.",
            "Sweden",
            "Ukraine",
            "CV90 vehicles",
            "planned",
        ),
    ],
    outlet="SvD",
    published=dt.date(2024, 2, 5),
)
A3 = ArticleIn(
    T3,
    "da",
    [
        claim(
            T3,
            "Danmark sender F-16-fly til Ukraine.",
            "Denmark",
            "Ukraine",
            "F-16 fighter jets",
            "planned",
        ),
        claim(
            T3,
            "USA siger, at Nordkorea måske har sendt missiler til Rusland.",
            "North Korea",
            "Russia",
            "ballistic missiles",
            "asserted",
            "United States",
            True,
        ),
    ],
)
A4 = ArticleIn(
    T4,
    "nn",
    [
        claim(
            T4,
            "Iran har sendt missil til houthiane i Jemen.",
            "Iran",
            "Houthis",
            "missiles",
            "asserted",
        )
    ],
    published=dt.date(2024, 3, 20),
)


def _fill(store: Store) -> list[int]:
    return [ingest(store, a, now=STORED).article_id for a in (A1, A2, A3, A4)]


def _ids(store: Store, limit: int = 100, **filters: Any) -> list[int]:
    return [c.id for c in claims_page(store, ClaimFilter.of(**filters), limit, None).claims]


# --- identity, revisions, re-extraction, deletion ------------------------------------------------


def test_same_text_is_one_article_and_claims_are_not_duplicated(store: Store) -> None:
    first = ingest(store, A1, now=STORED)
    assert first.outcome == "created"
    copied = ArticleIn(
        T1.replace("\n", "\r\n").replace("Russland, sier", "Russland,  sier") + "  \n",
        "nb",
        A1.claims,
        outlet="Aftenposten",
    )
    again = ingest(store, copied)
    assert (again.article_id, again.outcome) == (first.article_id, "unchanged")
    assert _ids(store) == [2, 1]
    record = get_article(store, first.article_id)
    assert record is not None
    # The first copy's metadata stands; the stored text is the first one, as briefed.
    assert (record.ref.outlet, record.text, record.revision, record.current) == ("NRK", T1, 1, True)
    assert record.content_hash == content_hash(T1) == content_hash(copied.text)


def test_actor_names_are_stored_in_english_and_new_claim_fields_survive(store: Store) -> None:
    extra = ArticleIn(T4, "nn", [{**A4.claims[0], "supplier": "Teheran", "quantity": "40"}])
    article_id = ingest(store, extra, now=STORED).article_id
    record = get_article(store, article_id)
    assert record is not None
    (stored,) = record.claims
    assert stored.data["supplier"] == "Iran"  # Teheran, the capital, is Iran
    assert stored.data["quantity"] == "40"  # a field this code does not know, kept as given
    assert _ids(store, supplier="Iran") == [stored.id]


def test_changed_text_at_a_url_is_a_new_revision_and_only_it_is_current(store: Store) -> None:
    _fill(store)
    changed = T1.replace("sier Sør-Korea", "sier sørkoreanske kilder")
    revised = ArticleIn(
        changed,
        "nb",
        [
            claim(
                changed,
                "Nord-Korea har sendt artillerigranater til Russland, sier sørkoreanske kilder.",
                "North Korea",
                "Russia",
                "artillery shells",
                "asserted",
            )
        ],
        url="https://NRK.no:443/a1?utm_source=twitter#comments",
    )
    stored = ingest(store, revised, now=STORED)
    assert (stored.article_id, stored.outcome) == (5, "revision")
    # Only the current revision's claims are answered: claims 1 and 2 (revision 1) are gone.
    assert _ids(store, actor="North Korea") == [8, 6]
    assert _ids(store, supplier="Iran") == [7, 3]
    old, new = get_article(store, 1), get_article(store, 5)
    assert old is not None and new is not None
    assert (old.current, old.revision, old.revisions) == (False, 1, [1, 5])
    assert (new.current, new.revision, new.ref.url) == (True, 2, "https://nrk.no/a1")
    assert [c.id for c in old.claims] == [1, 2]  # an old revision is still readable by id
    # The old text seen again is the old revision, not a third one; the new one stays current.
    assert ingest(store, A1).outcome == "unchanged"
    assert _ids(store, actor="North Korea") == [8, 6]
    # Withdrawing the correction makes the first text current again.
    assert delete_article(store, 5) is True
    assert _ids(store, actor="North Korea") == [6, 1]
    again = get_article(store, 1)
    assert again is not None and again.current and again.revisions == [1]


def test_a_newer_extractor_replaces_the_claims_and_an_older_one_does_not(store: Store) -> None:
    article_id = _fill(store)[1]
    newer = ArticleIn(
        T2,
        "sv",
        [
            claim(
                T2,
                "Sverige ska skicka CV90 till Ukraina.",
                "Sweden",
                "Ukraine",
                "CV90 infantry fighting vehicles",
                "planned",
            )
        ],
        extractor_version="2",
    )
    assert ingest(store, newer, now=STORED).outcome == "replaced"
    record = get_article(store, article_id)
    assert record is not None and record.extractor_version == "2"
    assert [(c.id, c.data["items"]) for c in record.claims] == [
        (8, "CV90 infantry fighting vehicles")
    ]
    assert _ids(store, language="sv") == [8]
    # A replica still on extractor 1 briefs the same text: the newer claims stay.
    assert ingest(store, A2).outcome == "unchanged"
    record = get_article(store, article_id)
    assert record is not None and [c.id for c in record.claims] == [8]


def test_a_later_published_date_fills_the_gap_and_moves_the_claims(store: Store) -> None:
    _fill(store)
    dated = ArticleIn(T3, "da", A3.claims, published=dt.date(2024, 1, 2), outlet="DR")
    assert ingest(store, dated).outcome == "unchanged"
    assert _ids(store, until=dt.date(2024, 1, 31)) == [2, 1, 6, 5]  # 10 January, then 2nd
    record = get_article(store, 3)
    assert record is not None and (record.ref.published, record.ref.outlet) == (
        dt.date(2024, 1, 2),
        "DR",
    )


def test_delete_removes_the_article_and_its_claims(store: Store) -> None:
    _fill(store)
    assert delete_article(store, 2) is True
    assert get_article(store, 2) is None
    assert _ids(store) == [7, 6, 5, 2, 1]
    assert delete_article(store, 2) is False
    # Ids are never handed out again (AUTOINCREMENT / sequences): a link stays dead.
    assert ingest(store, A2).article_id == 5


# --- queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [7, 6, 5, 4, 3, 2, 1]),
        ({"actor": "Nord-Korea"}, [6, 1]),
        ({"actor": "nordkorea"}, [6, 1]),
        ({"supplier": "Iran"}, [7, 3, 2]),
        ({"recipient": "Russland"}, [6, 3, 2, 1]),
        ({"recipient": "Ryssland", "supplier": "Iran"}, [3, 2]),
        ({"stances": ["planned"]}, [5, 4]),
        ({"stances": ["denied", "admitted"]}, [3, 2]),
        ({"item": "DRONE"}, [3, 2]),
        ({"item": "f-16"}, [5]),
        ({"item": "%"}, []),
        ({"item": "_"}, []),
        ({"source": "article"}, [7, 5, 4]),
        ({"source": "iran"}, [3, 2]),
        ({"source": "USA"}, [6]),
        ({"language": "sv"}, [4, 3]),
        ({"since": dt.date(2024, 2, 1)}, [7, 6, 5, 4, 3]),
        ({"until": dt.date(2024, 2, 5)}, [4, 3, 2, 1]),
        ({"since": dt.date(2024, 2, 6), "until": dt.date(2024, 3, 1)}, [6, 5]),
        ({"actor": "Iran", "stances": ["asserted"]}, [7]),
        ({"actor": "Atlantis"}, []),
    ],
)
def test_every_filter(store: Store, filters: dict[str, Any], expected: list[int]) -> None:
    _fill(store)
    page = claims_page(store, ClaimFilter.of(**filters), 50, None)
    assert [c.id for c in page.claims] == expected
    assert page.total == len(expected) and page.next_cursor is None


def test_claims_carry_their_article(store: Store) -> None:
    _fill(store)
    (c,) = claims_page(store, ClaimFilter.of(source="South Korea"), 50, None).claims
    assert (c.id, c.day, c.data["supplier"], c.data["recipient"]) == (
        1,
        dt.date(2024, 1, 10),
        "North Korea",
        "Russia",
    )
    assert c.data["evidence"]["text"] == T1[c.data["evidence"]["start"] : c.data["evidence"]["end"]]
    ref = c.article
    assert (ref.id, ref.url, ref.title, ref.outlet, ref.published, ref.language) == (
        1,
        "https://nrk.no/a1",
        "Nord-Korea sender granater",
        "NRK",
        dt.date(2024, 1, 10),
        "nb",
    )


def test_keyset_pages_cover_every_claim_once(store: Store) -> None:
    _fill(store)
    f, cursor, pages = ClaimFilter(), None, []
    while True:
        page = claims_page(store, f, 3, cursor)
        assert page.total == 7
        pages.append([c.id for c in page.claims])
        if page.next_cursor is None:
            break
        cursor = Cursor.decode(page.next_cursor.encode())
    assert pages == [[7, 6, 5], [4, 3, 2], [1]]
    # A claim stored meanwhile on a later day does not shift the pages that follow.
    first = claims_page(store, f, 3, None)
    later = "Ny tekst\n\nNoreg sender NASAMS til Ukraina."
    nasams = claim(
        later, "Noreg sender NASAMS til Ukraina.", "Norway", "Ukraine", "NASAMS", "planned"
    )
    ingest(store, ArticleIn(later, "nn", [nasams], published=dt.date(2024, 4, 1)))
    assert first.next_cursor is not None
    assert [c.id for c in claims_page(store, f, 3, first.next_cursor).claims] == [4, 3, 2]
    assert [c.id for c in iter_claims(store, f)] == [8, 7, 6, 5, 4, 3, 2, 1]
    assert [c.id for c in iter_claims(store, f, cursor=first.next_cursor, limit=2)] == [4, 3]


def test_bad_cursors_are_refused() -> None:
    for token in ("zzz", "", "W10", "WyIyMDI0LTAxLTAxIiwgLTFd", "eyJhIjogMX0"):
        with pytest.raises(BadCursor):
            Cursor.decode(token)
    cursor = Cursor(dt.date(2024, 1, 1), 42)
    assert Cursor.decode(cursor.encode()) == cursor


# --- aggregates -----------------------------------------------------------------------------------


def test_actor_profile(store: Store) -> None:
    _fill(store)
    iran = profile(store, "Iran")
    assert [(r.other, r.items, r.stances, r.articles, r.first, r.last) for r in iran.supplies] == [
        (
            "Russia",
            ["Shahed drones", "drones"],
            {"denied": 1, "admitted": 1},
            2,
            dt.date(2024, 1, 10),
            dt.date(2024, 2, 5),
        ),
        ("Houthis", ["missiles"], {"asserted": 1}, 1, dt.date(2024, 3, 20), dt.date(2024, 3, 20)),
    ]
    assert iran.receives == []
    russia = profile(store, "Russia")
    assert russia.supplies == []
    assert [(r.other, r.stances, r.articles) for r in russia.receives] == [
        ("Iran", {"denied": 1, "admitted": 1}, 2),
        ("North Korea", {"asserted": 2}, 2),
    ]


def test_network_and_timeline(store: Store) -> None:
    _fill(store)
    edges = network(store, ClaimFilter())
    assert [
        (e.supplier, e.recipient, e.articles, e.claims, e.stances, e.dominant) for e in edges
    ] == [
        ("Iran", "Russia", 2, 2, {"denied": 1, "admitted": 1}, "denied"),
        ("North Korea", "Russia", 2, 2, {"asserted": 2}, "asserted"),
        ("Denmark", "Ukraine", 1, 1, {"planned": 1}, "planned"),
        ("Iran", "Houthis", 1, 1, {"asserted": 1}, "asserted"),
        ("Sweden", "Ukraine", 1, 1, {"planned": 1}, "planned"),
    ]
    assert [(m.month, m.claims, m.stances) for m in timeline(store, ClaimFilter())] == [
        ("2024-01", 2, {"asserted": 1, "denied": 1}),
        ("2024-02", 2, {"admitted": 1, "planned": 1}),
        ("2024-03", 3, {"asserted": 2, "planned": 1}),
    ]
    # Gaps are months with no claims, so the chart's x axis is time.
    months = timeline(store, ClaimFilter.of(until=dt.date(2024, 1, 31), actor="Iran"))
    assert [(m.month, m.claims) for m in months] == [("2024-01", 1)]
    wide = timeline(store, ClaimFilter.of(supplier="North Korea"))
    assert [(m.month, m.claims) for m in wide] == [("2024-01", 1), ("2024-02", 0), ("2024-03", 1)]


# --- identity rules without a database ----------------------------------------------------------


def test_normalised_text_and_canonical_urls() -> None:
    assert normalise_text("  Tittel \r\n\r\n\r\nA\u00a0 b  \n") == "Tittel\n\nA b"
    assert normalise_text("e\u0301") == normalise_text("\u00e9")  # NFC
    assert content_hash("a\nb") != content_hash("a b")  # a line break is not a space
    assert canonical_url("HTTPS://Www.NRK.no:443/nyheter/x?id=3&utm_medium=s&fbclid=1#c") == (
        "https://www.nrk.no/nyheter/x?id=3"
    )
    assert canonical_url("http://vg.no:8080") == "http://vg.no:8080/"
    assert canonical_url("  ") is None and canonical_url(None) is None


def test_extractor_versions_compare_by_number() -> None:
    assert version_key("1.10") > version_key("1.9")
    assert is_newer("2", "1") and not is_newer("1", "1") and not is_newer("1", "2")
