"""One article the extractor fails on is rejected by name; the others still go in."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import figures.claims
from figures import Settings, Tracker


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    real = figures.claims.extract_claims

    def extract(article):
        if "POISON" in article.text:
            raise RuntimeError("simulated extractor bug")
        return real(article)

    monkeypatch.setattr(figures.claims, "extract_claims", extract)


def test_ingest_rejects_the_failing_article_and_keeps_the_rest(tmp_path: Path, poisoned: None) -> None:
    src = tmp_path / "three.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in [
        {"id": "a", "text": "Police said 300 people were arrested.", "published": "2024-05-01"},
        {"id": "b", "text": "POISON 12 people died.", "published": "2024-05-01"},
        {"id": "c", "text": "Officials said 40 homes burned.", "published": "2024-05-02"},
    ]) + "\n", encoding="utf-8")
    with Tracker(Settings(db_url=f"sqlite:///{tmp_path / 'f.db'}")) as tracker:
        result = tracker.ingest([str(src)])
        stored = set(tracker.claims()["article_id"])
    assert stored == {"a", "c"}
    assert [r.origin for r in result.rejections] == [f"{src}:2"]
    assert "simulated extractor bug" in result.rejections[0].reason


def test_extract_rejects_the_failing_article_and_keeps_the_rest(tmp_path: Path, poisoned: None) -> None:
    src = tmp_path / "two.txt"
    src.write_text("POISON 12 people died.\n", encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text("Officials said 40 homes burned.\n", encoding="utf-8")
    items = list(Tracker(Settings(db_url=f"sqlite:///{tmp_path / 'f.db'}")).parse([str(src), str(ok)]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Rejection", "Parsed"]
