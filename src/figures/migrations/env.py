"""Alembic environment. figures runs it from ``figures.migrations.upgrade`` with an open
connection (``config.attributes["connection"]``) inside a transaction that holds a lock, so
two processes opening a fresh database never migrate it twice."""
from __future__ import annotations

from alembic import context

from figures.store import SQLModel


# SQLModel's column types, rendered as the plain SQLAlchemy types they stand for, so that
# migration files need no sqlmodel import and do not change when sqlmodel does.
_PLAIN_TYPES = {"AutoString": "sa.String()", "UTCDateTime": "sa.DateTime(timezone=True)"}


def _render_item(type_, obj, autogen_context):
    if type_ == "type":
        return _PLAIN_TYPES.get(type(obj).__name__, False)
    return False


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("figures migrations run through figures.migrations.upgrade(engine), not the alembic command")

context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True,
                  render_item=_render_item, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
