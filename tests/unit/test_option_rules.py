"""Options of the right kind: who-said options that could have said the words, number options in the answer's form
and feasible under the sentence, true/false swaps of like for like. Each rule on hand-built facts."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from quizgen.generate.distractors import (
    SPEAKER_OPTION_RULES,
    cut_short,
    entity_distractors,
    fine_kind,
    lone_round_answer,
    name_twin,
    number_distractors,
    shown_dead,
    speaker_kind,
    speaker_option_problem,
)
from quizgen.model import Entity, FactSheet, NumberFact, Quote, Sentence


def _sheet(*texts: str, entities: tuple[Entity, ...] = (), quotes: tuple[Quote, ...] = (),
           numbers: tuple[NumberFact, ...] = (), title: str = "A harbour gallery opens its doors") -> FactSheet:
    return FactSheet(title=title, slug="t", sentences=tuple(Sentence(i, i, t) for i, t in enumerate(texts)),
                     entities=entities, quotes=quotes, numbers=numbers)


def _person(key: str, name: str, sentence: int = 0, **kw) -> Entity:
    return Entity(f"e-{key}", name, "PERSON", sentence, **{"mentions": 2, **kw})


# --- who said it -------------------------------------------------------------------------------------------------

def test_a_person_the_quotation_names_is_no_speaker_option():
    vale = _person("vale", "Rhys Vale", aliases=("Vale",))
    quote = Quote("q", "Vale will lead the side in the autumn", "Owen Pryce", 0)
    facts = _sheet("“Vale will lead the side in the autumn,” said Owen Pryce.", entities=(vale,), quotes=(quote,))
    assert speaker_option_problem(vale, quote, facts) == "the quotation speaks of them by name"


def test_a_person_the_quotation_calls_he_is_no_speaker_option():
    subject = _person("marr", "Ivo Marr", gender="male")
    other = _person("sand", "Lea Sand", gender="female")
    quote = Quote("q", "His pictures changed how we saw the harbour", "Ada Kell", 0)
    facts = _sheet("“His pictures changed how we saw the harbour,” Ada Kell said of Ivo Marr.",
                   entities=(subject, other), quotes=(quote,))
    assert speaker_option_problem(subject, quote, facts) == "the quotation speaks of them as 'he' or 'she'"
    assert speaker_option_problem(other, quote, facts) is None  # a woman is not the 'his' of the quotation


def test_a_man_named_in_the_headline_is_not_the_her_of_a_quotation():
    subject = _person("marr", "Ivo Marr", gender="male")
    rival = _person("cole", "Peter Cole")  # the article shows no gender; the first name suggests one
    quote = Quote("q", "October was a good month for her", "Ada Kell", 0)
    facts = _sheet("“October was a good month for her,” said Ada Kell.", entities=(subject, rival),
                   quotes=(quote,), title="Ivo Marr and Peter Cole trail Lea Sand")
    assert speaker_option_problem(rival, quote, facts) is None
    assert speaker_option_problem(subject, quote, facts) is None


def test_a_person_named_just_before_a_quotation_about_him_is_no_speaker_option():
    subject = _person("marr", "Ivo Marr", gender="male")
    quote = Quote("q", "He never stopped walking the quay", "Ada Kell", 1)
    texts = ("Ivo Marr took every picture in the show.", "“He never stopped walking the quay,” said Ada Kell.")
    same_paragraph = FactSheet(title="Prints go on show", slug="t", entities=(subject,), quotes=(quote,),
                               sentences=(Sentence(0, 0, texts[0]), Sentence(1, 0, texts[1])))
    assert speaker_option_problem(subject, quote, same_paragraph) is not None
    apart = replace(same_paragraph, sentences=(Sentence(0, 0, texts[0]), Sentence(1, 1, texts[1])))
    assert speaker_option_problem(subject, quote, apart) is None


def test_the_story_subject_named_in_the_headline_is_not_the_speaker_of_a_quotation_about_him():
    subject = _person("marr", "Ivo Marr", gender="male")
    quote = Quote("q", "He kept every print he ever made", "Ada Kell", 0)
    facts = _sheet("“He kept every print he ever made,” said Ada Kell.", entities=(subject,), quotes=(quote,),
                   title="Ivo Marr prints go on show")
    assert speaker_option_problem(subject, quote, facts) is not None
    neutral = Quote("q2", "We kept every print we could find", "Ada Kell", 0)
    assert speaker_option_problem(subject, neutral, facts) is None


@pytest.mark.parametrize("sentence", [
    "The show marks ten years since the death of Ivo Marr.",
    "Prints by the late Ivo Marr hang in the hall.",
    "Ivo Marr, who died in 2015, took them all.",
    "Ivo Marr's legacy is the harbour itself.",
    "A memorial to Ivo Marr stands by the quay.",
    "Ivo Marr (1931-2015) took them all.",
    "Ivo Marr's sudden death shocked the town.",
])
def test_a_person_the_article_shows_dead_is_no_speaker_option(sentence):
    subject = _person("marr", "Ivo Marr")
    quote = Quote("q", "We kept every print we could find", "Ada Kell", 1)
    facts = _sheet(sentence, "“We kept every print we could find,” said Ada Kell.", entities=(subject,),
                   quotes=(quote,))
    assert shown_dead(subject, facts)
    assert speaker_option_problem(subject, quote, facts) == "the article shows they are dead"


def test_a_living_person_is_not_shown_dead():
    subject = _person("marr", "Ivo Marr")
    facts = _sheet("Ivo Marr said the death toll had fallen.", "Ivo Marr opened the gallery.", entities=(subject,))
    assert not shown_dead(subject, facts)


def test_a_legacy_shows_death_only_for_a_person_the_article_never_quotes():
    subject = _person("marr", "Ivo Marr")
    texts = ("Ivo Marr's photo legacy fills the hall.", "“It is a gift,” said Ada Kell.")
    unquoted = _sheet(*texts, entities=(subject,), quotes=(Quote("q", "It is a gift", "Ada Kell", 1),))
    assert shown_dead(subject, unquoted)
    quoted = _sheet(*texts, "“I am proud of it,” said Ivo Marr.", entities=(subject,),
                    quotes=(Quote("q", "It is a gift", "Ada Kell", 1),
                            Quote("q2", "I am proud of it", "Ivo Marr", 2, speaker_id="e-marr")))
    assert not shown_dead(subject, quoted)


@pytest.mark.parametrize("sentence", [
    "Few still use the IE browser at work.",
    "A version of IE shipped with every machine.",
    "Few schools still run IE6 on their machines.",
    "The plan was first described in a report in IE on Monday.",
])
def test_a_product_tagged_as_a_person_is_no_speaker_option(sentence):
    thing = _person("ie", "IE")
    quote = Quote("q", "Nobody should use it any more", "Ada Kell", 1)
    facts = _sheet(sentence, "“Nobody should use it any more,” said Ada Kell.", entities=(thing,), quotes=(quote,))
    assert speaker_option_problem(thing, quote, facts).startswith("not a person")


def test_a_product_tagged_as_a_body_is_no_option_among_bodies_but_a_firm_beside_its_goods_is():
    microsoft = Entity("e-ms", "Harbour Soft", "ORG", 0, mentions=3)
    browser = Entity("e-ie", "HB", "ORG", 0, mentions=3)
    maker = Entity("e-nk", "Quay Phones Ltd", "ORG", 0, mentions=3)
    quote = Quote("q", "We will stop supporting it", "Harbour Soft", 2, speaker_id="e-ms")
    facts = _sheet("Few schools still run HB6 on their machines.", "Quay Phones Ltd phones sold well.",
                   "“We will stop supporting it,” Harbour Soft said.", entities=(microsoft, browser, maker),
                   quotes=(quote,))
    assert speaker_option_problem(browser, quote, facts).startswith("not a body")
    assert speaker_option_problem(maker, quote, facts) is None


def test_a_person_beside_a_score_or_a_platform_is_still_a_person():
    kell = _person("kell", "Ana Kell")
    quote = Quote("q", "Nobody should doubt her any more", "Ada Kell", 2)
    facts = _sheet("Ana Kell won 6-2 7-6 on Sunday.", "The Ana Kell platform won votes.",
                   "“Nobody should doubt her any more,” said Ada Kell.", entities=(kell,), quotes=(quote,))
    assert speaker_option_problem(kell, quote, facts) is None


def test_an_acronym_of_a_product_and_a_team_are_no_people():
    thing = _person("ie", "IE")
    product = Entity("e-ie-long", "Internet Explorer", "PRODUCT", 0)
    team = _person("team", "Harwick United")
    quote = Quote("q", "Nobody should use it any more", "Ada Kell", 1)
    facts = _sheet("Internet Explorer is old.", "“Nobody should use it any more,” said Ada Kell.",
                   entities=(thing, product, team), quotes=(quote,))
    assert speaker_option_problem(thing, quote, facts).startswith("not a person")
    assert speaker_option_problem(team, quote, facts).startswith("not a person")


def test_no_speaker_option_rule_fires_on_a_fair_option():
    fair = _person("ros", "Nia Ros", description="the gallery's curator")
    speaker = _person("kell", "Ada Kell")
    quote = Quote("q", "We kept every print we could find", "Ada Kell", 0, speaker_id="e-kell")
    facts = _sheet("“We kept every print we could find,” said Ada Kell.", "Nia Ros opened the show.",
                   entities=(fair, speaker), quotes=(quote,))
    assert len(SPEAKER_OPTION_RULES) == 13
    assert [rule(fair, quote, facts) for rule in SPEAKER_OPTION_RULES] == [None] * 13


_TRUST = Entity("e-trust", "Harbour Trust", "ORG", 0, mentions=3)
_OWN_SIDE = "the speaker's own organisation, or the person speaking for it: both could have said the words"


@pytest.mark.parametrize("sentence", [
    "“We kept every print we could find,” said Harbour Trust spokeswoman Ada Kell.",
    "“We kept every print we could find,” said Ada Kell, head of collections at the Harbour Trust.",
    "“We kept every print we could find,” said Ada Kell of the Harbour Trust.",
    "“We kept every print we could find,” a spokeswoman for the Harbour Trust, Ada Kell, said.",
    "“We kept every print we could find,” said Ada Kell, the Harbour Trust's archivist.",
    "“We kept every print we could find,” said Harbour Trust's head of Trade Policy, Ada Kell.",
    "“We kept every print we could find,” Ada Kell, Harbour Trust's head of Trade Policy, said.",
    "“We kept every print we could find,” said Ada Kell of Harbour Trust.",
])
def test_the_speaker_s_own_organisation_is_no_option_and_the_reverse(sentence):
    kell = _person("kell", "Ada Kell", aliases=("Kell",))
    by_kell = Quote("q", "We kept every print we could find", "Ada Kell", 0, speaker_id="e-kell")
    by_trust = Quote("q2", "We kept every print we could find", "Harbour Trust", 0, speaker_id="e-trust")
    facts = _sheet(sentence, entities=(kell, _TRUST), quotes=(by_kell,))
    assert speaker_option_problem(_TRUST, by_kell, facts) == _OWN_SIDE
    assert speaker_option_problem(kell, by_trust, facts) == _OWN_SIDE


def test_an_organisation_named_in_the_role_or_giving_the_statement_is_no_option():
    kell = _person("kell", "Ada Kell", description="the Harbour Trust's archivist")
    quote = Quote("q", "We kept every print we could find", "Ada Kell", 1, speaker_id="e-kell")
    facts = _sheet("Ada Kell opened the show.", "“We kept every print,” Ada Kell said.", entities=(kell, _TRUST),
                   quotes=(quote,))
    assert speaker_option_problem(_TRUST, quote, facts) == _OWN_SIDE
    kell = replace(kell, description=None)
    facts = _sheet("Ada Kell opened the show.", "“We kept every print,” Ada Kell said in a statement from the "
                   "Harbour Trust.", entities=(kell, _TRUST), quotes=(quote,))
    assert speaker_option_problem(_TRUST, quote, facts) == _OWN_SIDE


@pytest.mark.parametrize("sentence", [
    "“We kept every print we could find,” said Ada Kell after the Harbour Trust sold the pier.",
    "“We kept every print we could find,” said Ada Kell, who sued the Harbour Trust last year.",
    "Ada Kell, Harbour Trust and the council met on Monday.",
])
def test_an_organisation_merely_named_beside_the_speaker_is_not_its_side_but_no_option_among_people(sentence):
    kell = _person("kell", "Ada Kell")
    quote = Quote("q", "We kept every print we could find", "Ada Kell", 0, speaker_id="e-kell")
    facts = _sheet(sentence, entities=(kell, _TRUST), quotes=(quote,))
    own_side = next(rule for rule in SPEAKER_OPTION_RULES if rule.__name__ == "_speakers_own_side")
    assert own_side(_TRUST, quote, facts) is None
    assert speaker_option_problem(_TRUST, quote, facts) == "of another kind (org) than the speaker (person)"


def test_a_speaker_called_its_organisation_s_head_of_something_in_the_next_sentence_speaks_for_it():
    kell = _person("kell", "Ada Kell")
    by_kell = Quote("q", "We kept every print we could find", "Ada Kell", 1, speaker_id="e-kell")
    facts = _sheet("The Harbour Trust bought the old pier in May.",
                   "“We kept every print we could find,” said Ada Kell, its head of collections.",
                   entities=(kell, _TRUST), quotes=(by_kell,))
    assert speaker_option_problem(_TRUST, by_kell, facts) == _OWN_SIDE
    elsewhere = _sheet("The Harbour Trust bought the old pier in May.", "The council met on Monday.",
                       "“We kept every print we could find,” said Ada Kell, its head of collections.",
                       entities=(kell, _TRUST), quotes=(replace(by_kell, sentence=2),))
    own_side = next(rule for rule in SPEAKER_OPTION_RULES if rule.__name__ == "_speakers_own_side")
    assert own_side(_TRUST, replace(by_kell, sentence=2), elsewhere) is None  # 'its' reaches back one sentence only


def test_a_body_tagged_as_a_person_is_a_body_and_its_spokesman_speaks_for_it():
    firm = _person("elbe", "Elbe Re", mentions=1, description="the world's biggest reinsurer")
    aid = _person("aid", "Harbour Help", mentions=2)
    kell = _person("kell", "Ada Kell", description="Harbour Help's head of Trade Policy")
    ros = _person("ros", "Nia Ros")
    by_ros = Quote("q", "It is too early to count the cost", "Nia Ros", 0, speaker_id="e-ros")
    by_aid = Quote("q2", "It is too early to count the cost", "Harbour Help", 0, speaker_id="e-aid")
    facts = _sheet("“It is too early to count the cost,” said Nia Ros.", "Elbe Re and Harbour Help spoke later.",
                   entities=(firm, aid, kell, ros), quotes=(by_ros,))
    assert (speaker_kind(firm, facts), speaker_kind(aid, facts), speaker_kind(kell, facts)) == ("ORG", "ORG", "PERSON")
    assert speaker_option_problem(firm, by_ros, facts).startswith("not a person")
    assert speaker_option_problem(aid, by_ros, facts).startswith("not a person")
    assert speaker_option_problem(kell, by_aid, facts) == _OWN_SIDE


@pytest.mark.parametrize("sentence", [
    "Their song “Harbour Lights” topped the charts.",
    "Harbour Lights! was the biggest hit of the year.",
    "The single Harbour Lights sold a million copies.",
    "Their new single Harbour Lights sold a million copies.",
    "It was the film Harbour Lights that made her name.",
])
def test_a_song_or_film_tagged_as_a_person_is_a_work_and_no_option(sentence):
    assert speaker_kind(_person("kell", "Ada Kell"), _sheet("The crowd chanted “Let us love Ada Kell!” for an hour.",
                                                           "They cheered Ada Kell! The band played on.",
                                                           "Images show Ada Kell at the harbour.",
                                                           "The book, Ada Kell's Harbour, came out.",
                                                           "The reports show Ada Kell ahead.")) == "PERSON"
    # A person with a gender, or a full name opening with a first name, stays a person.
    assert speaker_kind(_person("jo", "Jo", gender="male"), _sheet("Jo! was the slogan.")) == "PERSON"
    assert speaker_kind(_person("tom", "Tom Kell"), _sheet("Tom Kell! was everywhere that year.")) == "PERSON"
    song = _person("song", "Harbour Lights")
    quote = Quote("q", "We kept every print we could find", "Ada Kell", 0, speaker_id="e-kell")
    facts = _sheet("“We kept every print we could find,” said Ada Kell.", sentence,
                   entities=(_person("kell", "Ada Kell"), song), quotes=(quote,))
    assert speaker_kind(song, facts) == "WORK"
    assert speaker_option_problem(song, quote, facts).startswith("not a person")


def test_a_band_is_its_own_kind_and_a_person_stays_a_person():
    facts = _sheet("UK rock band Quayside won, and hip-hop duo Tidewater played.", "Ada Kell sang “Home” with them.")
    quayside = Entity("e-q", "Quayside", "ORG", 0, mentions=2)
    tidewater = Entity("e-t", "Tidewater", "ORG", 0, mentions=2)
    described = Entity("e-d", "Pier Nine", "ORG", 0, mentions=2, description="UK rock band")
    assert [speaker_kind(e, facts) for e in (quayside, tidewater, described)] == ["BAND"] * 3
    assert speaker_kind(_person("kell", "Ada Kell"), facts) == "PERSON"
    assert speaker_kind(Entity("e-f", "Harbour Trust", "ORG", 0), facts) == "ORG"
    member = _person("benny", "Marl Vosk", description="aka Benny from the harbour writing group")
    assert speaker_kind(member, facts) == "PERSON"  # a member of a group, not the group


@pytest.mark.parametrize(("name", "sentence", "cut"), [
    ("Ada", "The album saw Ada 3000 and Big Kell each produce one disc.", True),
    ("Kell Partners", "Nia Ros, of JB Kell Partners, said prices would rise.", True),
    ("Ada Kell", "The award went to Ada Kell 12 years after her debut.", False),  # a count of the next word
    ("Ada", "Ada 3000, the singer, thanked the crowd.", True),
    ("Ada", "Ada 3000 thanked the crowd.", True),
    ("Ada Kell", "Ada Kell 2004 was a long year.", False),  # a year
    ("Ada Kell", "Ada Kell won 6-2 7-6 on Sunday.", False),  # a score after the name
    ("Ada Kell", "HTA Ada Kell spoke first.", False),  # 'HTA' names another entity
    ("Ada Kell", "They met at a dinner hosted by deputy PM Ada Kell in May.", False),  # a title
    ("Ada Kell", "He saw the death of Navy SEAL Ada Kell in May.", False),  # capitals after a capitalised word
    ("Ada Kell", "Ada Kell 3000 is a stage name, but Ada Kell spoke.", False),  # one mention is whole
])
def test_a_name_cut_from_a_longer_one(name, sentence, cut):
    hta = Entity("e-hta", "HTA", "ORG", 0, mentions=2)
    entity = _person("x", name)
    facts = _sheet(sentence, entities=(entity, hta))
    assert cut_short(entity, facts) is cut
    if cut:
        quote = Quote("q", "We kept every print we could find", "Nia Ros", 0, speaker_id="e-ros")
        assert speaker_option_problem(entity, quote, facts) == "a name cut short from a longer one"


def test_a_surname_alone_is_no_option_beside_a_full_name():
    quote = Quote("q", "We kept every print we could find", "Ada Kell", 0, speaker_id="e-kell")
    facts = _sheet("“We kept every print we could find,” said Ada Kell.",
                   entities=(_person("kell", "Ada Kell"), _person("stephens", "Stephens")), quotes=(quote,))
    assert speaker_option_problem(facts.entities[1], quote, facts) == "a surname alone beside full names"


def test_a_first_name_alone_the_publisher_and_a_person_among_bodies_are_no_options():
    quote = Quote("q", "We kept every print we could find", "Harbour Trust", 0, speaker_id="e-trust")
    trust = Entity("e-trust", "Harbour Trust", "ORG", 0, mentions=3)
    bob = _person("bob", "Bob")
    outlet = _person("pol", "Harbour Post")  # tagged as a person
    own = _person("own", "Quayside")
    holden = Entity("e-holden", "Mark Holden", "ORG", 0, mentions=2)
    facts = replace(_sheet("“We kept every print we could find,” the Harbour Trust said.",
                           entities=(trust, bob, outlet, own, holden), quotes=(quote,)), source="Quayside")
    assert speaker_option_problem(bob, quote, facts) == "a first name alone"
    assert speaker_option_problem(own, quote, facts) == "the article's own publisher"
    assert speaker_option_problem(holden, quote, facts) == "a person among organisations"
    assert fine_kind(outlet) == "OUTLET" and speaker_option_problem(outlet, quote, facts).startswith("not a person")
    assert fine_kind(Entity("e", "Weak - Rubio", "PERSON", 0)) == "FRAGMENT"
    assert fine_kind(holden) == "PERSON"  # so a speaker tagged as a body is never asked about among bodies
    assert fine_kind(Entity("e", "Hillary PAC", "ORG", 0)) == "ORG"
    senate = Entity("e-senate", "Harbour Senate", "ORG", 0, mentions=3)
    union = Entity("e-union", "Ferry Union", "ORG", 0, mentions=3)
    sheet = _sheet("A sentence.", entities=(holden, senate, union, trust))
    assert entity_distractors(holden, sheet, "Who said: “No”?", 3, random.Random(0)) == []


@pytest.mark.parametrize(("a", "b", "twin"), [
    ("Water", "Kathryn Waters", True),  # a surname-only twin with a typo
    ("Kathryn Water", "Kathryn Waters", True),  # a typo
    ("Waters", "Kathryn Waters", True),  # surname only
    ("Gary Neville", "Phil Neville", False),  # two people of one family
    ("Ana Lima", "Bo Chen", False),
    ("Lee", "Ann Lee", False),  # too short to tell a typo from a name
])
def test_typo_and_surname_only_twins(a, b, twin):
    assert name_twin(a, b) is twin
    assert name_twin(b, a) is twin


def test_who_said_options_leave_out_a_twin_and_prefer_speakers_then_a_similar_role():
    answer = _person("waters", "Kathryn Waters", description="the gallery's curator")
    twin = _person("water", "Water", mentions=5)
    curator = _person("ros", "Nia Ros", description="a curator at the city museum", mentions=2)
    clerk = _person("pim", "Sol Pim", description="a council clerk", mentions=4)
    speaker = _person("kell", "Ada Kell", mentions=2)
    facts = _sheet("A sentence.", entities=(answer, twin, curator, clerk, speaker))
    options = entity_distractors(answer, facts, "Who said: “It is a gift”?", 3, random.Random(0),
                                 prefer=["Ada Kell", "Water"])
    assert options == ["Ada Kell", "Nia Ros", "Sol Pim"]


def test_who_said_item_is_dropped_when_fewer_than_two_fair_distractors_remain():
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    speaker = _person("kell", "Ada Kell", description="the gallery's curator", gender="female")
    other = _person("ros", "Nia Ros", description="the museum's director", gender="female")
    subject = _person("marr", "Ivo Marr", description="a photographer", gender="male")
    quotes = (Quote("q1", "His pictures changed how we all saw the harbour", "Ada Kell", 1, speaker_id="e-kell",
                    cue="said"),
              Quote("q2", "We will lend the prints to schools across the region", "Nia Ros", 2, speaker_id="e-ros",
                    cue="said"))
    facts = _sheet("Prints by the late Ivo Marr went on show in Harwick on Monday.",
                   "“His pictures changed how we all saw the harbour,” said Ada Kell, the gallery's curator.",
                   "“We will lend the prints to schools across the region,” said Nia Ros, the museum's director.",
                   entities=(speaker, other, subject), quotes=quotes, title="Ivo Marr prints go on show")
    template = [t for t in load_templates() if t.id == "quote-speaker"]
    quiz = generate_quiz(facts, template, count=5, seed=0)
    assert "Ivo Marr" not in {o for i in quiz.items for o in i.options}
    assert not quiz.items  # two fair options only (the answer and one other speaker): no item
    assert any("distractor" in d.reason for d in quiz.dropped)


def _org_quote_sheet(extra_bodies: int) -> FactSheet:
    """'Harbour Trust' speaks among two people, and `extra_bodies` other organisations speak too."""
    bodies = [Entity("e-trust", "Harbour Trust", "ORG", 0, mentions=3),
              *(Entity(f"e-b{i}", name, "ORG", i + 1, mentions=2)
                for i, name in enumerate(("Ferry Union", "Port Authority", "Dock Council")[:extra_bodies]))]
    people = [_person("kell", "Ada Kell", description="the gallery's curator"),
              _person("ros", "Nia Ros", description="the museum's director")]
    said = [(e, f"We will open the {w} gallery in the spring") for e, w in
            zip([*bodies, *people], ("east", "west", "north", "south", "upper", "lower"), strict=False)]
    sentences = [f"“{text},” {e.name} said." for e, text in said]
    quotes = tuple(Quote(f"q{i}", text, e.name, i, speaker_id=e.id, cue="said") for i, (e, text) in enumerate(said))
    return _sheet(*sentences, entities=(*bodies, *people), quotes=quotes, title="Harbour galleries reopen")


@pytest.mark.parametrize(("extra_bodies", "asked"), [(0, False), (2, False), (3, True)])
def test_who_said_about_an_organisation_only_when_three_other_organisations_spoke(extra_bodies, asked):
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    facts = _org_quote_sheet(extra_bodies)
    template = [t for t in load_templates() if t.id == "quote-speaker"]
    quiz = generate_quiz(facts, template, count=10, seed=0)
    about_trust = [i for i in quiz.items if i.answer == "Harbour Trust"]
    assert bool(about_trust) is asked
    for item in quiz.items:  # every option of the answer's kind: people with people, bodies with bodies
        people = {"Ada Kell", "Nia Ros"}
        assert len({o in people for o in item.options}) == 1, item.options


def test_programmes_and_laws_are_their_own_kind():
    assert fine_kind(Entity("o1", "Social Security", "ORG", 0)) == "PROGRAMME"
    assert fine_kind(Entity("o2", "Clean Harbours Act", "LAW", 0)) == "PROGRAMME"
    assert fine_kind(Entity("o3", "Department of Homeland Security", "ORG", 0)) == "ORG"
    assert fine_kind(Entity("o4", "Harbour Board", "ORG", 0)) == "ORG"
    congress = Entity("o5", "Harbour Assembly", "ORG", 0, mentions=3)
    facts = _sheet("A sentence.", entities=(congress, Entity("o1", "Social Security", "ORG", 0, mentions=3),
                                            Entity("o6", "Port Authority", "ORG", 0, mentions=3)))
    assert entity_distractors(congress, facts, "Who will debate it?", 3, random.Random(0)) == ["Port Authority"]


# --- numbers: the answer's form, feasible under its sentence ---------------------------------------------------

def _number_sheet(sentence: str, *numbers: NumberFact) -> FactSheet:
    return _sheet(sentence, numbers=numbers)


def _first_value(option: str) -> float:
    import re

    digits = re.search(r"\d[\d,]*(?:\.\d+)?", option).group(0)
    return float(digits.replace(",", ""))


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("4.8%", "percent", 4.8),
    ("3.5%", "percent", 3.5),
    ("$4.8bn", "money", 4.8e9),
    ("29%", "percent", 29.0),
    ("29", "count", 29.0),
    ("£38 million", "money", 38e6),
])
def test_number_options_keep_the_answers_precision_and_are_never_all_round(text, kind, value):
    answer = NumberFact("n", text, kind, 0, value=value)
    options = number_distractors(answer, _number_sheet(f"The figure was {text} last year.", answer), 3)
    assert len(options) == 3
    shown = [_first_value(o) for o in options]
    if "." in text:  # every option to the answer's decimals, none ending in 0
        assert all("." in o and round(v * 10) % 10 != 0 for o, v in zip(options, shown, strict=True))
    elif kind == "percent":  # '29%' among 15%, 45%, 60% would be the only real figure
        assert all(v % 5 != 0 for v in shown)
    else:
        assert not all(v % 5 == 0 for v in shown)


def test_an_answer_of_one_or_more_takes_no_option_below_one():
    answer = NumberFact("n", "£1.35 million", "money", 0, value=1.35e6)
    options = number_distractors(answer, _number_sheet("The budget is £1.35 million a year.", answer), 3)
    assert len(options) == 3 and not any(o.startswith("£0.") for o in options)


def test_a_round_answer_keeps_round_options():
    answer = NumberFact("n", "40%", "percent", 0, value=40.0)
    options = number_distractors(answer, _number_sheet("Turnout was 40% in May.", answer), 3)
    assert options and all(_first_value(o) % 5 == 0 for o in options)


@pytest.mark.parametrize(("sentence", "text", "value", "check"), [
    # part and whole, even when the whole is not among the extracted figures
    ("Only 5 out of 8 agencies replied to the survey.", "5", 5.0, lambda v: v < 8),
    ("Just 5 of the 18 ferries sailed on Monday.", "5", 5.0, lambda v: v < 18),
    ("Just 12 of the 40 principals signed the letter.", "40", 40.0, lambda v: v > 12),
    # a fall keeps the new figure below the old one; a rise above it
    ("Visitor numbers fell to 290,000, down from 311,764 a year before.", "290,000", 290000.0,
     lambda v: v < 311764),
    ("In 2024 the show drew 4,812 visitors in its first week, up from 3,950.", "4,812", 4812.0, lambda v: v > 3950),
    ("The council cut the waiting time from 18 months to 12 months.", "12 months", 12.0, lambda v: v < 18),
    ("Membership rose from 1,200 to 4,700 in a decade.", "4,700", 4700.0, lambda v: v > 1200),
    ("The share had risen to 4.8% this year, from 3.1% last year.", "4.8%", 4.8, lambda v: v > 3.1),
    ("Fares fell to 40% of the old price, from 65% in May.", "40%", 40.0, lambda v: v < 65),
])
def test_number_options_are_feasible_under_the_sentences_own_words(sentence, text, value, check):
    kind = "duration" if "month" in text else "percent" if "%" in text else "count"
    answer = NumberFact("n", text, kind, 0, value=value)
    options = number_distractors(answer, _number_sheet(sentence, answer), 3)
    assert len(options) >= 2 and all(check(_first_value(o)) for o in options)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), [
    ("Harwick scored twice in the second half of the game.", "half", "fraction", 0.5),
    ("For the first time, one day of the festival was free.", "one", "count", 1.0),
    ("A half-dozen of the seats are in coastal towns.", "half", "fraction", 0.5),
    ("He wants a harbour that works for everyone, not just the top 1 percent of owners.", "1 percent", "percent",
     1.0),
])
def test_a_figure_inside_a_fixed_phrase_takes_no_options(sentence, text, kind, value):
    answer = NumberFact("n", text, kind, 0, value=value)
    assert number_distractors(answer, _number_sheet(sentence, answer), 3) == []


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), [
    ("The prints, given in 2007, arrived 20 years after the 1987 show.", "1987", "year", 1987.0),
    ("The prints, given in 2007, arrived 20 years after the 1987 show.", "20 years", "duration", 20.0),
    ("The prints were given in 2011, two decades after the 1991 show.", "1991", "year", 1991.0),
])
def test_a_figure_the_sentence_computes_takes_no_options(sentence, text, kind, value):
    answer = NumberFact("n", text, kind, 0, value=value)
    assert number_distractors(answer, _number_sheet(sentence, answer), 3) == []


def test_a_year_keeps_its_place_among_the_sentences_other_years():
    answer = NumberFact("n", "2003", "year", 0, value=2003.0)
    sentence = "The yard, founded in 1998, closed in 2003 and reopened in 2010."
    options = number_distractors(answer, _number_sheet(sentence, answer), 3)
    assert len(options) >= 2 and all(1998 < int(o) < 2010 for o in options)


def test_a_year_the_sentence_does_not_compute_keeps_its_options():
    answer = NumberFact("n", "1987", "year", 0, value=1987.0)
    assert len(number_distractors(answer, _number_sheet("The show opened in 1987 and closed in 2007.", answer),
                                  3)) == 3


def test_one_of_a_singular_noun_takes_no_options():
    answer = NumberFact("n", "one", "count", 0, value=1.0)
    assert number_distractors(answer, _number_sheet("Trade is only one factor among many.", answer), 3) == []
    assert number_distractors(answer, _number_sheet("Only one in ten boats sailed.", answer), 3)


def test_upward_of_is_a_floor():
    answer = NumberFact("n", "$20", "money", 0, value=20.0)
    options = number_distractors(answer, _number_sheet("They could earn upward of $20 an hour.", answer), 3)
    assert options and all(_first_value(o) > 20 for o in options)


def test_a_doubled_hedge_takes_no_options():
    answer = NumberFact("n", "around roughly 500", "count", 0, value=500.0, hedge="around")
    assert number_distractors(answer, _number_sheet("It drew around roughly 500 people.", answer), 3) == []
    single = NumberFact("n", "around 500", "count", 0, value=500.0, hedge="around")
    options = number_distractors(single, _number_sheet("It drew around 500 people.", single), 3)
    assert options and all(o.startswith("around ") and "roughly" not in o for o in options)


@pytest.mark.parametrize(("sentence", "text", "value", "above"), [
    ("Its rating is above 50 percent, at 53 percent.", "50 percent", 50.0, True),
    ("The ferry beat the bus by more than 10 minutes.", "more than 10 minutes", 10.0, True),
    ("Fewer than 300 people came to the harbour.", "300", 300.0, False),
    ("No more than 40 boats may moor there.", "No more than 40", 40.0, False),
    ("Less than half of the boats were full.", "Less than half", 0.5, False),
])
def test_a_figure_given_as_a_floor_or_a_ceiling_takes_options_that_make_it_false(sentence, text, value, above):
    from quizgen.generate.distractors import number_sort_key

    kind = ("percent" if "percent" in text else "duration" if "minutes" in text else "fraction" if "half" in text
            else "count")
    answer = NumberFact("n", text, kind, 0, value=value, hedge="less than" if kind == "fraction" else None)
    options = number_distractors(answer, _number_sheet(sentence, answer), 3)
    assert len(options) >= 2
    assert all((number_sort_key(answer, o) > value) is above for o in options)


@pytest.mark.parametrize(("sentence", "text"), [
    ("As many as 8 million homes could have broadband.", "As many as 8 million"),
    ("It works over a range up to 40 metres.", "40 metres"),
])
def test_a_figure_stated_as_a_maximum_is_no_bound(sentence, text):
    answer = NumberFact("n", text, "count", 0, value=_first_value(text) * (1e6 if "million" in text else 1))
    options = number_distractors(answer, _number_sheet(sentence, answer), 3)
    assert len(options) == 3 and any(number_below(o, text) for o in options)


def number_below(option: str, answer: str) -> bool:
    return _first_value(option) < _first_value(answer)


def test_shares_that_make_a_whole_take_no_options():
    sentence = "Lima leads Chen 44 percent to 37 percent, with 13 percent for others and 6 percent undecided."
    answer = NumberFact("n", "13 percent", "percent", 0, value=13.0)
    assert number_distractors(answer, _number_sheet(sentence, answer), 3) == []
    apart = "Lima leads Chen 44 percent to 37 percent in the harbour towns."
    answer = NumberFact("n", "37 percent", "percent", 0, value=37.0)
    assert len(number_distractors(answer, _number_sheet(apart, answer), 3)) == 3


def test_a_share_the_sentence_computes_takes_no_options():
    answer = NumberFact("n", "30%", "percent", 0, value=30.0)
    sentence = "Just 12 of the 40 schools, or 30%, replied."
    assert number_distractors(answer, _number_sheet(sentence, answer), 3) == []
    alone = "Some 30% of the schools replied."
    assert len(number_distractors(answer, _number_sheet(alone, answer), 3)) == 3


# --- true/false swaps of like for like -------------------------------------------------------------------------

@pytest.mark.parametrize(("span", "after", "kind", "refused"), [
    ("Social Security", " will debate the plan next week.", "PROGRAMME", True),
    ("Kursk", " said the talks had failed.", "PLACE", True),
    ("Clean Harbours Act", ", the minister said, has failed.", "PROGRAMME", False),  # not the one who speaks
    ("Harbour Assembly", " will debate the plan next week.", "ORG", False),
    ("Norway", " said the talks had failed.", "COUNTRY", False),
    ("Social Security", " faces a shortfall by 2040.", "PROGRAMME", False),
])
def test_only_a_person_a_body_or_a_country_is_swapped_in_an_actors_slot(span, after, kind, refused):
    from quizgen.generate.builder import _Swap, swap_problem

    reason = swap_problem(_Swap(span, "On Monday ", after, False, False, kind))
    assert (reason is not None and "speaks or decides" in reason) is refused


@pytest.mark.parametrize(("span", "after"), [
    ("Frank Vale", ", a billionaire head of a ferry firm, paid for it."),  # tagged as a body or a person alike
    ("Sound Ferries", " spokesman Tom Reed declined to comment."),
    ("Ana Lima", ", 31, a freelance photographer, said so."),
    ("Ana Lima", ", 31, said so."),
    ("Ana Lima", ", executive director of the Harbour Trust, said so."),
    ("Ana Lima", ", adviser to the mayor, said so."),
])
def test_a_name_described_or_modifying_the_noun_after_it_is_not_swapped(span, after):
    from quizgen.generate.builder import _Swap, swap_problem

    assert swap_problem(_Swap(span, "On Monday ", after, False, False, "ORG")) is not None


def _statements(facts: FactSheet) -> list[str]:
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    template = [t for t in load_templates() if t.id == "key-sentence-true-false"]
    quiz = generate_quiz(facts, template, count=5, seed=0)
    return [i.question for i in quiz.items if i.answer == "False"]


def _swap_sheet(sentence: str, answers: tuple[str, ...], entities: tuple[Entity, ...],
                numbers: tuple[NumberFact, ...] = ()) -> FactSheet:
    from quizgen.model import KeySentence

    filler = ("The ferry line to the islands opened in spring after a long wait for the boats.",
              "Crews trained for months before the first crossing, the operators said.")
    return replace(_sheet(*filler, sentence, entities=entities, numbers=numbers, title="Ferries return to the sound"),
                   key_sentences=(KeySentence("k", 2, 5.0, answers),))


def test_an_organisation_is_swapped_for_an_organisation_never_for_a_programme():
    assembly = Entity("o1", "Harbour Assembly", "ORG", 2, mentions=3)
    programme = Entity("o2", "Social Security", "ORG", 2, mentions=3)
    authority = Entity("o3", "Port Authority", "ORG", 2, mentions=3)
    sentence = "After a long debate on Monday, Harbour Assembly voted to fund three more ferries."
    with_authority = _statements(_swap_sheet(sentence, ("Harbour Assembly",), (assembly, programme, authority)))
    assert with_authority and all("Social Security" not in s for s in with_authority)
    assert _statements(_swap_sheet(sentence, ("Harbour Assembly",), (assembly, programme))) == []


def test_a_name_is_never_swapped_for_its_own_acronym():
    firm = Entity("o1", "Sound Ferry Company", "ORG", 2, mentions=3)
    acronym = Entity("o2", "SFC", "ORG", 2, mentions=3)
    sentence = "Members of the council voted on Monday to pay Sound Ferry Company for three more boats."
    assert _statements(_swap_sheet(sentence, ("Sound Ferry Company",), (firm, acronym))) == []


def test_a_year_the_sentence_computes_is_not_swapped():
    year = NumberFact("n", "1987", "year", 2, value=1987.0)
    sentence = "The ferries, bought in 2007, replaced boats built 20 years earlier in 1987 at the old yard."
    assert _statements(_swap_sheet(sentence, ("1987",), (), (year,))) == []
    plain = "The ferries replaced boats built in 1987 at the old yard on the island."
    assert _statements(_swap_sheet(plain, ("1987",), (), (replace(year, sentence=2),)))


def test_a_dead_person_is_not_swapped_in_for_a_living_one():
    living = _person("pim", "Sol Pim", 2, mentions=3, gender="male", description="a painter")
    dead = _person("marr", "Ivo Marr", 0, mentions=3, gender="male", description="a painter")
    other = _person("cole", "Ben Cole", 2, mentions=3, gender="male", description="a painter")
    facts = _swap_sheet("Sol Pim opened the new gallery by the quay on Monday evening.", ("Sol Pim",),
                        (living, dead, other))
    facts = replace(facts, sentences=(Sentence(0, 0, "The harbour remembers the late Ivo Marr, who died in May."),
                                      *facts.sentences[1:]))
    statements = _statements(facts)
    assert statements and all("Ivo Marr" not in s for s in statements)


# --- the rules on an article read by the real pipeline ---------------------------------------------------------

def test_options_on_an_article_read_by_the_pipeline():
    from pathlib import Path

    from quizgen import api
    from quizgen.extract.nlp import installed_model_name
    from quizgen.generate import generate_quiz
    from quizgen.templates import load_templates

    if installed_model_name() is None:
        pytest.skip("no English spaCy model installed")
    path = Path(__file__).resolve().parents[1] / "fixtures" / "options" / "harbour-gallery.txt"
    facts = api.extract_facts(api.read_article(path))
    marr = next(e for e in facts.entities if e.name == "Ivo Marr")
    assert shown_dead(marr, facts)
    wanted = {"quote-speaker", "number-complete", "key-sentence-true-false"}
    quiz = generate_quiz(facts, [t for t in load_templates() if t.id in wanted], count=20, seed=0)
    who_said = [i for i in quiz.items if i.template == "quote-speaker"]
    figures = {i.answer: i for i in quiz.items if i.template == "number-complete"}
    assert who_said and all("Ivo Marr" not in i.options for i in who_said)
    share = figures["4.8%"]  # "had risen to ___ this year, from 3.1%"
    assert all(float(o.rstrip("%")) > 3.1 and o[-2] != "0" for o in share.options)
    if "40" in figures:  # "Only 12 out of ___ schools"
        assert all(float(o) > 12 for o in figures["40"].options)
    for item in (i for i in quiz.items if i.type == "true_false" and "second half" in i.source):
        assert "second half" in item.question  # a fixed phrase, never a figure to change
    for item in (i for i in quiz.items if i.type == "true_false" and "up from 3,950" in i.source):
        assert _first_value(item.question) > 3950  # "drew ___ visitors …, up from 3,950"


@pytest.mark.parametrize(("name", "kind", "expected"), [
    ("Downing Street", "PERSON", "PLACE"),
    ("Lundy Island", "ORG", "PLACE"),
    ("Anna Street", "PERSON", "PERSON"),  # a first name opens it: a person
    ("Hunting Bill", "PERSON", "PROGRAMME"),
    ("Bill Hunter", "PERSON", "PERSON"),
    ("Harwick Port Authority", "ORG", "ORG"),
])
def test_sites_and_bills_tagged_as_people_or_bodies_are_their_own_kind(name, kind, expected):
    assert fine_kind(Entity("e", name, kind, 0)) == expected


def test_a_site_tagged_as_a_person_is_no_speaker_option():
    street = _person("st", "Downing Street", mentions=3)
    quote = Quote("q", "We will not comment on leaks", "Ada Kell", 0)
    facts = _sheet("“We will not comment on leaks,” said Ada Kell.", entities=(street,), quotes=(quote,))
    assert speaker_option_problem(street, quote, facts).startswith("not a person")


@pytest.mark.parametrize("unit", ["posthumous Ivo Marr ", "to 5, from 8 ", "5 out of 8 of the 9 ", "more than 5 ",
                                  "the late ", "Ivo Marr's photo "])
def test_option_rules_on_a_hostile_sentence_finish_in_linear_time(unit):
    from tests.unit.bounded import run_bounded

    sentence = "The figure fell to 5 after it all. " + unit * 3000 + "In all, 5 of them rose from 2 to 5 months."
    marr = _person("marr", "Ivo Marr")
    answer = NumberFact("n", "5 months", "duration", 0, value=5.0)
    quote = Quote("q", "We kept every print", "Ada Kell", 0)
    facts = _sheet(sentence, entities=(marr,), numbers=(answer,), quotes=(quote,))

    def judge() -> None:
        number_distractors(answer, facts, 3)
        speaker_option_problem(marr, quote, facts)
    run_bounded(judge, 20.0)


def test_a_person_is_not_swapped_in_where_the_sentence_already_names_them():
    khan = _person("khan", "Ana Kell", 2, mentions=3, gender="female")
    reed = _person("reed", "Lea Reed", 2, mentions=3, gender="female")
    facts = _swap_sheet("Ana Kell, in a letter to the paper on Monday, rebuked Ms Reed for her remarks.",
                        ("Ana Kell",), (khan, reed))
    assert all("Lea Reed" not in s for s in _statements(facts))


# --- years that common sense does not rule out ------------------------------------------------------------------

def _year_sheet(sentence: str, answer: NumberFact, *others: str, date: str | None = None) -> FactSheet:
    return replace(_sheet(sentence, *others, numbers=(answer,)), date=date)


def test_a_future_year_takes_no_option_before_the_articles_date():
    answer = NumberFact("n", "2009", "year", 0, value=2009.0)
    sentence = "The deficit will shrink by 2009 and the budget will be in surplus by 2012."
    options = number_distractors(answer, _year_sheet(sentence, answer, "The plan was set out in 2005.",
                                                     date="2005-02-07"), 3)
    # Not 2006 or before (the article is of 2005 and the sentence looks ahead), never after the surplus of 2012.
    assert options and all(2005 <= int(o) < 2012 for o in options)


def test_a_year_that_could_come_is_offered_only_among_years_still_ahead():
    answer = NumberFact("n", "2005", "year", 0, value=2005.0)
    sentence = "2005 could see the first rise in ferry fares since 2001."
    options = number_distractors(answer, _year_sheet(sentence, answer, "Fares were cut in 2003.",
                                                     "A fare review is due in 2008.", date="2004-12-20"), 3)
    assert options and all(2004 < int(o) <= 2008 for o in options)  # a past year would give the answer away
    # The latest year the article states leaves no year ahead to offer: no options rather than past ones.
    assert number_distractors(answer, _year_sheet(sentence, answer, "Fares were cut in 2003.",
                                                  date="2004-12-20"), 3) == []


def test_a_past_year_stays_within_the_articles_years_and_before_its_date():
    answer = NumberFact("n", "2003", "year", 0, value=2003.0)
    sentence = "The governor's 2003 budget cut aid to the ferry lines."
    facts = _year_sheet(sentence, answer, "Ferry traffic has grown every year since 2001.",
                        "The new budget for 2006 was published on Monday.")
    options = number_distractors(answer, facts, 3)
    assert options and all(2001 <= int(o) <= 2006 and abs(int(o) - 2003) <= 5 for o in options)
    old = number_distractors(answer, _year_sheet(sentence, answer), 3)  # one year in the article: no span to keep
    assert old and all(abs(int(o) - 2003) <= 5 for o in old)  # a few years from the answer, never a decade


# --- people swapped only for one of the same side ---------------------------------------------------------------

def _match_report() -> tuple[FactSheet, dict[str, Entity]]:
    people = {
        "park": _person("park", "Joon Park", 0, aliases=("Park",)),
        "lee": _person("lee", "Dae Lee", 1, aliases=("Lee",)),
        "hale": _person("hale", "Tom Hale", 2, aliases=("Hale",)),
        "cole": _person("cole", "Rob Cole", 3, aliases=("Cole",), description="the mayor of Carlow"),
        "ford": _person("ford", "Ann Ford", 3, aliases=("Ford",), description="the town's deputy mayor"),
        "moss": _person("moss", "Ivo Moss", 3, aliases=("Moss",), description="the mayor of Dunmore"),
        "ross": _person("ross", "Ian Ross", 4, aliases=("Ross",)),
    }
    places = (Entity("g1", "Korea", "GPE", 0, mentions=3), Entity("g2", "England", "GPE", 2, mentions=3),
              Entity("g3", "Carlow", "GPE", 3, mentions=2), Entity("g4", "Dunmore", "GPE", 3, mentions=2))
    facts = _sheet("Korea's Joon Park scored twice in the first half.",
                   "Korean midfielder Dae Lee made both goals.",
                   "England captain Tom Hale missed a penalty.",
                   "Rob Cole, Ivo Moss and Ann Ford watched from the stand.",
                   "Ian Ross refereed the match.",
                   entities=(*people.values(), *places))
    return facts, people


def test_a_person_is_swapped_only_for_one_the_article_ties_to_the_same_side_or_role():
    from quizgen.generate.sides import same_side, sides

    facts, p = _match_report()
    assert sides(p["park"], facts) == {"korea"} and sides(p["lee"], facts) == {"korea"}  # "Korea's", "Korean"
    assert sides(p["hale"], facts) == {"england"}
    assert same_side(p["lee"], p["park"], facts)  # team-mates
    assert not same_side(p["hale"], p["park"], facts)  # the England captain in a Korean player's place
    assert same_side(p["ford"], p["cole"], facts)  # two mayors: the same role
    assert not same_side(p["moss"], p["cole"], facts)  # but each of another town
    assert not same_side(p["ross"], p["park"], facts) and not same_side(p["park"], p["ross"], facts)  # untied


def test_a_false_statement_never_puts_a_player_of_the_other_side_in_place():
    facts, _ = _match_report()
    sentence = "Joon Park scored the winner for Korea after the break, his third of the tournament."

    def statements(entities: tuple[Entity, ...]) -> list[str]:
        sheet = _swap_sheet(sentence, ("Joon Park",), entities)
        return _statements(replace(sheet, sentences=(*facts.sentences, Sentence(5, 5, sentence)),
                                   key_sentences=(replace(sheet.key_sentences[0], sentence=5),)))

    both = statements(facts.entities)
    assert both and all("Tom Hale" not in s and "Ian Ross" not in s for s in both)
    assert any("Dae Lee scored" in s for s in both)
    # Without a team-mate, no one of the article fits: the England captain and the untied referee stay out.
    assert statements(tuple(e for e in facts.entities if e.id != "e-lee")) == []


def test_a_figure_in_words_keeps_its_grammar():
    half = NumberFact("n", "half", "fraction", 0, value=0.5)
    options = number_distractors(half, _number_sheet("The ferry carries one half of the island's freight.", half), 3)
    assert options and not any(o.startswith(("a ", "one ")) for o in options)  # never 'one a quarter'
    third = NumberFact("n", "Nearly one-third", "count", 0, value=1.0, hedge="nearly")
    assert number_distractors(third, _number_sheet("Nearly one-third of the boats were late.", third), 3) == []
    plain = NumberFact("n", "half", "fraction", 0, value=0.5)
    assert any(o.startswith("a ") for o in number_distractors(plain, _number_sheet("The ferry carries half of the "
                                                                                  "island's freight.", plain), 3))


def test_a_count_of_the_people_the_sentence_names_takes_no_options():
    people = (_person("a", "Ivo Marr"), _person("b", "Ana Lima"), _person("c", "Sol Pim"))
    three = NumberFact("n", "three", "count", 0, value=3.0)
    listed = replace(_number_sheet("The three judges -- Ivo Marr, Ana Lima and Sol Pim -- agreed.", three),
                     entities=people)
    assert number_distractors(three, listed, 3) == []
    apart = replace(_number_sheet("The three judges agreed with Ivo Marr and Ana Lima.", three), entities=people)
    assert number_distractors(three, apart, 3)  # two named, three counted: the count is the article's fact


def test_a_count_after_none_of_the_takes_no_option_of_two():
    four = NumberFact("n", "four", "count", 0, value=4.0)
    options = number_distractors(four, _number_sheet("None of the four ferry towns has a hospital.", four), 3)
    assert options and "two" not in options and "Two" not in options  # 'none of the two' says 'neither'
    plain = number_distractors(four, _number_sheet("The four ferry towns have no hospital.", four), 3)
    assert "two" in plain


def test_some_takes_only_a_counted_fraction():
    share = NumberFact("n", "Some two-thirds", "fraction", 0, value=2 / 3, hedge="some")
    options = number_distractors(share, _number_sheet("Some two-thirds of the boats were late.", share), 3)
    assert options and not any(o.lower().startswith(("some a ", "some half")) for o in options)


def test_a_year_of_a_four_yearly_event_takes_only_years_of_its_cycle():
    answer = NumberFact("n", "2012", "year", 0, value=2012.0)
    sentence = "Ivo Marr ran the mayor's 2012 presidential campaign before joining the ferry board in 2015."
    options = number_distractors(answer, _year_sheet(sentence, answer, "The board was set up in 2001."), 3)
    assert options and all((int(o) - 2012) % 4 == 0 for o in options)
    plain = number_distractors(answer, _year_sheet("Ivo Marr ran the ferry line in 2012 before 2015.", answer,
                                                   "The board was set up in 2001."), 3)
    assert any((int(o) - 2012) % 4 for o in plain)
    last = number_distractors(answer, _year_sheet("The ferry board was set up in 2012", answer, "It met in 2015."), 3)
    assert last  # a year that ends its sentence


def test_a_name_misread_with_the_word_before_it_is_never_swapped_in():
    school = Entity("o1", "Harbour Law School", "ORG", 2, mentions=3)
    misread = Entity("o2", "Among Ferry Court", "ORG", 2, mentions=3)
    board = Entity("o3", "Port Authority", "ORG", 2, mentions=3)
    sentence = "Judge Ivo Marr has lectured on ferry law at Harbour Law School for many years."
    statements = _statements(_swap_sheet(sentence, ("Harbour Law School",), (school, misread, board)))
    assert statements and all("Among" not in s for s in statements)
    assert _statements(_swap_sheet(sentence, ("Harbour Law School",), (school, misread))) == []


def test_a_name_always_written_after_the_is_not_swapped_in_for_a_bare_one():
    school = Entity("o1", "Harbour Law School", "ORG", 2, mentions=3)
    senate = Entity("o2", "Senate", "ORG", 2, mentions=3)
    sentence = "Judge Ivo Marr has lectured on ferry law at Harbour Law School for many years."
    sheet = _swap_sheet(sentence, ("Harbour Law School",), (school, senate))
    sheet = replace(sheet, sentences=(*sheet.sentences, Sentence(3, 3, "The Senate voted on the ferry law.")))
    assert _statements(sheet) == []  # never 'lectured on ferry law at Senate'
    modifier = replace(sheet, sentences=(*sheet.sentences, Sentence(4, 4, "Senate Labour members met on Monday."),
                                         Sentence(5, 5, "A Labour Senate would pass it.")))
    assert _statements(modifier) == []  # 'Senate Labour members' is no bare use of the name
    bare = replace(sheet, sentences=(*sheet.sentences[:3], Sentence(3, 3, "Senate voted on the ferry law.")))
    assert _statements(bare)


def test_a_figure_the_headline_prints_is_not_swapped():
    share = NumberFact("n", "more than half", "fraction", 2, value=0.5, hedge="more than")
    sentence = "The survey showed that more than half of the ferry crossings were late last winter."
    sheet = replace(_swap_sheet(sentence, ("more than half",), (), (share,)), title="Half of ferries late, survey says")
    assert _statements(sheet) == []
    assert _statements(replace(sheet, title="Ferries late, survey says"))


def test_a_place_is_not_swapped_in_beside_its_own_nationality_word():
    france = Entity("g1", "France", "GPE", 2, mentions=1)
    germany = Entity("g2", "Germany", "GPE", 2, mentions=2)
    spain = Entity("g3", "Spain", "GPE", 2, mentions=2)
    sentence = "The German state next to France announced tighter border controls on Monday evening."
    statements = _statements(_swap_sheet(sentence, ("France",), (france, germany, spain)))
    assert statements and all("next to Germany" not in s for s in statements)


def test_idioms_and_compounds_with_figure_words_take_no_options():
    doubled = NumberFact("n", "doubled", "multiple", 0, value=2.0)
    assert number_distractors(doubled, _number_sheet("He then doubled down on the ferry plan.", doubled), 3) == []
    half = NumberFact("n", "half-empty", "fraction", 0, value=0.5)
    assert number_distractors(half, _number_sheet("The hall was half-empty when he spoke.", half), 3) == []
    bare = NumberFact("n", "half", "fraction", 0, value=0.5)  # the compound's figure read alone
    assert number_distractors(bare, _number_sheet("The hall was half-empty when he spoke.", bare), 3) == []
    years = NumberFact("n", "two", "count", 0, value=2.0)
    assert number_distractors(years, _number_sheet("He signed a two-year deal with the club.", years), 3) == []


def test_a_predicted_year_takes_no_option_before_the_articles_date():
    answer = NumberFact("n", "2006", "year", 0, value=2006.0)
    sentence = "Huge changes are afoot in 2006, the ferry chief predicted."
    facts = _year_sheet(sentence, answer, "Fares rose in 2001.", "A review is due in 2009.", date="2005-03-01")
    options = number_distractors(answer, facts, 3)
    assert options and all(int(o) >= 2005 for o in options)


def test_a_band_is_swapped_for_a_band_never_for_an_artist_tagged_as_a_body_nor_a_song():
    quayside = Entity("o1", "Quayside", "ORG", 2, mentions=3, description="UK rock band")
    tidewater = Entity("o2", "Tidewater", "ORG", 2, mentions=3, description="hip-hop duo")
    singer = Entity("o3", "Marlo", "ORG", 2, mentions=3)  # a rapper the tagger called a body
    sentence = "Quayside played a long set at the harbour festival on Saturday night."

    def statements(*others: Entity) -> list[str]:
        return _statements(_swap_sheet(sentence, ("Quayside",), (quayside, *others)))

    assert statements(singer) == []
    swapped = statements(singer, tidewater)
    assert swapped and all(s.startswith("Tidewater played") for s in swapped)
    song = Entity("o4", "Harbour Lights", "ORG", 2, mentions=3)
    titled = _swap_sheet("Their hit “Harbour Lights” topped the charts for a month in the summer.",
                         ("Harbour Lights",), (song, Entity("o5", "Ferry Union", "ORG", 2, mentions=3)))
    assert _statements(titled) == []


# --- number options that look made by arithmetic, or that the article's own words make true --------------------

def test_a_count_of_years_takes_no_option_shifted_by_a_digit_or_far_outside_its_band():
    answer = NumberFact("n", "85 years", "duration", 0, value=85.0)
    options = number_distractors(answer, _number_sheet("The lighthouse keeper served for 85 years.", answer), 3)
    values = [_first_value(o) for o in options]
    assert len(options) == 3
    assert all(85 / 3.3 <= v <= 85 * 3.3 for v in values)  # no '283 years' beside '85 years'
    assert not any(_first_value(a) * 8 <= _first_value(b) for a in options for b in options)  # no '28' with '283'


def test_a_count_takes_no_option_with_its_digits_reversed():
    answer = NumberFact("n", "41", "count", 0, value=41.0)
    options = number_distractors(answer, _number_sheet("The choir had 41 singers on the night.", answer), 3)
    assert len(options) == 3 and "14" not in options  # a third of 41, rounded, reads as its digits backwards


def test_a_year_option_is_never_a_year_last_year_gives():
    answer = NumberFact("n", "2002", "year", 0, value=2002.0)
    facts = _year_sheet("The mill first closed in 2002.", answer, "It reopened last year after a long campaign.",
                        "Its owners bought it in 1999.", date="2005-03-01")
    options = number_distractors(answer, facts, 3)
    assert options and "2004" not in options  # 'last year' in an article of 2005 is 2004: a true year
    final = _year_sheet("The mill first closed in 2002.", answer, "It reopened in the last year of the war.",
                        "Its owners bought it in 1999.", date="2005-03-01")
    assert "2004" in number_distractors(answer, final, 3)  # 'the last year of' names no year before the date


def test_a_year_inside_a_span_the_article_states_elsewhere_takes_no_option_inside_it():
    answer = NumberFact("n", "2006", "year", 0, value=2006.0)
    facts = _year_sheet("The council fell behind on its rent in 2006.", answer,
                        "Arrears built up from 2004 to 2009, the report said.", "The hall was sold in 2001.",
                        date="2010-06-01")
    options = number_distractors(answer, facts, 3)
    assert all(not 2004 <= int(o) <= 2009 for o in options)
    apart = _year_sheet("The council fell behind on its rent in 2006.", answer, "The hall was sold in 2001.",
                        "Arrears were cleared in 2009.", date="2010-06-01")
    assert any(2004 <= int(o) <= 2009 for o in number_distractors(answer, apart, 3))  # no span: near years stay


def test_a_fraction_of_two_named_people_takes_no_options():
    answer = NumberFact("n", "half", "fraction", 0, value=0.5)
    sentence = "The prize went to one half of Bethan and Huw, the twins from the farm."
    assert number_distractors(answer, _number_sheet(sentence, answer), 3) == []
    crowd = "The prize money went to half of the village, the rest to the school."
    assert number_distractors(answer, _number_sheet(crowd, answer), 3)


# --- numbers: figures a cue in the stem gives away take no options (round 8) -----------------------------------

@pytest.mark.parametrize(("sentence", "text", "kind", "value", "title"), [
    # two shares that make a whole: the other one computes the answer
    ("The ferry plan won 54 percent of the vote to the bridge plan's 46 percent.", "54 percent", "percent", 54.0,
     None),
    # the base of a ratio is a convention; the count beside a share is arithmetic
    ("Nearly four in 10 islanders, 39 percent, use the ferry weekly.", "10", "count", 10.0, None),
    ("Nearly four in 10 islanders, 39 percent, use the ferry weekly.", "four", "count", 4.0, None),
    ("Some 12 of the 40 harbour schools, or 30%, closed early.", "12", "count", 12.0, None),
    # a margin in points is the difference of the two figures printed beside it
    ("The ferry plan leads by just six points (46 percent to 40 percent) in the harbour poll.", "just six", "count",
     6.0, None),
    # a share beside a total of people: what a student knows of the world's population bounds it
    ("The region's 2 billion people make up a quarter of the world's population.", "a quarter", "fraction", 0.25,
     None),
    # a span of one unit the headline names
    ("It was looked up more than any other word over the past twelve months.", "twelve months", "duration", 12.0,
     "Harbour picked as word of the year"),
    # 'a decade and a half' is one measure
    ("The quarrel over the pier lasted a decade and a half.", "a half", "fraction", 0.5, None),
    # a score, not a range
    ("Among ferry users the plan led by 73 percent to 25 percent.", "73 percent to 25 percent", "percent", 73.0,
     None),
])
def test_a_figure_a_cue_in_the_stem_gives_away_takes_no_options(sentence, text, kind, value, title):
    answer = NumberFact("n", text, kind, 0, value=value)
    facts = _sheet(sentence, numbers=(answer,), **({"title": title} if title else {}))
    assert number_distractors(answer, facts, 3) == []


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), [
    ("The ferry plan won 54 percent of the vote.", "54 percent", "percent", 54.0),
    ("The ferry plan leads by just six points in the harbour poll.", "just six", "count", 6.0),
    ("Nearly four in 10 islanders use the ferry weekly.", "four", "count", 4.0),
    ("The region's 2 billion pounds buy a third of the island's fish.", "a third", "fraction", 1 / 3),
    ("The firm sold 20 million ferries, 15% of the world market.", "15%", "percent", 15.0),
    ("It was looked up more than any other word over the past twelve months.", "twelve months", "duration", 12.0),
    ("The quarrel over the pier lasted half a year.", "half", "fraction", 0.5),
    ("Ferry fares rose from 25 percent to 73 percent of the old price.", "73 percent", "percent", 73.0),
])
def test_the_same_figures_without_the_cue_keep_their_options(sentence, text, kind, value):
    answer = NumberFact("n", text, kind, 0, value=value)
    assert len(number_distractors(answer, _number_sheet(sentence, answer), 3)) >= 2


def test_a_multiple_takes_three_options_of_its_direction():
    answer = NumberFact("n", "quadrupled", "multiple", 0, value=4.0)
    options = number_distractors(answer, _number_sheet("The mill's output had quadrupled.", answer), 3)
    assert sorted(options) == ["doubled", "quintupled", "tripled"]


def test_the_answer_takes_every_place_among_its_sorted_options():
    """With fixed multipliers the answer always came second ('24%, 48%, 72%, 96%'): a test-wise student's cue."""
    from quizgen.generate.distractors import number_sort_key

    places = set()
    for key in range(12):
        answer = NumberFact(f"n-{key}", "37%", "percent", 0, value=37.0)
        options = [*number_distractors(answer, _number_sheet("The ferry plan won 37% of the vote.", answer), 3),
                   answer.text]
        assert len(options) == 4 and all(float(o.rstrip("%")) < 90 for o in options)  # no '92%' beside 37%
        places.add(sorted(options, key=lambda o: number_sort_key(answer, o)).index(answer.text))
    assert places == {0, 1, 2, 3}


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "check"), [
    # a number word with a scale after it: options count the same units, above the floor
    ("Governors in more than two dozen states refused the ferries.", "more than two dozen", "count", 24.0,
     lambda o: o.startswith("more than ") and o.endswith(" dozen") and o.split()[2] not in {"one", "two"}),
    # a share in words takes shares in words
    ("The harbour party polled eight percent of the vote.", "eight percent", "percent", 8.0,
     lambda o: o.endswith(" percent") and not any(ch.isdigit() for ch in o)),
    # a count hemmed in by another count of the sentence still finds options a little further off
    ("It is one of nine harbour towns with a ferry and one of only five with a pier.", "nine", "count", 9.0,
     lambda o: o in {"six", "seven", "eight", "ten"}),
])
def test_figures_that_took_no_options_now_take_options_of_their_form(sentence, text, kind, value, check):
    answer = NumberFact("n", text, kind, 0, value=value, hedge="more than" if "more than" in text else None)
    others = (NumberFact("m", "five", "count", 0, value=5.0),) if "only five" in sentence else ()
    options = number_distractors(answer, _number_sheet(sentence, answer, *others), 3)
    assert len(options) >= 2 and all(check(o) for o in options), options


def test_a_count_of_a_list_it_names_takes_options_above_the_list():
    answer = NumberFact("n", "five", "count", 0, value=5.0)
    listed = "The minister led a delegation to five countries, including Spain, Peru, Chad and Fiji."
    options = number_distractors(answer, _number_sheet(listed, answer), 3)
    assert len(options) == 3 and not {"three", "four"} & set(options)  # four are named: 'three' is false
    plain = "The minister led a delegation to five countries last spring."
    assert {"three", "four"} & set(number_distractors(answer, _number_sheet(plain, answer), 3))


def test_a_year_of_a_presidential_run_named_before_it_keeps_the_four_year_cycle():
    answer = NumberFact("n", "2008", "year", 0, value=2008.0)
    run = "His own run for the White House in 2008 sputtered, and he went back to the harbour board in 2012."
    options = number_distractors(answer, _year_sheet(run, answer, "He joined the board in 2001.", date="2015-01-01"),
                                 3)
    assert options and all((2008 - int(o)) % 4 == 0 for o in options)
    plain = "His harbour firm sputtered in 2008, and he went back to the harbour board in 2012."
    options = number_distractors(answer, _year_sheet(plain, answer, "He joined the board in 2001.",
                                                     date="2015-01-01"), 3)
    assert any((2008 - int(o)) % 4 for o in options)


@pytest.mark.parametrize(("text", "kind", "value"), [("1,737", "count", 1737.0), ("7.4 percent", "percent", 7.4),
                                                    ("48%", "percent", 48.0)])
def test_no_option_is_an_exact_multiple_of_an_answer_that_is_not_round(text, kind, value):
    """'1,737 / 3,474 / 5,211' or '3.7 / 7.4 / 11.1 / 14.8 percent': the answer is the figure the others are made
    from."""
    answer = NumberFact("n", text, kind, 0, value=value)
    options = number_distractors(answer, _number_sheet(f"The harbour poll counted {text} in May.", answer), 3)
    assert len(options) == 3
    for option in options:
        ratio = _first_value(option) / value
        assert all(abs(ratio - r) > 1e-6 for r in (1 / 3, 0.5, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)), options


def test_a_round_answer_may_keep_round_multiples():
    answer = NumberFact("n", "40%", "percent", 0, value=40.0)
    options = number_distractors(answer, _number_sheet("Turnout was 40% in May.", answer), 3)
    assert any(_first_value(o) in {20.0, 60.0, 80.0} for o in options)


def test_figures_the_story_is_about_weigh_more_than_incidental_years():
    from quizgen.generate.distractors import figure_importance

    jobs = NumberFact("n-jobs", "30,000", "count", 0, value=30000.0, counts="textile jobs")
    year = NumberFact("n-year", "2001", "year", 3, value=2001.0)
    lede_year = NumberFact("n-lede", "2004", "year", 0, value=2004.0)
    sheet = FactSheet(title="Harbour town to lose textile jobs", slug="t",
                      sentences=tuple(Sentence(i, i, f"Sentence {i}.") for i in range(4)),
                      numbers=(jobs, year, lede_year))
    assert figure_importance(jobs, sheet) > 0  # counts what the headline is about
    assert figure_importance(year, sheet) < 0  # a year in the fourth paragraph dates a detail
    assert figure_importance(lede_year, sheet) == 0
    assert figure_importance(replace(jobs, counts="ferry seats"), sheet) == 0


def test_a_number_item_s_score_carries_the_figure_s_importance():
    from quizgen.api import generate_quiz
    from quizgen.templates import load_templates
    from tests.unit.factories import sample_facts

    templates = [t for t in load_templates([]) if t.id == "number-complete"]

    def score(title: str) -> float:
        facts = sample_facts(title)
        facts = replace(facts, numbers=tuple(replace(n, question=None) for n in facts.numbers))  # no "how many"
        items = generate_quiz(facts, templates=templates, count=10).items
        return next(i.score for i in items if i.answer == "About 40,000")
    assert score("Harwick votes to protect its homes") == pytest.approx(score("Harwick votes for a barrier") + 0.3)


def test_a_figure_question_offers_four_options_or_none():
    """'doubled / tripled / quadrupled' beside items of four options: a figure question with three is dropped."""
    from quizgen.api import generate_quiz
    from quizgen.templates import load_templates

    templates = [t for t in load_templates([]) if t.id == "number-complete"]
    answer = NumberFact("n-four", "Nearly four", "count", 0, value=4.0, hedge="nearly")
    # 'one' and 'five' or more are out of 'in five': only 'two' and 'three' fit
    facts = _sheet("Nearly four in five islanders want a second ferry.", "The ferry runs daily.", numbers=(answer,))
    assert len(number_distractors(answer, facts, 3)) == 2
    quiz = generate_quiz(facts, templates=templates, count=5)
    assert not quiz.items and "every figure question offers 4 options" in quiz.dropped[0].reason
    roomy = _sheet("Nearly four in 10 islanders want a second ferry.", "The ferry runs daily.", numbers=(answer,))
    (item,) = generate_quiz(roomy, templates=templates, count=5).items
    assert len(item.options) == 4


@pytest.mark.parametrize(("sentence", "paragraph", "text", "kind", "value", "incidental"), [
    ("A 1996 harbour board ruling said ferries could dock at night.", 4, "1996", "year", 1996.0, True),
    ("The band's own 2001 album sold poorly.", 3, "2001", "year", 2001.0, True),
    ("A 1996 harbour board ruling said ferries could dock at night.", 0, "1996", "year", 1996.0, False),  # lede
    ("The harbour board ruled in 1996 that ferries could dock at night.", 4, "1996", "year", 1996.0, False),
    ("Among the 514 islanders surveyed, the margin of error is 4 points.", 3, "514", "count", 514.0, True),
    ("Some 514 islanders signed the ferry petition.", 3, "514", "count", 514.0, False),
    # a span opening its sentence counts from what an earlier sentence tells
    ("Over five years, however, the harbour board has turned defeat into a win.", 1, "five years", "duration", 5.0,
     True),
    ("Two weeks later, the ferry sailed again.", 1, "Two weeks", "duration", 2.0, True),
    ("In the past five years, the harbour board has turned defeat into a win.", 1, "five years", "duration", 5.0,
     False),
    ("The harbour board has worked for five years on the pier.", 1, "five years", "duration", 5.0, False),
])
def test_incidental_figures_are_not_asked_about(sentence, paragraph, text, kind, value, incidental):
    from quizgen.generate.distractors import incidental_figure

    answer = NumberFact("n", text, kind, 0, value=value)
    facts = FactSheet(title="A harbour gallery opens its doors", slug="t",
                      sentences=(Sentence(0, paragraph, sentence),), numbers=(answer,))
    assert (incidental_figure(answer, facts) is not None) == incidental


def test_a_sum_of_money_keeps_its_options_within_about_3x():
    answer = NumberFact("n", "$85,000", "money", 0, value=85000.0)
    options = number_distractors(answer, _number_sheet("She needed $85,000 in loans for the course.", answer), 3)
    assert len(options) == 3 and all(85000 / 3.3 <= _first_value(o) <= 85000 * 3.3 for o in options), options


def test_the_count_of_a_ratio_takes_any_count_below_its_base():
    """'Nearly eight in 10': 'nearly six', 'nearly seven', 'nearly nine' (in 10) all read as real figures; the base
    is no part-and-whole bound that keeps options above half of it, and one apart is a real difference here."""
    answer = NumberFact("n", "Nearly eight", "count", 0, value=8.0, hedge="nearly")
    base = NumberFact("m", "10", "count", 0, value=10.0, counts="islanders")
    facts = _number_sheet("Nearly eight in 10 islanders use the ferry.", answer, base)
    options = number_distractors(answer, facts, 3)
    assert len(options) == 3 and all(o.startswith("Nearly ") for o in options)
    values = {"four": 4, "five": 5, "six": 6, "seven": 7, "nine": 9}
    assert all(o.split()[1] in values for o in options), options


def test_an_end_of_a_range_stays_on_its_side_of_the_other_end():
    """'between 600-___ emails': 400 or 500 would make the range run backwards."""
    answer = NumberFact("n", "700", "count", 0, value=700.0)
    options = number_distractors(answer, _number_sheet("Officials found between 600-700 ferry tickets.", answer), 3)
    assert len(options) == 3 and all(_first_value(o) > 600 for o in options), options


def test_a_price_to_the_cent_takes_prices_in_quarters():
    """'$7.25' an hour among '$3.99', '$14.01', '$22.01': made-up cents read as filler."""
    answer = NumberFact("n", "$7.25", "money", 0, value=7.25)
    options = number_distractors(answer, _number_sheet("The ferry fare is $7.25 a trip.", answer), 3)
    assert len(options) == 3 and all(round(_first_value(o) * 100) % 25 == 0 for o in options), options


def test_an_undated_article_is_not_of_the_year_of_its_targets():
    """'a target of an 80 percent cut by 2050' is ahead of the writing: the article is of its latest year told as
    past, so a past year's options stay at or before it."""
    from quizgen.generate.distractors import article_year

    answer = NumberFact("n", "2008", "year", 0, value=2008.0)
    facts = _year_sheet("The harbour tax began in 2008.", answer, "Fares were frozen in 2014.",
                        "The port will meet its target by 2050.")
    assert article_year(facts) == 2014
    assert all(int(o) <= 2014 for o in number_distractors(answer, facts, 3))


def test_a_figure_keeps_its_place_below_a_peak_and_above_an_average():
    """'7.4 percent, well below its peak of 12.8 percent, but far above the national average of 5 percent': an
    option of 2.2 percent is false on its face."""
    answer = NumberFact("n", "7.4 percent", "percent", 0, value=7.4)
    sentence = ("At 7.4 percent, the harbour's jobless rate is below its peak of 12.8 percent, but remains "
                "above the national average of 5 percent.")
    options = number_distractors(answer, _number_sheet(sentence, answer), 3)
    assert len(options) >= 2 and all(5 < _first_value(o) < 12.8 for o in options), options
    # 'well below', 'far above': a quarter away from each figure too (5.2 percent is not far above 5 percent)
    emphatic = sentence.replace("is below", "is well below").replace("remains above", "remains far above")
    options = number_distractors(answer, _number_sheet(emphatic, answer), 3)
    assert all(5 * 1.25 <= _first_value(o) <= 12.8 * 0.8 for o in options), options
    peak = NumberFact("p", "12.8 percent", "percent", 0, value=12.8)  # the figure 'well below its peak of' points at
    options = number_distractors(peak, _number_sheet(emphatic, peak), 3)
    assert options and all(_first_value(o) >= 7.4 / 0.8 for o in options), options


def test_a_share_takes_options_within_twice_itself_when_closer_ones_fit():
    """'32.1 percent' beside a peak jobless rate of 12.8 percent read as filler: 2.5x and 3x come last."""
    for key in range(8):
        answer = NumberFact(f"n-{key}", "12.8 percent", "percent", 0, value=12.8)
        options = number_distractors(answer, _number_sheet("The jobless rate peaked at 12.8 percent.", answer), 3)
        assert len(options) == 3 and all(_first_value(o) <= 2 * 12.8 for o in options), options


def test_a_range_answer_is_not_bounded_by_its_own_ends():
    answer = NumberFact("n", "roughly 200,000-300,000", "count", 0, value=200000.0)
    options = number_distractors(answer, _number_sheet("There were roughly 200,000-300,000 unsorted ferry tickets.",
                                                       answer), 3)
    assert len(options) == 3


def test_the_story_s_first_year_takes_a_year_or_two_before_it():
    """'Airbus overtook Boeing in 2003' in a story of 2003-2004: nothing the article says rules out 2000 or 2001."""
    answer = NumberFact("n", "2003", "year", 0, value=2003.0)
    facts = _year_sheet("The yard overtook its rival in 2003.", answer, "Profits fell in the last months of 2004.")
    options = number_distractors(answer, facts, 3)
    assert {"2000", "2001"} <= set(options) and all(int(o) <= 2004 for o in options)
    later = NumberFact("m", "2004", "year", 1, value=2004.0)  # not the first year: none before 2003
    facts = _year_sheet("The yard was announced in 2003.", later, "It opened in 2004 after a delay.",
                        "Work went on into 2008.")
    assert all(int(o) >= 2003 for o in number_distractors(later, replace(facts, numbers=(later,)), 3))


def test_a_whole_share_takes_round_options_never_only_figures_beside_it():
    answer = NumberFact("n", "100%", "percent", 0, value=100.0)
    options = number_distractors(answer, _number_sheet("The club paid 100% of the repair bill itself.", answer), 3)
    assert len(options) == 3 and all(_first_value(o) % 5 == 0 for o in options)


def test_a_round_answer_among_options_none_of_which_is_round_makes_no_item():
    answer = NumberFact("n", "100%", "percent", 0, value=100.0)
    assert lone_round_answer(answer, ["29%", "49%", "69%"])
    assert not lone_round_answer(answer, ["30%", "49%", "69%"])
    precise = NumberFact("n", "47%", "percent", 0, value=47.0)
    assert not lone_round_answer(precise, ["29%", "49%", "69%"])
