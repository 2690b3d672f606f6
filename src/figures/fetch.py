"""http(s) URLs -> bytes and a content type, with the settings' timeout, user agent and size cap.

Only ingest uses this. Every failure to get a page becomes an InputError that names the URL
(with any password in it hidden) and says what to do next.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from figures.config import Settings
from figures.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects, credentials hidden
    content_type: str  # the media type only, lower case: "text/html"
    body: bytes


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def safe_url(url: str) -> str:
    """The URL with any user:password@ replaced, fit for messages and stored origins."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, f"***@{host}", parts.path, parts.query, parts.fragment))


def fetch(url: str, settings: Settings, max_bytes: int) -> Fetched:
    """GET the URL, following redirects. Raises InputError when it cannot be had."""
    import httpx

    shown = safe_url(url)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
               "application/atom+xml, application/xml;q=0.9, application/x-ndjson;q=0.9, text/plain;q=0.8, */*;q=0.5"}
    try:
        with httpx.Client(timeout=settings.http_timeout, headers=headers, follow_redirects=True) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(shown, f"the server answered HTTP {response.status_code} {response.reason_phrase}",
                                     "check the address")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise InputError(shown, f"the page is larger than {max_bytes:,} bytes",
                                         "save the part you need to a file and ingest that")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                final = safe_url(str(response.url))
    except httpx.TimeoutException:
        raise InputError(shown, f"no answer within {settings.http_timeout:g} seconds",
                         "check the address and your connection, or save the page and ingest the file") from None
    except httpx.HTTPError as e:
        raise InputError(shown, f"cannot fetch it ({type(e).__name__}: {e})",
                         "check the address and your connection, or save the page and ingest the file") from None
    log.info("fetched %s (%s, %d bytes)", final, content_type or "no content type", size)
    return Fetched(final, content_type, b"".join(chunks))
