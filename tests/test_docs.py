"""Docs are tested: every subcommand has --help text and appears in the README."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from figures.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def subcommands() -> list[tuple[str, ...]]:
    root = get_command(app)
    names = []
    for name, cmd in root.commands.items():
        names.append((name,))
        names.extend((name, sub) for sub in getattr(cmd, "commands", {}) or {})
    return sorted(names)


def test_there_are_the_contract_commands() -> None:
    assert {("ingest",), ("extract",), ("claims",), ("conflicts",), ("report",)} <= set(subcommands())


@pytest.mark.parametrize("words", subcommands(), ids=" ".join)
def test_subcommand_has_help_and_is_in_readme(words: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*words, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    summary = [line for line in result.output.splitlines()[1:] if line.strip() and "Usage" not in line]
    assert summary, f"{' '.join(words)} has no help text"
    assert f"figures {' '.join(words)}" in README, f"README does not mention `figures {' '.join(words)}`"
