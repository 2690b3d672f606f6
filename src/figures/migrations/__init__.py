"""Schema migrations (Alembic), run programmatically whenever a store opens a database.

A database made by any earlier figures — even the first release, which had no version table —
is upgraded in place to ``HEAD``. The upgrade runs under a lock (``BEGIN IMMEDIATE`` on
SQLite, an advisory lock on PostgreSQL) so that several ingest processes opening the same
fresh database migrate it exactly once.

Adding a table or column to ``figures.store``: write the next file in ``versions/`` (or run
``python -m figures.migrations "what changed"`` to autogenerate it), then move ``HEAD`` on;
tests/test_migrations.py fails while the models and the migrations disagree.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

HEAD = "0001"
# The revision that matches the schema of databases made before migrations existed.
BASELINE = "0001"
_PG_LOCK_KEY = 0x66696775  # "figu": one advisory lock per database for schema changes
HERE = Path(__file__).parent


class UnknownRevision(LookupError):
    """The database is at a schema revision this figures does not know (a newer release made it)."""


def config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    cfg.attributes["connection"] = connection
    return cfg


def current(connection: Connection) -> str | None:
    """The revision a database is at; None when it has no version table."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Bring the database to HEAD, once, whoever else is opening it at the same time."""
    with engine.connect() as conn:
        version = current(conn)
        conn.rollback()
    if version == HEAD:
        return
    with schema_lock(engine) as conn:
        version = current(conn)
        if version == HEAD:  # another process upgraded it while this one waited for the lock
            return
        from alembic import command
        from alembic.script import ScriptDirectory

        cfg = config(conn)
        if version is not None and version not in {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}:
            raise UnknownRevision(version)
        if version is None and inspect(conn).has_table("articles"):
            log.info("database made before schema versions: marking it as revision %s", BASELINE)
            command.stamp(cfg, BASELINE)
        log.info("upgrading the database schema from %s to %s", version or "nothing", HEAD)
        command.upgrade(cfg, "head")


@contextmanager
def schema_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction holding the schema lock, committed at the end.

    SQLite: the write lock (``BEGIN IMMEDIATE``, waiting up to the busy timeout), with foreign
    keys off so that a batch migration may copy and drop a referenced table (SQLite's documented
    procedure for altering a table); they are on again for every other use of the connection.
    PostgreSQL: an advisory lock, released by the commit.
    """
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
            conn.commit()
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        try:
            yield conn
            if sqlite:
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"a migration left rows whose foreign keys point nowhere: {broken[:5]}")
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def revision(message: str) -> None:
    """Autogenerate the next migration from the difference between HEAD and the models."""
    import tempfile

    from alembic import command
    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/head.db")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(config(conn), message=message, autogenerate=True,
                             rev_id=f"{int(HEAD) + 1:04d}")
        engine.dispose()
