"""Broken and hostile files, through the command line: each bad piece gets one clear message that
names the file and line, every good piece still goes in, and the command exits 1."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from figures import Article, Rejection, Settings, read_articles
from figures.cli import app

GOOD_1 = json.dumps({"id": "good-1", "outlet": "A", "published": "2024-01-01", "text": "Officials said 12 people died."})
GOOD_3 = json.dumps({"id": "good-3", "outlet": "B", "published": "2024-01-02", "text": "Rescuers found 40 survivors."})


def ingest(tmp_path: Path, *paths: Path | str) -> tuple[int, str]:
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    result = CliRunner().invoke(app, ["ingest", *map(str, paths), "--db", db])
    return result.exit_code, result.stderr


def stored_article_ids(tmp_path: Path) -> set[str]:
    from figures.store import Store

    with Store(f"sqlite:///{tmp_path / 'bad.db'}") as store:
        return set(store.articles_frame()["article_id"])


# One bad line between two good ones.
@pytest.mark.parametrize("bad_line, reason", [
    (b"not json at all", "not valid JSON (Expecting value at column 1)"),
    (b'{"text": "cut off in the middle', "not valid JSON"),  # a truncated export
    (b'{"outlet": "X", "published": "2024-01-01"}', 'no "text"'),
    (b'{"text": null}', 'no "text"'),
    (b'{"text": ""}', "the article text is empty"),
    (b'{"text": "   \\n  "}', "the article text is empty"),
    (b'{"text": 12000}', '"text" must be a string, got a number'),
    (b'{"text": NaN}', '"text" must be a string, got a number'),  # Python's json reads NaN
    (b'{"text": ["a", "b"]}', '"text" must be a string, got a list'),
    (b'{"text": "x 5", "outlet": {"name": "X"}}', '"outlet" must be a string or null, got an object'),
    (b'{"text": "x 5", "source": 3}', '"source" must be a string or null'),
    (b'{"text": "x 5", "id": true}', '"id" must be a string or a whole number'),
    (b'{"text": "x 5", "published": 20240101}', '"published" must be an ISO 8601 date string'),
    (b'{"text": "x 5", "published": "2023-02-29"}', "'2023-02-29' is not a real ISO 8601 date"),  # not a leap year
    (b'{"text": "x 5", "published": "2024-13-01"}', "'2024-13-01' is not a real ISO 8601 date"),
    (b'{"text": "x 5", "published": "2024-13"}', "'2024-13' is not a real ISO 8601 date"),  # no 13th month
    (b'{"text": "x 5", "published": "yesterday"}', "'yesterday' is not a real ISO 8601 date"),
    (b'{"text": "x 5", "published": "2024-01-01T25:00:00"}', "is not a real ISO 8601 date"),  # hour 25
    (b'["text", "x"]', 'expected a JSON object with a "text" key, got a list'),
    (b'"just a string"', 'expected a JSON object with a "text" key, got a string'),
    (b'{"text": "caf\xe9 5 people"}', "not UTF-8: byte 0xE9 at column 14"),  # Latin-1 in a UTF-8 file
    (b"[" * 100_000, "nested too deeply"),  # would blow the recursion limit
    (b'{"text": "a\x00b 5"}', "not valid JSON (Invalid control character"),  # one raw NUL rejects its line only
])
def test_a_bad_line_is_reported_and_the_others_go_in(tmp_path: Path, bad_line: bytes, reason: str) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(GOOD_1.encode() + b"\n" + bad_line + b"\n" + GOOD_3.encode() + b"\n")
    code, stderr = ingest(tmp_path, path)
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    assert errors[0].startswith(f"error: {path}:2: ") and reason in errors[0], errors[0]
    assert " — " in errors[0]  # says what to do next
    assert "2 articles read" in stderr
    assert stored_article_ids(tmp_path) == {"good-1", "good-3"}


@pytest.mark.parametrize("name, content, origin, reason", [
    ("empty.jsonl", b"", "", "the file is empty — nothing to read"),
    ("blank.jsonl", b"\n  \n\n", "", "the file is empty"),
    ("empty.txt", b"", "", "the file is empty"),
    ("only-header.txt", b"outlet: X\npublished: 2024-01-01\n\n", "", "no article text after the header"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "", "binary data (a PNG image)"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "", "binary data (a PDF)"),
    ("dump.jsonl", b'{"text": "a"}\n' + bytes(range(256)) * 4, "", "binary data (112 control bytes in the first 1,038)"),
    ("dump.txt", b"Officials said 12\x00 people died.", "", "binary data (a NUL byte at offset 17)"),
    ("latin1.txt", "Line one.\nThe café served 40 people.\n".encode("latin-1"), ":2",
     "not UTF-8: byte 0xE9 at line 2, column 8"),  # "The caf" is 7 characters
    ("broken-array.json", b'[{"text": "a 5"},\n {"text": ', ":2", "not a valid JSON array (Expecting value)"),
    ("empty-array.json", b"[]", "", "an empty JSON array — nothing to read"),
    ("utf16.jsonl", '{"text": "a 5"}\n'.encode("utf-16"), "", "UTF-16 encoded; JSON Lines must be UTF-8"),
    ("not-a-feed.xml", b"<?xml version='1.0'?><catalog><book>5 copies</book></catalog>", "", "not an RSS/Atom feed"),
])
def test_a_bad_file_is_reported_and_the_other_files_go_in(tmp_path: Path, name: str, content: bytes, origin: str,
                                                          reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.jsonl"
    good.write_text(GOOD_1 + "\n" + GOOD_3 + "\n", encoding="utf-8")
    code, stderr = ingest(tmp_path, bad, good)
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    assert errors[0].startswith(f"error: {bad}{origin}: {reason}"), errors[0]
    assert "2 articles read" in stderr
    assert stored_article_ids(tmp_path) == {"good-1", "good-3"}


def test_a_missing_file_and_a_folder_of_bad_files_do_not_stop_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.jsonl").write_text(GOOD_1 + "\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"Caf\xe9 with 12 people")  # Latin-1
    (folder / "c.jsonl").write_text(GOOD_3 + "\n{oops\n", encoding="utf-8")
    code, stderr = ingest(tmp_path, tmp_path / "missing.jsonl", folder)
    assert code == 1
    errors = sorted(line for line in stderr.splitlines() if line.startswith("error:"))
    assert len(errors) == 3, stderr
    assert f"error: {tmp_path / 'missing.jsonl'}: no such file or folder — check the path" in errors
    assert any(e.startswith(f"error: {folder / 'c.jsonl'}:2: not valid JSON") for e in errors)
    assert any(e.startswith(f"error: {folder / 'b.txt'}") for e in errors)
    assert stored_article_ids(tmp_path) == {"good-1", "good-3"}


def test_nul_characters_inside_json_text_are_replaced_without_moving_offsets(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"text": "a\u0000b 12 people"}) + "\n", encoding="utf-8")
    [article] = read_articles([str(path)])
    assert article.text == "a\ufffdb 12 people"  # same length: every offset still points at the same figure


def test_an_article_over_the_length_limit_is_rejected_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "12 people. " * 100}) + "\n" + GOOD_1 + "\n", encoding="utf-8")
    rejection, article = read_articles([str(path)], settings=Settings(max_article_chars=1000))
    assert isinstance(rejection, Rejection) and rejection.origin == f"{path}:1"
    assert "1,100 characters, over the limit of 1,000" in rejection.reason
    assert isinstance(article, Article) and article.id == "good-1"
    (tmp_path / "long.txt").write_text("12 people. " * 100, encoding="utf-8")
    [rejection] = read_articles([str(tmp_path / "long.txt")], settings=Settings(max_article_chars=1000))
    assert "over the limit" in rejection.reason


# -- 50 MB -----------------------------------------------------------------------------------------
MEASURE = textwrap.dedent("""
    import resource, runpy, sys
    sys.argv = ["figures", *sys.argv[1:]]
    try:
        runpy.run_module("figures", run_name="__main__")
    finally:
        print("maxrss_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
""")


def _run_measured(tmp_path: Path, path: Path) -> tuple[int, str, int]:
    env = dict(os.environ, FIGURES_DB=f"sqlite:///{tmp_path / (path.stem + '.db')}")
    run = subprocess.run([sys.executable, "-c", MEASURE, "ingest", str(path)], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=300)
    rss = int(run.stderr.rsplit("maxrss_kb", 1)[1].split()[0])
    return run.returncode, run.stderr, rss


def test_a_50_mb_line_is_rejected_with_bounded_memory_and_the_rest_goes_in(tmp_path: Path) -> None:
    small = tmp_path / "small.jsonl"
    small.write_text(GOOD_1 + "\n" + GOOD_3 + "\n", encoding="utf-8")
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as f:
        f.write(GOOD_1 + "\n")
        f.write('{"id": "huge", "text": "')
        for _ in range(50):
            f.write("The toll rose to 12 people. " * 37_450)  # about 1 MB
        f.write('"}\n')
        f.write(GOOD_3 + "\n")
    assert big.stat().st_size > 50_000_000
    code, stderr, rss_big = _run_measured(tmp_path, big)
    assert code == 1
    assert f"error: {big}:2: the line is 52,43" in stderr and "too long for one article" in stderr
    assert "2 articles read" in stderr
    _, _, rss_small = _run_measured(tmp_path, small)
    # Holding the file (50 MB) or the line as text would add well over 50 MB; streaming keeps
    # at most one line up to the cap (6 x 2M characters) in memory.
    assert rss_big - rss_small < 30_000, (rss_small, rss_big)


def test_a_50_mb_file_of_many_articles_is_streamed(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "many.jsonl"
    line = json.dumps({"outlet": "A", "published": "2024-01-01", "text": "Officials said 12 people died. " * 64})
    count = 50_000_000 // len(line) + 1
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            f.write(line.replace('"outlet"', f'"id": "a{i}", "outlet"', 1) + "\n")
    tracemalloc.start()
    try:
        seen = sum(1 for item in read_articles([str(path)]) if isinstance(item, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < 8_000_000, peak  # a few 1 MB chunks, never the 50 MB file


# -- hostile XML -------------------------------------------------------------------------------------
def test_a_feed_cannot_read_local_files_through_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    feed = tmp_path / "xxe.rss"
    feed.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
                    '<rss version="2.0"><channel><title>T</title><item><title>a</title>'
                    "<description>Leak: &xxe; and 12 people.</description></item></channel></rss>", encoding="utf-8")
    items = list(read_articles([str(feed)]))
    assert items and all("TOP-SECRET-MARKER" not in (getattr(i, "text", "") + getattr(i, "reason", "")) for i in items)


def test_a_feed_with_exponential_entities_stays_small(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))  # 10^10 characters if expanded
    feed = tmp_path / "lol.rss"
    feed.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rss [{entities}]>\n<rss version="2.0"><channel><title>T</title>'
                    "<item><title>x</title><description>&j; 12 people</description></item></channel></rss>", encoding="utf-8")
    items = list(read_articles([str(feed)]))
    assert items and all(len(getattr(i, "text", "")) < 10_000 for i in items)


def test_nul_and_lone_surrogates_are_stored_on_every_database(tmp_path: Path, store_url: str) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "odd-1", "outlet": "Out\\udc00let", "text": "Officials said 12\\u0000 people died \\ud800."}\n'
                    + GOOD_3 + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", store_url])
    assert result.exit_code == 0, result.stderr
    claims = CliRunner().invoke(app, ["claims", "--format", "jsonl", "--db", store_url])
    rows = [json.loads(line) for line in claims.stdout.split("\n") if line]
    assert {"odd-1", "good-3"} <= {r["article_id"] for r in rows}
    from figures.store import Store

    with Store(store_url) as store:
        outlets = set(store.articles_frame()["outlet"])
    assert "Out\ufffdlet" in outlets
