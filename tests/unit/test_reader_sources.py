"""Readers beyond .txt and .md: the registry, saved pages, web addresses, PDF, Word and standard input.

Every document here is built by the test (reportlab, python-docx, a local HTTP server); all text is original.
"""

from __future__ import annotations

import io
import socket
import zipfile

import pytest

from quizgen import readers
from quizgen.errors import InputError
from quizgen.readers import REGISTRY, Reader, read_article, read_bytes, reader_for
from quizgen.readers import url as url_reader
from quizgen.readers.furniture import clean_title, is_furniture, is_notice, strip_dateline
from tests import documents
from tests.webserver import ARTICLE_PARAGRAPHS, ARTICLE_TITLE, article_html, serve

SENTENCES = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)


# --- the registry -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("suffix", "content_type", "head", "name"), [
    (".htm", "", b"", "html"),
    (".PDF", "", b"", "pdf"),
    (".docx", "", b"", "docx"),
    ("", "text/html; charset=utf-8", b"", "html"),
    ("", "application/pdf", b"", "pdf"),
    ("", readers.DOCX_TYPE, b"", "docx"),
    ("", "", b"  <!DOCTYPE html><html>", "html"),
    ("", "", b"%PDF-1.7\n", "pdf"),
    ("", "", b"PK\x03\x04rest", "docx"),
    ("", "", b"Headline\n\nA pasted story.", "text"),
])
def test_a_reader_is_found_by_suffix_content_type_or_first_bytes(suffix, content_type, head, name):
    assert reader_for("x", suffix, content_type, head).name == name


def test_a_page_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(article_html(head_title="Boat news | The Island Courier"))
    article = read_article(path)
    assert article.paragraphs == ARTICLE_PARAGRAPHS and "<p>" not in article.text


def test_an_unknown_suffix_or_content_type_is_refused_naming_the_kinds():
    with pytest.raises(InputError, match=r"unsupported file type '\.odt' \(save it as \.docx or PDF from "
                                         r"LibreOffice\); use one of .*\.docx.*\.pdf"):
        reader_for("a.odt", ".odt")
    with pytest.raises(InputError, match=r"'\.doc' \(save it as \.docx or PDF from Word\)"):
        reader_for("a.doc", ".doc")
    with pytest.raises(InputError, match="sent video/mp4, not a web page"):
        reader_for("http://x/v", content_type="video/mp4")


def test_a_reader_whose_library_is_missing_says_what_to_install(tmp_path):
    missing = Reader("pdf", "quizgen.readers.pdf:read_pdf", (".pdf",), requires=("no_such_module_here",),
                     install="pdfminer.six", decoded=False)
    assert not missing.enabled
    with pytest.raises(InputError, match=r"x\.pdf: reading PDF files needs pdfminer\.six: pip install"):
        missing.parse(b"%PDF-1.4", "x.pdf")
    assert all(reader.enabled for reader in REGISTRY)  # everything the project depends on is installed


# --- saved pages ------------------------------------------------------------------------------------------------

def _page(body: str, head: str = "<title>Ferry news</title>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_chrome_is_matched_by_whole_class_tokens_not_parts_of_names():
    # The article sits in a layout container whose class merely contains "sidebar" and "header".
    page = _page(f"<div class='l-sidebar-fixed no-header-overlap'><article>{SENTENCES}</article></div>"
                 "<div class='sidebar'><p>Most read: a story about something else entirely today.</p></div>")
    article = read_bytes(page, "page.html", suffix=".html")
    assert article.paragraphs == ARTICLE_PARAGRAPHS


def test_template_content_is_not_article_text():  # issue 15, finding 19
    page = _page(f"<article>{SENTENCES}<template><p>Hidden template text is never shown to a reader at all."
                 "</p></template></article>")
    article = read_bytes(page, "page.html", suffix=".html")
    assert not any("Hidden template" in p for p in article.paragraphs)
    assert article.paragraphs == ARTICLE_PARAGRAPHS


def test_a_page_without_title_takes_its_first_heading_or_its_file_name():  # issue 15, finding 14
    with_heading = read_bytes(_page(f"<article><h1>Library boat sails</h1>{SENTENCES}</article>", head=""),
                              "a.html", suffix=".html")
    assert with_heading.title == "Library boat sails"
    bare = read_bytes(_page(f"<div>{SENTENCES}</div>", head=""), "saved/island-library-news.html", suffix=".html")
    assert bare.title == "Island library news"


def test_the_size_limit_counts_article_text_not_the_raw_page():
    script = "<script>var x = '" + "y" * (readers.MAX_CHARACTERS + 50_000) + "';</script>"
    article = read_bytes(_page(f"{script}<article>{SENTENCES}</article>"), "big.html", suffix=".html")
    assert article.paragraphs == ARTICLE_PARAGRAPHS
    long_text = "".join(f"<p>{p} Sentence {i}.</p>" for i, p in enumerate(ARTICLE_PARAGRAPHS * 600))
    with pytest.raises(InputError, match="far longer than a news article"):
        read_bytes(_page(f"<article>{long_text}</article>"), "long.html", suffix=".html")


def test_a_page_drawn_by_javascript_reads_its_json_ld_article_body():
    import json

    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {
        "@type": "NewsArticle", "headline": ARTICLE_TITLE, "articleBody": "\n\n".join(ARTICLE_PARAGRAPHS)}]}
    page = _page("<div id='root'><p>We use cookies to improve your experience; accept all to continue.</p></div>",
                 head=f"<title>{ARTICLE_TITLE}</title><script type='application/ld+json'>{json.dumps(data)}</script>")
    article = read_bytes(page, "app.html", suffix=".html")
    assert article.paragraphs == ARTICLE_PARAGRAPHS and article.title == ARTICLE_TITLE


def test_pages_with_runs_of_short_blocks_are_read_or_refused_in_bounded_time():
    import time

    from quizgen.readers.html import MAX_ELEMENTS

    menu = "<div><span>menu item</span></div>" * (MAX_ELEMENTS // 3)  # just under the limit: read
    started = time.perf_counter()
    assert read_bytes(_page(f"{menu}<article>{SENTENCES}</article>"), "menu.html", suffix=".html").paragraphs == (
        ARTICLE_PARAGRAPHS)
    listing = "<p>Short line here.</p>" * (MAX_ELEMENTS + 1)  # over it: refused before trafilatura runs
    with pytest.raises(InputError, match=r"the page has 30,0\d\d HTML elements, far more than an article page"):
        read_bytes(_page(f"{listing}<article>{SENTENCES}</article>"), "listing.html", suffix=".html")
    # trafilatura's justext fallback took a minute on 20,000 menu items; without it, seconds.
    assert time.perf_counter() - started < 20


def test_a_page_of_notices_is_not_an_article():
    page = _page("<main><p>We use cookies to improve your experience; accept all to continue reading.</p>"
                 "<p>Sign up for our newsletter and get the top stories in your inbox.</p>"
                 "<p>This feature is sponsored by our partners, and we thank them.</p>"
                 "<p>The ferry sailed on time this morning.</p></main>")
    with pytest.raises(InputError, match="only 1 sentence outside cookie, subscription, sponsor"):
        read_bytes(page, "cookies.html", suffix=".html")


def test_captions_credits_share_lines_and_related_links_never_reach_the_sentences():
    furniture = ("<p>Slideshow (15 images)</p><p>Share this article</p><p>Advertisement</p>"
                 "<p>The boat in the harbour at dawn. Photograph: Ann Lee/Getty Images</p>"
                 "<p>Read more: Why the ferry timetable changed this spring</p>"
                 "<p>What's the secret to its recovery?Monday, 6 January 2020</p>"
                 "<p>Image credit: Island Courier</p><p>By Ann Lee and Bo Chen, Reuters</p>")
    page = _page(f"<article><p>PORT ELLEN (Reuters) - {ARTICLE_PARAGRAPHS[0]}</p>{furniture}"
                 + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS[1:]) + "</article>",
                 head="<title>Floating library sails | World | DW | 19.01.2020</title>")
    article = read_bytes(page, "dw.html", suffix=".html")
    assert article.paragraphs == ARTICLE_PARAGRAPHS
    assert article.title == "Floating library sails"


@pytest.mark.parametrize(("title", "site", "clean"), [
    ("Floods return | World | DW | 19.01.2020", "DW", "Floods return"),
    ("Teachers strike - what parents need to know | BBC News", None, "Teachers strike - what parents need to know"),
    ("Opinion | Republicans keep quiet", None, "Republicans keep quiet"),
    ("Ferry sails on the tide", None, "Ferry sails on the tide"),
    ("Apple Unveils New Laptop - The Verge", "The Verge", "Apple Unveils New Laptop"),
    ("Storm hits coast – 6 January 2020", None, "Storm hits coast"),
])
def test_titles_lose_site_names_and_dates(title, site, clean):
    assert clean_title(title, site) == clean


def test_a_typed_title_keeps_its_labels_and_loses_only_dates():
    assert clean_title("Storm - Part 2 | 06.01.2020", None, labels=False) == "Storm - Part 2"


@pytest.mark.parametrize("line", [
    "Slideshow (15 images)", "Advertisement", "Share on Facebook", "Read more: the ferry's last crossing",
    "Image credit: NASA/JPL", "Boats in the harbour on Monday. REUTERS/Ann Lee", "By Ann Lee",
    "By Ann Lee and Bo Chen, Reuters", "Reporting by Ann Lee; Editing by Bo Chen", "3 min read",
    "Follow Ann Lee on Twitter", "Copyright 2026 The Island Courier", "© Island Courier 2026",
    "Article content", "Advertisement 2", "Provided by University of Port Ellen", "Date 19.01.2020",
    "Permalink https://p.example.org/p/3Wx", "Story continues below advertisement", "Print this page",
    "Bo Chen contributed reporting from Oban.", "Follow our full coverage of the islands at https://example.org/isles",
    "Related: Ferries return to the outer isles", "The boat leaves the harbour at dawn.Reuters",
    "March 3, 2026 - 11:28 GMT", "5:45 AM GMT 3/3/2026 by Ann Lee", "Listen to Island Radio live at noon",
])
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "By Tuesday, the river had risen three metres.", "Read the report, the minister told parliament.",
    "The ferry carried 86 people to Kirkwall, the company told Reuters.",
    "Share prices fell 3% on Monday after the announcement.", "Photographs of the storm were shared widely online.",
    "Print sales fell 5%.", "Provided the weather holds, the ferry sails at noon.", "Advertisement spending rose.",
])
def test_article_sentences_are_not_furniture(line):
    assert not is_furniture(line)


def test_notices_and_datelines():
    assert is_notice("Subscribe to our newsletter for the best stories, delivered to your inbox.")
    assert not is_notice("The newspaper lost 20,000 subscribers last year, its owner said.")
    assert strip_dateline("LONDON (Reuters) - Ferries stopped.") == "Ferries stopped."
    assert strip_dateline("WASHINGTON — Ferries stopped.") == "Ferries stopped."
    assert strip_dateline("The ferries stopped - for now.") == "The ferries stopped - for now."


# --- pasted text ------------------------------------------------------------------------------------------------

PASTED = ("Floating library reaches the islands\n\nSlideshow (4 images)\n\nShare this article\n\n"
          + "\n\n".join(ARTICLE_PARAGRAPHS[:3]) + "\n\nAdvertisement\n\nImage credit: Island Courier\n\n"
          + "Sign up for our newsletter to get our best stories in your inbox.\n\n"
          + "\n\n".join(ARTICLE_PARAGRAPHS[3:]) + "\n")


def test_pasted_text_file_gets_the_page_furniture_rules(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text(PASTED, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Floating library reaches the islands"
    assert article.paragraphs == ARTICLE_PARAGRAPHS


def test_pasted_text_that_starts_with_furniture_takes_the_headline_after_it(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text("Share this article\n\n" + PASTED, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Floating library reaches the islands"
    assert article.paragraphs == ARTICLE_PARAGRAPHS


def test_standard_input_is_read_once_with_the_same_rules(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PASTED.encode("utf-8"))))
    article = read_article("-")
    assert (article.title, article.paragraphs, article.path) == (
        "Floating library reaches the islands", ARTICLE_PARAGRAPHS, "-")


def test_standard_input_holding_a_page_is_read_as_html(monkeypatch):
    page = article_html(head_title="Boat news | The Island Courier")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page)))
    assert read_article("-").paragraphs == ARTICLE_PARAGRAPHS


def test_standard_input_holding_a_pdf_or_a_word_file_is_sniffed(monkeypatch, tmp_path):
    pdf = documents.build_two_column_pdf(tmp_path / "a.pdf", pages=1)
    for path in (pdf, documents.build_docx(tmp_path / "a.docx")):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
        assert read_article("-").title == documents.TITLE


def test_standard_input_is_capped(monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"word " * 1000)))
    with pytest.raises(InputError, match="too large for an article"):
        read_article("-")


def test_a_missing_file_or_a_folder_is_named_before_its_suffix(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "story.odt")


def test_a_fifo_is_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.txt"
    import os

    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_article(fifo)


# --- PDF --------------------------------------------------------------------------------------------------------

def test_two_column_pdf_reads_in_order_without_headers_footers_or_hyphens(tmp_path):
    path = documents.build_two_column_pdf(tmp_path / "library.pdf", pages=2)
    article = read_article(path)
    assert article.title == documents.TITLE
    assert list(article.paragraphs) == documents.column_sentences() * 2
    text = article.text
    assert documents.HEADER not in text and "Page 1" not in text and "Page 2" not in text
    assert "floating library" in text and "repairs" in text  # "float-/ing", "re-/pairs" joined


def test_a_paragraph_broken_by_the_column_end_is_joined_again(tmp_path):
    left = [["The ferry left at dawn, the crew said."], ["Volunteers from the town spent the winter on the re-"]]
    right = [["pairs, which cost 85,000 pounds.", "The boat sails again in May."]]
    article = read_article(documents.build_two_column_pdf(tmp_path / "broken.pdf", pages=1, left=left, right=right))
    assert article.paragraphs == ("The ferry left at dawn, the crew said.", "Volunteers from the town spent the "
                                  "winter on the repairs, which cost 85,000 pounds. The boat sails again in May.")


def test_a_long_pdf_is_refused_page_by_page_without_reading_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_CHARACTERS", 1000)
    path = documents.build_two_column_pdf(tmp_path / "book.pdf", pages=8)
    with pytest.raises(InputError, match=r"more than 1,000 characters by page 2, far longer than a news article"):
        read_article(path)


def test_a_scanned_pdf_is_refused_saying_it_has_no_text_layer(tmp_path):
    with pytest.raises(InputError, match="no text layer"):
        read_article(documents.build_scanned_pdf(tmp_path / "scan.pdf"))


def test_a_pdf_that_unpacks_past_the_cap_is_refused_without_unpacking_it(tmp_path, monkeypatch):
    from quizgen.readers import pdf

    monkeypatch.setattr(pdf, "MAX_UNPACKED", 1024 * 1024)
    bomb = documents.build_pdf_bomb(tmp_path / "bomb.pdf", unpacked=8 * 1024 * 1024)
    with pytest.raises(InputError, match="unpacks to more than 1 MB"):
        read_article(bomb)
    small = documents.build_pdf_bomb(tmp_path / "blank.pdf", unpacked=1000)  # under the cap: read, and empty
    with pytest.raises(InputError, match="no text layer"):
        read_article(small)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%broken", b"%PDF-1.7\n" + b"\x00garbage" * 50])
def test_a_damaged_pdf_is_one_clear_error(tmp_path, data):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"bad\.pdf: (not a readable PDF|the PDF has no pages)"):
        read_article(path)


# --- Word -------------------------------------------------------------------------------------------------------

def test_docx_title_from_heading_without_comments_or_tracked_deletions(tmp_path):
    article = read_article(documents.build_docx(tmp_path / "library.docx"))
    assert article.title == documents.TITLE
    text = article.text
    assert documents.DELETED not in text and documents.COMMENT not in text and "On the water" not in text
    assert documents.DOCX_PARAGRAPHS[1] + documents.INSERTED in article.paragraphs
    assert article.paragraphs[0] == documents.DOCX_PARAGRAPHS[0] and len(article.paragraphs) == 6


def test_docx_title_from_the_first_heading_else_the_title_property(tmp_path):
    stale = read_article(documents.build_docx(tmp_path / "a.docx", title_property="Template 3"))
    assert stale.title == documents.TITLE  # the heading the teacher sees, not a stale property
    no_title_heading = read_article(documents.build_docx(tmp_path / "b.docx", heading=""))
    assert no_title_heading.title == "On the water"  # the first heading there is
    no_heading = read_article(documents.build_docx(tmp_path / "c.docx", "Library boat", heading="", section=""))
    assert no_heading.title == "Library boat"


@pytest.mark.parametrize(("content", "words"), [
    ({"readme.txt": "hello"}, "a zip archive, not a Word document"),
    ({"word/document.xml": "<not xml"}, "not a readable Word document"),
])
def test_a_zip_that_is_not_a_word_document_is_one_clear_error(tmp_path, content, words):
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as package:
        for name, text in content.items():
            package.writestr(name, text)
    with pytest.raises(InputError, match=words):
        read_article(path)


# --- web addresses ----------------------------------------------------------------------------------------------

def test_a_web_page_is_fetched_and_keeps_its_address_as_the_source():
    with serve() as base:
        for route in ("/article", "/gzipped", "/moved", "/moved-twice", "/cookie-gate"):
            article = read_article(f"{base}{route}")
            assert article.title == ARTICLE_TITLE, route
            assert article.paragraphs == ARTICLE_PARAGRAPHS, route
            assert article.path == f"{base}{route}"
            assert article.date == "2026-03-03" and article.source == "The Island Courier"


def test_web_pdf_and_docx_are_read_by_content_type_or_sniffed_when_the_type_is_generic(tmp_path):
    pdf = documents.build_two_column_pdf(tmp_path / "a.pdf", pages=1).read_bytes()
    word = documents.build_docx(tmp_path / "a.docx").read_bytes()
    routes = {"/paper": (200, "application/pdf", pdf, {}), "/word": (200, readers.DOCX_TYPE, word, {}),
              "/download": (200, "application/octet-stream", pdf, {}),
              "/files/story.docx": (200, "application/octet-stream", word, {})}
    with serve(routes) as base:
        assert read_article(f"{base}/paper").title == documents.TITLE
        assert read_article(f"{base}/word").paragraphs[0] == documents.DOCX_PARAGRAPHS[0]
        assert read_article(f"{base}/download?id=7").title == documents.TITLE
        assert read_article(f"{base}/files/story.docx").paragraphs[0] == documents.DOCX_PARAGRAPHS[0]


@pytest.mark.parametrize(("route", "words"), [
    ("/nowhere", r"no such page \(HTTP 404"),
    ("/members", "behind a login or paywall"),
    ("/paywall", "not an article.*a paywall or consent page"),
    ("/cookies", "not an article.*a paywall or consent page"),
    ("/loop", "too many redirects"),
    ("/to-file", "only http and https"),
    ("/picture", "sent image/png, not a web page"),
    ("/broken", "the server answered HTTP 500"),
])
def test_each_web_failure_is_one_line(route, words):
    with serve() as base, pytest.raises(InputError, match=words) as caught:
        read_article(f"{base}{route}")
    assert "\n" not in str(caught.value) and str(caught.value).startswith(base)


def test_a_web_failure_after_download_names_the_address_as_given():
    routes = {"/binary": (200, "text/plain", b"\x00\x01\x02 binary", {})}
    with serve(routes) as base, pytest.raises(InputError, match=rf"^{base}/binary: looks like a binary file"):
        read_article(f"{base}/binary")


@pytest.mark.parametrize("address", ["http://[", "http://exa mple.org/", "https://example.org:99999/", "http://",
                                     "http://127.0.0.1:abc/"])
def test_a_malformed_address_is_one_clear_error(address):
    with pytest.raises(InputError, match=r"not a valid web address|no server name"):
        read_article(address)


def test_hostile_json_ld_is_ignored():
    deep = "[" * 100_000 + "]" * 100_000
    page = _page(f"<article>{SENTENCES}</article>", head=f"<script type='application/ld+json'>{deep}</script>"
                 "<script type='application/ld+json'>{not json</script>")
    assert read_bytes(page, "deep.html", suffix=".html").paragraphs == ARTICLE_PARAGRAPHS


def test_a_slow_server_times_out(monkeypatch):
    monkeypatch.setattr(url_reader, "TIMEOUT", 0.5)
    with serve() as base, pytest.raises(InputError, match=r"no answer within 0\.5 s"):
        read_article(f"{base}/slow")


def test_a_huge_page_is_cut_off_at_the_cap(monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 2 * 1024 * 1024)
    with serve() as base, pytest.raises(InputError, match="too large for an article"):
        read_article(f"{base}/huge")


def test_dns_failure_refused_connection_and_other_schemes():
    with pytest.raises(InputError, match=r"cannot find the server quizgen-test\.invalid"):
        read_article("http://quizgen-test.invalid/news")
    with socket.socket() as sock:  # a port nobody listens on: bound, never listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        with pytest.raises(InputError, match="refused the connection"):
            read_article(f"http://127.0.0.1:{port}/article")
    with pytest.raises(InputError, match="only http:// and https://"):
        read_article("ftp://example.org/story.html")


def test_a_folder_lists_pdf_and_docx_but_not_word_lock_files(tmp_path):
    from quizgen.inputs import expand_inputs

    for name in ("a.pdf", "b.docx", "~$b.docx", "c.txt", "notes.odt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.pdf", "b.docx", "c.txt"]
    assert expand_inputs(["-", "https://example.org/a", "-"]) == ["-", "https://example.org/a"]


def test_furniture_rules_finish_quickly_on_adversarial_lines():
    import time

    from quizgen.model import Article
    from quizgen.readers.furniture import tidy

    hostile = ("By Ann " + "and " * 20_000 + ",", "(" * 50_000, "LONDON " * 20_000 + "- x", "Share " * 20_000,
               "Photo: " + "x" * 100_000, "a.b@c." * 20_000, "Monday, 6 January 2020 " * 5_000,
               "cookies you " * 20_000, "Floods | " * 10_000)
    started = time.perf_counter()
    tidy(Article(title=" | ".join(hostile[:2]), paragraphs=hostile), "hostile.txt", page=True)
    for line in hostile:
        clean_title(line[:5_000])
        is_furniture(line[:399])  # just under the length past which a paragraph is never furniture
        is_notice(" ".join(line.split()[:90]))
    assert time.perf_counter() - started < 2.0


def test_note_time_of_an_input_without_a_file(monkeypatch):
    from quizgen.exporters.anki import FIXED_EPOCH, note_timestamp

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert note_timestamp(None, date="2026-03-03") == 1772496000.0  # midnight UTC of the article's date
    assert note_timestamp(None, date=None) == note_timestamp(None, date="not a date") == FIXED_EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert note_timestamp(None, date="2026-03-03") == 1700000000.0


def test_a_docx_with_an_external_entity_never_reads_the_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET LINE", encoding="utf-8")
    built = documents.build_docx(tmp_path / "plain.docx")
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                declaration, rest = text.split("?>", 1)
                text = (f'{declaration}?><!DOCTYPE w:document [<!ENTITY leak SYSTEM "file://{secret}">]>'
                        + rest.replace(documents.DOCX_PARAGRAPHS[2], documents.DOCX_PARAGRAPHS[2] + " &leak;"))
                data = text.encode("utf-8")
            target.writestr(item, data)
    article = read_article(hostile)  # python-docx parses with resolve_entities=False: the entity stays unread
    assert "TOP SECRET" not in article.text and documents.DOCX_PARAGRAPHS[2] in article.paragraphs
