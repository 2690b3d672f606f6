"""SQLModel tables and sessions: the only module that imports sqlmodel.

Records convert to and from rows here, at the boundary. Saves are upserts keyed by content
hashes, and an article commits in the same transaction as all its claims (``save_many`` puts
several whole articles in one transaction), so an ingest that dies part-way leaves whole
articles or nothing. Several processes may write one database at once: SQLite runs in WAL
mode and takes its write lock up front; PostgreSQL inserts with ON CONFLICT DO NOTHING.

The schema is versioned: ``open_engine`` upgrades any older database in place (see
``figures.migrations``). A new table or column here needs a migration in
``figures/migrations/versions/`` — tests/test_migrations.py fails until it has one.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
from sqlalchemy import event
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, create_engine, select

from figures.config import redact_url
from figures.errors import ConfigError, StoreError
from figures.records import Article, Claim, Flag, Mention, content_id

log = logging.getLogger(__name__)

CLAIM_COLUMNS = [
    "claim_id", "article_id", "start", "end", "span", "sentence", "value", "low", "high",
    "qualifier", "unit", "entity", "subject", "attributed_to", "claimant_chain", "as_of",
    "as_of_precision", "measure", "modality", "is_change", "location", "pragmatic_low",
    "pragmatic_high", "outlet", "published", "url", "title",
]
_CLAIM_ARTICLE_COLUMNS = ["outlet", "published", "url", "title"]  # from the article; the rest from the claim
_CLAIM_OWN_COLUMNS = [c for c in CLAIM_COLUMNS[1:] if c not in _CLAIM_ARTICLE_COLUMNS]
_MENTION_COLUMNS = ["id", "article_id", "start", "end", "span", "reason"]


class OutletRow(SQLModel, table=True):
    __tablename__ = "outlets"
    name: str = Field(primary_key=True)


class ArticleRow(SQLModel, table=True):
    __tablename__ = "articles"
    id: str = Field(primary_key=True)
    outlet: str | None = Field(default=None, foreign_key="outlets.name", index=True)
    published: date | None = Field(default=None, index=True)
    url: str | None = None
    title: str | None = None
    author: str | None = None
    origin: str | None = None
    text: str
    ingested_at: datetime


class ClaimRow(SQLModel, table=True):
    __tablename__ = "claims"
    id: str = Field(primary_key=True)
    article_id: str = Field(foreign_key="articles.id", index=True)
    start: int
    end: int
    span: str
    sentence: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    entity: str | None = None
    subject: str | None = Field(default=None, index=True)
    attributed_to: str | None = None
    claimant_chain: str = ""  # " <- " joined, original claimant first
    as_of: date | None = Field(default=None, index=True)
    as_of_precision: str = "day"
    measure: str | None = None
    modality: str = "actual"
    is_change: bool = False
    location: str | None = None
    pragmatic_low: float | None = None
    pragmatic_high: float | None = None


class MentionRow(SQLModel, table=True):
    """Numbers seen but not turned into claims, so gaps in recall stay visible."""

    __tablename__ = "mentions"
    id: str = Field(primary_key=True)
    article_id: str = Field(foreign_key="articles.id", index=True)
    start: int
    end: int
    span: str
    reason: str


class FlagRow(SQLModel, table=True):
    __tablename__ = "flags"
    id: str = Field(primary_key=True)
    kind: str
    subject: str | None = None
    entity: str | None = None
    measure: str | None = None
    severity: float = 0.0
    explanation: str = ""
    first_seen: datetime


class FlagClaimRow(SQLModel, table=True):
    __tablename__ = "flag_claims"
    flag_id: str = Field(foreign_key="flags.id", primary_key=True)
    claim_id: str = Field(foreign_key="claims.id", primary_key=True)


class VerdictRow(SQLModel, table=True):
    """A reviewer's verdict on a flag, for exactly the claims the flag held then."""

    __tablename__ = "verdicts"
    id: int | None = Field(default=None, primary_key=True)
    flag_id: str = Field(index=True)
    claim_ids: str  # sorted, comma-joined: a new claim in the group reopens the flag
    verdict: str
    note: str | None = None
    reviewer: str | None = None
    decided_at: datetime


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL and a busy timeout let several ingest processes share one SQLite file.
    # The busy timeout comes first: switching to WAL needs a lock another process may hold.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL never corrupts and keeps every commit across a crash of figures itself;
    # only a power cut may lose the last commits (a re-run ingest restores them). FULL would
    # fsync every batch.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def open_engine(url: str):
    """An engine for any SQLAlchemy URL; the SQLite folder is created, the schema migrated to
    the current version on first use (an older database is upgraded in place)."""
    try:
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
    except (ArgumentError, ValueError) as e:
        raise ConfigError(f"cannot use database URL {redact_url(url)!r}: {e} — pass --db sqlite:///path/to/file.db or postgresql+psycopg://user@host/db") from None
    except ImportError as e:
        raise ConfigError(f"the driver for {redact_url(url)!r} is not installed ({e.name}) — install it or use a sqlite:/// URL") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    from figures.migrations import UnknownRevision, upgrade

    try:
        upgrade(engine)
    except OperationalError as e:
        engine.dispose()
        raise StoreError(f"cannot open the database {redact_url(url)}: {e.orig} — check that it exists and is reachable") from None
    except SQLAlchemyError as e:  # e.g. no right to create tables in that database or schema
        engine.dispose()
        raise StoreError(f"cannot set up the tables in {redact_url(url)}: {getattr(e, 'orig', None) or e} — check the user's rights there") from None
    except UnknownRevision as e:
        engine.dispose()
        raise StoreError(f"the database {redact_url(url)} has schema version {e}, newer than this figures knows — upgrade figures") from None
    return engine


# Errors after which a write is simply tried again: SQLite still locked after the busy timeout,
# PostgreSQL deadlock or serialization failure between concurrent writers.
_RETRY_SQLSTATES = {"40P01", "40001"}
_WRITE_ATTEMPTS = 5


def _retryable(e: DBAPIError) -> bool:
    return "database is locked" in str(e.orig) or getattr(e.orig, "sqlstate", None) in _RETRY_SQLSTATES


class Store:
    """Articles, claims, flags and verdicts in one SQL database."""

    def __init__(self, url: str):
        self.url = url
        self.engine = open_engine(url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def _insert_ignore(self, session: Session, model, rows: list[dict], keys: list[str]) -> int:
        if not rows:
            return 0
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        stmt = insert(model).values(rows).on_conflict_do_nothing(index_elements=keys)
        return session.exec(stmt).rowcount or 0  # type: ignore[call-overload]

    def _insert_new(self, conn: Connection, model, rows: list[dict], keys: list[str], returning=None) -> list:
        """Insert many rows (executemany), skipping stored keys; the inserted keys if asked."""
        if not rows:
            return []
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        stmt = insert(model).on_conflict_do_nothing(index_elements=keys)
        if returning is None:
            conn.execute(stmt, rows)
            return []
        return list(conn.execute(stmt.returning(returning), rows).scalars())

    def _insert_bulk(self, conn: Connection, model, rows: list[dict], keys: list[str]) -> None:
        """``_insert_new`` without RETURNING, straight through the driver's executemany: claim
        rows are the bulk of an ingest, and SQLAlchemy's per-row parameter handling would
        double the cost of writing them."""
        if not rows:
            return
        table = model.__table__
        names = [c.name for c in table.columns]
        # a column the row dicts leave out gets the model's default, as SQLAlchemy would give it
        defaults = {c.name: c.default.arg if c.default is not None and c.default.is_scalar else None for c in table.columns}
        quote = conn.dialect.identifier_preparer.quote
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        sql = (f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) VALUES ({', '.join([mark] * len(names))}) "
               f"ON CONFLICT ({', '.join(map(quote, keys))}) DO NOTHING")
        params = [tuple(r[n] if n in r else defaults[n] for n in names) for r in rows]
        if conn.dialect.name == "sqlite":  # dates as SQLAlchemy stores them there: ISO text
            params = [tuple(v.isoformat() if type(v) is date else v for v in row) for row in params]
        conn.exec_driver_sql(sql, params)

    def save(self, article: Article, claims: Iterable[Claim], mentions: Iterable[Mention] = ()) -> bool:
        """Store one article with its claims in one transaction. False when already stored."""
        return self.save_many([(article, tuple(claims), tuple(mentions))])[0]

    def save_many(self, batch: Iterable[tuple[Article, Sequence[Claim], Sequence[Mention]]]) -> list[bool]:
        """Store (article, claims, mentions) triples in one transaction; for each, whether it was new.

        An article already stored (by this or another process) keeps its claims; a new one goes
        in with all of its claims or not at all. If the batch cannot be written as a whole, its
        articles are written one by one so that one bad article costs only itself.
        """
        batch = list(batch)
        if not batch:
            return []
        try:
            new_ids = self._write(batch)
        except SQLAlchemyError as e:
            if len(batch) == 1:
                raise StoreError(f"cannot write article {batch[0][0].id} to {redact_url(self.url)}: {e} — check the database and run the ingest again; stored articles are kept") from None
            log.warning("a batch of %d articles failed (%s); writing them one by one", len(batch), e)
            flags, failed = [], None
            for item in batch:
                try:
                    flags.extend(self.save_many([item]))
                except StoreError as err:
                    failed = failed or err
                    flags.append(False)
            if failed:
                raise failed
            return flags
        seen: set[str] = set()
        flags = []
        for article, _, _ in batch:  # an article twice in one batch is new only the first time
            flags.append(article.id in new_ids and article.id not in seen)
            seen.add(article.id)
        return flags

    def _write(self, batch: list[tuple[Article, Sequence[Claim], Sequence[Mention]]]) -> set[str]:
        # Rows go in sorted by key, so concurrent PostgreSQL writers lock them in one order
        # and cannot deadlock each other; a deadlock or lock timeout anyway is retried.
        outlets = sorted({a.outlet for a, _, _ in batch if a.outlet})
        articles = sorted({a.id: _article_row(a) for a, _, _ in batch}.values(), key=lambda r: r["id"])
        for attempt in range(1, _WRITE_ATTEMPTS + 1):
            try:
                with self._transaction() as conn:
                    self._insert_new(conn, OutletRow, [{"name": o} for o in outlets], ["name"])
                    new_ids = set(self._insert_new(conn, ArticleRow, articles, ["id"], returning=ArticleRow.id))
                    done: set[str] = set()
                    claims, mentions = [], []
                    for article, article_claims, article_mentions in batch:
                        if article.id in new_ids and article.id not in done:
                            done.add(article.id)
                            claims.extend(_claim_row(c) for c in article_claims)
                            mentions.extend(_mention_row(m) for m in article_mentions)
                    self._insert_bulk(conn, ClaimRow, claims, ["id"])
                    self._insert_bulk(conn, MentionRow, mentions, ["id"])
                return new_ids
            except DBAPIError as e:
                if attempt == _WRITE_ATTEMPTS or not _retryable(e):
                    raise
                log.info("write conflict (%s); retrying, attempt %d", e.orig, attempt + 1)
                time.sleep(0.05 * 2 ** attempt)
        raise AssertionError("unreachable")

    @contextmanager
    def _transaction(self):
        """A connection in a write transaction, committed on success, rolled back on error."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                # Take the write lock now (waiting up to the busy timeout), not at the first
                # INSERT, so that concurrent writers queue instead of failing.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    # -- reading -------------------------------------------------------------------------
    def claims_frame(self, since: date | None = None, until: date | None = None) -> pd.DataFrame:
        """Claims joined with their article's outlet, date and URL; one row per claim.

        Plain rows (SQLAlchemy Core), not ORM objects: the columns come back in CLAIM_COLUMNS
        order with their Python types (dates, bools, floats), the same on SQLite and PostgreSQL."""
        claims, articles = ClaimRow.__table__, ArticleRow.__table__  # type: ignore[attr-defined]
        columns = [claims.c.id.label("claim_id"), *(claims.c[name] for name in _CLAIM_OWN_COLUMNS),
                   *(articles.c[name] for name in _CLAIM_ARTICLE_COLUMNS)]
        stmt = sa_select(*columns).join_from(claims, articles, articles.c.id == claims.c.article_id)
        if since:
            stmt = stmt.where(articles.c.published >= since)
        if until:
            stmt = stmt.where(articles.c.published <= until)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt.order_by(claims.c.article_id, claims.c.start)).all()
        return pd.DataFrame.from_records([tuple(r) for r in rows], columns=CLAIM_COLUMNS)

    def articles_frame(self, since: date | None = None, until: date | None = None) -> pd.DataFrame:
        stmt = select(ArticleRow.id, ArticleRow.outlet, ArticleRow.published, ArticleRow.url, ArticleRow.title)
        if since:
            stmt = stmt.where(ArticleRow.published >= since)
        if until:
            stmt = stmt.where(ArticleRow.published <= until)
        with Session(self.engine) as session:
            rows = session.exec(stmt.order_by(ArticleRow.id)).all()
        return pd.DataFrame.from_records(rows, columns=["article_id", "outlet", "published", "url", "title"])

    def mentions_frame(self, since: date | None = None, until: date | None = None) -> pd.DataFrame:
        """Unparsed mentions, of the articles published in ``since``..``until`` when given.

        Plain rows (SQLAlchemy Core), not ORM objects, filtered in SQL: a week has tens of
        thousands of mentions, and a model object each cost more than the query."""
        mentions, articles = MentionRow.__table__, ArticleRow.__table__  # type: ignore[attr-defined]
        stmt = sa_select(*(mentions.c[name] for name in _MENTION_COLUMNS))
        if since or until:
            stmt = stmt.join_from(mentions, articles, articles.c.id == mentions.c.article_id)
        if since:
            stmt = stmt.where(articles.c.published >= since)
        if until:
            stmt = stmt.where(articles.c.published <= until)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt.order_by(mentions.c.article_id, mentions.c.start, mentions.c.id)).all()
        return pd.DataFrame.from_records([tuple(r) for r in rows], columns=_MENTION_COLUMNS)

    def latest_published(self) -> date | None:
        with Session(self.engine) as session:
            rows = session.exec(select(ArticleRow.published).where(ArticleRow.published.is_not(None)).order_by(ArticleRow.published.desc()).limit(1)).all()  # type: ignore[union-attr]
        return rows[0] if rows else None

    # -- flags and verdicts ----------------------------------------------------------------
    def save_flags(self, flags: Iterable[Flag]) -> int:
        """Remember flags and their claims (first seen now); a stored flag is never rewritten."""
        flags = list(flags)
        if not flags:
            return 0
        now = datetime.now(timezone.utc)
        rows = sorted(({"id": f.id, "kind": f.kind, "subject": f.subject, "entity": f.entity, "measure": f.measure,
                        "severity": float(f.severity), "explanation": f.explanation, "first_seen": now} for f in flags),
                      key=lambda r: r["id"])
        links = sorted({(f.id, c.claim_id) for f in flags for c in f.claims})
        try:
            with self._transaction() as conn:
                new = self._insert_new(conn, FlagRow, rows, ["id"], returning=FlagRow.id)
                self._insert_new(conn, FlagClaimRow, [{"flag_id": a, "claim_id": b} for a, b in links], ["flag_id", "claim_id"])
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store flags in {redact_url(self.url)}: {e} — check the database and run the command again") from None
        return len(new)

    def stored_flags(self, prefix: str = "") -> dict[str, tuple[str, tuple[str, ...]]]:
        """Stored flags whose id starts with ``prefix``: id -> (kind, sorted claim ids)."""
        stmt = select(FlagRow.id, FlagRow.kind, FlagClaimRow.claim_id).join(FlagClaimRow, FlagClaimRow.flag_id == FlagRow.id)
        if prefix:
            stmt = stmt.where(FlagRow.id.startswith(prefix))  # type: ignore[union-attr]
        out: dict[str, tuple[str, list[str]]] = {}
        with Session(self.engine) as session:
            for fid, kind, cid in session.exec(stmt).all():
                out.setdefault(fid, (kind, []))[1].append(cid)
        return {k: (kind, tuple(sorted(ids))) for k, (kind, ids) in out.items()}

    def add_verdict(self, flag_id: str, claim_ids: Iterable[str], verdict: str, note: str | None = None,
                    reviewer: str | None = None) -> datetime:
        """Record a reviewer's verdict on a flag for exactly these claims; when it was decided."""
        decided = datetime.now(timezone.utc)
        row = {"flag_id": flag_id, "claim_ids": ",".join(sorted(claim_ids)), "verdict": verdict, "note": note,
               "reviewer": reviewer, "decided_at": decided}
        try:
            with self._transaction() as conn:
                conn.execute(VerdictRow.__table__.insert(), [row])  # type: ignore[attr-defined]
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store the verdict in {redact_url(self.url)}: {e} — check the database and run the review again") from None
        return decided

    def verdicts_frame(self) -> pd.DataFrame:
        """Every verdict, oldest first: flag_id, claim_ids (sorted, comma-joined), verdict, note,
        reviewer, decided_at."""
        with Session(self.engine) as session:
            rows = session.exec(select(VerdictRow).order_by(VerdictRow.decided_at, VerdictRow.id)).all()
        return pd.DataFrame.from_records([r.model_dump() for r in rows],
                                         columns=["id", "flag_id", "claim_ids", "verdict", "note", "reviewer", "decided_at"])


def _article_row(a: Article) -> dict:
    return {
        "id": a.id, "outlet": a.outlet, "published": a.published, "url": a.url, "title": a.title,
        "author": a.author, "origin": a.origin, "text": a.text, "ingested_at": datetime.now(timezone.utc),
    }


def _claim_row(c: Claim) -> dict:
    return {
        "id": c.id, "article_id": c.article_id, "start": c.start, "end": c.end, "span": c.span,
        "sentence": c.sentence, "value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier,
        "unit": c.unit, "entity": c.entity, "subject": c.subject, "attributed_to": c.attributed_to,
        "claimant_chain": " <- ".join(c.claimant_chain), "as_of": c.as_of, "as_of_precision": c.as_of_precision,
        "measure": c.measure, "modality": c.modality, "is_change": c.is_change, "location": c.location,
        "pragmatic_low": c.pragmatic_low, "pragmatic_high": c.pragmatic_high,
    }


def _mention_row(m: Mention) -> dict:
    return {"id": content_id("mention", m.article_id, m.start, m.end), "article_id": m.article_id,
            "start": m.start, "end": m.end, "span": m.span, "reason": m.reason}
