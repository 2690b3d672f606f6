"""The compiled patterns of the number reader: the number itself (digits, words, fractions, scientific
notation) and what may stand glued around it (qualifiers, currency, sign, scale, unit, range gaps)."""
from __future__ import annotations

import re

from figures.number_vocabulary import (
    _alt, _CONTEXT, _CURRENCY_PRE, _GLUED_LETTER, _GLUED_ONLY, _ISO_CODES, _QUALIFIERS, _SCALES, _UNIT_WORDS,
)
from figures.number_words import _FRAC, _MULTIPLIER, _ONES, _SEP, _TENS, _WORD_SCALE, _WSEQ


_GROUP_SPACE = "[ \u00a0\u202f\u2009]"  # "816 000", "1 200 000": space, no-break, narrow no-break, thin
_DIGITS = (r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,]\d)|"  # Indian grouping: "1,00,000", "12,34,567.89"
           rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,]\d)|\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?:\.\d+)?(?![\d]|[,.]\d)"
           r"|\d+(?:\.\d+)?|\.\d+")
_SPACE_IN_DIGITS = re.compile(_GROUP_SPACE)
# scientific notation as news writes it: "1.5e6", "1.5×10^6", "1.5 x 10^6", "2.48×10−5", "3×10⁶"
_EXPONENT = (r"[eE][-+]?\d{1,2}(?![\w.])|\s?[×x]\s?10(?:\^|\*\*)\s?[-−+]?\d{1,2}(?!\d)"
             r"|\s?×\s?10[-−]\d{1,2}(?!\d)|\s?[×x]\s?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_EXPONENT_VALUE = re.compile(r"(?:[eE]|10(?:\^|\*\*)?\s?)([-−+⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
_CORE = re.compile(
    rf"(?P<frac>\b{_FRAC})|(?P<mult>\b(?:{_MULTIPLIER}))|(?P<unionly>(?<![\d.,])[½¼¾⅓⅔⅛⅙])"
    rf"|(?P<words>\b{_WSEQ})(?P<half>{_SEP}and{_SEP}a{_SEP}(?:half|quarter)\b)?"
    rf"|(?<![\d.,/])(?P<slash>\d{{1,2}}/\d{{1,3}})(?![\d/]|\.\d)"
    rf"|(?<![\d.,])(?P<digits>{_DIGITS})(?:\s(?P<mixed>\d/\d{{1,2}})(?![\d/])|(?P<uni>[½¼¾⅓⅔⅛])|(?P<exp>{_EXPONENT}))?",
    re.IGNORECASE)
# Where a match of _CORE can start: a digit, a fraction sign, or a word opening a number word. Finding
# these first and trying _CORE only there is the same search, several times faster than trying its
# long case-blind alternation at every character of the text.
_CORE_START = re.compile(r"[\d½¼¾⅓⅔⅛⅙]|\.\d|\b(?:an?[\s-]|one|tw|thr|thi|tho|ten|ele|eig|nin|fou|for|fiv|fif|six|sev"
                         r"|zer|hun|hal|mil|bil|tri|tre|doz|dou|qua)", re.IGNORECASE)
_HAS_NUMBER = re.compile(rf"\d|[½¼¾⅓⅔⅛]|\b(?:{'|'.join(_ONES)}|{'|'.join(_TENS)}|dozen|hundred|thousand|million"
                         rf"|billion|half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                         rf"|double|twice|triple|treble|thrice|quadruple|doubling|tripling|trebling|quadrupling)",
                         re.IGNORECASE)
_pre_phrases = [p for (p, pos) in _QUALIFIERS if pos == "pre"]
_post_phrases = [p for (p, pos) in _QUALIFIERS if pos == "post"]
_PRE_QUAL = re.compile(rf"(?<![\w-])(?P<q>{_alt(_pre_phrases)})\s*$", re.IGNORECASE)
# a qualifier before a number ends where the text before the number stops being blank: its last two
# characters must close one of the phrases, a test far cheaper than searching the 40 characters
_PRE_QUAL_TAIL = re.compile(rf"(?:{_alt(p[-2:] for p in _pre_phrases)})$", re.IGNORECASE)


def _pre_qual_before(text: str, pos: int) -> re.Match | None:
    """``_PRE_QUAL.search(text, max(0, pos - 40), pos)``: the qualifier words right before ``pos``."""
    lo = max(0, pos - 40)
    t = lo + len(text[lo:pos].rstrip())
    if t == lo or not _PRE_QUAL_TAIL.search(text, max(lo, t - 2), t):
        return None
    return _PRE_QUAL.search(text, lo, pos)


_POST_QUAL = re.compile(rf"(?:\s*)(?P<q>{_alt(_post_phrases)})(?![\w])", re.IGNORECASE)
# a sign alone may stand glued after anything ("(£5", "-$3"); a spelling that opens with a letter ("HK$", "C $",
# "Y=") only as a word of its own: "US $89" is not "S $89"
_CUR_PRE = re.compile(rf"(?:(?<![\w$])(?P<cur>{_alt(_CURRENCY_PRE)})\s?"
                      rf"|(?P<sym>{_alt(k for k in _CURRENCY_PRE if not k[0].isalpha())}))$")
_SIGN = re.compile(r"(?:^|(?<=[\s(\[]))[+\-−]$")
_SCALE_SUFFIX = re.compile(rf"(?P<s>{_alt(k for k, (_, a) in _SCALES.items() if a in ('suffix', 'both'))})(?![A-Za-z])")
_SCALE_WORD = re.compile(
    rf"(?:\s+|\s*-\s*)(?P<s>{_alt(k.lower() for k, (_, a) in _SCALES.items() if a in ('word', 'both'))})s?\b",
    re.IGNORECASE)
_BIG_SCALE_NAMES = "|".join(w for w in _WORD_SCALE if w != "hundred")  # thousand ... trillion
_REDUNDANT_SCALE = re.compile(rf"\s*(?:{_BIG_SCALE_NAMES})\b", re.IGNORECASE)
_unit_alt = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(_UNIT_WORDS, key=lambda w: (-len(w), w)))
_UNIT_AFTER = re.compile(rf"(?:\s?-\s?|\s)?(?P<u>{_unit_alt})(?![\w])", re.IGNORECASE)
_UNIT_GLUED = re.compile(rf"(?P<u>{_unit_alt}|{_alt(_GLUED_ONLY)})(?![\w])", re.IGNORECASE)
_TIMES = re.compile(rf"\s+times\b(?=\s+(?:{_alt(_CONTEXT['times_after'])})\b|\s*[,.;:)]|\s*$)", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+$", re.IGNORECASE)
# "measured 6.8 on the Richter scale", "7 degrees on the Richter scale": a quake's magnitude
_MAGNITUDE_SCALE_AFTER = re.compile(r"\s+on\s+the\s+(?:Richter|moment[\s-]magnitude)\s+scale\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][\w&.'’]*|#)\s*$")
_HYPHEN_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)-$")
# a scale letter set apart by a space ("$1.2 B", "8 B people"); not "M&A", "B.C." or a word
_SPACED_SCALE_LETTER = re.compile(r" (?P<s>[BMKTbmk])(?=[\s,;:!?)]|\.(?:\s|$)|$)")
# "$216,000 (", "€5m (": an amount with a currency sign, then a bracket that converts it
_AMOUNT_THEN_BRACKET = re.compile(r"[$£€¥₹]\s?\d[\d.,]*\s?(?:[A-Za-z]{1,3}\s?)?\(\s*$")
# "a 10-to-12-week course", "a 200,000-to-260,000-year-old skull" (or "200,000 to-260,000"): a first end before "to-"
_HYPHEN_RANGE_BEFORE = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[-\s]to-$",
                                  re.IGNORECASE)
_ONE_AMOUNT_AFTER = re.compile(rf"\s+(?:{_alt(_CONTEXT['increment_after'])})\b", re.IGNORECASE)
_ONE_PRONOUN_AFTER = re.compile(rf"\s+(?:{_alt(_CONTEXT['pronoun_after'])})\b|-(?:off|time|way)\b", re.IGNORECASE)
_WINDOW_AFTER = re.compile(rf"(?:-|\s)(?:day|week|month|year|quarter)\b(?:-|\s)(?:{'|'.join(_CONTEXT['window'])})\b",
                           re.IGNORECASE)
_GAP_RANGE = re.compile(r"^(?:\s*[-–—~]\s*|\s+(?:to|through|and|or)\s+|\s*-\s+(?:and|or|to)\s+|[-\s]to-)$",
                        re.IGNORECASE)
_LIST_ITEM_BEFORE = re.compile(r"\w-,\s*$")  # "four-, five- and six-cylinder": an earlier item of a list
_LIST_GAP = re.compile(r"^-(?:,\s*|\s+(?:and|or)\s+)$", re.IGNORECASE)  # between items of such a list
_BETWEEN_FROM = re.compile(r"(?<![\w])(?P<w>between|from)\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w]*)")
_NAME_TAIL = re.compile(r"\s*(?:$|[.,;:!?)\]”\"]|\s(?P<w>[a-z][a-z]*)\b(?!-))")
_GLUED_TEMPERATURE = re.compile(rf"([{''.join(_GLUED_LETTER)}])(?![\w])")
_CONVERSION_AFTER = re.compile(r"\s*\(\s*~?[\d.,]+\s*(?:ft|feet|foot|in|inches|yd|yards?)\b")
_WORDS = re.compile(r"[A-Za-z]+|\.(?=\s)")
_TWO_WORDS_BEFORE = re.compile(r"(?:([A-Za-z]+)\s+)?([A-Za-z]+)\s+$")
_CHANGE_GAP = re.compile(r"^\s+to\s+$", re.IGNORECASE)
_ONE_OR_AFTER = re.compile(rf"(?:\s+(?:or|to)\s+|-to-)(?:two|three|2|3)\b"
                           rf"|\s+(?:(?:in|out\s+of)\s+(?:\d|(?:{'|'.join(_ONES[2:])}"
                           rf"|{'|'.join(_TENS)}|a\s+hundred|a\s+thousand|a\s+million)\b))", re.IGNORECASE)
_RATIO_GAP = re.compile(r"\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
_BOUND_PAIR_GAP = re.compile(r"\s*,?\s*(?:and|but)\s+$", re.IGNORECASE)
_PAREN_GAP = re.compile(r"^\s*[(\[]\s*$")
_SIGN_WORD = re.compile(r"(?<!plus or )(?<!plus/)\b(?:minus|negative)[\s-]+$", re.IGNORECASE)
_CUR_POST = re.compile(rf"\s?(?P<sym>{_alt(k for k in _CURRENCY_PRE if not k[0].isalpha() and '$' not in k)})")
_RANGE_NEXT = re.compile(r"\s?[-–]\s?(\d{4})(?![\d,])")
_MAX_DIGITS = 24
_NUMBER_NEXT = re.compile(r"\s*[\d$£€]")
_TO_NUMBER_NEXT = re.compile(r"\s+to\s*[\d$£€]", re.IGNORECASE)  # "5 and up to 10": "up to" opens the next figure
_SCALE_IN_WORDS = re.compile(_BIG_SCALE_NAMES, re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"\s+of\b|(?:\s+|\s*-\s*)(?:million|billion|thousand|hundred)\b", re.IGNORECASE)
_SCALED_CODE_AFTER = re.compile(rf"\s?(?P<s>M|K|k|BN)(?P<c>{'|'.join(_ISO_CODES)})\b")
_SCALED_CODE_BEFORE = re.compile(rf"(?<![\w$])(?P<s>M|K|k|BN)(?P<c>{'|'.join(_ISO_CODES)})\s?$")
_COUNTED_AFTER = re.compile(r"\s+(?P<n>[a-z][a-z-]*)\b(?:\s+(?P<mod_n>[a-z][a-z-]*)\b)?")
_FRACTION_SLASH = str.maketrans("⁄∕", "//")
_SCALE_WORD_END = re.compile(rf"(?:{'|'.join(_WORD_SCALE)})$", re.IGNORECASE)
_ERA_BEFORE = re.compile(r"(?:\bA\.D\.|\bAD)\s?$")
_ERA_AFTER = re.compile(r"\s?(?:AD|BCE?|CE|A\.D\.|B\.C\.(?:E\.)?|C\.E\.)(?![\w])")
_YEAR_PAIR_BEFORE = re.compile(r"\b[Bb]etween\s+(?P<era>A\.D\.\s?|AD\s)?(?P<y>\d{3,4})(?:\s?(?:AD|BCE?|CE))?\s+and\s+$")
_YEAR_PAIR_AFTER = re.compile(r"\s+and\s+(\d{4})(?![\d,.])")
_LIKELY_YEAR = re.compile(r"(?:1[89]|20)\d\d|2100")


def _word_before(text: str, pos: int) -> str:
    """The word right before ``pos`` (within 20 characters), lower-cased; "" when there is none."""
    wb = _WORD_BEFORE.search(text, max(0, pos - 20), pos)
    return wb.group("w").lower() if wb else ""
