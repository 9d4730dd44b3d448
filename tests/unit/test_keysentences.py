"""Key sentences carry the story: the lede, the decision and its reasons, the story's actors; a list of names met in
passing is not one, and a detail about someone named once ranks below them. On an article written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen import api
from quizgen.extract.entities import extract_entities
from quizgen.extract.keysentences import extract_key_sentences
from quizgen.extract.numbers import extract_numbers
from quizgen.extract.pipeline import add_entity_repair, load_nlp, parse
from quizgen.model import FactSheet

ARTICLE = "\n".join([
    "Porthmor council bans cars from the harbour front",
    "",
    "By Nell Arden",
    "",
    "Porthmor council voted on Tuesday to ban cars from the harbour front from June, after two years of complaints "
    "about traffic and fumes from residents and traders.",
    "Council leader Ines Varga said the ban would cut traffic on the front by 4,000 vehicles a day and make the quay "
    "safe for the town's 12,000 children.",
    "The Porthmor Traders Guild opposed the plan because deliveries to its 60 shops would have to be made before 8am.",
    "Ines Varga said the council would pay for a new car park at Tregear Farm, which would open in May with 300 "
    "spaces.",
    "The guild's chair, Tomas Reyes, said his members would take the council to court if the delivery hours were not "
    "changed.",
    "Ines Varga answered that the council would review the delivery hours after six months.",
    "The harbour festival, which drew 20,000 visitors last summer, will go ahead on the front in August.",
    "Last year's festival prizes went to Kit Moore, Ana Ruiz, Lena Fischer and Olu Bakare for their boat designs.",
    "A boat built by Marek Holm in 1962 was shown beside the lifeboat station during the festival.",
    "The Porthmor council also decided to close the old harbour car park for good.",
    "The transport analyst Jo Marsh said the vote had surprised nobody who knew the town.",
    "The ban will be enforced by cameras at both ends of the front, and drivers who ignore it will be fined 70 "
    "pounds.",
    "",
])


@pytest.fixture(scope="module")
def facts(tmp_path_factory) -> FactSheet:
    path: Path = tmp_path_factory.mktemp("keys") / "harbour-ban.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return api.extract_facts(api.read_article(path))


def _key(facts: FactSheet, opening: str):
    index = next(s.index for s in facts.sentences if s.text.startswith(opening))
    return next((k for k in facts.key_sentences if k.sentence == index), None)


def test_a_list_of_names_met_in_passing_is_not_a_key_sentence(facts):
    assert _key(facts, "Last year's festival prizes went to") is None
    # The lede and the sentences naming the story's actors are.
    assert _key(facts, "Porthmor council voted") is not None
    assert _key(facts, "Council leader Ines Varga said") is not None


def test_the_decision_and_its_reasons_rank_above_a_detail_about_someone_named_once(facts):
    detail = _key(facts, "A boat built by Marek Holm")
    assert detail is not None  # still a key sentence: it holds a name and a year
    # Later in the article, with no figure, yet it tells what the council decided: it ranks above the detail
    # (which holds a name and a year, and so ranked above it by counts alone).
    for opening in ("Porthmor council voted", "The Porthmor council also decided",
                    "Ines Varga said the council would pay"):
        assert _key(facts, opening).score > detail.score, opening


def test_sentences_of_the_first_six_paragraphs_are_kept_before_later_ones(facts, tmp_path):
    """With room for only three key sentences, all three come from the opening paragraphs, however rich in names
    and figures a later one is."""
    filler = ["The weather at sea stayed calm all week, and the fishing boats went out every morning."] * 6
    late = "In 2019, Ines Varga and Tomas Reyes signed a 5-year deal with the guild worth 2 million pounds."
    path = tmp_path / "long.txt"
    path.write_text("\n".join([ARTICLE.rstrip("\n"), *filler, late]) + "\n", encoding="utf-8")
    parsed = parse(add_entity_repair(load_nlp()), api.read_article(path))
    entities, lookup = extract_entities(parsed)
    keys = extract_key_sentences(parsed, entities, lookup, extract_numbers(parsed), limit=3)
    assert len(keys) == 3
    assert all(parsed.sentences[k.sentence].paragraph < 6 for k in keys)


def test_a_list_of_places_is_kept(tmp_path):
    """'France, Brazil, China and India': who signed or who loses jobs is often the story itself."""
    path = tmp_path / "places.txt"
    path.write_text("\n".join([
        "Porthmor ferry deal signed", "",
        "Porthmor council said the new ferry deal would bring 300 jobs to the harbour.",
        "The ferry deal was signed on Monday by the transport ministers of France, Brazil, China and India.",
        ""]), encoding="utf-8")
    facts = api.extract_facts(api.read_article(path))
    assert _key(facts, "The ferry deal was signed") is not None


def test_the_words_of_a_person_named_once_in_passing_are_not_a_key_sentence(facts):
    """A commentator reacting: no fact to remember. A person named once who speaks for a party to the story (the
    guild's chair) stays key."""
    assert _key(facts, "The transport analyst Jo Marsh said") is None
    assert _key(facts, "The guild's chair, Tomas Reyes, said") is not None


AWARDS = "\n".join([
    "The Harbour Lights win top prize at Porthmor music awards", "",
    "The Harbour Lights won best group at the Porthmor music awards on Saturday, the band's first prize in ten years "
    "of touring.",
    "Singer Ada Quill said the band had nearly split up last winter and would now record a new album in Lisbon.",
    "The Harbour Lights beat The Lanterns, Maroon Tide and the Copper Kettles to the best group prize.",
    "Organisers said 12,000 people had voted online, twice as many as last year.",
    "The Lanterns, Velvet Orchard and Kit Moore were also nominated in the best newcomer category; Velvet Orchard "
    "won.",
    "The best solo artist prize went to Nina Brandt, who thanked her label, Tidewater Records.",
    "Nina Brandt also performed with the Copper Kettles and Velvet Orchard at the end of the night.",
    "The awards were broadcast live by Porthmor Radio for the first time.",
    ""])


@pytest.mark.parametrize("opening", [
    # a band named again elsewhere, another read as a place ('the Copper Kettles'), two read as one name
    "The Harbour Lights beat The Lanterns",
    # the winner among the nominees, named twice: one name met in passing makes it a list of nominees
    "The Lanterns, Velvet Orchard and Kit Moore were also nominated"])
def test_a_list_of_nominees_or_rivals_beaten_is_not_a_key_sentence(tmp_path, opening):
    path = tmp_path / "awards.txt"
    path.write_text(AWARDS, encoding="utf-8")
    facts = api.extract_facts(api.read_article(path))
    assert _key(facts, opening) is None
    assert _key(facts, "The best solo artist prize went to Nina Brandt") is not None  # the winner's sentence stays


def test_a_group_before_two_names_is_no_list_of_three(tmp_path):
    """'two of the county's Republicans, Kit Moore and Olu Bakare': the group names the two people, it is not a third
    name of a list; nor is 'the party's nominee' a sentence of nominees."""
    path = tmp_path / "backing.txt"
    path.write_text("\n".join([
        "Ana Ruiz wins backing in Porthmor mayoral race", "",
        "Ana Ruiz said she would cut harbour fees by 10% if she won the vote in May.", "",
        "Ana Ruiz won over two of the county's Republicans, Kit Moore and Olu Bakare, before the vote on the party's "
        "nominee.", ""]), encoding="utf-8")
    facts = api.extract_facts(api.read_article(path))
    assert _key(facts, "Ana Ruiz won over two") is not None


def test_a_name_with_an_ampersand_is_one_name_not_a_list(tmp_path):
    path = tmp_path / "fund.txt"
    path.write_text("\n".join([
        "Harbour fund gets new donor", "",
        "Porthmor council said the harbour fund had raised 2 million pounds this year.", "",
        "Tom Reed has been a donor to the Ana, Kit & Lena Moore Foundation and to the Porthmor Sailing Club.", ""]),
        encoding="utf-8")
    facts = api.extract_facts(api.read_article(path))
    assert _key(facts, "Tom Reed has been a donor") is not None
