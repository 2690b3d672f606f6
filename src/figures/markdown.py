"""Text from articles made inert for Markdown: it renders as the same words, never as markup.

Article strings reach the report through ``md_text`` (inline text) or ``md_cell`` (a table
cell). Every character CommonMark or GitHub-flavoured Markdown could read as syntax is
backslash-escaped, line breaks become spaces, and bare URLs, ``www.`` hosts and e-mail
addresses are broken so no renderer turns them into links.
"""
from __future__ import annotations

import re

# Characters that start or end Markdown syntax anywhere in a line (emphasis, code, links,
# images, raw HTML, entities, tables, strikethrough, headings, math in some renderers).
_ALWAYS = frozenset("\\`*_{}[]()<>#!|~&$^")
# Characters that are syntax only at the start of a line or block (lists, quotes, setext and
# thematic breaks): escaped when they open the text.
_LEADING = frozenset("-+=:>")
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=www)(\.)|(@)")
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_char(ch: str) -> str:
    return "\\" + ch if ch in _ALWAYS else ch


def md_text(value: object) -> str:
    """Inline Markdown that shows ``value`` verbatim (whitespace collapsed to single spaces)."""
    if value is None:
        return ""
    text = _SPACE.sub(" ", _CONTROL.sub(" ", str(value))).strip()
    out = "".join(_escape_char(ch) for ch in text)
    out = _AUTOLINK.sub(lambda m: "\\" + m.group(0), out)  # "https\://", "www\.", "a\@b"
    out = _ORDERED_LIST.sub(lambda m: m.group(1) + "\\" + m.group(2), out)
    if out[:1] in _LEADING:
        out = "\\" + out
    return out


def md_cell(value: object) -> str:
    """A table cell: like ``md_text``; pipes are already escaped, empty cells show a dash."""
    text = md_text(value)
    return text if text else "–"
