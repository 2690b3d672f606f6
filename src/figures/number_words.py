"""Spelled-out numbers: the number words (a closed class), the patterns that find a run of them,
and the reading of a run as one cardinal ("twelve thousand", "half a million", "four-thousand-100")."""
from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_SCALE = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FRACTION_WORDS = {"half": 2, "halves": 2, "fourth": 4, "fourths": 4, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                   "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
                   "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅙": 1 / 6}


_W = r"(?:(?=fold\b)|\b)"  # a word number ends at a word boundary, or glued to "fold"
_WTOK = (rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_ONES[1:10])}))?|{'|'.join(sorted(_ONES, key=len, reverse=True))}"
         rf"|hundred|thousand|million|billion|trillion|dozen){_W}")
_SEP = r"(?:\s+|\s*-\s*)"
_WSEP = r"(?:\s+and\s+|-and-|\s*-\s*|\s+)"
_WSEQ = (rf"(?:(?:a|an|one|half(?:\s+a)?|a\s+half|(?:a\s+)?quarter)[\s-]+(?:dozen|hundred|thousand|million|billion|trillion)\b"
         rf"|{_WTOK})"
         rf"(?:{_WSEP}{_WTOK}|-\d+(?![\d,.])){{0,15}}")  # bounded: a run of number words is read in steps
_SINGULAR_FRACTIONS = "|".join(w for w in _FRACTION_WORDS if not w.endswith("s") and w != "half")
_FRAC = (rf"(?:(?:a|an|one|{'|'.join(_ONES[2:10])})[\s-]+(?:{'|'.join(_FRACTION_WORDS)})(?=\s+of\b)"
         rf"|(?:{'|'.join(_ONES[2:10])})\s*[\s-]\s*(?:{'|'.join(w for w in _FRACTION_WORDS if w.endswith('s'))})\b"
         rf"|one\s*-\s*(?:{'|'.join(w for w in _FRACTION_WORDS if not w.endswith('s'))})\b"
         rf"|half(?=\s+(?:of|the)\b)"
         # "half an hour", "half a mile": kept by the reader only when a unit follows
         rf"|half\s+an?(?=\s+(?!(?:dozen|hundred|thousand|million|billion|trillion)\b)[a-z])"
         # without "of": after "by" ("grew by a fifth", "cut by half") or closing a clause ("a tenth.")
         rf"|(?<=\bby\s)(?:(?:a|an|one)[\s-]+(?:{_SINGULAR_FRACTIONS})\b|half\b)"
         rf"|(?:a|one)[\s-]+(?:{_SINGULAR_FRACTIONS})(?=\s*(?:[.,;:!?)]|$)))")
_MULTIPLIER_WORDS = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "thrice": 3, "quadruple": 4,
                     "doubling": 2, "tripling": 3, "trebling": 3, "quadrupling": 4}
# "double the turnout", "twice as many", "triple what it was", "a doubling of fees"; not the verb
# ("costs doubled"), a count of events ("scored twice") or a name ("a double murder")
_MULTIPLIER = (r"(?:double|twice|triple|treble|thrice|quadruple)(?=\s+(?:the|that|what|its|their|his|her)\b"
               # "twice as many/loud/likely": a comparison; "scored twice as United won": a conjunction
               r"|\s+as\s+(?!(?:the|a|an|his|her|their|its|our|my|he|she|they|we|it|i|you|well|if|though|of)\b)"
               r"(?-i:[a-z]))"
               r"|(?<=\ba\s)(?:doubling|tripling|trebling|quadrupling)(?=\s+(?:of|in)\b)")
_DIGIT_WORDS = {w: i for i, w in enumerate(_ONES[:10])} | {"oh": 0, "nought": 0, "naught": 0}
_SPOKEN_DECIMAL = re.compile(rf"\s+point\s+((?:{'|'.join(_DIGIT_WORDS)})(?:[\s-]+(?:{'|'.join(_DIGIT_WORDS)}))*)\b",
                             re.IGNORECASE)


_ONES_1_9 = set(_ONES[1:10])
_SMALL_WORDS = set(_ONES[:10])
_TOKEN = re.compile(r"[A-Za-z]+|\d+")


@lru_cache(maxsize=4096)
def _cardinal(tokens: tuple[str, ...]) -> tuple[int, float]:
    """How many leading tokens make one well-formed cardinal, and its value.

    "five six" -> (1, 5): two numbers side by side; "three and four" -> (1, 3): "and" only
    continues after hundred or a scale; "four thousand 100" -> (3, 4100).
    """
    total, group, factor = 0.0, 0.0, 1.0
    last, last_scale, used, i = None, float("inf"), 0, 0
    words = [t.lower() for t in tokens]
    if words[:2] == ["half", "a"] and len(words) > 2:
        factor, group, last, i = 0.5, 1.0, "small", 2
    elif words[:2] in (["a", "half"], ["a", "quarter"]) and len(words) > 2:
        factor, group, last, i = (0.5 if words[1] == "half" else 0.25), 1.0, "small", 2
    elif words[0] in ("half", "quarter") and len(words) > 1:
        factor, group, last, i = (0.5 if words[0] == "half" else 0.25), 1.0, "small", 1
    elif words[0] in ("a", "an") and len(words) > 1:
        group, last, i = 1.0, "small", 1
    while i < len(words):
        w = words[i]
        if w == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
        elif w.isdigit() or w in _WORD_VALUE:
            ok = last in (None, "scale", "and", "hundred") or (last == "tens" and w in _ONES_1_9)
            if not ok:
                break
            group += float(w) if w.isdigit() else _WORD_VALUE[w]
            last = "tens" if w in _TENS else "small"
        elif w == "dozen":
            if last not in (None, "small", "tens"):
                break
            group, last = (group or 1.0) * 12, "small"
        elif w == "hundred":
            if last not in ("small", "tens") or group >= 100:
                break
            group, last = group * 100, "hundred"
        elif w in _WORD_SCALE:
            scale = _WORD_SCALE[w]
            if last not in ("small", "tens", "hundred") or scale >= last_scale:
                break
            total, group, last, last_scale = total + group * scale, 0.0, "scale", scale
        else:
            break
        i += 1
        if last != "and":
            used = i
    if used == 0:
        return 0, 0.0
    return used, (total + group) * factor


def _words_value(tokens: tuple[str, ...]) -> float:
    """A spelled-out cardinal's value: text2num for plain words, the fold for "a dozen",
    "half a million" and mixed digits ("four-thousand-100")."""
    if all(t.isalpha() for t in tokens) and tokens[0].lower() not in ("a", "an", "half", "quarter") and "dozen" not in tokens:
        try:
            return float(text2num(" ".join(t.lower() for t in tokens), "en"))
        except ValueError:
            pass
    return _cardinal(tokens)[1]
