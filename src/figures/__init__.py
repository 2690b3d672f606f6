"""figures: a numeric-claim consistency tracker for fact-check desks.

    from figures import Tracker, Settings
    with Tracker(Settings(db_url="sqlite:///db/figures.db")) as t:
        t.ingest(["samples/"])
        flags = t.conflicts()
"""
import logging

from figures.api import Tracker, claim_dict
from figures.claims import extract_claims
from figures.compare import find_conflicts
from figures.config import Settings
from figures.errors import ConfigError, FiguresError, InputError, NotFoundError, StoreError
from figures.ingest import ArticleDefaults, read_articles
from figures.period import Period
from figures.records import Article, Claim, Flag, FlagClaim, IngestResult, Mention, Rejection

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article", "ArticleDefaults", "Claim", "ConfigError", "FiguresError", "Flag", "FlagClaim",
    "IngestResult", "InputError", "Mention", "NotFoundError", "Period", "Rejection", "Settings",
    "StoreError", "Tracker", "claim_dict", "extract_claims", "find_conflicts", "read_articles",
]
