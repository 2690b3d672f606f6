"""Schema migrations: an old database upgrades in place, and the migrations build exactly the
tables the models describe (so a new table without a migration fails here)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from figures import migrations
from figures.errors import StoreError
from figures.records import Article, Claim
from figures.store import SQLModel, Store

DATA = Path(__file__).parent / "data"


def run_sql_file(url: str, path: Path) -> None:
    """Make a database the way an old release did: its DDL and rows, no version table."""
    engine = create_engine(url)
    script = path.read_text(encoding="utf-8")
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.connection.driver_connection.executescript(script)
        else:
            conn.exec_driver_sql(script)
    engine.dispose()


def schema_drift(url: str) -> list:
    """What the models have that the database lacks (or the other way round); [] when equal."""
    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    engine.dispose()
    return diff


def version(url: str) -> str | None:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = migrations.current(conn)
    engine.dispose()
    return found


def test_head_names_the_last_migration() -> None:
    scripts = ScriptDirectory.from_config(migrations.config())
    assert scripts.get_current_head() == migrations.HEAD
    assert len(scripts.get_heads()) == 1, "two migrations revise the same parent: give one the other as down_revision"


def test_a_fresh_database_has_exactly_the_models_tables(store_url: str) -> None:
    with Store(store_url):
        pass
    assert version(store_url) == migrations.HEAD
    # Fails when a model in figures.store gained a table, column or index that no migration makes.
    assert schema_drift(store_url) == []


def test_the_first_schema_upgrades_in_place_and_keeps_its_rows(store_url: str) -> None:
    dialect = "sqlite" if store_url.startswith("sqlite") else "postgresql"
    run_sql_file(store_url, DATA / f"schema_3a1c35e.{dialect}.sql")
    assert version(store_url) is None  # the first release kept no schema version
    with Store(store_url) as store:
        frame = store.claims_frame()
        assert list(frame["claim_id"]) == ["c-old-1", "c-old-2"]
        assert list(frame["outlet"]) == ["Euromaidan Press", "Newsweek"]
        assert store.latest_published() == date(2024, 10, 23)
        new = Article(id="new-1", text="Now 13,000 troops.", outlet="Newsweek", published=date(2024, 11, 1))
        assert store.save(new, [Claim("new-1", 4, 10, "13,000", new.text, 13000, 13000, 13000)])
        assert len(store.claims_frame()) == 3
    assert version(store_url) == migrations.HEAD
    assert schema_drift(store_url) == []
    with Store(store_url) as store:  # opening again changes nothing
        assert len(store.claims_frame()) == 3


def test_every_migration_downgrades_and_upgrades_again(sqlite_url: str) -> None:
    from alembic import command

    Store(sqlite_url).close()
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        command.downgrade(migrations.config(conn), "base")
    with engine.connect() as conn:
        assert migrations.current(conn) is None
    engine.dispose()
    Store(sqlite_url).close()
    assert schema_drift(sqlite_url) == []


def test_a_database_from_a_newer_release_is_refused(store_url: str) -> None:
    Store(store_url).close()
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="schema version 9999.*upgrade figures"):
        Store(store_url)


def test_a_migration_may_rebuild_a_referenced_table_with_its_rows(store_url: str) -> None:
    """What a future migration altering ``articles`` does on SQLite: copy the table, drop the
    old one (claims point at it) and rename — under the schema lock, with every row kept."""
    import sqlalchemy as sa
    from alembic.operations import Operations

    dialect = "sqlite" if store_url.startswith("sqlite") else "postgresql"
    run_sql_file(store_url, DATA / f"schema_3a1c35e.{dialect}.sql")
    Store(store_url).close()
    engine = create_engine(store_url)
    with migrations.schema_lock(engine) as conn:
        ops = Operations(MigrationContext.configure(conn))
        # SQLite rebuilds the table (recreate); PostgreSQL alters it in place, as Alembic does by default
        with ops.batch_alter_table("articles", recreate="always" if dialect == "sqlite" else "auto") as batch:
            batch.add_column(sa.Column("language", sa.String(), nullable=True))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 2
        assert conn.exec_driver_sql("SELECT count(*) FROM claims").scalar() == 2
        if dialect == "sqlite":  # foreign keys are enforced again afterwards
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
