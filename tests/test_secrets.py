"""A database password never appears in what figures prints, logs (even at -vv) or writes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SECRET = "s3cret"
# Every shape a password takes in a SQLAlchemy URL, against servers that refuse or do not exist.
URLS = [
    f"postgresql+psycopg://u:{SECRET}@127.0.0.1:1/x",  # nothing listens on port 1
    f"postgresql+psycopg://figures_no_such_user:{SECRET}@127.0.0.1:5432/x",  # authentication fails (if a server runs)
    f"postgresql+psycopg://u:{SECRET}%40more@127.0.0.1:1/x",  # a percent-encoded password
    f"postgresql+psycopg://u@127.0.0.1:1/x?password={SECRET}",  # libpq takes the password as a query parameter too
    f"postgresql+psycopg://u:{SECRET}@[::1/x",  # not even a valid URL
    f"mysql+nosuchdriver://u:{SECRET}@127.0.0.1:1/x",  # a driver that is not installed
]
COMMANDS = [
    ["ingest", "{article}"],
    ["claims", "--format", "jsonl"],
    ["conflicts", "--format", "json"],
    ["report", "--since", "2024-01-01", "--until", "2024-01-07", "--out", "{out}"],
    ["review", "abc123", "--verdict", "confirmed"],
    ["export", "claimreview", "--out", "{out}/cr.jsonld"],
]


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figures", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a1", "outlet": "X", "published": "2024-01-02",
                                "text": "Officials said 12 people died."}) + "\n", encoding="utf-8")
    return path


# Every URL through one command, and every command with the first URL (each case is a subprocess).
CASES = [(url, COMMANDS[1]) for url in URLS] + [(URLS[0], command) for command in COMMANDS if command is not COMMANDS[1]]


@pytest.mark.parametrize("url, command", CASES, ids=[f"{c[0]}|{u}" for u, c in CASES])
def test_no_command_prints_or_writes_the_password(tmp_path: Path, article: Path, url: str, command: list[str]) -> None:
    out = tmp_path / "reports"
    args = ["-vv", *(a.format(article=article, out=out) for a in command), "--db", url]
    result = run(args, tmp_path, {})
    assert result.returncode != 0  # no database, so the command fails ...
    assert "error: " in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]  # ... with a message,
    assert SECRET not in result.stdout + result.stderr  # which never shows the password
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != article]
    assert all(SECRET not in p.read_text(encoding="utf-8", errors="replace") for p in written)


@pytest.mark.parametrize("url", URLS[:1] + URLS[3:4])
def test_the_password_from_figures_db_is_not_printed_either(tmp_path: Path, url: str) -> None:
    result = run(["-vv", "claims"], tmp_path, {"FIGURES_DB": url})
    assert result.returncode != 0 and "error: " in result.stderr
    assert SECRET not in result.stdout + result.stderr
