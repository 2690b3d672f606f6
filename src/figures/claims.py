"""Sentences -> Claims: the figure, its interval, entity, subject, claimant, as-of, modality, span.

STUB: the extraction helpers replace this.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from figures.records import Article, Claim, Mention


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...] = ()


_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def extract_claims(article: Article) -> Extraction:
    """Every quantified claim in the article, in text order."""
    out = []
    for m in _NUM.finditer(article.text):
        v = float(m.group().replace(",", ""))
        out.append(Claim(article_id=article.id, start=m.start(), end=m.end(), span=m.group(), sentence="",
                         value=v, low=v, high=v, attributed_to=article.outlet, as_of=article.published))
    return Extraction(tuple(out))
