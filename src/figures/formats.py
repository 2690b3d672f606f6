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


def _column_cells(values: list) -> list[str]:
    """``csv_cell`` of each value, with the common one-type columns done in one pass."""
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        return ["" if v is None else "'" + v if v.startswith(FORMULA_START) else v for v in values]
    if kinds <= {float, type(None)}:
        return ["" if v is None or v != v else str(int(v)) if v.is_integer() else repr(v) for v in values]
    if kinds <= {int}:
        return [str(v) for v in values]
    if kinds <= {date, type(None)}:
        return ["" if v is None else v.isoformat() for v in values]
    return [csv_cell(v) for v in values]


def terminal_text(value: object, width: int = 60) -> str:
    """Text for a terminal cell: no control or bidi characters, shortened to width."""
    text = _CONTROL.sub(" ", "" if plain(value) is None else str(plain(value)))
    return text if len(text) <= width else text[: width - 1] + "…"
