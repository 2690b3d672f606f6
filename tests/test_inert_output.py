"""Untrusted article text stays inert: scripts, attribute-breaking quotes, Markdown links and
images, spreadsheet formulas, terminal escapes, bidi overrides and SQL-looking strings come out
of every output format as harmless data, and no SQL is built from strings."""
from __future__ import annotations

import ast
import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Article ids, outlets, titles and URLs are input too: each output format carries some of them.
EVIL_ID = '=HYPERLINK("//evil.example")\x1b[2J\u202e\u2028\x85'  # short enough to show whole in a table
EVIL_OUTLET = '=HYPERLINK("http://evil.example/outlet","Reuters")'
DDE_OUTLET = "@SUM(1+1)*cmd|' /C calc'!A0"
SQL = "'; DROP TABLE claims;--"
# Two reports of one quantity that disagree (12,000 vs 10,000 troops), so there is a flag to show.
HOSTILE = [
    {"id": EVIL_ID, "outlet": EVIL_OUTLET, "published": "2024-03-04", "url": "javascript:alert(document.cookie)",
     "title": "<img src=x onerror=alert(1)>",
     "text": ("<script>alert('a')</script> North Korea has sent 12,000 troops to Russia, South Korea's intelligence "
              "agency said on Monday. \" onmouseover=\"alert(1)\" x=\" [click here](javascript:alert(2)) "
              f"![pixel](http://evil.example/p.png) Officials said 300 homes were destroyed. {SQL} Rescuers said 45 "
              "people were injured.\u2028Another 12 people were missing.\x85 Police said 7 people were arrested.\u202e")},
    {"id": "-2+3", "outlet": DDE_OUTLET, "published": "2024-03-05", "url": "https://news.example/b",
     "title": "Robert'); DROP TABLE articles;-- ",
     "text": ("North Korea has sent 10,000 troops to Russia, Ukrainian President Volodymyr Zelenskyy said on Tuesday. "
              "=1+1 Officials said 700 homes were destroyed. \x1b[31mRED\x1b[0m Rescuers said 45 people were injured. "
              "<b onclick=alert(3)>bold</b>")},
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TERMINAL_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def figures(*args: str, db: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figures", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "FIGURES_DB": db, "COLUMNS": "200"}, timeout=300)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    """The hostile articles, written and ingested once."""
    folder = tmp_path_factory.mktemp("inert")
    articles = folder / "hostile.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in HOSTILE), encoding="utf-8")
    db = f"sqlite:///{folder / 'inert.db'}"
    run = figures("ingest", str(articles), db=db, cwd=folder)
    assert run.returncode == 0, run.stderr
    return {"folder": folder, "articles": articles, "db": db, "db_file": folder / "inert.db"}


# -- checks ------------------------------------------------------------------------------------
def check_jsonl(stdout: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.split("\n")[:-1]]
    assert all(isinstance(r, dict) for r in rows)
    # U+2028, U+0085 and friends in text must not make a reader that splits on any line break
    # (str.splitlines, many JSON Lines tools) see extra lines.
    assert stdout.splitlines() == stdout.split("\n")[:-1], "a line break other than \\n is written unescaped"
    return rows


def check_csv(text: str) -> list[dict]:
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert all(len(r) == len(header) for r in rows), "a cell broke the row structure"
    for r in rows[1:]:
        for cell in r:
            if cell.startswith(FORMULA_START):
                float(cell)  # only a plain number may start like a formula
    return [dict(zip(header, r)) for r in rows[1:]]


def check_terminal(stdout: str) -> None:
    bad = TERMINAL_UNSAFE.search(stdout)
    assert bad is None, f"{bad.group()!r} reaches the terminal at {bad.start()}: {stdout[max(0, bad.start() - 60):bad.end() + 20]!r}"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def check_html(markup: str) -> None:
    parser = _Tags()
    parser.feed(markup)
    for tag, attrs in parser.tags:
        handlers = [name for name in attrs if name.startswith("on")]
        assert not handlers, f"<{tag}> has event handler attributes {handlers}"
        for name in ("href", "src", "action", "formaction"):
            value = attrs.get(name, "").strip().lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:text/html")), f"<{tag} {name}={value!r}>"
            assert "evil.example" not in value, f"<{tag} {name}={value!r}> comes from article text"
    assert "alert(" not in "".join(parser.script_text), "article text runs as a script"


def check_markdown(text: str) -> None:
    from markdown_it import MarkdownIt

    check_html(MarkdownIt("commonmark", {"html": True}).render(text))  # as a renderer that allows HTML shows it


# -- claims: extract and claims ----------------------------------------------------------------
def test_claims_as_json_lines_are_data(world) -> None:
    for args in (["extract", str(world["articles"])], ["claims"]):
        run = figures(*args, "--format", "jsonl", db=world["db"], cwd=world["folder"])
        assert run.returncode == 0, run.stderr
        rows = check_jsonl(run.stdout)
        assert {r["article_id"] for r in rows} == {EVIL_ID, "-2+3"}  # the ids come back exactly, as data


def test_claims_as_csv_never_start_a_formula(world) -> None:
    for args in (["extract", str(world["articles"])], ["claims"]):
        run = figures(*args, "--format", "csv", db=world["db"], cwd=world["folder"])
        assert run.returncode == 0, run.stderr
        rows = check_csv(run.stdout)
        assert {r["article_id"] for r in rows} == {"'" + EVIL_ID, "'-2+3"}  # neutralised, not dropped


def test_claims_as_a_table_carry_no_terminal_controls(world) -> None:
    for args in (["extract", str(world["articles"])], ["claims"]):
        run = figures(*args, "--format", "table", db=world["db"], cwd=world["folder"])
        assert run.returncode == 0, run.stderr
        assert "HYPERLINK" in run.stdout
        check_terminal(run.stdout)


@pytest.mark.parametrize("char", [
    "\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\x9b",  # C0/C1 controls: bells, escapes (\x9b is a one-byte CSI)
    "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069",  # bidi marks, embeddings, overrides and isolates
    "\u2028", "\u2029",  # line and paragraph separators break a table row like a newline
])
def test_terminal_cells_drop_every_control_character(char: str) -> None:
    from figures.formats import terminal_text

    check_terminal(terminal_text(f"12{char}000 troops", 60))


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c"])
def test_json_lines_escape_every_character_python_splits_lines_on(char: str) -> None:
    from figures.formats import to_jsonl

    out = to_jsonl([{"sentence": f"12{char}000 troops"}, {"sentence": "next"}])
    assert len(check_jsonl(out)) == 2


# The report's CSV writer does whole columns at once (a scan of the joined column for a formula
# start, numpy for floats); each column must come out as csv_cell makes it, cell by cell.
@pytest.mark.parametrize("column", [
    ["12,000", None, "=1+1", "", "-2+3", "+7", "@SUM(1)", "\tx", "\rx"],  # every formula start
    ["first line\n=HYPERLINK(1)", "plain"],  # a line break then "=": in the joined column, not at a cell's start
    ["fine\n", "=2", None],  # a cell ending in a line break, the next one a formula
    ["no formula here\nat all", None, "x"],
    [12000.0, None, float("nan"), 2.5, 0.1 + 0.2, -3.0, -0.0, 1e-300, float("inf"), -float("inf")],
    [1e20, 2.0 ** 53, 2.0 ** 53 - 1, -1e300],  # integral floats past numpy's exact int64 conversion
    [None, None],
    [3, -4, 0],
    [date(2024, 10, 21), None, date(2024, 10, 21)],
    [True, "=x", 1.5, None],  # mixed: cell by cell
])
def test_csv_columns_are_written_as_csv_cell_writes_each_cell(column: list) -> None:
    from figures.formats import columns_to_csv, columns_to_csv_lines, csv_cell

    expected = io.StringIO()
    csv.writer(expected, lineterminator="\n").writerows([["c"]] + [[csv_cell(v), "x"] for v in column])
    assert columns_to_csv({"c": column, "d": ["x"] * len(column)}) == expected.getvalue().replace('c\n', 'c,d\n', 1)
    assert "".join(columns_to_csv_lines({"c": column, "d": ["x"] * len(column)})) == expected.getvalue().split("\n", 1)[1]


# -- conflicts -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def flags(world) -> list[dict]:
    run = figures("conflicts", "--format", "json", db=world["db"], cwd=world["folder"])
    assert run.returncode == 0, run.stderr
    flags = json.loads(run.stdout)
    assert flags, "12,000 vs 10,000 troops should be flagged; without a flag nothing here is checked"
    return flags


def test_conflicts_as_json_are_data(flags) -> None:
    outlets = {c["outlet"] for f in flags for c in f["claims"]}
    assert {EVIL_OUTLET, DDE_OUTLET} <= outlets  # carried verbatim, as JSON strings


def test_conflicts_as_csv_never_start_a_formula(world, flags) -> None:
    run = figures("conflicts", "--format", "csv", db=world["db"], cwd=world["folder"])
    assert run.returncode == 0, run.stderr
    rows = check_csv(run.stdout)
    assert {"'" + EVIL_OUTLET, "'" + DDE_OUTLET} <= {r["outlet"] for r in rows}


def test_conflicts_as_a_table_carry_no_terminal_controls(world, flags) -> None:
    run = figures("conflicts", "--format", "table", db=world["db"], cwd=world["folder"])
    assert run.returncode == 0, run.stderr
    check_terminal(run.stdout)


# -- the weekly report ---------------------------------------------------------------------------
def test_the_report_in_every_format_is_inert(world) -> None:
    import figures.report as report

    if not any(hasattr(report, name) for name in ("write_report", "make_report")):
        pytest.skip("figures.report has no write_report/make_report yet: there is no report to check")
    out = world["folder"] / "reports"
    run = figures("report", "--since", "2024-03-01", "--until", "2024-03-10", "--out", str(out),
                  db=world["db"], cwd=world["folder"])
    assert run.returncode == 0, run.stderr
    written = [Path(line) for line in run.stdout.splitlines() if line.strip()]
    assert {p.suffix for p in written} >= {".md", ".html", ".csv"}, written
    for path in written:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            check_markdown(text)
            assert "HYPERLINK" in text  # the outlet is shown, as text
        elif path.suffix == ".html":
            check_html(text)
            assert "HYPERLINK" in text
        elif path.suffix == ".svg":  # charts label outlets and claimants: still well-formed, still no script
            import xml.etree.ElementTree as ET

            ET.fromstring(text)
            check_html(text)
        elif path.suffix == ".csv":
            check_csv(text)
        elif path.suffix == ".json":
            json.loads(text)


# -- SQL ---------------------------------------------------------------------------------------------
SQL_CALLS = {"execute", "exec_driver_sql", "executescript", "executemany", "text", "exec"}


def _built_string(node: ast.expr) -> bool:
    """An f-string, % formatting, + concatenation or .format() call: SQL built from strings."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def test_no_sql_is_built_by_string_formatting() -> None:
    offenders = []
    for path in sorted((ROOT / "src" / "figures").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SQL_CALLS and _built_string(node.args[0]):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:100]}")
    assert not offenders, "SQL built from strings; use bound parameters:\n" + "\n".join(offenders)


def test_sql_looking_text_is_stored_verbatim_and_runs_nothing(world) -> None:
    with sqlite3.connect(world["db_file"]) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        titles = {row[0] for row in conn.execute("SELECT title FROM articles")}
        texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
    assert {"articles", "claims"} <= tables
    assert "Robert'); DROP TABLE articles;--" in titles
    assert any(SQL in t for t in texts)
