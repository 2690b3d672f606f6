"""Units: one pint ``UnitRegistry`` defined from ``data/units.txt``, and unit normalisation.

The registry is created once, lazily, on first use (``registry()`` is cached), with none of
pint's default definitions: only the units news figures are written in. Every currency is its
own dimension (``[currency_USD]``, ``[currency_GBP]`` ...), so "$5bn" can never be converted
to, or compared equal with, "€5bn" -- that needs a dated exchange rate, which is not a unit's
business.

The hot path (``figures.numbers``) never touches pint: it reads the spellings table, which is
built from a plain-text pass over the same ``units.txt`` (canonical name first, then symbol and
aliases, plus regular plurals). pint is consulted only for a spelling the table lacks
(``normalise("km / h")``) and for conversions.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pint is imported on first use: reading figures needs only the spellings table
    import pint

log = logging.getLogger(__name__)

__all__ = ["UNITS_FILE", "convert", "dimension", "is_currency", "normalise", "quantity", "registry",
           "same_dimension", "spellings"]

UNITS_FILE = files("figures") / "data" / "units.txt"

_DEFINITION = re.compile(r"^\s*([^\s=#;][^=;]*?)\s*=\s*([^=;]+?)((?:\s*=\s*[^=;]+?)*)\s*(?:;.*)?$")


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The one registry, defined from units.txt; created on first call, then cached."""
    import pint

    with UNITS_FILE.open(encoding="utf-8") as fh:  # works from a wheel as well as a checkout
        ureg = pint.UnitRegistry(None)
        ureg.load_definitions(fh.read().splitlines())
    log.debug("unit registry loaded from %s", UNITS_FILE)
    return ureg


def _plurals(word: str) -> tuple[str, ...]:
    if len(word) < 3 or not word[-1].isalpha() or word.endswith("s") or word.isupper():
        return ()
    if word.endswith("y") and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if word.endswith(("ch", "sh", "x")):
        return (word + "es",)
    return (word + "s",)


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """Lower-cased spelling -> canonical unit name, from a plain-text pass over units.txt.

    Underscores in names also match with spaces ("per cent", "square kilometre"); regular
    plurals are added. Cheap enough to build at import; no pint involved.
    """
    table: dict[str, str] = {}
    for line in UNITS_FILE.read_text(encoding="utf-8").splitlines():
        line = re.sub(r";\s*offset:\s*[^=]+", " ", line.split("#", 1)[0]).strip()
        if not line or line.endswith("-") or line.startswith("@"):
            continue
        m = _DEFINITION.match(line)
        if not m:
            continue
        canonical = m.group(1).strip()
        names = [canonical] + [a.strip() for a in m.group(3).split("=") if a.strip()]
        for name in names:
            if name == "_":
                continue
            for form in (name, *_plurals(name)):
                for spelled in {form, form.replace("_", " ")}:
                    table.setdefault(spelled.lower(), canonical)
    return table


@lru_cache(maxsize=512)
def normalise(surface: str) -> str | None:
    """The canonical unit name for a spelling ("kilometres" -> "km", "per cent" -> "percent",
    "euros" -> "EUR"), or None when the registry does not know it."""
    key = " ".join(surface.strip().lower().split())
    if not key:
        return None
    hit = spellings().get(key) or spellings().get(key.replace(" ", "_"))
    if hit:
        return hit
    from pint.errors import PintError

    try:
        units = registry().parse_units(key.replace(" ", "_") if "/" not in key else key)
    except (PintError, AttributeError, TypeError, ValueError, SyntaxError):
        return None
    return str(units) if str(units) != "dimensionless" else None


def quantity(value: float, unit: str) -> pint.Quantity:
    """A pint quantity in the one registry; raises pint's UndefinedUnitError for an unknown unit."""
    return registry().Quantity(value, normalise(unit) or unit)


def dimension(unit: str) -> str:
    """The unit's dimensionality as text, e.g. "[length]" or "[currency_GBP]"."""
    return str(registry().parse_units(normalise(unit) or unit).dimensionality)


def is_currency(unit: str | None) -> bool:
    return bool(unit) and dimension(unit).startswith("[currency_")


def same_dimension(a: str, b: str) -> bool:
    """True when the two units measure the same kind of thing (and so can be converted)."""
    return dimension(a) == dimension(b)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to``; raises pint's DimensionalityError across kinds."""
    return float(quantity(value, unit).to(normalise(to) or to).magnitude)
