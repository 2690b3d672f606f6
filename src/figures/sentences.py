"""Sentence splitting with article offsets: a regex splitter that knows news abbreviations.

pysbd is the well-kept library for this, but it splits about 1,300 sentences/s on the dev
corpus, slower than the whole extraction has to be, so the splitter is a regex over the text
plus a table of abbreviations (``data/abbreviations.txt``) that never end a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Sentence:
    """``text[start:end] == sentence.text``; ``paragraph`` counts blank-line separated blocks."""

    start: int
    end: int
    text: str
    paragraph: int


@cache
def _abbreviations() -> frozenset[str]:
    lines = resources.files("figures").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in lines.splitlines() if w.strip() and not w.startswith("#"))


# A candidate end: ., ! or ? (runs allowed), then closing quotes/brackets, then whitespace; or a
# stray space before the stop of a page that lost one ("in July .The"), then a capitalised word.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|(?<=\w )\.(?=[A-Z][a-z])")
_PARA = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"\n")
# the word just before a full stop, with its inner dots ("U.S", "a.m", "Gov")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
_LETTERS = re.compile(r"[A-Za-z]+")
_BEFORE_DIGIT = frozenset({"no", "nos", "fig", "vol", "pp", "art", "sec"})
_WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split())


def _is_boundary(text: str, m: re.Match, abbreviations: frozenset[str]) -> bool:
    punct = m.group()
    nxt = _NEXT.match(text, m.end())
    if not nxt:
        return True
    first = nxt.group(2)
    if punct[0] != ".":
        # "?" and "!" end a sentence unless the quote runs on in lower case ('?" he asked')
        return not first.islower()
    if first.islower() or first in ",;:":
        return False
    w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
    if w:
        word = w.group(1).lower()
        if word in _BEFORE_DIGIT and first.isdigit():
            return False  # "No. 10", "Fig. 3"
        if word in abbreviations:
            # "a.m." and "p.m." close a sentence before a capitalised word that is not a day or month
            if word in ("a.m", "p.m"):
                nxt_word = _LETTERS.match(text, nxt.start(2), nxt.start(2) + 12)
                return bool(nxt_word) and nxt_word.group().lower() not in _WEEKDAYS_MONTHS
            return False
        if len(word) == 1 and word.isalpha() and w.group(1).isupper():
            return False  # an initial: "Matthew A. Foster"
        if "." in word and len(word) <= 6:
            return False  # dotted acronyms: "U.S.", "U.N."
    return True


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, with article offsets; line breaks always end a sentence."""
    return list(_split(text))


@lru_cache(maxsize=4)  # the claim reader and the article-date readers split the same article
def _split(text: str) -> tuple[Sentence, ...]:
    abbreviations = _abbreviations()
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for block in _blocks(text):
        b_start, b_end, is_new_para = block
        if is_new_para:
            paragraph += 1
        pos = b_start
        for m in _END.finditer(text, b_start, b_end):
            if _is_boundary(text, m, abbreviations):
                _add(out, text, pos, m.end(), paragraph)
                pos = m.end()
        _add(out, text, pos, b_end, paragraph)
    return tuple(out)


def _blocks(text: str):
    """(start, end, starts_a_new_paragraph) for every line of text."""
    pos = 0
    new_para = True
    for m in _LINE.finditer(text):
        yield pos, m.start(), new_para
        new_para = "\n" in text[m.end():m.end() + 1] or bool(_PARA.match(text, m.start()))
        pos = m.end()
    yield pos, len(text), new_para


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))
