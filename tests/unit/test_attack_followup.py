"""The second attack on quizgen (issue 15 follow-up): each class of input it found, built small here."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from quizgen.errors import InputWarning
from quizgen.model import Item, Quiz

# --- Template calls whose result size is known before they run (finding 4) -------------------------------------

@pytest.mark.parametrize("source", [
    "{{ ('a' * 40000) | replace('a', 'b' * 40000) }}",
    "{{ ('a' * 40000).replace('a', 'b' * 40000) }}",
    "{{ ('ab' * 100).replace('', 'c' * 5000) }}",
    "{{ range(1000) | list | tojson(indent=1000000) }}",
    "{{ ('\\n' * 50000) | indent(1000) }}",
    "{{ ('\\n' * 5000) | indent('y' * 5000) }}",
    "{{ range(1000) | map('string') | join('x' * 90000) }}",
    "{{ ('y' * 90000).join(range(1000) | map('string')) }}",
    "{{ ('\\t' * 50000).expandtabs(1000) }}",
    "{{ ('a b ' * 5000) | wordwrap(1, wrapstring='z' * 1000) }}",
    "{{ ('a' * 5000).translate({97: 'b' * 5000}) }}",
    "{{ ('%(a)s' * 2000) % {'a': 'x' * 1000} }}",
    "{{ ('{0}' * 2000).format('x' * 1000) }}",
    "{{ ('%(a)s' * 2000) | format(a='x' * 1000) }}",
    "{{ (1).to_bytes(300000000, 'big') | length }}",
    "{{ 'x'.encode().ljust(300000000) | length }}",
])
def test_a_call_whose_result_would_be_huge_is_refused_before_it_runs(source):
    from quizgen.templates.sandbox import BoundedSandbox, LimitExceededError, time_limit

    template = BoundedSandbox().from_string(source)
    with pytest.raises(LimitExceededError, match=r"would make|more than|repeats|pads to"), time_limit():
        template.render()


def test_the_same_calls_at_ordinary_sizes_still_work():
    from quizgen.templates.sandbox import BoundedSandbox, time_limit

    source = ("{{ 'ok' | replace('o', 'x') }}|{{ [1, 2] | join(', ') }}|{{ 'a\\tb'.expandtabs(4) }}|"
              "{{ {'a': [1]} | tojson(indent=2) }}|{{ 'a\\nb' | indent(2) }}|{{ '-'.join(['x', 'y']) }}|"
              "{{ '{0}-{1}'.format(1, 'b') }}|{{ '%(a)s!' % {'a': 2} }}|{{ 'one two' | wordwrap(3) }}|"
              "{{ '%(a)s?' | format(a=3) }}|{{ (258).to_bytes(2, 'big') | list }}")
    with time_limit():
        text = BoundedSandbox().from_string(source).render()
    assert text.split("|") == ["xk", "1, 2", "a   b", '{\n  "a": [\n    1\n  ]\n}', "a\n  b", "x-y", "1-b", "2!",
                               "one\ntwo", "3?", "[1, 2]"]


# --- GIFT reports each accepted answer it drops (finding 5) ------------------------------------------------------

def test_gift_reports_an_accepted_answer_it_drops_while_keeping_the_question(tmp_path):
    from quizgen.exporters.common import ExportSettings
    from quizgen.exporters.gift import write

    item = Item(id="s", type="short_answer", question="Which way did the ferry go?", answer="north",
                accepted=("north", "A->B"), source="s", paragraph=1, template="sa", fact="f1")
    notices = write(Quiz(title="T", slug="t", seed=0, requested=1, items=(item,), article_id="t"), tmp_path,
                    ExportSettings())
    text = (tmp_path / "t.gift.txt").read_text("utf-8")
    assert "=north" in text and "A->B" not in text
    assert len(notices) == 1 and "Q1" in notices[0] and "'A->B'" in notices[0]


# --- One stray byte in a UTF-8 article (finding 7) -----------------------------------------------------------------

def test_a_utf8_article_with_one_stray_byte_stays_utf8_and_the_line_is_named():
    from quizgen.readers.decode import read_text

    data = "Costs rose to £38 million.\nA stray byte here.\n".encode().replace(b"stray", b"stray \x92")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        text = read_text(data, Path("ferry.txt"))
    assert text == "Costs rose to £38 million.\nA stray ’ byte here.\n"
    messages = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    assert messages == ["1 byte that is not UTF-8 on line 2, read as Windows-1252; the rest is UTF-8"]


def test_a_real_windows_1252_article_still_reads_as_windows_1252():
    from quizgen.readers.decode import read_text

    data = "Café prices rose to £3.20, the owners said – “no choice”.\n".encode("cp1252")
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)
        assert read_text(data, Path("c.txt")) == "Café prices rose to £3.20, the owners said – “no choice”.\n"


# --- --deck is cleaned like a title (finding 10) -------------------------------------------------------------------

def test_the_parent_deck_name_loses_controls_and_direction_overrides_but_keeps_its_nesting():
    from quizgen.exporters.anki import deck_name

    assert deck_name("Ferry\u202e news", "Course\x1b[31m::\u202eUnit  1") == "Course[31m::Unit 1::Ferry news"
    assert deck_name("Ferry", "\x1b\u202e") == "Ferry"


# --- --formats accepts "all" anywhere (finding 11) ----------------------------------------------------------------

def test_all_anywhere_in_the_formats_list_means_every_format():
    from quizgen.cli import build_parser
    from quizgen.formats import FORMATS

    args = build_parser().parse_args(["make", "a.txt", "--formats", "pdf,all"])
    assert args.formats == ",".join(FORMATS)


# --- A table cell taller than a page in the worksheet (finding 2) --------------------------------------------------

def _matching(pairs: tuple[tuple[str, str], ...]) -> Item:
    return Item(id="m1", type="matching", question="Match each person to their role.", answer="…", pairs=pairs,
                source="x", paragraph=1, template="m", fact="people")


@pytest.mark.parametrize("pairs", [
    (("Isla Hendry", "role " * 1000), ("Tomas Aaberg", "engineer")),  # a right side of many lines
    (("crew " * 1200, "captain"), ("Tomas Aaberg", "engineer")),  # a left side of many lines
    (("Isla Hendry", "r" * 2000), ("Tomas Aaberg", "engineer")),  # one word wider than the column
], ids=["long-right", "long-left", "no-spaces"])
def test_a_matching_pair_taller_than_a_page_continues_on_the_next(tmp_path, pairs):
    from pypdf import PdfReader

    from quizgen.exporters.pdf import export_pdfs
    from tests.conftest import squash

    quiz = Quiz(title="Ferry", slug="f", seed=0, requested=1, items=(_matching(pairs),), article_id="f")
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    pages = PdfReader(str(tmp_path / "w.pdf")).pages
    text = squash("".join(page.extract_text() or "" for page in pages))
    longest = max(pairs[0], key=len)
    assert squash(longest) in text and "TomasAaberg" in text and "engineer" in text  # all of it, nothing cut
    assert len(pages) > 1 or " " not in longest


def test_a_word_bank_taller_than_a_page_continues_on_the_next(tmp_path):
    from pypdf import PdfReader

    from quizgen.exporters.pdf import export_pdfs

    long_blank = " ".join(f"tide{k}" for k in range(1200))
    cloze = Item(id="c1", type="cloze", question="(fill in)", answer=long_blank, blanks=(long_blank,),
                 cloze=f"The ferry sailed {{{{c1::{long_blank}}}}} at dawn.", source="The ferry sailed.",
                 paragraph=1, template="c", fact="c1")
    quiz = Quiz(title="Ferry", slug="f", seed=0, requested=1, items=(cloze,), article_id="f")
    export_pdfs(quiz, tmp_path / "w.pdf", tmp_path / "k.pdf")
    pages = PdfReader(str(tmp_path / "w.pdf")).pages
    text = "".join(page.extract_text() or "" for page in pages)
    assert len(pages) > 1 and "tide1199" in text and "at dawn" in text


def test_quiz_yaml_refuses_a_pair_side_past_the_text_limit_naming_file_line_and_field():
    from quizgen.errors import QuizFileError
    from quizgen.quizfile import dump_quiz, parse_quiz
    from quizgen.yamlio import MAX_TEXT

    quiz = Quiz(title="Ferry", slug="f", seed=0, requested=1, article_id="f",
                items=(_matching((("Isla Hendry", "captain"), ("Tomas Aaberg", "engineer"))),))
    text = dump_quiz(quiz)
    fits = parse_quiz(text.replace("engineer", "e" * MAX_TEXT), "quiz.yaml")
    assert fits.items[0].pairs[1][1] == "e" * MAX_TEXT
    with pytest.raises(QuizFileError, match=r"^quiz\.yaml:\d+: items\[0\]\.pairs\[1\]\.right: 10,001 characters"):
        parse_quiz(text.replace("engineer", "e" * (MAX_TEXT + 1)), "quiz.yaml")


def test_facts_yaml_refuses_a_description_past_the_text_limit():
    from quizgen.errors import FactsFileError
    from quizgen.factsfile import dump_facts, parse_facts
    from tests.unit.factories import sample_facts

    text = dump_facts(sample_facts())
    edited = text.replace("description: a hydrologist at Castleford University",
                          "description: " + "hydrologist " * 1000, 1)
    assert edited != text
    with pytest.raises(FactsFileError, match=r"^facts\.yaml:\d+: entities\[\d+\]\.description: 11,999 characters"):
        parse_facts(edited, "facts.yaml")


# --- A time budget per template per article (finding 6) ------------------------------------------------------------

def test_a_template_past_its_time_budget_makes_no_more_candidates_and_is_named():
    from quizgen.errors import TemplateBudgetWarning
    from quizgen.templates import Template, evaluate, template_budget

    slow = Template(id="slow-one", kind="short_answer", applies_to="entity", question="Q?", path="mine/slow.yaml",
                    when="(range(1000) | map('string') | join(',')) | length > 0")
    quick = Template(id="quick-one", kind="short_answer", applies_to="entity", question="Q?", path="mine/q.yaml",
                     when="true")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TemplateBudgetWarning)
        with template_budget(seconds=0.02):
            slow_results = [evaluate(slow, {}) for _ in range(2000)]
            assert evaluate(quick, {})  # each template has its own budget
        assert evaluate(slow, {})  # the budget is per article: outside it, no limit
    assert slow_results[0] and not slow_results[-1] and slow_results.count(True) < 2000
    messages = [str(w.message) for w in caught if issubclass(w.category, TemplateBudgetWarning)]
    assert len(messages) == 1 and "slow-one" in messages[0] and "mine/slow.yaml" in messages[0]


def test_generating_a_quiz_runs_each_template_within_its_budget(monkeypatch):
    import quizgen.templates
    from quizgen import api
    from quizgen.errors import TemplateBudgetWarning
    from quizgen.templates import Template
    from tests.unit.factories import sample_facts

    slow = Template(id="slow-one", kind="short_answer", applies_to="entity", path="mine/slow.yaml",
                    when="(range(1000) | map('string') | join(',')) | length > 0",
                    question="Who is {{ entity.name }}?", answer="{{ entity.name }}")

    def tried(quiz) -> set[str]:  # the facts the template was tried on: chosen or dropped, a candidate either way
        return {i.fact for i in quiz.items} | {d.fact for d in quiz.dropped}

    assert len(tried(api.generate_quiz(sample_facts(), templates=[slow]))) > 1
    monkeypatch.setattr(quizgen.templates, "TEMPLATE_BUDGET", 0.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TemplateBudgetWarning)
        quiz = api.generate_quiz(sample_facts(), templates=[slow])
    assert len(tried(quiz)) == 1  # the first fact spent the budget; no later fact was tried
    assert [str(w.message) for w in caught if issubclass(w.category, TemplateBudgetWarning)] == [
        "template slow-one (mine/slow.yaml) used its 0 s of CPU time on this article and made no more questions "
        "from it"]
