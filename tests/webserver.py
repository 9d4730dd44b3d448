"""A local web server for the URL reader's tests: pages, redirects, errors, slow and huge answers, on 127.0.0.1.

All page text is original, written for these tests.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

ARTICLE_TITLE = "Floating library reaches the outer islands"
ARTICLE_PARAGRAPHS = (
    "The floating library of Port Ellen reached the outer islands on Tuesday, the council said.",
    "Mayor Alice Moreno said the boat carried 4,000 books and two librarians.",
    "The boat was built in Glasgow in 1962 and carried fish until last year.",
    "The council paid 85,000 pounds for the repairs, according to its annual report.",
    "Children from Islay School chose the first books for the shelves in March.",
    "Volunteers painted the hull blue and yellow, the colours of the town.",
)


def article_html(title: str = ARTICLE_TITLE, paragraphs: tuple[str, ...] = ARTICLE_PARAGRAPHS,
                 head_title: str | None = None, extra: str = "") -> bytes:
    """A news page: <title> with the site name, og metadata, an article with a caption and furniture, a footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<title>{head_title}</title>" if head_title is not None else ""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"{head}<meta property='og:site_name' content='The Island Courier'>"
        "<meta property='article:published_time' content='2026-03-03T09:00:00Z'></head><body>"
        "<nav class='site-nav'><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>"
        "<figure><img src='boat.jpg'><figcaption>The library boat in the harbour. Photo: Island Courier"
        "</figcaption></figure>"
        f"{body}{extra}</article>"
        "<footer class='footer'><p>Copyright 2026 The Island Courier. All rights reserved.</p></footer>"
        "</body></html>"
    ).encode()


PAYWALL = (
    b"<!DOCTYPE html><html><head><title>Floating library | The Island Courier</title></head><body><article>"
    b"<h1>Floating library reaches the outer islands</h1>"
    b"<p>The floating library of Port Ellen reached the outer islands on Tuesday.</p>"
    b"<div class='paywall'><p>You have read all your free articles this month. Subscribe today to keep reading, "
    b"from 2 pounds a week.</p><p>Already a subscriber? Sign in to your account to continue.</p></div>"
    b"</article></body></html>"
)

COOKIE_WALL = (
    b"<!DOCTYPE html><html><head><title>Before you continue</title></head><body><main>"
    b"<h1>Before you continue</h1>"
    b"<p>We use cookies and data to deliver and maintain our services and to measure how you use our site.</p>"
    b"<p>If you choose to accept all, we will also use cookies to show you personalised advertising.</p>"
    b"<p>This content is sponsored by our partners; you can read our sponsor policy here.</p>"
    b"<p>Sign up for our newsletter to get the best stories in your inbox every morning.</p>"
    b"</main></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes, dict[str, str]]]] = {}

    def log_message(self, *args: object) -> None:  # keep the test output clean
        return

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/cookie-gate" and "visited=1" not in (self.headers.get("Cookie") or ""):
            # Sets a cookie and sends the reader back to the same address: a loop without a cookie jar.
            self.send_response(302)
            self.send_header("Set-Cookie", "visited=1; Path=/")
            self.send_header("Location", "/cookie-gate")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/slow":
            time.sleep(3)
        if path == "/huge":
            return self._huge()
        status, content_type, body, headers = self.routes.get(path, (404, "text/html", b"<p>Not here</p>", {}))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        return None

    def _huge(self) -> None:
        """An endless page with no Content-Length: the reader must stop at its cap."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"more text " * 6000 + b"</p>"
        try:
            for _ in range(10_000):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return


@contextmanager
def serve(extra_routes: dict[str, tuple[int, str, bytes, dict[str, str]]] | None = None) -> Iterator[str]:
    """Start the server on a free port of 127.0.0.1; yields its base address ("http://127.0.0.1:PORT")."""
    page = article_html(head_title=f"{ARTICLE_TITLE} | The Island Courier | 03.03.2026")
    routes = {
        "/article": (200, "text/html; charset=utf-8", page, {}),
        "/gzipped": (200, "text/html", gzip.compress(page, mtime=0), {"Content-Encoding": "gzip"}),
        "/moved": (301, "text/html", b"", {"Location": "/article"}),
        "/moved-twice": (302, "text/html", b"", {"Location": "/moved"}),
        "/loop": (302, "text/html", b"", {"Location": "/loop"}),
        "/to-file": (302, "text/html", b"", {"Location": "file:///etc/passwd"}),
        "/paywall": (200, "text/html", PAYWALL, {}),
        "/cookies": (200, "text/html", COOKIE_WALL, {}),
        "/members": (403, "text/html", b"<p>Forbidden</p>", {}),
        "/picture": (200, "image/png", b"\x89PNG\r\n\x1a\n", {}),
        "/slow": (200, "text/html", page, {}),
        "/broken": (500, "text/html", b"<p>Oops</p>", {}),
        "/cookie-gate": (200, "text/html", page, {}),
    }
    routes.update(extra_routes or {})
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
