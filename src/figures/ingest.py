"""Files, folders, standard input, HTML pages, RSS/Atom feeds and URLs -> Article records.

Every article-sized piece of input becomes an Article or a Rejection that names where it came
from ("path:line") and why it was not read; a bad line never stops the lines after it.
JSON Lines are streamed line by line, so a large file is never held in memory at once.

Decisions about hostile input (tested in tests/test_bad_input.py):
- Text that is not UTF-8 is rejected, not guessed at: the Rejection names the line and the
  column of the first bad byte. (Guessing an encoding would silently change the figures.)
- A file with NUL bytes or a known binary signature is rejected as binary.
- An empty file is a Rejection ("nothing to read"), so the command exits 1: an empty export is
  usually a mistake upstream.
- An article longer than Settings.max_article_chars is rejected before it is parsed; a JSON
  Lines line longer than that is skipped without being held in memory.
"""
from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from figures.config import Settings
from figures.errors import InputError
from figures.fetch import fetch, is_url
from figures.records import Article, Rejection

log = logging.getLogger(__name__)

STDIN = "<stdin>"
JSONL, JSON, TEXT, HTML, FEED = "jsonl", "json", "text", "html", "feed"  # JSON: one document, or JSON Lines

# File kinds by suffix. In a folder only these are read; a file named on the command line with
# another suffix is sniffed.
SUFFIX_KINDS = {
    ".jsonl": JSONL, ".ndjson": JSONL, ".json": JSON,
    ".txt": TEXT, ".text": TEXT, ".md": TEXT, ".markdown": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".rss": FEED, ".atom": FEED, ".xml": FEED,
}
# Media types of fetched pages; anything else is sniffed.
CONTENT_TYPE_KINDS = {
    "text/html": HTML, "application/xhtml+xml": HTML,
    "application/rss+xml": FEED, "application/atom+xml": FEED, "application/rdf+xml": FEED,
    "application/xml": FEED, "text/xml": FEED,
    "application/x-ndjson": JSONL, "application/jsonl": JSONL, "application/json": JSON,
    "text/plain": TEXT, "text/markdown": TEXT,
}
# Signatures of common binary files, so the message can say what the file seems to be.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF", b"PK\x03\x04": "a zip archive (or an Office document)", b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "gzip-compressed data",
    b"SQLite format 3\x00": "an SQLite database", b"\x7fELF": "a program",
}
# Header lines a .txt/.md article may start with ("outlet: Reuters"), and the field each fills.
HEADER_KEYS = {
    "outlet": "outlet", "source": "outlet", "published": "published",
    "url": "url", "title": "title", "author": "author", "id": "id",
}
# JSON Lines keys that must hold a string (or null) when present; "source" is an alias of outlet.
STRING_KEYS = ("outlet", "source", "url", "title", "author")
# Tags whose end starts a new line when an HTML fragment (a feed entry) becomes text.
BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article "
                       "header footer figure figcaption dd dt hr".split())
SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})

# Bytes that never appear raw in UTF-8 JSON text (tab, newline, form feed, carriage return do).
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0c\r")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
HEAD_BYTES = 64 * 1024
CHUNK_BYTES = 1 << 20
WHAT_WE_READ = "figures reads JSON Lines, .txt/.md text, .html pages and RSS/Atom feeds"
ONE_OBJECT = 'give each article as one JSON object with its body as a string in "text"'


@dataclass(frozen=True, slots=True)
class ArticleDefaults:
    """What to fill in when a source lacks it (--outlet, --published)."""

    outlet: str | None = None
    published: date | None = None


def read_articles(sources: Iterable[str], defaults: ArticleDefaults = ArticleDefaults(),
                  settings: Settings = Settings()) -> Iterator[Article | Rejection]:
    """Yield an Article or a Rejection for every article-sized piece of every source.

    A source is a file, a folder (recursively), "-" for standard input, or an http(s) URL.
    Raises InputError only when a whole source cannot be opened (missing file, unreachable URL);
    use read_source to carry on with the next source.
    """
    for source in [sources] if isinstance(sources, (str, os.PathLike)) else sources:  # one path, not its letters
        source = os.fspath(source)
        yield from read_source(source, defaults, settings)


def read_source(source: str, defaults: ArticleDefaults = ArticleDefaults(),
                settings: Settings = Settings()) -> Iterator[Article | Rejection]:
    """Articles and Rejections from one source. Raises InputError when it cannot be opened."""
    reader = _Reader(defaults, settings)
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
        yield from reader.stream(STDIN, stream, None)
    elif is_url(source):
        page = fetch(source, settings, reader.document_cap)
        kind = CONTENT_TYPE_KINDS.get(page.content_type)
        yield from reader.stream(page.url, io.BytesIO(page.body), kind, url=page.url)
    else:
        path = Path(source)
        if path.is_dir():
            for file in walk(path):
                if isinstance(file, Rejection):
                    yield file
                else:
                    yield from reader.file(file, SUFFIX_KINDS[file.suffix.lower()])
        elif path.is_file():
            yield from reader.file(path, SUFFIX_KINDS.get(path.suffix.lower()))
        elif path.exists():
            raise InputError(source, "not a regular file or folder", WHAT_WE_READ)
        else:
            raise InputError(source, "no such file or folder", "check the path")


def walk(folder: Path) -> Iterator[Path | Rejection]:
    """Readable files under a folder, recursively, in sorted order; hidden files and folders
    skipped; a sub-folder that cannot be listed is a Rejection, not a silent gap."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from (_unlistable(e) for e in errors)
        errors.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith("."):
                continue
            if path.suffix.lower() in SUFFIX_KINDS:
                yield path
            else:
                log.info("%s: skipped (%s)", path, WHAT_WE_READ)
    yield from (_unlistable(e) for e in errors)


def _unlistable(error: OSError) -> Rejection:
    return Rejection(str(error.filename), f"cannot list the folder ({error.strerror}) — check its permissions")


def parse_published(value: str) -> date:
    """An ISO 8601 date or date-time -> its calendar date as written; a reduced-precision date
    ("2023-10", "2023": a page that gives only its month or year) -> its first day, so that the
    article still goes in and its relative dates resolve to the right month. Raises ValueError."""
    text = value.strip()
    if _YEAR_MONTH.fullmatch(text):
        return date(int(text[:4]), int(text[5:7]) if len(text) > 4 else 1, 1)
    if len(text) <= 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text).date()


_YEAR_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


class _Reader:
    def __init__(self, defaults: ArticleDefaults, settings: Settings):
        self.defaults, self.settings = defaults, settings
        limit = settings.max_article_chars
        # A JSON line may escape every character as \uXXXX (6 bytes); a page carries markup.
        self.line_cap = 6 * limit + 64 * 1024
        self.document_cap = 8 * limit + 64 * 1024

    # -- sources ---------------------------------------------------------------------------
    def file(self, path: Path, kind: str | None) -> Iterator[Article | Rejection]:
        try:
            stream = path.open("rb")
        except OSError as e:
            yield Rejection(str(path), f"cannot open it ({e.strerror}) — check its permissions")
            return
        with stream:
            yield from self.stream(str(path), stream, kind)

    def stream(self, name: str, stream: BinaryIO, kind: str | None, url: str | None = None) -> Iterator[Article | Rejection]:
        head = stream.read(HEAD_BYTES)
        if not head.strip() and len(head) < HEAD_BYTES:
            yield Rejection(name, "the file is empty — nothing to read")
            return
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        kind = kind or _sniff(head)
        if not utf16 and (binary := _binary(head, lines=kind in (JSONL, JSON))):
            yield Rejection(name, f"binary data ({binary}), not text — {WHAT_WE_READ}")
            return
        if kind in (JSONL, JSON):
            if utf16:
                yield Rejection(name, "UTF-16 encoded; JSON Lines must be UTF-8 — re-save the file as UTF-8")
                return
            start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
            if start == b"[" or (kind == JSON and start == b"{"):
                # A JSON array of articles, or one (pretty-printed) object, up to the document cap.
                head += stream.read(self.document_cap + 1 - len(head))
                if len(head) <= self.document_cap:
                    yield from self._json_document(name, head, array=start == b"[")
                    return
            yield from self._jsonl(name, stream, head)
            return
        data = head + stream.read(self.document_cap + 1 - len(head))
        if len(data) > self.document_cap:
            yield Rejection(name, f"larger than {self.document_cap:,} bytes, over the limit for one document "
                                  f"({self.settings.max_article_chars:,} characters) — split it into smaller files")
            return
        if kind == HTML:
            yield from self._html(name, data, url)
        elif kind == FEED:
            yield from self._feed(name, data)
        else:
            yield from self._text(name, data, url)

    # -- formats ---------------------------------------------------------------------------
    def _json_document(self, name: str, data: bytes, array: bool) -> Iterator[Article | Rejection]:
        try:
            value = json.loads(data.removeprefix(codecs.BOM_UTF8).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
            if not array:  # a .json file of JSON Lines: read it line by line
                yield from self._jsonl(name, io.BytesIO(data), b"")
                return
            where = f"{name}:{e.lineno}" if isinstance(e, json.JSONDecodeError) else name
            yield Rejection(where, f"not a valid JSON array ({getattr(e, 'msg', None) or type(e).__name__}) — {ONE_OBJECT}")
            return
        if isinstance(value, dict):
            yield self._record(value, name)
        elif not value:
            yield Rejection(name, "an empty JSON array — nothing to read")
        else:
            for i, obj in enumerate(value, 1):
                yield self._record(obj, f"{name}:item {i}")

    def _jsonl(self, name: str, stream: BinaryIO, head: bytes) -> Iterator[Article | Rejection]:
        any_line = False
        for n, raw, size in _lines(stream, self.line_cap, head):
            origin = f"{name}:{n}"
            if raw is None:
                yield Rejection(origin, f"the line is {size:,} bytes, too long for one article (the limit is "
                                        f"{self.settings.max_article_chars:,} characters) — split the article")
                any_line = True
                continue
            if n == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            any_line = True
            if n == 1 and raw.lstrip().startswith(b"["):  # an array too large to read whole
                yield Rejection(origin, f"a JSON array larger than {self.document_cap:,} bytes — put one JSON object "
                                        "on each line (for example: jq -c '.[]' FILE > FILE.jsonl)")
                return
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield Rejection(origin, f"not UTF-8: byte 0x{raw[e.start]:02X} at column {e.start + 1} — "
                                        "re-save the file as UTF-8")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield Rejection(origin, f"not valid JSON ({e.msg} at column {e.colno}) — each line must be one JSON object")
                continue
            except RecursionError:
                yield Rejection(origin, "not valid JSON (nested too deeply) — each line must be one JSON object")
                continue
            yield self._record(obj, origin)
        if not any_line:
            yield Rejection(name, "the file is empty — nothing to read")

    def _record(self, obj: object, origin: str) -> Article | Rejection:
        if not isinstance(obj, dict):
            return Rejection(origin, f'expected a JSON object with a "text" key, got {_json_type(obj)} — {ONE_OBJECT}')
        if "text" not in obj or obj["text"] is None:
            return Rejection(origin, 'no "text" — every article needs its body in the "text" key')
        if not isinstance(obj["text"], str):
            return Rejection(origin, f'"text" must be a string, got {_json_type(obj["text"])} — {ONE_OBJECT}')
        for key in STRING_KEYS:
            if obj.get(key) is not None and not isinstance(obj[key], str):
                return Rejection(origin, f'"{key}" must be a string or null, got {_json_type(obj[key])} — {ONE_OBJECT}')
        ident = obj.get("id")
        if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
            return Rejection(origin, f'"id" must be a string or a whole number, got {_json_type(ident)} — {ONE_OBJECT}')
        published = obj.get("published")
        if published is not None and not isinstance(published, str):
            return Rejection(origin, f'"published" must be an ISO 8601 date string, got {_json_type(published)} — '
                                     'use "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"')
        return self._article(obj["text"], origin, ident=None if ident is None else str(ident),
                             outlet=obj.get("outlet") or obj.get("source"), published=published,
                             url=obj.get("url"), title=obj.get("title"), author=obj.get("author"))

    def _text(self, name: str, data: bytes, url: str | None) -> Iterator[Article | Rejection]:
        text = _decode(name, data)
        if isinstance(text, Rejection):
            yield text
            return
        fields, body, header_lines = _split_header(text)
        if not body.strip():
            yield Rejection(name, "the file is empty — nothing to read" if not fields else
                             "no article text after the header — put the body after the blank line")
            return
        published = fields.get("published")
        if published:
            try:
                published = parse_published(published)
            except ValueError as e:
                yield Rejection(f"{name}:{header_lines['published']}", _bad_date(published, e))
                return
        yield self._article(body.strip(), name, ident=fields.get("id"), outlet=fields.get("outlet"),
                            published=published, url=fields.get("url") or url, title=fields.get("title"),
                            author=fields.get("author"))

    def _html(self, name: str, data: bytes, url: str | None) -> Iterator[Article | Rejection]:
        import trafilatura

        options = dict(url=url, with_metadata=True, include_comments=False, include_tables=True,
                       date_extraction_params={"extensive_search": False, "original_date": True})
        doc = trafilatura.bare_extraction(data, **options)
        if doc is None or not (doc.text or "").strip():
            doc = trafilatura.bare_extraction(data, favor_recall=True, **options)
        if doc is None or not (doc.text or "").strip():
            yield Rejection(name, "no article text found in the HTML — save the article's text as .txt instead")
            return
        try:
            published = parse_published(doc.date) if doc.date else None
        except ValueError:  # a date trafilatura could not pin down is no date
            published = None
        yield self._article(doc.text.strip(), name, outlet=doc.sitename, published=published,
                            url=doc.url or url, title=doc.title, author=doc.author)

    def _feed(self, name: str, data: bytes) -> Iterator[Article | Rejection]:
        import feedparser

        parsed = feedparser.parse(data)  # bytes: feedparser must never treat input as a URL or path
        if not parsed.entries:
            why = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
            yield Rejection(name, f"not an RSS/Atom feed with entries{why} — {WHAT_WE_READ}")
            return
        outlet = parsed.feed.get("title")
        for i, entry in enumerate(parsed.entries, 1):
            origin = f"{name}:entry {i}"
            text = _entry_text(entry)
            if not text:
                yield Rejection(origin, "the feed entry has no text and no summary — fetch the article's page instead")
                continue
            when = entry.get("published_parsed") or entry.get("updated_parsed")
            yield self._article(text, origin, outlet=outlet, published=date(*when[:3]) if when else None,
                                url=entry.get("link"), title=entry.get("title"), author=entry.get("author"))

    # -- one article -----------------------------------------------------------------------
    def _article(self, text: str, origin: str, *, ident: str | None = None, outlet: str | None = None,
                 published: str | date | None = None, url: str | None = None, title: str | None = None,
                 author: str | None = None) -> Article | Rejection:
        if not text.strip():
            return Rejection(origin, "the article text is empty — leave out articles without a body")
        limit = self.settings.max_article_chars
        if len(text) > limit:
            return Rejection(origin, f"the article is {len(text):,} characters, over the limit of {limit:,} — split it")
        if isinstance(published, str):
            try:
                published = parse_published(published)
            except ValueError as e:
                return Rejection(origin, _bad_date(published, e))
        text = _storable(text, origin)
        outlet, url, title, author = (_storable(_clean(v), origin) for v in (outlet, url, title, author))
        return Article(id=_storable(ident, origin) or Article.make_id(text, url), text=text,
                       outlet=outlet or self.defaults.outlet, published=published or self.defaults.published,
                       url=url, title=title, author=author, origin=origin)


# -- helpers ---------------------------------------------------------------------------------
def _lines(stream: BinaryIO, cap: int, head: bytes = b"") -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, the line without its line break or None when longer than cap, its length).

    Reads in chunks, so memory stays near cap however large the stream or a line is.
    """
    pieces: list[bytes] = []
    size = n = 0
    chunk = head or stream.read(CHUNK_BYTES)
    while chunk:
        pos = 0
        while True:
            nl = chunk.find(b"\n", pos)
            end = len(chunk) if nl < 0 else nl
            if size + end - pos <= cap:
                pieces.append(chunk[pos:end])
            else:
                pieces.clear()
            size += end - pos
            if nl < 0:
                break
            n += 1
            yield n, (b"".join(pieces).removesuffix(b"\r") if size <= cap else None), size
            pieces.clear()
            size, pos = 0, nl + 1
        chunk = stream.read(CHUNK_BYTES)
    if size:
        yield n + 1, (b"".join(pieces).removesuffix(b"\r") if size <= cap else None), size


def _binary(head: bytes, lines: bool) -> str | None:
    """What the head of a file shows it to be when it is binary, else None.

    One NUL byte marks a text file as binary. JSON Lines are judged line by line instead (a
    stray NUL rejects its line), so there only a signature or many control bytes count."""
    for signature, what in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            return what
    if lines:
        control = sum(head.count(bytes([b])) for b in CONTROL_BYTES)
        return f"{control} control bytes in the first {len(head):,}" if control * 20 > len(head) else None
    nul = head.find(b"\x00")
    return f"a NUL byte at offset {nul}" if nul >= 0 else None


def _sniff(head: bytes) -> str:
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:2048].lower()
    if start.startswith((b"{", b"[")):
        return JSONL
    if start.startswith(b"<"):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return FEED
        return HTML
    return TEXT


def _decode(name: str, data: bytes) -> str | Rejection:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            return Rejection(name, f"not valid UTF-16 ({e.reason} at byte {e.start}) — re-save the file as UTF-8")
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as e:
        offset = e.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        return Rejection(f"{name}:{line}", f"not UTF-8: byte 0x{data[offset]:02X} at line {line}, column {column} — "
                                           "re-save the file as UTF-8")


def _split_header(text: str) -> tuple[dict[str, str], str, dict[str, int]]:
    """An optional header block ("outlet: X" lines then a blank line, or --- front matter) ->
    (fields, body, the line each field was on). Without a closed header the whole text is the body."""
    lines = text.splitlines(keepends=True)
    fields: dict[str, str] = {}
    where: dict[str, int] = {}
    front_matter = bool(lines) and lines[0].strip() == "---"
    first = 2 if front_matter else 1
    for i, line in enumerate(lines[first - 1:], first):
        stripped = line.strip()
        if (front_matter and stripped == "---") or (not front_matter and not stripped):
            return (fields, "".join(lines[i:]), where) if fields or front_matter else ({}, text, {})
        key, sep, value = stripped.partition(":")
        field = HEADER_KEYS.get(key.strip().lower())
        if not sep or field is None:
            if front_matter:  # other front-matter keys (tags, layout ...) are ignored
                continue
            break  # not a header: the whole file is the article
        fields[field] = value.strip().strip("\"'")
        where[field] = i
    return {}, text, {}


def _entry_text(entry) -> str:
    """A feed entry's text: its longest content, else its summary; HTML turned into text."""
    summary = entry.get("summary_detail") or {"type": "text/html", "value": entry.get("summary") or ""}
    for parts in (entry.get("content") or [], [summary]):
        best = max((_part_text(p) for p in parts), key=len, default="")
        if best:
            return best
    return ""


def _part_text(part) -> str:
    value = part.get("value") or ""
    return html_to_text(value) if "html" in (part.get("type") or "text/html") else value.strip()


def _bad_date(value: str, error: ValueError) -> str:
    return f"published {value!r} is not a real ISO 8601 date ({error}) — use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry): block tags start new lines, scripts are dropped."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.out).split("\n"))
    return "\n".join(line for line in lines if line)


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(data)


def _storable(value: str | None, origin: str) -> str | None:
    """Text every database and terminal can hold: NUL characters (PostgreSQL refuses them) and
    lone surrogates (from JSON escapes such as \\ud800; not encodable as UTF-8) become U+FFFD,
    one for one, so every character offset stays where it was."""
    if value is None or _UNSTORABLE.search(value) is None:
        return value
    log.warning("%s: NUL characters or lone surrogates replaced by U+FFFD", origin)
    return _UNSTORABLE.sub("\ufffd", value)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)
