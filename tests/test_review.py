"""Reviewer verdicts through the command line: stored with who and when, shown by `conflicts`,
hiding a closed flag until a new claim reopens it. Runs on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from figures.cli import app
from figures.records import Article, Claim
from figures.store import Store


def article(aid: str, outlet: str, text: str, published: date) -> Article:
    return Article(id=aid, text=text, outlet=outlet, published=published)


def troops(a: Article, figure: str, value: float, claimant: str, modality: str) -> Claim:
    start = a.text.index(figure)
    return Claim(article_id=a.id, start=start, end=start + len(figure), span=figure, sentence=a.text, value=value,
                 low=value, high=value, entity="troops", subject="North Korea", attributed_to=claimant,
                 as_of=a.published, measure="deployed", modality=modality)


def store_articles(url: str, *items: tuple[Article, list[Claim]]) -> None:
    with Store(url) as store:
        for a, claims in items:
            store.save(a, claims)


A1 = article("nis", "Yonhap", "The agency said North Korea decided to send 12,000 troops.", date(2024, 10, 18))
A2 = article("zel", "Kyiv Post", "Zelenskyy said Pyongyang intends to prepare 10,000 troops.", date(2024, 10, 19))
A3 = article("dod", "AP", "The Pentagon said 3,000 troops were being prepared.", date(2024, 10, 20))


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def flags(url: str, *extra: str) -> list[dict]:
    return json.loads(run("conflicts", "--format", "json", "--db", url, *extra))


@pytest.fixture
def world(store_url: str) -> str:
    store_articles(store_url, (A1, [troops(A1, "12,000", 12_000, "NIS", "decided")]),
                   (A2, [troops(A2, "10,000", 10_000, "Zelenskyy", "intended")]))
    return store_url


def test_not_a_conflict_hides_the_flag_until_a_new_claim_reopens_it(world: str) -> None:
    [flag] = [f for f in flags(world) if f["kind"] == "cross_source"]
    assert flag["verdict"] is None
    out = run("review", flag["id"][:8], "--verdict", "not-a-conflict", "--note", "plan vs intention",
              "--reviewer", "ann", "--db", world)
    assert flag["id"] in out and "not-a-conflict by ann" in out
    # hidden by default, shown with its verdict by --all
    assert flag["id"] not in {f["id"] for f in flags(world)}
    [shown] = [f for f in flags(world, "--all") if f["id"] == flag["id"]]
    assert shown["verdict"] == "not-a-conflict" and "plan vs intention" in shown["verdict_note"]
    # the verdict row keeps who, when and exactly which claims
    with Store(world) as store:
        v = store.verdicts_frame()
    assert list(v["reviewer"]) == ["ann"] and list(v["verdict"]) == ["not-a-conflict"]
    assert v["claim_ids"][0] == ",".join(sorted(c["claim_id"] for c in flag["claims"]))
    assert v["decided_at"].notna().all()
    # a new claim about the same quantity joins the group: the flag comes back, reopened
    store_articles(world, (A3, [troops(A3, "3,000", 3_000, "Pentagon", "intended")]))
    [grown] = [f for f in flags(world) if f["kind"] == "cross_source"]
    assert grown["id"] != flag["id"] and grown["verdict"] is None
    assert grown["verdict_note"].startswith("reopened") and "not-a-conflict by ann" in grown["verdict_note"]


def test_confirmed_flag_stays_visible_with_its_verdict(world: str) -> None:
    [flag] = [f for f in flags(world) if f["kind"] == "cross_source"]
    run("review", flag["id"], "--verdict", "confirmed", "--db", world)
    [shown] = [f for f in flags(world) if f["id"] == flag["id"]]
    assert shown["verdict"] == "confirmed"
    table = run("conflicts", "--db", world)
    assert "confirmed" in table


def test_unknown_flag_id_is_a_helpful_error(world: str) -> None:
    result = CliRunner().invoke(app, ["review", "0000000000000000", "--verdict", "resolved", "--db", world])
    assert result.exit_code != 0
    message = str(result.exception) if result.exception else result.output
    assert "no flag '0000000000000000'" in message and "figures conflicts" in message


def test_unknown_verdict_is_a_usage_error(world: str) -> None:
    result = CliRunner().invoke(app, ["review", "abc", "--verdict", "maybe", "--db", world])
    assert result.exit_code == 2


def test_review_through_the_real_entry_point(world: str, tmp_path) -> None:
    """`python -m figures review` prints one line on stderr and exits 1 for an unknown id."""
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "figures", "review", "feedface", "--verdict", "resolved", "--db", world],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 1
    assert p.stderr.startswith("error: no flag 'feedface'")
