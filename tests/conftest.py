"""Shared fixtures. Database tests take ``store_url`` and so run on SQLite and on PostgreSQL.

PostgreSQL: FIGURES_TEST_PG gives the server's URL (default
``postgresql+psycopg://postgres@127.0.0.1:5432/test``, then the same as ``root``). When no
server answers, the PostgreSQL cases are skipped with the reason shown — unless
FIGURES_REQUIRE_PG=1 (set by CI), when they fail.
"""
from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest

PG_CANDIDATES = ("postgresql+psycopg://postgres@127.0.0.1:5432/test", "postgresql+psycopg://root@127.0.0.1:5432/test")


@cache
def _pg_server() -> tuple[str | None, str]:
    """The first PostgreSQL URL that answers, or None and why none did."""
    import psycopg
    from sqlalchemy.engine import make_url

    candidates = [os.environ["FIGURES_TEST_PG"]] if os.environ.get("FIGURES_TEST_PG") else list(PG_CANDIDATES)
    errors = []
    for url in candidates:
        try:
            with psycopg.connect(_libpq(make_url(url)), connect_timeout=3):
                return url, ""
        except psycopg.Error as e:
            errors.append(f"{make_url(url).render_as_string(hide_password=True)}: {str(e).strip().splitlines()[0]}")
    return None, "; ".join(errors)


def _libpq(url) -> str:
    """A SQLAlchemy URL as a libpq connection string for psycopg."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def require_pg() -> str:
    """The PostgreSQL server URL, or skip (fail when FIGURES_REQUIRE_PG=1) with the reason."""
    url, why = _pg_server()
    if url is None:
        message = f"PostgreSQL is not reachable ({why}); set FIGURES_TEST_PG to a server URL"
        if os.environ.get("FIGURES_REQUIRE_PG") == "1":
            pytest.fail(message + " — FIGURES_REQUIRE_PG=1 makes this a failure")
        pytest.skip(message)
    return url


def _admin(sql: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    with psycopg.connect(_libpq(make_url(require_pg())), autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL on a fresh, empty schema of its own (search_path), dropped afterwards."""
    from sqlalchemy.engine import make_url

    base = make_url(require_pg())
    schema = f"figures_test_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE SCHEMA "{schema}"')
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        _admin(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite URL on a fresh temporary file."""
    return f"sqlite:///{tmp_path / 'figures.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """A URL for an empty database, once on SQLite and once on PostgreSQL.

    Use it in any database test — ``def test_x(store_url): Store(store_url) ...`` — and the
    test runs on both (ids ``[sqlite]`` and ``[postgresql]``). The SQLite case is a temporary
    file; the PostgreSQL case is a schema of its own, made for the test and dropped after it,
    so tests never see each other's rows. The URL also works in subprocesses (``--db`` or
    FIGURES_DB). Close your Store (``with Store(url) as store:``) before the test ends.
    """
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


# -- a synthetic corpus ------------------------------------------------------------------------
OUTLETS = ("Reuters", "AP", "BBC", "Al Jazeera", "Kyiv Independent", "Le Monde", "NHK", "Daily Star")
SUBJECTS = ("North Korea", "the city council", "Acme Corp", "the health ministry", "Brazil", "the union")
TEMPLATES = (
    "{subject} said {n:,} people were evacuated after the floods, according to {outlet}.",
    "Officials estimate that about {n:,} troops have been deployed near the border.",
    "The budget rose by {p}% to ${m} million this year, {subject} reported.",
    "More than {n:,} homes lost power on {day}, the utility said.",
    "At least {k} people were killed and {n:,} injured, {subject} told reporters.",
    "Prices climbed {p} percent in the year to {month}, the statistics office said.",
)


def synthetic_article(rng: random.Random, i: int) -> dict:
    """One article of a few sentences with figures; a function of (seed, i) only."""
    start = date(2024, 1, 1)
    published = start + timedelta(days=rng.randrange(365))
    outlet = rng.choice(OUTLETS)
    sentences = []
    for _ in range(rng.randint(3, 8)):
        sentences.append(rng.choice(TEMPLATES).format(
            subject=rng.choice(SUBJECTS), outlet=outlet, n=rng.randrange(10, 200_000), p=rng.randint(1, 40),
            m=rng.randint(1, 900), k=rng.randint(2, 90), day=published.strftime("%A"),
            month=published.strftime("%B")))
    return {"id": f"syn-{i:06d}", "text": " ".join(sentences), "outlet": outlet,
            "published": published.isoformat(), "url": f"https://example.org/{i}", "title": f"Report {i}"}


def write_corpus(path: Path, n: int, seed: int = 0, first: int = 0) -> Path:
    """Articles first..first+n-1 of the seeded synthetic corpus as JSON Lines."""
    rng = random.Random(seed)
    articles = [synthetic_article(rng, i) for i in range(first + n)][first:]
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """``make_corpus(n, seed=0, first=0, name=...)``: a seeded synthetic JSONL corpus file."""
    def make(n: int, seed: int = 0, first: int = 0, name: str | None = None) -> Path:
        return write_corpus(tmp_path / (name or f"corpus-{seed}-{first}-{n}.jsonl"), n, seed, first)
    return make


# -- hypothesis profiles -------------------------------------------------------------------------
# FIGURES_FUZZ picks one: "ci" (default: 200 examples, derandomized so runs repeat) or "long"
# (100,000 random examples, for a fuzzing session: FIGURES_FUZZ=long pytest tests/test_fuzz.py).
from hypothesis import HealthCheck, settings as hypothesis_settings  # noqa: E402

hypothesis_settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
hypothesis_settings.register_profile("long", max_examples=100_000, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
hypothesis_settings.load_profile(os.environ.get("FIGURES_FUZZ", "ci"))


# -- golden files ----------------------------------------------------------------------------------
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite tests/golden/* from the current output instead of comparing (review the diff)")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: assert text equals tests/golden/<name>; with --regen-golden, write it."""
    folder = Path(__file__).resolve().parent / "golden"
    regen = request.config.getoption("--regen-golden")

    def check(name: str, text: str) -> None:
        path = folder / name
        if regen:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        assert path.exists(), f"{path} is missing: run pytest --regen-golden and review the new file"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its golden file: review, then pytest --regen-golden"
    return check
