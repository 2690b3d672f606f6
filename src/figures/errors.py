"""One error family. Each class also inherits the matching builtin, and every message says
what to do next. The CLI catches FiguresError once and turns it into one line and an exit code."""
from __future__ import annotations


class FiguresError(Exception):
    """Base of every error figures raises on purpose."""

    exit_code = 1


class InputError(FiguresError, ValueError):
    """Input that cannot be read at all (a missing file, an unreachable URL)."""

    def __init__(self, origin: str, reason: str, hint: str = ""):
        self.origin, self.reason, self.hint = origin, reason, hint
        super().__init__(f"{origin}: {reason}" + (f" — {hint}" if hint else ""))


class ConfigError(FiguresError, ValueError):
    """An invalid setting: a bad database URL, an unknown format, a malformed week."""

    exit_code = 2


class StoreError(FiguresError, RuntimeError):
    """The database cannot be opened, created or written."""


class NotFoundError(FiguresError, LookupError):
    """A flag, article or claim id that is not in the database."""
