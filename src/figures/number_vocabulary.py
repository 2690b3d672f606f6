"""The vocabulary the number reader uses, loaded once from data/: qualifiers, scales, currencies, the
words around a number (number_context.tsv) and the unit spellings read after a number."""
from __future__ import annotations

import re
from importlib.resources import files

from figures.units import spellings as unit_spellings


_DATA = files("figures") / "data"


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def _alt(words) -> str:
    """A regex alternation, longest first so "per cent" wins over "per"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_QUALIFIERS = {(r[0].lower(), r[2]): (r[1], r[3]) for r in _rows("qualifiers.tsv")}
_SCALES = {r[0]: (float(r[1]), r[2]) for r in _rows("scales.tsv")}
_CURRENCY_ROWS = _rows("number_currencies.tsv")
_CURRENCY_PRE = {r[0]: r[1] for r in _CURRENCY_ROWS}
_CURRENCY_NEEDS_CONTEXT = {r[0] for r in _CURRENCY_ROWS if r[2:3] == ["context"]}
_CONTEXT: dict[str, set[str]] = {}
for _w, _k in _rows("number_context.tsv"):
    _CONTEXT.setdefault(_k, set()).add(_w)

_UNIT_SPELLINGS = unit_spellings()
# spellings never read as a unit after a number: one- and two-letter symbols that are words or
# other things in prose ("10 m" is handled apart), and names that are ordinary words; of the one-character
# spellings only "%" and the inch sign "″" (the prime "′" is also an apostrophe: "2022′s")
_UNIT_NOT_AFTER_NUMBER = _CONTEXT["not_unit"]
_UNIT_WORDS = {w: u for w, u in _UNIT_SPELLINGS.items()
               if w not in _UNIT_NOT_AFTER_NUMBER and (len(w) > 1 or w in ("%", "″")) and not w.startswith("pound ")}
_UNIT_WORDS["pound"] = _UNIT_WORDS["pounds"] = "pound"  # GBP when scaled, else lb (see _read_unit)
_UNIT_WORDS.update({"fold": "dimensionless", "-fold": "dimensionless", "percentage pts": "percentage_point",
                    "per cent": "percent", "percent": "percent"})
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?")
# glued to the digits a few more spellings are units: "3min", "2mins" ("10 min" alone may be a minimum)
_GLUED_ONLY = {"min": "minute", "mins": "minute", "deg": "degree"}
# one letter glued to the digits, case as written: "1.1C", "95F", "50p", "45g", "1.0l", "2L", "65W", "24h";
# "s" only after a decimal ("6.2s"; "in their 50s" is an age)
_GLUED_LETTER = {"C": "degree_Celsius", "F": "degree_Fahrenheit", "p": "penny", "g": "gram", "l": "litre",
                 "L": "litre", "W": "watt", "h": "hour", "s": "second"}
_DURATIONS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
_ISO_CODES = sorted({c for c in _CURRENCY_PRE.values() if c.isalpha() and c.isupper() and len(c) == 3})
_CODE_SCALE = {"M": 1e6, "K": 1e3, "k": 1e3, "BN": 1e9}


_CURRENCY_CODES = set(_CURRENCY_PRE.values()) | {u for u in _UNIT_SPELLINGS.values() if u.isupper() and len(u) == 3}
