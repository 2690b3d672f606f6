"""Tokens of a sentence for the claim readers: words, punctuation, and each figure as one token.

Offsets are article offsets, so a reader can quote its evidence; ``clause_bounds`` gives the
token span of the clause a figure stands in (to the nearest comma, semicolon or other figure).
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"[’']s\b|[’']t\b|\w+(?:[-.]\w+)*\.?|[^\w\s]")


ABBREV_DOT = frozenset("gov sen rep gen lt col sgt capt st dr mr mrs ms prof jr sr u.s u.k u.n".split())


def tokens_of(text: str) -> list[str]:
    return [m.group().rstrip(".") if not m.group().endswith("..") else m.group() for m in _TOKEN.finditer(text)
            if m.group() != "."]


class Tok:
    """One token: a word, a punctuation mark, or a whole figure (``fig`` >= 0)."""

    __slots__ = ("start", "end", "text", "low", "fig", "cap", "word")

    def __init__(self, start: int, end: int, text: str, low: str, fig: int = -1):
        self.start, self.end, self.text, self.low, self.fig = start, end, text, low, fig
        first = text[:1]
        self.cap = first.isupper()
        self.word = fig < 0 and first.isalnum()


def tokenise(text: str, start: int, end: int, figs: list[tuple[int, int, int]]) -> list[Tok]:
    """Tokens of text[start:end]; each figure (fig_start, fig_end, index) becomes one token."""
    toks: list[Tok] = []
    lowered = text[start:end].lower().replace("’", "'")  # same length: offsets carry over
    pos = start
    for fs, fe, idx in figs:
        _words(text, lowered, start, pos, fs, toks)
        toks.append(Tok(fs, fe, text[fs:fe], lowered[fs - start:fe - start], idx))
        pos = fe
    _words(text, lowered, start, pos, end, toks)
    return toks


def _words(text: str, lowered: str, base: int, start: int, end: int, toks: list[Tok]) -> None:
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        t = m.group()
        if t[-1] == "." and len(t) > 1 and lowered[s - base:e - base - 1] not in ABBREV_DOT:
            t, e = t[:-1], e - 1  # a full stop that ends the sentence is not part of the word
        toks.append(Tok(s, e, t, lowered[s - base:e - base]))


def join_words(words: list[Tok]) -> str:
    out = ""
    for w in words:
        if w.low == "'s" or not out:
            out += w.text
        else:
            out += " " + w.text
    return out


_CLAUSE_BREAK = frozenset({";", ":", "—", "–", "(", ")", "•"})


# No clause of real prose is longer; the cap keeps a sentence of thousands of figures with no
# punctuation (hostile or broken input) from costing a scan of the whole sentence per figure.
MAX_CLAUSE_TOKENS = 80


def clause_bounds(toks: list[Tok], ti: int) -> tuple[int, int]:
    """Token bounds of the figure's clause: to the nearest comma, semicolon or other figure's clause."""
    lo = ti
    floor = max(0, ti - MAX_CLAUSE_TOKENS)
    while lo > floor and toks[lo - 1].text not in _CLAUSE_BREAK and toks[lo - 1].text != ",":
        lo -= 1
    hi = ti + 1
    while hi < len(toks) and toks[hi].text not in _CLAUSE_BREAK and toks[hi].text != "," and toks[hi].fig < 0:
        hi += 1
    return lo, hi
