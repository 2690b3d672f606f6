"""Open word classes the claim readers use, read once from ``word<TAB>kind`` tables in ``data/``
(claimant_words.tsv, entity_words.tsv): each kind is a frozenset of lower-case words or phrases."""
from __future__ import annotations

from functools import cache

from figures.lexicon import data_lines


@cache
def _table(name: str) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for line in data_lines(name):
        word, kind = line.split("\t")
        kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def word_class(table: str, kind: str) -> frozenset[str]:
    """The words of one kind in a ``data/`` table: ``word_class("entity_words.tsv", "give_verb")``."""
    return _table(table)[kind]
