"""Run every extractor over one parsed article and assemble the FactSheet."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from quizgen.extract.entities import extract_entities, repair_ents
from quizgen.extract.glosses import extract_glosses
from quizgen.extract.keysentences import extract_key_sentences
from quizgen.extract.nlp import load_nlp
from quizgen.extract.numbers import extract_numbers
from quizgen.extract.parsed import parse
from quizgen.extract.questions import extract_questions
from quizgen.extract.quotes import extract_quotes
from quizgen.model import Article, Entity, FactSheet
from quizgen.textutil import slugify


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_Record = TypeVar("_Record", bound=_Identified)


def _first_of_each_id(records: list[_Record]) -> tuple[_Record, ...]:
    """One record per id. Ids hash what a fact says, so a repeated one says it again (a quotation printed twice, a
    sentence repeated): keep the first, or facts.yaml could not be read back ("id used twice")."""
    seen: set[str] = set()
    kept: list[_Record] = []
    for record in records:
        if record.id not in seen:
            seen.add(record.id)
            kept.append(record)
    return tuple(kept)


def _complete_names(entities: list[Entity], lookup: dict[str, str], acronyms: dict[str, str]) -> list[Entity]:
    """'Office of the Deputy' is 'Office of the Deputy Prime Minister' when the article spells out ODPM, and
    'ODPM' is another name for it, not a second organisation."""
    completed: list[Entity] = []
    for entity in entities:
        full = next((f for f in acronyms.values() if f.startswith(entity.name + " ")), None)
        if full is not None:
            entity = replace(entity, name=full, aliases=tuple(sorted({*entity.aliases, entity.name})))
            lookup[full.lower()] = entity.id
        completed.append(entity)
    index_of = {e.name: i for i, e in enumerate(completed)}
    absorbed: set[int] = set()
    for i, entity in enumerate(completed):
        j = index_of.get(acronyms.get(entity.name, ""))
        if j is not None and j != i:
            full = completed[j]
            # The tagger calls most acronyms organisations; a work or a product found by context is more exact.
            specific = {"WORK_OF_ART", "PRODUCT", "EVENT"}
            kind = next((t for t in (entity.type, full.type) if t in specific), full.type)
            completed[j] = replace(full, type=kind, aliases=tuple(sorted({*full.aliases, *entity.names})),
                                   mentions=full.mentions + entity.mentions)
            for name in entity.names:
                lookup[name.lower()] = full.id
            absorbed.add(i)
    return [e for i, e in enumerate(completed) if i not in absorbed]


def _repair_entities(doc: Doc) -> Doc:
    repair_ents(doc)
    return doc


def add_entity_repair(nlp: Language) -> Language:
    """Entity repair as the pipeline's last component (after the tagger's NER), so every doc the model makes has
    the repaired entities: quotes, numbers and entities all see the same names."""
    if "quizgen_entity_repair" not in nlp.pipe_names:
        if not Language.has_factory("quizgen_entity_repair"):
            Language.component("quizgen_entity_repair", func=_repair_entities)
        nlp.add_pipe("quizgen_entity_repair", last=True)
    return nlp


def extract_facts(article: Article) -> FactSheet:
    """Parse the article once and run every extractor over the parse: its FactSheet."""
    parsed = parse(add_entity_repair(load_nlp()), article)
    glosses = extract_glosses(parsed)
    # A gloss's meaning ("News of the Week") is a translation, not another entity; an acronym's ("WHO") is one.
    entities, lookup = extract_entities(parsed, exclude={g.meaning for g in glosses if not g.term.isupper()})
    entities = _complete_names(entities, lookup, {g.term: g.meaning for g in glosses if g.term.isupper()})
    quotes = extract_quotes(parsed, entities, lookup, glosses)
    numbers = extract_numbers(parsed)
    key_sentences = extract_key_sentences(parsed, entities, lookup, numbers)
    questions = extract_questions(parsed, entities, lookup, numbers)
    return FactSheet(
        title=article.title,
        slug=slugify(article.title),
        sentences=tuple(parsed.sentences),
        entities=_first_of_each_id(entities),
        quotes=_first_of_each_id(quotes),
        numbers=_first_of_each_id(numbers),
        glosses=_first_of_each_id(glosses),
        key_sentences=_first_of_each_id(key_sentences),
        questions=_first_of_each_id(questions),
        byline=article.byline,
        date=article.date,
        source=article.source,
        article_path=article.path,
    )
