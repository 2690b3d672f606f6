"""The unit registry: one pint UnitRegistry from data/units.txt, currencies as their own dimensions."""
from __future__ import annotations

import logging

import pint
import pytest

from figures import units


def test_registry_is_created_once():
    assert units.registry() is units.registry()
    assert units.registry.cache_info().currsize == 1


def test_registry_holds_only_our_definitions():
    ureg = units.registry()
    assert "GBP" in ureg and "km" in ureg
    assert "furlong" not in ureg  # pint's defaults are not loaded


@pytest.mark.parametrize("a,b", [("USD", "EUR"), ("GBP", "USD"), ("EUR", "JPY"), ("GBP", "percent")])
def test_currencies_are_distinct_dimensions(a, b):
    assert not units.same_dimension(a, b)
    with pytest.raises(pint.DimensionalityError):
        units.convert(5, a, b)


def test_five_billion_dollars_never_equals_five_billion_euros():
    ureg = units.registry()
    assert ureg.Quantity(5e9, "USD") != ureg.Quantity(5e9, "EUR")


@pytest.mark.parametrize("surface,canonical", [
    ("kilometres", "km"), ("kilometers", "km"), ("km", "km"), ("miles", "mile"), ("mile", "mile"),
    ("hours", "hour"), ("per cent", "percent"), ("percent", "percent"), ("%", "percent"),
    ("percentage points", "percentage_point"), ("euros", "EUR"), ("dollars", "USD"), ("US dollars", "USD"),
    ("stories", "storey"), ("storeys", "storey"), ("°C", "degree_Celsius"), ("Fahrenheit", "degree_Fahrenheit"),
    ("square kilometres", "km2"), ("tonnes", "tonne"), ("feet", "foot"), ("years old", "year"),
    ("km/h", "kph"),  # a spelling with a slash
    ("Magnitude", "magnitude"),  # case does not matter
    ("GB", "gigabyte"), ("Mbps", "megabit_per_second"), ("GHz", "gigahertz"), ("mAh", "milliampere_hour"),
    ("m2", "square_metre"), ("deg C", "degree_Celsius"),
    ("gigapascals", "gigapascal"), ("MPa", "megapascal"), ("rpm", "rpm"), ("µm", "micrometre"), ("μm", "micrometre"),
    ("decibels", "decibel"), ("m.p.h.", "mph"), ("lb-ft", "pound_foot"), ("Calories", "kilocalorie"),
    ("gigatonnes", "gigatonne"), ("volts", "volt"),
    ("pints", "pint"), ("US pint", "pint"), ("imperial pint", "imperial_pint"), ("quarts", "quart"),
    ("fl oz", "fluid_ounce"), ("US fluid ounces", "fluid_ounce"), ("ounces", "ounce"), ("oz", "ounce"),
    ("drams", "dram"), ("US gallons", "gallon"), ("imperial gallon", "imperial_gallon"),
    ("mpg", "mpg"), ("miles per gallon", "mpg"),
    ("km/hr", "kph"), ("metres per second", "metre_per_second"), ("m/s", "metre_per_second"), ("″", "inch"),
])
def test_normalise_spellings(surface, canonical):
    assert units.normalise(surface) == canonical


def test_normalise_falls_back_to_pint_for_compounds_and_rejects_unknowns():
    assert units.normalise("mile / hour") is not None
    assert units.normalise("flibbertigibbets") is None
    assert units.normalise("") is None


@pytest.mark.parametrize("value,unit,to,expected", [(5, "km", "mile", 3.10686), (2, "hour", "minute", 120),
                                                     (50, "percent", "fraction", 0.5), (1, "tonne", "kg", 1000),
                                                     (1, "ksi", "megapascal", 6.894757), (1, "gigatonne", "tonne", 1e9),
                                                     (3000, "rpm", "hertz", 50), (1, "kilocalorie", "joule", 4184),
                                                     (100, "pound_foot", "newton_metre", 135.58179),
                                                     (1, "gallon", "pint", 8), (1, "imperial_pint", "ml", 568.26125),
                                                     (16, "ounce", "lb", 1), (1, "fluid_ounce", "ml", 29.57353)])
def test_conversions(value, unit, to, expected):
    assert units.convert(value, unit, to) == pytest.approx(expected, rel=1e-4)


def test_pence_and_cents_convert_within_their_currency():
    assert units.convert(50, "penny", "GBP") == pytest.approx(0.5)
    assert units.same_dimension("cent", "USD") and not units.same_dimension("penny", "USD")


def test_currency_detection():
    assert units.is_currency("GBP") and not units.is_currency("km") and not units.is_currency(None)


def test_every_spelling_resolves_in_the_registry():
    ureg = units.registry()
    for spelled, canonical in units.spellings().items():
        assert canonical in ureg, (spelled, canonical)


def test_every_currency_written_before_an_amount_is_a_registry_currency():
    # "S$2m" reads as SGD: the code must be a currency dimension, or comparing it would raise
    from figures.number_vocabulary import _CURRENCY_PRE

    for surface, code in _CURRENCY_PRE.items():
        assert units.is_currency(code), (surface, code)


def test_units_file_defines_each_name_once(caplog):
    # pint warns on a name defined twice ("kph = ... = kph"); a user would see it on every command
    from figures.units import registry

    registry.cache_clear()
    with caplog.at_level(logging.WARNING):
        registry()
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
