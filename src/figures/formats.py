"""Rows of dicts -> JSON Lines, JSON, CSV or a terminal table, with article text kept inert.

Article text is untrusted: CSV cells that a spreadsheet would run as a formula are
neutralised, and the terminal table strips control characters.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime

import numpy as np

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Characters Python's str.splitlines() breaks on that json.dumps leaves raw: a reader that splits
# JSON Lines on any line break would cut a record in two.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def plain(value: object) -> object:
    """A JSON-ready value: dates as ISO strings, NaN as None, tuples as lists."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ gets a leading quote.
    Plain numbers stay numbers. Strings are checked first: reports write many of them."""
    if type(value) is str:
        return "'" + value if value.startswith(FORMULA_START) else value
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def escape_line_breaks(json_text: str) -> str:
    """JSON text with U+2028, U+2029 and U+0085 escaped: json.dumps leaves them raw, and a
    reader that splits lines on them would cut a record in two. Each is replaced only where
    present: a translation table reads every character of a long text (1.2 s for 8 MB)."""
    if json_text.isascii():
        return json_text
    for raw, escaped in _LINE_BREAKS.items():
        if chr(raw) in json_text:
            json_text = json_text.replace(chr(raw), escaped)
    return json_text


def to_jsonl(rows: Iterable[Mapping]) -> str:
    return "".join(escape_line_breaks(json.dumps({k: plain(v) for k, v in r.items()}, ensure_ascii=False)) + "\n"
                   for r in rows)


def to_json(obj: object) -> str:
    return escape_line_breaks(json.dumps(obj, ensure_ascii=False, indent=2, default=plain)) + "\n"


def to_csv(rows: list[Mapping], columns: list[str]) -> str:
    return columns_to_csv({c: [r.get(c) for r in rows] for c in columns})


def columns_to_csv(columns: dict[str, list]) -> str:
    """CSV of equal-length columns, header first, every cell through ``csv_cell`` — a column
    of one plain type a comprehension at a time (a report writes tens of thousands of rows)."""
    cells = [_column_cells(values) for values in columns.values()]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(list(columns))
    writer.writerows(zip(*cells))
    return buf.getvalue()


class _Lines(list):
    """A file for ``csv.writer`` that keeps each row's text apart (the writer writes a row a call)."""

    write = list.append


def columns_to_csv_lines(columns: dict[str, list]) -> list[str]:
    """Each row of equal-length columns as a CSV line, "\n" included, no header; cells as in
    ``columns_to_csv``. Lines of different columns join with "," into one wider row: the
    cells of a row are quoted each on its own."""
    lines = _Lines()
    csv.writer(lines, lineterminator="\n").writerows(zip(*map(_column_cells, columns.values())))
    return lines


# A formula start after a line break, in a column joined by line breaks: a few substring scans
# in C find that no cell of the column needs neutralising (the usual case), not a test per cell.
_FORMULA_AFTER_BREAK = tuple("\n" + ch for ch in FORMULA_START)
_EXACT_INT = 2.0 ** 53  # below this, every integral float prints as its int


def _column_cells(values: list) -> list:
    """``csv_cell`` of each value, with the common one-type columns done in one pass (a text
    column that needs no neutralising is handed back as it is: the CSV writer writes None as
    an empty cell, as csv_cell does)."""
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        joined = "\n" + "\n".join(filter(None, values))
        if not any(start in joined for start in _FORMULA_AFTER_BREAK):
            return values
        return ["" if v is None else "'" + v if v.startswith(FORMULA_START) else v for v in values]
    if kinds <= {float, type(None)}:
        return _float_cells(values)
    if kinds <= {int}:
        return [str(v) for v in values]
    if kinds <= {date, type(None)}:
        text = {d: "" if d is None else d.isoformat() for d in set(values)}  # a week has seven dates
        return [text[v] for v in values]
    return [csv_cell(v) for v in values]


def _float_cells(values: list) -> list[str]:
    """Floats as csv_cell writes them (12000.0 -> "12000", NaN and None -> ""), the integral
    ones converted by numpy in one call."""
    numbers = np.array(values, dtype=float)  # None -> NaN
    integral = np.isfinite(numbers) & (numbers == np.trunc(numbers)) & (np.abs(numbers) < _EXACT_INT)
    cells = [""] * len(values)
    for at, text in zip(np.flatnonzero(integral).tolist(), numbers[integral].astype(np.int64).astype(str).tolist()):
        cells[at] = text
    other = ~integral
    for at, number in zip(np.flatnonzero(other).tolist(), numbers[other].tolist()):
        cells[at] = "" if number != number else str(int(number)) if number.is_integer() else repr(number)  # NaN, None: empty
    return cells


def terminal_text(value: object, width: int = 60) -> str:
    """Text for a terminal cell: no control or bidi characters, shortened to width."""
    text = _CONTROL.sub(" ", "" if plain(value) is None else str(plain(value)))
    return text if len(text) <= width else text[: width - 1] + "…"
