"""Reading one number and what is glued around it: its value and written precision, sign, currency,
scale, unit and qualifier words, into a mutable _Atom (or a NonFigure when it is not a claim)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from figures.non_figures import (
    _counted_after, _counted_pair_after, _is_pronoun_one, _is_slash_fraction, _is_year_by_context, _label_before,
    _name_around_words,
)
from figures.number_patterns import (
    _AMOUNT_THEN_BRACKET, _CONVERSION_AFTER, _COUNTED_AFTER, _CUR_POST, _CUR_PRE, _EXPONENT_VALUE,
    _GLUED_TEMPERATURE, _HYPHEN_RANGE_BEFORE, _HYPHEN_WORD_BEFORE, _LIKELY_YEAR, _MAGNITUDE_BEFORE,
    _MAGNITUDE_SCALE_AFTER, _MAX_DIGITS, _NEXT_WORD, _NUMBER_NEXT, _ORDINAL_SUFFIX, _POST_QUAL, _pre_qual_before,
    _RANGE_NEXT, _REDUNDANT_SCALE, _SCALE_IN_WORDS, _SCALE_SUFFIX, _SCALE_WORD, _SCALED_CODE_AFTER,
    _SCALED_CODE_BEFORE, _SIGN, _SIGN_WORD, _SPACE_IN_DIGITS, _SPACED_SCALE_LETTER, _SUPERSCRIPT, _TIMES,
    _TO_NUMBER_NEXT, _UNIT_AFTER, _UNIT_GLUED, _WINDOW_AFTER, _WORD_BEFORE, _word_before,
)
from figures.number_records import NonFigure
from figures.number_vocabulary import (
    _CODE_SCALE, _CONTEXT, _CURRENCY_CODES, _CURRENCY_NEEDS_CONTEXT, _CURRENCY_PRE, _DURATIONS, _GLUED_LETTER,
    _GLUED_ONLY, _QUALIFIERS, _SCALES, _UNIT_WORDS,
)
from figures.number_words import (
    _cardinal, _DIGIT_WORDS, _FRACTION_WORDS, _MULTIPLIER_WORDS, _SMALL_WORDS, _SPOKEN_DECIMAL, _TOKEN,
    _UNICODE_FRACTIONS, _WORD_SCALE, _WORD_VALUE, _words_value,
)


@dataclass(slots=True)
class _Atom:
    """A number being read: mutable scratch, turned into a Figure at the end."""

    start: int  # with qualifier
    end: int  # with unit and post-qualifier
    num_start: int  # with sign and currency symbol
    num_end: int  # with scale
    value: float
    raw: float  # before the scale
    scale: float
    place: float  # unit of the last significant written digit, scale applied
    unit: str | None
    unit_end: int | None
    qualifier: str | None = None
    reading: str = "point"
    low: float | None = None  # set for ranges
    high: float | None = None
    before_post: tuple[int, str | None, str] | None = None  # end, qualifier, reading before a post-qualifier


def _plain_digits(s: str) -> str:
    """"12,000" / "816 000" -> "12000"."""
    s = s.replace(",", "")
    return _SPACE_IN_DIGITS.sub("", s) if not s.isascii() or " " in s else s


def _place_of_digits(s: str) -> float:
    s = _plain_digits(s)
    if "." in s:
        return 10.0 ** -len(s.split(".", 1)[1])
    stripped = s.rstrip("0")
    return 10.0 ** (len(s) - len(stripped)) if stripped else 1.0


def _place_of_value(v: float) -> float:
    if v != int(v):
        decimals = len(f"{v:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    n, p = int(abs(v)), 1.0
    while n and n % 10 == 0:
        n //= 10
        p *= 10
    return p


def _read(text: str, m: re.Match) -> _Atom | NonFigure | None:
    """One number and what is glued around it: sign, currency, scale, unit, qualifiers."""
    start, end = m.start(), m.end()
    scale, unit, unit_end = 1.0, None, None
    if m.group("unionly"):
        raw = value = _UNICODE_FRACTIONS[m.group("unionly")]
        place = 0.01
    elif m.group("slash"):
        if not _is_slash_fraction(text, start, end):  # not blocked ("3/4 0/0" after a digit) yet no fraction
            return NonFigure(start, end, "slash")
        a, b = m.group("slash").split("/")
        raw = value = int(a) / int(b)  # b > a > 0
        place = 0.01
    elif m.group("mult"):
        raw = value = float(_MULTIPLIER_WORDS[m.group("mult").lower()])
        place, unit, unit_end = 1.0, "dimensionless", end
    elif m.group("frac"):
        words = re.split(r"[\s-]+", m.group("frac").lower())
        if words[0] == "half" and words[-1] in ("a", "an"):  # "half an hour": a half of the unit after it
            if not _UNIT_AFTER.match(text, end):
                return None  # "half a chance", "half an inch of" aside: only a unit makes it an amount
            raw = value = 0.5
            place = 0.1
        elif words == ["half"]:
            wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
            if wb and wb.group("w").lower() in _CONTEXT["half_pre"]:
                return NonFigure(wb.start("w"), end, "idiom")  # "the second half of the game": a period
            raw = 0.5
        else:
            num = 1.0 if words[0] in ("a", "an", "one") else float(_WORD_VALUE[words[0]])
            raw = num / _FRACTION_WORDS[words[-1]]
        if words[-1] not in ("a", "an"):
            value, place, unit, unit_end = raw, 0.01, "fraction", end
    elif m.group("words"):
        s0 = m.start("words")
        toks = list(_TOKEN.finditer(m.group("words")))
        used, _ = _cardinal(tuple(t.group() for t in toks))
        if used == 0:
            return None
        start, end = s0, s0 + toks[used - 1].end()
        raw = _words_value(tuple(t.group() for t in toks[:used]))
        if m.group("half") and end == m.end("words"):
            part = 0.5 if m.group("half").lower().endswith("half") else 0.25
            last = toks[used - 1].group().lower()
            raw += part * (_WORD_SCALE[last] if last in _WORD_SCALE and last != "hundred" else 1)
            end = m.end()
        decimals = None
        if raw == int(raw) and (dm := _SPOKEN_DECIMAL.match(text, end)):  # "five point five percent"
            decimals = "".join(str(_DIGIT_WORDS[w]) for w in re.split(r"[\s-]+", dm.group(1).lower()))
            raw, end = float(f"{int(raw)}.{decimals}"), dm.end()
        word = text[start:end].lower()
        if word == "one" and _is_pronoun_one(text, start, end):
            return NonFigure(start, end, "pronoun")
        if word in _SMALL_WORDS or word == "dozen":
            wb = _WORD_BEFORE.search(text, max(0, start - 20), start)
            before = wb.group("w").lower() if wb else ""
            after = _NEXT_WORD.match(text, end)
            if before in _CONTEXT["reference"] and not _UNIT_AFTER.match(text, end) and not (
                    after and after.group(1).lower() in _CONTEXT["counting_adj"]):  # "the six missing people"
                return NonFigure(wb.start("w"), end, "reference")
            if before in _CONTEXT["idiom_pre"]:
                return NonFigure(wb.start("w"), end, "idiom")
        value, place = raw, (_place_of_value(raw) if decimals is None else 10.0 ** -len(decimals))
    else:
        digits = m.group("digits")
        if len(_plain_digits(digits).split(".")[0]) > _MAX_DIGITS:
            return NonFigure(start, end, "too large")  # no news figure has 25 digits; floats would overflow
        raw = float(_plain_digits(digits))
        place = _place_of_digits(digits)
        if m.group("mixed"):
            a, b = m.group("mixed").split("/")
            if float(b) == 0:
                return None
            raw += float(a) / float(b)
            place = 0.01
        elif m.group("uni"):
            raw += _UNICODE_FRACTIONS[m.group("uni")]
            place = 0.01
        elif m.group("exp"):
            power = int(_EXPONENT_VALUE.search(m.group("exp")).group(1).translate(_SUPERSCRIPT))
            raw, place = float(f"{_plain_digits(digits)}e{power}"), place * 10.0 ** power
        value = raw
        before = text[max(0, start - 1):start]
        if before.isalpha() or before == "_":
            # glued to letters: "G7", "MH17", unless a currency code ("USD5", "RM79", "$US5bn", "$A300")
            cm = _currency_before(text, start, end)
            if not (cm and cm.group("cur") and cm.group("cur")[-1].isalpha()):
                return NonFigure(_word_start(text, start), _token_end(text, end), "identifier")
        if before == "-":
            hw = _HYPHEN_WORD_BEFORE.search(text, max(0, start - 30), start)
            if hw and (hw.group(1).lower() in ("minus", "negative") or (hw.group(1).lower() + "-", "pre") in _QUALIFIERS
                       or hw.group(1).lower() in _CONTEXT["hyphen_pre"]):
                hw = None  # "minus-130 degrees": a sign; "sub-300 sq m": a bound; "now-9-year-old": a time
            if hw and hw.start() > 0 and text[hw.start() - 1].isdigit():
                hw = None  # "5k-20k", "10km-12km": the second end of a range
            rb = _HYPHEN_RANGE_BEFORE.search(text, max(0, start - 24), start) if hw else None
            if rb and float(rb.group("n").replace(",", "")) < raw:
                hw = None  # "a 10-to-12-week course": the second end of a range; "a 3-to-1 margin" is a ratio
            if hw and not _MAGNITUDE_BEFORE.search(text, max(0, start - 12), start):
                return NonFigure(hw.start(), _token_end(text, end), "identifier")
        if (before == "/" and text[start - 2:start - 1].isdigit()) or (text[end:end + 1] == "/"
                                                                        and text[end + 1:end + 2].isdigit()):
            return NonFigure(start, end, "slash")  # a piece of "2222/2222" or "3/4"
        if before == "#" or re.search(r"\bNo\.\s?$", text[max(0, start - 5):start]):
            return NonFigure(start - 1, end, "identifier")

    # ---- after the number: glued letters (ordinals, suffix scales, glued units) and scale words
    nxt = text[end:end + 1]
    if m.group("digits") and nxt.isalpha():
        if _ORDINAL_SUFFIX.match(text, end):
            return NonFigure(start, _token_end(text, end), "ordinal")
        if not text[end + 1:end + 2].isalnum() and (label := _label_before(text, start, end)) is not None:
            return NonFigure(label, end + 1, "identifier")  # "phase 2b", "Windows 7a": a letter suffix in a name
        sm = _SCALE_SUFFIX.match(text, end)
        um = _UNIT_GLUED.match(text, end)
        if sm and (not um or len(um.group("u")) <= len(sm.group("s"))):
            suffix = sm.group("s")
            if suffix == "m" and not _has_currency(text, start) and _spatial_after(text, sm.end()):
                unit, unit_end, end = "m", sm.end(), sm.end()
            else:
                scale, end = _SCALES[suffix][0], sm.end()
                rm = _REDUNDANT_SCALE.match(text, end)  # "£1.8m million": the same scale written twice
                if rm and _SCALES.get(rm.group().strip().lower(), (0,))[0] == scale:
                    end = rm.end()
        elif um:
            unit, unit_end = _GLUED_ONLY.get(um.group("u").lower()) or _unit_of(um.group("u")), um.end()
            end = unit_end
        elif (tm := _GLUED_TEMPERATURE.match(text, end)) and (tm.group(1) != "s" or "." in m.group("digits")):
            unit, unit_end = _GLUED_LETTER[tm.group(1)], tm.end()
            end = unit_end
        else:
            return NonFigure(_word_start(text, start), _token_end(text, end), "identifier")
    if scale == 1.0 and unit is None:
        sw = _SCALE_WORD.match(text, end)
        has_scale_word = m.group("words") and _SCALE_IN_WORDS.search(text, start, end)
        if sw and not has_scale_word:
            scale, end = _SCALES.get(sw.group("s").lower(), _SCALES.get(sw.group("s"), (1.0,)))[0], sw.end()
            sw2 = _SCALE_WORD.match(text, end)  # "4 hundred million", "7 thousand million": scales multiply
            k2 = _SCALES.get(sw2.group("s").lower(), (1.0,))[0] if sw2 else 1.0
            if k2 > scale:
                scale, end = scale * k2, sw2.end()
        elif m.group("digits") and (sl := _SPACED_SCALE_LETTER.match(text, end)) and _spaced_scale(text, start, sl):
            scale, end = _SCALES[sl.group("s")][0], sl.end()
    value = raw * scale
    place *= scale
    if not (math.isfinite(value) and math.isfinite(place)):
        return NonFigure(start, end, "too large")

    # ---- before the number: currency, sign
    num_start = start
    currency = None
    cm = _currency_before(text, start, m.end())
    if cm:
        code = cm.group("cur") or cm.group("sym")
        currency = _CURRENCY_PRE[code]
        num_start = cm.start()
    elif scale == 1.0 and (sb := _SCALED_CODE_BEFORE.search(text, max(0, start - 8), start)):
        k = _CODE_SCALE[sb.group("s")]  # "MAUD 60", "MSEK 120"
        value, raw, place, scale, currency, num_start = value * k, raw, place * k, k, sb.group("c"), sb.start()
    sm2 = _SIGN.search(text, max(0, num_start - 1), num_start)
    nm = _SIGN_WORD.search(text, max(0, num_start - 10), num_start)
    if sm2 and (m.group("digits") or m.group("slash")):
        num_start = sm2.start()
        if sm2.group() != "+":
            value, raw = -value, -raw
    elif nm:
        num_start, value, raw = nm.start(), -value, -raw
    num_end = end

    # ---- after: a unit ("12 hours", "7.8 magnitude", "4.2 billion euros", "74%", "eightfold")
    if unit is None:
        um = _UNIT_AFTER.match(text, end)
        sc = _SCALED_CODE_AFTER.match(text, end) if scale == 1.0 and currency is None else None
        if sc:  # "30 MUSD", "120 MEUR": finance shorthand, a scale letter glued to an ISO code
            k = _CODE_SCALE[sc.group("s")]
            value, place, scale = value * k, place * k, k
            currency, unit_end = sc.group("c"), sc.end()
            end = sc.end()
        elif um:
            unit = _unit_of(um.group("u"))
            if unit == "pound":
                scaled = scale > 1 or bool(_SCALE_IN_WORDS.search(text, start, num_end))
                unit = "GBP" if scaled or currency else "lb"
            unit_end = end = um.end()
            if unit in _CURRENCY_CODES and scale == 1.0 and (sw := _SCALE_WORD.match(text, end)):
                k = _SCALES.get(sw.group("s").lower(), _SCALES.get(sw.group("s"), (1.0,)))[0]
                value, place, scale = value * k, place * k, k  # "75 USD million"
                unit_end = end = sw.end()
        elif currency is None and (cp := _CUR_POST.match(text, end)):
            currency, unit_end = _CURRENCY_PRE[cp.group("sym")], cp.end()
            end = cp.end()
        elif _TIMES.match(text, end):
            tm = _TIMES.match(text, end)
            unit, unit_end = "dimensionless", tm.end()
            end = tm.end()
    if unit is None and m.group("slash"):
        unit = "fraction"  # "3/4 of the homes"; "a 1/4 mile track" keeps its unit
    if unit in _CURRENCY_CODES:
        currency, unit = unit, None
    if currency:
        unit = currency
    if unit is None and _MAGNITUDE_BEFORE.search(text, max(0, num_start - 12), num_start):
        unit = "magnitude"
    if unit in (None, "degree") and _MAGNITUDE_SCALE_AFTER.match(text, end):
        unit = "magnitude"

    # ---- not a figure after all?
    if m.group("digits") and scale == 1.0 and unit is None and currency is None:
        digits = m.group("digits")
        if wm := _WINDOW_AFTER.match(text, end):
            return NonFigure(num_start, wm.end(), "window")
        if len(digits) <= 4 and "," not in digits and "." not in digits and _is_year_by_context(text, num_start, end):
            return NonFigure(num_start, end, "year")
        label = _label_before(text, num_start, end)
        if label is not None and "," not in digits and ("." not in digits or digits.endswith(".0")):
            return NonFigure(label, _token_end(text, end), "identifier")  # "ISO 3888-2" whole
        nw = _NEXT_WORD.match(text, end)
        if (nw and nw.group(1)[0].isupper() and nw.group(1).lower() in _CONTEXT["model_after"]
                and "," not in digits and "." not in digits):
            return NonFigure(num_start, nw.end(), "identifier")  # "737 Max jets", "11 Pro"
        nxt_num = _RANGE_NEXT.match(text, end)
        in_range = nxt_num and not _LIKELY_YEAR.fullmatch(nxt_num.group(1))  # "about 2000 - 2500 calories"
        if (len(digits) == 4 and _LIKELY_YEAR.fullmatch(digits) and not _bound_before(text, num_start)
                and not in_range and not _counted_after(text, num_start, end)
                and not _counted_pair_after(text, num_start, end)):
            return NonFigure(num_start, end, "year")
    if m.group("words") and scale == 1.0 and unit is None and currency is None:
        if (name := _name_around_words(text, num_start, end)) is not None:
            return NonFigure(name, end, "identifier")  # "the Lucky Seven comeback", "the bottom four after"
    if unit in ("year", "month", "week", "day") and (wm := _WINDOW_AFTER.match(text, num_end)):
        return NonFigure(num_start, wm.end(), "window")

    atom = _Atom(start=num_start, end=end, num_start=num_start, num_end=num_end, value=value, raw=raw, scale=scale,
                 place=place, unit=unit, unit_end=unit_end)
    _qualify(text, atom)
    return atom


def _unit_of(surface: str) -> str:
    key = " ".join(surface.lower().replace("-", " ").split())
    return _UNIT_WORDS.get(key) or _UNIT_WORDS.get(surface.lower()) or key


def _currency_before(text: str, start: int, end: int) -> re.Match | None:
    """The currency symbol or code right before the number; a code that is also a letter ("R15")
    only after a money word ("costs R15"), before a glued scale ("R2bn") or as the conversion of an
    amount in brackets ("$5 (R80)")."""
    cm = _CUR_PRE.search(text, max(0, start - 6), start)
    if cm and (cm.group("cur") or cm.group("sym")) in _CURRENCY_NEEDS_CONTEXT and not _SCALE_SUFFIX.match(text, end):
        if (_word_before(text, cm.start()) not in _CONTEXT["money_pre"]
                and not _AMOUNT_THEN_BRACKET.search(text, max(0, cm.start() - 24), cm.start())):
            return None
    return cm


def _spaced_scale(text: str, start: int, sl: re.Match) -> bool:
    """Is a letter set apart after the number its scale? After an amount of money ("$1.2 B", "£40 M"),
    or a capital B or M before a counted noun ("8 B people"); "a 10 K race", "Type 2 B cells" are not."""
    if _has_currency(text, start):
        return True
    cm = _COUNTED_AFTER.match(text, sl.end())
    return sl.group("s") in "BM" and bool(cm) and cm.group("n") in _CONTEXT["counted"]


def _has_currency(text: str, start: int) -> bool:
    return bool(_CUR_PRE.search(text, max(0, start - 6), start))


def _spatial_after(text: str, pos: int) -> bool:
    if _CONVERSION_AFTER.match(text, pos):  # "37m (121ft)": a length converted to feet
        return True
    m = re.match(r"\s*(?:-\s*)?([A-Za-z]+)|\s*[.,;:)]|\s*$", text[pos:pos + 30])
    if not m:
        return False
    return m.group(1) is None or m.group(1).lower() in _CONTEXT["spatial"]


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-_"):
        pos -= 1
    return pos


def _token_end(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isalnum() or text[pos] == "-" and pos + 1 < len(text) and text[pos + 1].isalnum()):
        pos += 1
    return pos


def _bound_before(text: str, pos: int) -> bool:
    qm = _pre_qual_before(text, pos)
    return bool(qm) and _QUALIFIERS[(qm.group("q").lower(), "pre")][0] not in ("about", "exact")


_NEGATED_BOUND = re.compile(r"\b(?:never|not|n['’]t|no\s+longer)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _qualify(text: str, atom: _Atom) -> None:
    qm = _pre_qual_before(text, atom.num_start)
    age = atom.unit_end is not None and text[atom.unit_end - 3:atom.unit_end].lower() == "old"
    if qm and qm.group("q").lower() in _CONTEXT["period_pre"] and atom.unit in _DURATIONS and not age:
        if _word_before(text, qm.start()) not in _CONTEXT["bound_pre"]:
            qm = None  # "over five years": the period something happens in; "for over two years" is a bound
    if qm and qm.group("q").lower() == "up to":
        if _word_before(text, qm.start()) in _CONTEXT["motion_pre"]:
            qm = None  # "inching back up to 4.8 percent": reached, not a ceiling
    if qm:
        atom.qualifier, atom.reading = _QUALIFIERS[(qm.group("q").lower(), "pre")]
        atom.start = qm.start("q")
        if atom.qualifier == "more_than" and _NEGATED_BOUND.search(text, max(0, qm.start() - 16), qm.start()):
            atom.qualifier, atom.reading = "at_most", "below"  # "never exceeded 500,000": 500,000 at the most
    pm = _POST_QUAL.match(text, atom.end)
    if pm and (_NUMBER_NEXT.match(text, pm.end()) or _TO_NUMBER_NEXT.match(text, pm.end())):
        pm = None  # "5 and over 10", "5 and up to 10": the words belong to the next figure
    if pm and not (pm.group("q") in ("+", "-plus", "-odd") and pm.start("q") != atom.end):  # glued: "100mph+"
        atom.before_post = (atom.end, atom.qualifier, atom.reading)
        atom.qualifier, atom.reading = _QUALIFIERS[(pm.group("q").lower(), "post")]
        atom.end = pm.end()
