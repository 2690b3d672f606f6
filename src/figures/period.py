"""Reporting periods: ISO weeks ("2024-W43") and explicit since/until dates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from figures.errors import ConfigError

_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$")


@dataclass(frozen=True, slots=True)
class Period:
    since: date
    until: date  # inclusive
    label: str  # "2024-W43" or "2024-10-01_2024-10-31"
    note: str = ""  # why this period was chosen, when it was not asked for

    @classmethod
    def week(cls, spec: str) -> "Period":
        m = _WEEK.match(spec.strip())
        if not m:
            raise ConfigError(f"week {spec!r} is not of the form YYYY-Www — e.g. --week 2024-W43")
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError as e:
            raise ConfigError(f"week {spec!r} does not exist ({e}) — ISO weeks run from W01 to W52 or W53") from None
        return cls.containing(monday)

    @classmethod
    def containing(cls, day: date, note: str = "") -> "Period":
        monday = day - timedelta(days=day.weekday())
        year, week, _ = monday.isocalendar()
        return cls(monday, monday + timedelta(days=6), f"{year}-W{week:02d}", note)

    @classmethod
    def between(cls, since: date | None, until: date | None) -> "Period":
        since = since or date(1900, 1, 1)
        until = until or date(2999, 12, 31)
        if since > until:
            raise ConfigError(f"--since {since} is after --until {until} — swap them")
        return cls(since, until, f"{since.isoformat()}_{until.isoformat()}")

    @classmethod
    def last_complete_week(cls, today: date) -> "Period":
        return cls.containing(today - timedelta(days=today.weekday() + 7))
