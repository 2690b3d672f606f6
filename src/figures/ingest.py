"""Files, folders, standard input, HTML pages, RSS/Atom feeds and URLs -> Article records.

STUB: the ingest helper replaces this with the full reader.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from figures.config import Settings
from figures.errors import InputError
from figures.records import Article, Rejection

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleDefaults:
    """What to fill in when a source lacks it (--outlet, --published)."""

    outlet: str | None = None
    published: date | None = None


def read_articles(sources: Iterable[str], defaults: ArticleDefaults = ArticleDefaults(),
                  settings: Settings = Settings()) -> Iterator[Article | Rejection]:
    """Yield an Article or a Rejection for every article-sized piece of every source.

    A source is a file, a folder (recursively), "-" for standard input, or an http(s) URL.
    Raises InputError only when a whole source cannot be opened (missing file, unreachable URL).
    """
    for source in sources:
        path = Path(source)
        if not path.exists():
            raise InputError(source, "no such file or folder", "check the path")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield Rejection(f"{source}:{n}", f"not valid JSON ({e.msg})")
                continue
            text = obj.get("text")
            pub = obj.get("published")
            yield Article(id=obj.get("id") or Article.make_id(text, obj.get("url")), text=text,
                          outlet=obj.get("outlet") or obj.get("source") or defaults.outlet,
                          published=date.fromisoformat(pub[:10]) if pub else defaults.published,
                          url=obj.get("url"), title=obj.get("title"), origin=f"{source}:{n}")
