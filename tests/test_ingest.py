"""Reading articles: JSON Lines (CONTRACT.md), text and Markdown with header blocks, HTML pages,
RSS/Atom feeds, folders, standard input and http(s) URLs served from 127.0.0.1."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from figures import Article, ArticleDefaults, InputError, Rejection, Settings, read_articles

DATA = Path(__file__).parent / "data" / "ingest"


def read(*sources: str | Path, defaults: ArticleDefaults = ArticleDefaults(), settings: Settings = Settings()) -> list:
    return list(read_articles([str(s) for s in sources], defaults, settings))


def figures(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, FIGURES_DB=f"sqlite:///{cwd / 'figures.db'}")
    return subprocess.run([sys.executable, "-m", "figures", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def jsonl(tmp_path: Path, *rows: dict | str, name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


# -- JSON Lines ----------------------------------------------------------------------------------
TEXT = "Officials said 12 people died."


@pytest.mark.parametrize("row, expected", [
    ({"id": "a-1", "text": TEXT, "outlet": "Reuters", "published": "2024-03-05", "url": "https://x.example/a",
      "title": "T", "author": "Jo"},
     {"id": "a-1", "outlet": "Reuters", "published": date(2024, 3, 5), "url": "https://x.example/a", "title": "T",
      "author": "Jo"}),
    ({"text": TEXT, "source": "AP"}, {"outlet": "AP"}),  # "source" is an alias of outlet
    ({"text": TEXT, "outlet": "Reuters", "source": "AP"}, {"outlet": "Reuters"}),  # the real key wins
    ({"text": TEXT, "story": "quake", "date_note": "inferred", "tags": [1, 2]}, {"outlet": None}),  # unknown keys ignored
    ({"text": TEXT, "id": 7}, {"id": "7"}),  # a numeric id is still the article's id
    ({"text": TEXT, "published": "2024-03-05T23:30:00-05:00"}, {"published": date(2024, 3, 5)}),  # the date as written, not UTC
    ({"text": TEXT, "published": "2024-03-05T10:00:00Z"}, {"published": date(2024, 3, 5)}),
    # a page that gives only its month or year (ISO 8601 reduced precision): its first day
    ({"text": TEXT, "published": "2023-10"}, {"published": date(2023, 10, 1)}),
    ({"text": TEXT, "published": "2023"}, {"published": date(2023, 1, 1)}),
    ({"text": TEXT, "published": None, "outlet": None}, {"published": None, "outlet": None}),  # null = absent
    ({"text": TEXT, "outlet": "  "}, {"outlet": None}),  # a blank outlet is no outlet
])
def test_jsonl_keys_of_the_contract(tmp_path: Path, row: dict, expected: dict) -> None:
    [article] = read(jsonl(tmp_path, row))
    assert isinstance(article, Article)
    assert article.text == TEXT
    for key, value in expected.items():
        assert getattr(article, key) == value, key
    assert article.origin == f"{tmp_path / 'in.jsonl'}:1"


def test_ids_are_the_input_id_else_a_content_hash_stable_across_runs(tmp_path: Path) -> None:
    path = jsonl(tmp_path, {"id": "given", "text": TEXT}, {"text": TEXT, "url": "https://x.example/1"},
                 {"text": TEXT, "url": "https://x.example/2"}, {"text": TEXT + " More."})
    first, again = read(path), read(path)
    assert [a.id for a in first] == [a.id for a in again]
    assert first[0].id == "given"
    assert first[1].id == Article.make_id(TEXT, "https://x.example/1")
    assert len({a.id for a in first}) == 4  # a different URL or text is a different article


@pytest.mark.parametrize("row, expected_outlet, expected_published", [
    ({"text": TEXT}, "Desk default", date(2024, 1, 31)),  # the defaults fill what is missing
    ({"text": TEXT, "outlet": "Reuters", "published": "2023-12-01"}, "Reuters", date(2023, 12, 1)),  # never override
])
def test_defaults_fill_in_what_a_source_lacks(tmp_path: Path, row: dict, expected_outlet: str,
                                              expected_published: date) -> None:
    defaults = ArticleDefaults(outlet="Desk default", published=date(2024, 1, 31))
    [article] = read(jsonl(tmp_path, row), defaults=defaults)
    assert (article.outlet, article.published) == (expected_outlet, expected_published)


def test_blank_lines_and_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "A: 5 people."}\r\n\r\n   \n{"text": "B: 6 people."}')  # BOM, no final newline
    articles = read(path)
    assert [a.text for a in articles] == ["A: 5 people.", "B: 6 people."]
    assert [a.origin.rsplit(":", 1)[1] for a in articles] == ["1", "4"]  # line numbers count blank lines


@pytest.mark.parametrize("name, content, origins", [
    ("array.json", '[{"id": "j1", "text": "A: 5 people."},\n {"id": "j2", "text": "B: 6 people."}]',
     ["array.json:item 1", "array.json:item 2"]),
    ("array.jsonl", '[{"id": "j1", "text": "A: 5 people."}, {"id": "j2", "text": "B: 6 people."}]',  # whatever the suffix
     ["array.jsonl:item 1", "array.jsonl:item 2"]),
    ("pretty.json", '{\n  "id": "j1",\n  "text": "A: 5 people."\n}\n', ["pretty.json"]),  # one pretty-printed object
    ("lines.json", '{"id": "j1", "text": "A: 5 people."}\n{"id": "j2", "text": "B: 6 people."}\n',  # JSON Lines named .json
     ["lines.json:1", "lines.json:2"]),
])
def test_json_documents_arrays_and_lines(tmp_path: Path, name: str, content: str, origins: list[str]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    articles = read(path)
    assert all(isinstance(a, Article) for a in articles), articles
    assert [a.origin for a in articles] == [str(tmp_path / o) for o in origins]
    assert articles[0].id == "j1" and articles[0].text == "A: 5 people."


# -- text and Markdown ---------------------------------------------------------------------------
def test_text_with_a_header_block() -> None:
    [article] = read(DATA / "header.txt")
    assert article.text == "Officials said 40 people were hurt in the collision.\nTwo trains were involved."
    assert (article.outlet, article.published, article.url, article.title) == (
        "Reuters", date(2024, 3, 1), "https://example.org/hurt", "Forty hurt")


def test_markdown_front_matter_is_a_header_and_other_keys_are_ignored() -> None:
    [article] = read(DATA / "front_matter.md")
    assert article.text.startswith("# Budget vote\n\nThe council approved a **£12m** budget")
    assert (article.outlet, article.published, article.title) == ("City Journal", date(2024, 5, 20), "Budget vote")


@pytest.mark.parametrize("content, expected_text, expected_outlet", [
    ("Rescuers found 17 people.\n", "Rescuers found 17 people.", None),  # no header at all
    ("Note: 17 people were found.\n\nMore later.\n", "Note: 17 people were found.\n\nMore later.", None),  # "Note" is no header key
    ("Title: 17 people found\n", "Title: 17 people found", None),  # never closed by a blank line: it is text
    ("OUTLET: Le Monde\n\n17 people found.\n", "17 people found.", "Le Monde"),  # keys are case-insensitive
])
def test_what_counts_as_a_header(tmp_path: Path, content: str, expected_text: str, expected_outlet: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    [article] = read(path)
    assert (article.text, article.outlet) == (expected_text, expected_outlet)


def test_a_bad_header_date_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("outlet: X\npublished: 2024-13-01\n\n17 people found.\n", encoding="utf-8")
    [rejection] = read(path)
    assert isinstance(rejection, Rejection)
    assert rejection.origin == f"{path}:2" and "2024-13-01" in rejection.reason


def test_utf16_text_with_a_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("outlet: Die Zeit\n\nÜber 300 Häuser brannten.\n".encode("utf-16"))
    [article] = read(path)
    assert (article.text, article.outlet) == ("Über 300 Häuser brannten.", "Die Zeit")


# -- HTML ----------------------------------------------------------------------------------------
def test_html_page_gives_the_article_and_its_metadata_not_the_furniture() -> None:
    [article] = read(DATA / "article.html")
    assert "7.4 metres" in article.text and "€45 million" in article.text and "more than 300 homes" in article.text
    for furniture in ("Subscribe", "5,000 sandbags", "0800 123 456", "window.tracker"):  # nav, comments, footer, script
        assert furniture not in article.text
    assert article.outlet == "The Valley Courier"
    assert article.published == date(2024, 4, 12)
    assert article.url == "https://valley-courier.example/news/flood-record"
    assert article.title == "Flood waters reach record level"
    assert article.author == "Dana Whitfield"


def test_html_without_article_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav></nav></body></html>", encoding="utf-8")
    [rejection] = read(path)
    assert isinstance(rejection, Rejection) and "no article text" in rejection.reason


# -- feeds ---------------------------------------------------------------------------------------
def test_rss_entries_are_articles_and_an_empty_entry_is_rejected() -> None:
    port, ferry, gallery = read(DATA / "feed.rss")
    # content:encoded wins over the shorter description; the script is dropped
    assert port.text == ("The port handled 2.3 million containers last year, up 8% on the year before, the harbour "
                         "board said.\nIt employs about 4,500 people.")
    assert (port.outlet, port.published, port.url, port.title, port.author) == (
        "Harbour Gazette", date(2024, 5, 6), "https://harbour-gazette.example/port-record", "Port handles record cargo",
        "Sam Ortega")
    assert ferry.text == "Ferry fares will rise by 12% from June, affecting some 30,000 daily passengers."  # summary only
    assert ferry.origin == f"{DATA / 'feed.rss'}:entry 2"
    assert isinstance(gallery, Rejection) and gallery.origin.endswith("feed.rss:entry 3")


def test_atom_entries_with_content_or_summary() -> None:
    snow, road = read(DATA / "feed.atom")
    assert snow.text == "Up to 80 centimetres of new snow fell overnight, and 14 ski runs were closed."
    assert (snow.outlet, snow.published, snow.author) == ("Mountain Post", date(2024, 2, 3), "Lee Park")
    assert road.text == "The pass reopened after 3 days, with about 600 vehicles waiting."
    assert road.published == date(2024, 2, 1)  # published, not updated


# -- folders and standard input ------------------------------------------------------------------
def test_folders_are_read_recursively_in_sorted_order_skipping_hidden_files() -> None:
    articles = read(DATA / "folder")
    assert [a.text for a in articles] == ["Second: 20 people.", "First: 10 people.", "Third: 30 people."]
    assert [Path(a.origin.split(":")[0]).name for a in articles] == ["a.txt", "b.jsonl", "c.md"]
    assert read(DATA / "folder") == articles  # deterministic


@pytest.mark.parametrize("stdin, expected_value", [
    (json.dumps({"id": "s1", "text": "Officials said 12 people died.", "outlet": "X"}) + "\n", 12),  # JSON Lines
    ("outlet: Y\npublished: 2024-02-02\n\nRescuers found 17 people.\n", 17),  # text with a header
])
def test_standard_input(tmp_path: Path, stdin: str, expected_value: int) -> None:
    run = figures("extract", "-", "--format", "jsonl", cwd=tmp_path, stdin=stdin)
    assert run.returncode == 0, run.stderr
    values = [json.loads(line)["value"] for line in run.stdout.splitlines()]
    assert expected_value in values


# -- several sources, one missing ----------------------------------------------------------------
def test_a_missing_source_is_reported_and_the_others_still_go_in(tmp_path: Path) -> None:
    good = jsonl(tmp_path, {"id": "g1", "text": "Officials said 12 people died.", "outlet": "X"})
    run = figures("ingest", "missing.jsonl", str(good), str(DATA / "plain.txt"), cwd=tmp_path)
    assert run.returncode == 1
    assert "error: missing.jsonl: no such file or folder — check the path" in run.stderr
    assert "2 articles read" in run.stderr
    stored = figures("claims", "--format", "jsonl", cwd=tmp_path)
    assert {json.loads(line)["article_id"] for line in stored.stdout.splitlines()} >= {"g1"}


def test_the_library_raises_input_error_for_a_missing_source(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read(tmp_path / "nope.jsonl")


# -- URLs (a local server on 127.0.0.1, never the internet) --------------------------------------
def test_urls_of_pages_feeds_and_json_lines(httpserver) -> None:
    httpserver.expect_request("/flood").respond_with_data((DATA / "article.html").read_bytes(),
                                                          content_type="text/html; charset=utf-8")
    httpserver.expect_request("/feed").respond_with_data((DATA / "feed.atom").read_bytes(),
                                                         content_type="application/atom+xml")
    httpserver.expect_request("/export").respond_with_data(json.dumps({"id": "u1", "text": TEXT}) + "\n",
                                                           content_type="application/octet-stream")  # sniffed
    page, snow, road, exported = read(httpserver.url_for("/flood"), httpserver.url_for("/feed"),
                                      httpserver.url_for("/export"))
    assert page.outlet == "The Valley Courier" and "7.4 metres" in page.text
    assert (snow.outlet, road.outlet) == ("Mountain Post", "Mountain Post")
    assert (exported.id, exported.text) == ("u1", TEXT)


def test_urls_are_fetched_with_the_settings_user_agent(httpserver) -> None:
    httpserver.expect_request("/a", headers={"User-Agent": "desk-bot/9"}).respond_with_data(
        "Officials said 12 people died.", content_type="text/plain")
    [article] = read(httpserver.url_for("/a"), settings=Settings(user_agent="desk-bot/9"))
    assert article.text == "Officials said 12 people died." and article.url == httpserver.url_for("/a")


def test_an_http_error_is_an_input_error_and_the_cli_carries_on(httpserver, tmp_path: Path) -> None:
    httpserver.expect_request("/gone").respond_with_data("not here", status=404)
    with pytest.raises(InputError, match="HTTP 404"):
        read(httpserver.url_for("/gone"))
    run = figures("ingest", httpserver.url_for("/gone"), str(DATA / "plain.txt"), cwd=tmp_path)
    assert run.returncode == 1
    assert f"error: {httpserver.url_for('/gone')}: the server answered HTTP 404" in run.stderr
    assert "1 articles read" in run.stderr


def test_an_unreachable_url_is_an_input_error() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match="cannot fetch it"):
        read(f"http://127.0.0.1:{port}/story")


def test_a_slow_server_times_out_with_the_settings_timeout(httpserver) -> None:
    def slow(_request):
        time.sleep(1.5)
        from werkzeug import Response
        return Response("late", content_type="text/plain")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(InputError, match="no answer within 0.3 seconds"):
        read(httpserver.url_for("/slow"), settings=Settings(http_timeout=0.3))
    assert time.monotonic() - started < 1.4


def test_a_password_in_a_url_is_never_shown() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError) as caught:
        read(f"http://desk:hunter2@127.0.0.1:{port}/story")
    assert "hunter2" not in str(caught.value) and "***@127.0.0.1" in str(caught.value)


def test_one_path_given_as_a_string_or_path_is_one_source_not_its_letters() -> None:
    expected = read(DATA / "folder")
    assert list(read_articles(str(DATA / "folder"))) == expected
    assert list(read_articles(DATA / "folder")) == expected


def test_redirects_are_followed_and_oversized_pages_refused(httpserver) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": httpserver.url_for("/new")})
    httpserver.expect_request("/new").respond_with_data("Officials said 12 people died.", content_type="text/plain")
    httpserver.expect_request("/huge").respond_with_data("12 people. " * 20_000, content_type="text/plain")
    [article] = read(httpserver.url_for("/old"))
    assert article.origin == article.url == httpserver.url_for("/new")  # where the text really came from
    with pytest.raises(InputError, match="larger than"):
        read(httpserver.url_for("/huge"), settings=Settings(max_article_chars=10_000))


def test_a_sub_folder_that_cannot_be_listed_is_reported(monkeypatch) -> None:
    import figures.ingest

    real_walk = os.walk

    def walk(top, onerror=None):  # as os.walk reports a folder it may not open (tests run as root)
        onerror(PermissionError(13, "Permission denied", str(DATA / "folder" / "locked")))
        yield from real_walk(top, onerror=onerror)

    monkeypatch.setattr(figures.ingest.os, "walk", walk)
    items = read(DATA / "folder")
    assert items[0] == Rejection(str(DATA / "folder" / "locked"),
                                 "cannot list the folder (Permission denied) — check its permissions")
    assert [a.text for a in items[1:]] == ["Second: 20 people.", "First: 10 people.", "Third: 30 people."]
