"""Regression table from public, MIT-licensed test data of two other extractors.

tests/data/research/ holds unmodified copies (see the LICENSE-*.txt notes there):
  quantulum3-quantities.json      quantulum3's English test sentences (value, unit, surface)
  recognizers-*.json              Microsoft Recognizers-Text English specs (Number, NumberRange,
                                  Percent, Currency, Dimension)
and out_of_scope.tsv, the cases deliberately not handled, each with the reason. Every other case
must come out right: each expected quantity found with its value (both ends for a range), and
nothing found where the spec expects nothing.

Run ``python tests/test_research_data.py`` to print the failures of the cases in scope.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from figures.numbers import find_figures
from figures.units import dimension, is_currency, spellings

DATA = Path(__file__).parent / "data" / "research"
REL_TOL = 0.005

# Recognizers-Text NumberRange interval notation: "[20,100)", "(,700]", "[5000,)"
_INTERVAL = re.compile(r"^([\[(])\s*(-?[\d.e+]*)\s*,\s*(-?[\d.e+]*)\s*([\])])$")


def _num(s):
    return float(s) if s not in ("", None) else None


def expected_of(source: str, case: dict) -> list[dict]:
    """The quantities a case expects, as {value, low, high, qualifier?} dicts."""
    out = []
    if source.startswith("quantulum3"):
        for r in case["res"]:
            v, u = float(r["value"]), float(r.get("uncertainty") or 0)
            out.append({"value": v} if not u else {"low": v - u, "high": v + u})
        return out
    for r in case["Results"]:
        res = r.get("Resolution") or {}
        if "NumberRange" in source:
            m = _INTERVAL.match(str(res.get("value", "")))
            if not m:
                continue
            lo, hi = _num(m.group(2)), _num(m.group(3))
            if lo is not None and hi is not None:
                out.append({"low": lo, "high": hi})
            elif lo is not None:
                out.append({"value": lo, "qualifier": "at_least" if m.group(1) == "[" else "more_than"})
            elif hi is not None:
                out.append({"value": hi, "qualifier": "at_most|up_to" if m.group(4) == "]" else "less_than"})
        else:
            value = str(res.get("value", "")).rstrip("%")
            try:
                out.append({"value": float(value)})
            except ValueError:
                continue
    return out


def _close(a, b) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def _found(exp: dict, figures) -> bool:
    for f in figures:
        if "low" in exp:
            if _close(f.low, exp["low"]) and _close(f.high, exp["high"]):
                return True
        elif _close(f.value, exp["value"]) and ("qualifier" not in exp or f.qualifier in exp["qualifier"].split("|")):
            return True
    return False


def check(source: str, case: dict) -> str | None:
    """None when the case passes, else what went wrong."""
    text = case.get("req") or case.get("Input")
    figures, _ = find_figures(text)
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
    expected = expected_of(source, case)
    if not expected:
        # Currency and Dimension specs list sentences with no money / no measure in them; the
        # Number specs, sentences with no number at all
        if "Currency" in source:
            wrong = [f for f in figures if f.unit and is_currency(f.unit)]
        elif "Dimension" in source:
            wrong = [f for f in figures if f.unit and f.unit in spellings().values()
                     and any(d in dimension(f.unit) for d in ("[length]", "[mass]"))]
        else:
            wrong = figures
        return None if not wrong else f"expected nothing, found {[text[f.start:f.end] for f in wrong]}"
    missing = [e for e in expected if not _found(e, figures)]
    if "Currency" in source and not missing:  # the ISO code, where the spec gives one
        codes = {r["Resolution"]["isoCurrency"] for r in case["Results"] if r.get("Resolution", {}).get("isoCurrency")}
        if not codes <= {f.unit for f in figures}:
            return f"currency {codes} not among {[f.unit for f in figures]}"
    if missing:
        got = [(text[f.start:f.end], f.value, f.low, f.high, f.qualifier) for f in figures]
        return f"missing {missing}; found {got}"
    return None


def all_cases() -> list[tuple[str, int, dict]]:
    cases = []
    for path in sorted(DATA.glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            cases.append((path.name, i, case))
    return cases


def out_of_scope() -> dict[tuple[str, int], str]:
    table = {}
    for line in (DATA / "out_of_scope.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, index, reason = line.split("\t")[:3]
            table[(source, int(index))] = reason
    return table


CASES = all_cases()
SKIPPED = out_of_scope()
IN_SCOPE = [(s, i, c) for s, i, c in CASES if (s, i) not in SKIPPED]


def test_the_copied_data_is_all_there():
    counts = {}
    for s, _, _ in CASES:
        counts[s] = counts.get(s, 0) + 1
    assert counts == {"quantulum3-quantities.json": 101, "recognizers-CurrencyModel.json": 180,
                      "recognizers-DimensionModel.json": 100, "recognizers-NumberModel.json": 235,
                      "recognizers-NumberRangeModel.json": 87, "recognizers-PercentModel.json": 20}
    assert (DATA / "LICENSE-quantulum3.txt").exists() and (DATA / "LICENSE-recognizers-text.txt").exists()


def test_every_out_of_scope_entry_names_a_real_case_and_a_reason():
    keys = {(s, i) for s, i, _ in CASES}
    for key, reason in SKIPPED.items():
        assert key in keys, key
        assert len(reason) > 10, key


@pytest.mark.parametrize("source,index", sorted(SKIPPED), ids=[f"{s}:{i}" for s, i in sorted(SKIPPED)])
def test_out_of_scope_cases_still_fail(source, index):
    # a listed case that now passes belongs back in scope: take it off out_of_scope.tsv
    case = json.loads((DATA / source).read_text(encoding="utf-8"))[index]
    assert check(source, case) is not None


def test_most_cases_are_in_scope():
    # a floor, so that the table cannot quietly shrink to nothing
    assert len(IN_SCOPE) >= 400
    assert sum(1 for s, _, c in IN_SCOPE if expected_of(s, c)) >= 300


@pytest.mark.parametrize("source,index,case", IN_SCOPE, ids=[f"{s}:{i}" for s, i, _ in IN_SCOPE])
def test_case(source, index, case):
    problem = check(source, case)
    assert problem is None, f"{source}[{index}] {case.get('req') or case.get('Input')!r}: {problem}"


if __name__ == "__main__":  # print the failures, to review them or to list them as out of scope
    for s, i, c in CASES:
        problem = check(s, c)
        if problem:
            mark = "SKIP" if (s, i) in SKIPPED else "FAIL"
            print(f"{mark}\t{s}\t{i}\t{(c.get('req') or c.get('Input'))[:110]!r}\t{problem[:200]}")
