"""Sentences -> Claims: the figure, its interval, entity, subject, claimant, as-of, modality, span.

STUB: the claims helper replaces the implementation, keeping `Extraction` and `extract_claims`.
"""
from __future__ import annotations

from dataclasses import dataclass

from figures.numbers import find_figures
from figures.records import Article, Claim, Mention


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...] = ()


def extract_claims(article: Article) -> Extraction:
    """Every quantified claim in the article, in text order."""
    figures, _ = find_figures(article.text)
    out = [
        Claim(article_id=article.id, start=f.start, end=f.end, span=article.text[f.start:f.end], sentence="",
              value=f.value, low=f.low, high=f.high, qualifier=f.qualifier, unit=f.unit,
              attributed_to=article.outlet, as_of=article.published)
        for f in figures
    ]
    return Extraction(tuple(out))
