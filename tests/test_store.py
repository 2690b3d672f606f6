"""The Store on SQLite and PostgreSQL: upserts, batches, all-or-nothing articles, reading back."""
from __future__ import annotations

from datetime import date

import pytest

from figures.errors import ConfigError, StoreError
from figures.records import Article, Claim, Mention
from figures.store import Store


def article(n: int, outlet: str | None = "Reuters", published: date | None = date(2024, 10, 21)) -> Article:
    text = f"Officials said {n} troops and {n * 10} civilians were moved."
    return Article(id=f"a{n:03d}", text=text, outlet=outlet, published=published, url=f"https://example.org/{n}")


def claims_of(a: Article, article_id: str | None = None) -> tuple[Claim, ...]:
    out = []
    for word in a.text.split():
        if word.isdigit():
            start = a.text.index(word)
            out.append(Claim(article_id=article_id or a.id, start=start, end=start + len(word), span=word,
                             sentence=a.text, value=float(word), low=float(word), high=float(word),
                             attributed_to=a.outlet, as_of=a.published, claimant_chain=("Officials", a.outlet or "")))
    return tuple(out)


def mentions_of(a: Article) -> tuple[Mention, ...]:
    return (Mention(a.id, 0, 9, a.text[:9], "no figure"),)


def test_save_stores_once_and_reads_back(store_url: str) -> None:
    a = article(1)
    with Store(store_url) as store:
        assert store.save(a, claims_of(a), mentions_of(a)) is True
        assert store.save(a, claims_of(a), mentions_of(a)) is False  # idempotent: nothing new
        frame = store.claims_frame()
        assert list(frame["span"]) == ["1", "10"]
        assert set(frame["article_id"]) == {"a001"}
        assert list(frame["claimant_chain"]) == ["Officials <- Reuters"] * 2
        assert list(frame["outlet"]) == ["Reuters"] * 2
        first = frame.iloc[0]  # every field comes back with its type, whichever path wrote it
        assert (first["as_of"], first["published"], first["value"], first["is_change"], first["qualifier"]) == \
            (date(2024, 10, 21), date(2024, 10, 21), 1.0, False, "exact")
        assert isinstance(first["as_of"], date) and frame["is_change"].dtype == bool and first["high"] == 1.0
        assert list(store.articles_frame()["article_id"]) == ["a001"]
        assert list(store.mentions_frame()["reason"]) == ["no figure"]
        assert store.latest_published() == date(2024, 10, 21)


def test_claims_frame_columns_and_dtypes_are_the_same_on_every_backend(store_url: str) -> None:
    # read as plain rows, not ORM objects: the frame the comparator and the report expect
    from figures.store import CLAIM_COLUMNS

    a = article(1)
    with Store(store_url) as store:
        store.save(a, claims_of(a))
        frame = store.claims_frame()
        empty = store.claims_frame(since=date(2030, 1, 1))
    assert list(frame.columns) == CLAIM_COLUMNS and list(empty.columns) == CLAIM_COLUMNS and empty.empty
    assert (frame["start"].dtype, frame["value"].dtype, frame["is_change"].dtype) == ("int64", "float64", bool)
    assert frame["unit"].isna().all() and frame["pragmatic_low"].isna().all()  # None stays missing
    assert [type(v) for v in frame["published"]] == [date, date]


def test_save_many_says_which_articles_were_new(store_url: str) -> None:
    a, b, c = article(1), article(2, outlet=None), article(3, outlet="AP")
    with Store(store_url) as store:
        assert store.save(a, claims_of(a)) is True
        # a is stored already; c appears twice in the batch and is new only the first time
        flags = store.save_many([(a, claims_of(a), ()), (b, claims_of(b), ()), (c, claims_of(c), ()), (c, claims_of(c), ())])
        assert flags == [False, True, True, False]
        assert store.save_many([]) == []
        assert len(store.claims_frame()) == 6
        assert sorted(store.articles_frame()["article_id"]) == ["a001", "a002", "a003"]


def test_a_bad_article_in_a_batch_costs_only_itself(store_url: str) -> None:
    good1, bad, good2 = article(1), article(2), article(3)
    # bad's second claim points at an article that does not exist: the database refuses it
    bad_claims = claims_of(bad)[:1] + claims_of(bad, article_id="missing")[1:]
    with Store(store_url) as store:
        with pytest.raises(StoreError, match="a002"):
            store.save_many([(good1, claims_of(good1), ()), (bad, bad_claims, ()), (good2, claims_of(good2), ())])
        # the bad article is not stored without its claims; the good ones are stored whole
        assert sorted(store.articles_frame()["article_id"]) == ["a001", "a003"]
        assert sorted(store.claims_frame()["article_id"]) == ["a001", "a001", "a003", "a003"]


@pytest.mark.parametrize(("since", "until", "expected"), [
    (None, None, ["a001", "a002", "a003"]),
    (date(2024, 2, 1), None, ["a002", "a003"]),
    (None, date(2024, 2, 1), ["a001", "a002"]),  # both bounds are inclusive
    (date(2024, 2, 2), date(2024, 2, 28), []),
])
def test_frames_filter_by_publication_date(store_url: str, since, until, expected) -> None:
    days = {1: date(2024, 1, 5), 2: date(2024, 2, 1), 3: date(2024, 3, 9)}
    with Store(store_url) as store:
        for n, day in days.items():
            a = article(n, published=day)
            store.save(a, claims_of(a))
        assert list(store.articles_frame(since, until)["article_id"]) == expected
        assert sorted(set(store.claims_frame(since, until)["article_id"])) == expected
        assert store.latest_published() == date(2024, 3, 9)


def test_empty_database_reads_as_empty_frames(store_url: str) -> None:
    with Store(store_url) as store:
        assert store.claims_frame().empty and store.articles_frame().empty and store.mentions_frame().empty
        assert store.latest_published() is None


@pytest.mark.parametrize(("url", "error", "words"), [
    ("nosuchdriver://x", ConfigError, "cannot use database URL"),
    # a port nothing listens on: the message names the database without its password
    ("postgresql+psycopg://desk:s3cret@127.0.0.1:1/figures", StoreError, "cannot open the database"),
])
def test_unusable_database_says_what_to_do(url: str, error: type, words: str) -> None:
    with pytest.raises(error, match=words) as info:
        Store(url)
    assert "s3cret" not in str(info.value)


class _Orig(Exception):
    def __init__(self, message: str, sqlstate: str | None = None):
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("message", "sqlstate", "retried"), [
    ("database is locked", None, True),  # SQLite still busy after the busy timeout
    ("deadlock detected", "40P01", True),  # PostgreSQL picked this writer as the deadlock victim
    ("could not serialize access", "40001", True),
    ("disk I/O error", None, False),  # not a conflict: trying again would not help
])
def test_write_conflicts_are_retried_and_other_errors_are_not(store_url: str, monkeypatch, message, sqlstate, retried) -> None:
    from contextlib import contextmanager

    from sqlalchemy.exc import OperationalError

    from figures import store as store_module

    monkeypatch.setattr(store_module.time, "sleep", lambda _s: None)
    a = article(1)
    with Store(store_url) as store:
        real = store._transaction
        calls = []

        @contextmanager
        def flaky():
            calls.append(1)
            if len(calls) == 1:
                raise OperationalError("INSERT ...", {}, _Orig(message, sqlstate))
            with real() as conn:
                yield conn

        monkeypatch.setattr(store, "_transaction", flaky)
        if retried:
            assert store.save(a, claims_of(a)) is True
            assert len(calls) == 2 and len(store.claims_frame()) == 2
        else:
            with pytest.raises(StoreError, match="disk I/O error"):
                store.save(a, claims_of(a))
            assert len(calls) == 1 and store.articles_frame().empty
