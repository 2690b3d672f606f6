"""One frozen settings object: where the database and reports live, and the tolerances."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB_URL = "sqlite:///db/figures.db"


_SECRET_PARAMS = {"password", "passwd", "pwd", "sslpassword", "secret", "token"}


def redact_url(url: str) -> str:
    """A database URL safe to print: the password, in the authority or as a query
    parameter (libpq takes ``?password=``), is replaced by ***."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        secret = {k: "***" for k in parsed.query if k.lower() in _SECRET_PARAMS}
        return parsed.update_query_dict(secret).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is still never printed with its secret
        head, sep, tail = url.rpartition("@")
        return ("***@" + tail.split("?")[0]) if sep else url.split("?")[0]


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    reports_dir: Path = Path("reports")
    # Claims about the same quantity whose as-of dates lie this close count as "the same time".
    same_time_days: int = 3
    # A bare round figure is taken to carry this much rounding (relative) on top of its wording.
    rounding_tolerance: float = 0.005
    # Articles longer than this are rejected, not parsed for minutes.
    max_article_chars: int = 2_000_000
    http_timeout: float = 20.0
    user_agent: str = "figures/0.1 (+https://github.com/figures; fact-check desk tool)"

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Settings from FIGURES_DB / FIGURES_REPORTS, then explicit overrides (None = unset)."""
        base = cls(
            db_url=os.environ.get("FIGURES_DB") or DEFAULT_DB_URL,
            reports_dir=Path(os.environ.get("FIGURES_REPORTS") or "reports"),
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})

    @property
    def safe_db_url(self) -> str:
        return redact_url(self.db_url)
