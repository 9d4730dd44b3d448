"""Web addresses: `quizgen make https://…` fetches the page with the standard library, then reads it as a saved
page (or as a PDF or Word file, by the content type the server sends).

Bounded on every side: only http and https (redirects too), at most MAX_REDIRECTS redirects, TIMEOUT seconds for
each network wait and DEADLINE seconds for the whole download, at most MAX_BYTES of body (decompressed), and only
the content types a reader takes. Each failure is one line naming the address and what went wrong.
"""

from __future__ import annotations

import http.cookiejar
import socket
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from http.client import HTTPException, HTTPResponse
from typing import Any
from urllib.parse import urlsplit

from quizgen import __version__
from quizgen.errors import InputError

TIMEOUT = 15.0  # seconds to connect, and between two reads
DEADLINE = 60.0  # seconds for the whole body
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_ACCEPT = ("text/html,application/xhtml+xml,application/pdf,"
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,text/plain;q=0.8")
# A server that answers these has the article behind a login or a paywall.
_PAYWALL_STATUS = {401: "a login", 402: "a paywall", 403: "a login or paywall (access forbidden)"}


# Content types that say nothing about the document ("a file"): the reader is chosen by the address's suffix, else
# by the first bytes. Servers send them for PDFs and Word files often enough.
_GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/download",
                            "application/x-download", "application/force-download", "application/unknown"})


@dataclass(frozen=True)
class WebPage:
    """What a server sent for an address: the body, and its content type ("" when the server named none that
    says what the document is)."""

    url: str
    data: bytes
    content_type: str


def _specific_type(content_type: str) -> str:
    media_type = content_type.split(";")[0].strip().lower()
    return "" if media_type in _GENERIC_TYPES else content_type


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http or https (never file:, ftp: or data:)."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2  # a site may send a reader back to the same address once, after setting a cookie

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise InputError(f"{req.full_url}: redirects to {urlsplit(newurl).scheme or 'a'}: address; only http "
                             f"and https are fetched")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_address(url: str) -> None:
    """Refuse (InputError) an address quizgen will not fetch: not http(s), no server name, a bad port, white space."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError as err:
        raise InputError(f"{url}: not a valid web address ({err})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(f"{url}: only http:// and https:// addresses can be fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no server name in the address")
    if any(ch.isspace() for ch in url) or port == 0:
        raise InputError(f"{url}: not a valid web address")


def fetch(url: str) -> WebPage:
    """Download one page; raise InputError with a one-line reason for every way it can fail."""
    from quizgen.readers import MAX_BYTES, reader_for

    check_address(url)
    request = urllib.request.Request(url, headers={
        "User-Agent": f"Mozilla/5.0 (compatible; quizgen/{__version__})", "Accept": _ACCEPT,
        "Accept-Encoding": "gzip, deflate"})
    # A cookie jar for this one download: sites that set a cookie and redirect would otherwise loop.
    opener = urllib.request.build_opener(_Redirects, urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            content_type = _specific_type(response.headers.get("Content-Type", "") or "text/html")
            if content_type:
                reader_for(url, content_type=content_type)  # an image or a video is refused before it is downloaded
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > MAX_BYTES:
                raise InputError(f"{url}: the page is {int(length) // (1024 * 1024)} MB, too large for an article "
                                 f"(limit {MAX_BYTES // (1024 * 1024)} MB)")
            data = _read_body(response, url, MAX_BYTES)
    except InputError:
        raise
    except urllib.error.HTTPError as err:
        raise InputError(_status_message(url, err.code, err.reason)) from None
    except urllib.error.URLError as err:
        raise InputError(_network_message(url, err.reason)) from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {TIMEOUT:g} s (the server is too slow or down)") from None
    except (ConnectionError, HTTPException, OSError, ValueError) as err:  # ValueError: urllib on a malformed address
        raise InputError(f"{url}: the download failed ({type(err).__name__})") from None
    return WebPage(url=url, data=data, content_type=content_type)


def _read_body(response: HTTPResponse, url: str, limit: int) -> bytes:
    """The body, decompressed, refused past `limit` bytes or DEADLINE seconds (a server that trickles)."""
    encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 32) if encoding in ("gzip", "deflate", "x-gzip") else None
    started = time.monotonic()
    body = bytearray()
    while chunk := response.read(_CHUNK):
        body += inflate.decompress(chunk, limit + 1 - len(body)) if inflate else chunk
        if len(body) > limit:
            raise InputError(f"{url}: more than {limit // (1024 * 1024)} MB, too large for an article")
        if time.monotonic() - started > DEADLINE:
            raise InputError(f"{url}: the download took more than {DEADLINE:g} s; save the page and use the file")
    return bytes(body)


def _status_message(url: str, code: int, reason: object) -> str:
    if code in _PAYWALL_STATUS:
        return f"{url}: the article is behind {_PAYWALL_STATUS[code]} (HTTP {code}); save the page from your browser"
    if code in (404, 410):
        return f"{url}: no such page (HTTP {code} {reason})"
    if 300 <= code < 400 and "not allowed" in str(reason):  # urllib's own refusal of a file: or data: redirect
        return f"{url}: redirects to an address that is not http or https; only http and https are fetched"
    if 300 <= code < 400:
        return f"{url}: too many redirects (more than {MAX_REDIRECTS}) or a redirect loop"
    return f"{url}: the server answered HTTP {code} {reason}"


def _network_message(url: str, reason: object) -> str:
    host = urlsplit(url).hostname
    if isinstance(reason, InputError):
        return str(reason)
    if isinstance(reason, socket.gaierror):
        return f"{url}: cannot find the server {host} (DNS lookup failed); check the address"
    if isinstance(reason, ConnectionRefusedError):
        return f"{url}: the server {host} refused the connection"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"{url}: no answer within {TIMEOUT:g} s (the server is too slow or down)"
    return f"{url}: cannot connect to {host} ({reason})"
