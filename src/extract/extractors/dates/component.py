"""The dates step: temporal expressions found, normalised to TIMEX3 and anchored.

Registered as the spaCy component `extract_dates`. It reads `doc._.published` (YYYY-MM-DD, set
by `extract.pipeline` or by the user) and the parse (for tense and false-positive filters), and
writes `doc._.dates`: `DateMention` records as plain dicts.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from extract.extractors.base import (
    RecordComponent,
    item_guard,
    register_extension,
    stored_records,
)
from extract.extractors.dates.anchoring import decide_day_first, document_anchor, explicit_dates
from extract.extractors.dates.clauses import (
    dates_a_past_event,
    event_reference,
    keep,
    span_of,
    tense_of,
)
from extract.extractors.dates.grammar import find_expressions
from extract.extractors.dates.narrative import Narrative
from extract.extractors.dates.resolve import Context, resolve
from extract.extractors.sentences import doc_text, sentence_index, sentence_starts
from extract.models import DateMention

COMPONENT_NAME = "extract_dates"

register_extension("published")
register_extension("dates")


@Language.factory(
    COMPONENT_NAME,
    requires=["token.dep", "token.tag"],
    assigns=["doc._.dates"],
)
def make_date_component(nlp: Language, name: str) -> DateComponent:
    """spaCy factory for the dates step (no settings)."""
    component = DateComponent()
    component.name = name
    return component


class DateComponent(RecordComponent[DateMention]):
    """Finds and normalises the temporal expressions of a Doc into `doc._.dates`."""

    extension = "dates"
    name = COMPONENT_NAME

    def extract(self, doc: Doc) -> list[DateMention]:
        text = doc_text(doc)
        expressions = [e for e in find_expressions(text) if keep(doc, e)]
        spans = [span_of(doc, e) for e in expressions]
        tenses = [tense_of(span) for span in spans]
        day_first = decide_day_first(text, expressions)
        past_events = [dates_a_past_event(span) for span in spans]
        anchor = document_anchor(text, expressions, past_events, _published(doc), day_first)
        dates_by_index = explicit_dates(expressions, day_first)
        starts = sentence_starts(doc)
        mentions: list[DateMention] = []
        narrative = Narrative()
        for index, (expression, span, tense) in enumerate(
            zip(expressions, spans, tenses, strict=True)
        ):
            with item_guard(doc, self.name, expression.start, expression.end):
                event = None
                if expression.kind == "event_relative":
                    event = event_reference(
                        doc, expression, expressions, dates_by_index, index, anchor
                    )
                sentence = sentence_index(starts, span.start)
                previous, focus_day = narrative.reference(sentence)
                context = Context(anchor, tense, day_first, event, previous, focus_day)
                resolved = resolve(expression, context)
                if resolved is None:
                    continue  # not temporal after all
                narrative.update(expression, sentence, resolved)
                mentions.append(
                    DateMention(
                        text=expression.text,
                        start=expression.start,
                        end=expression.end,
                        sentence=sentence,
                        type=resolved.type,
                        value=resolved.value,
                        anchor=resolved.anchor,
                        confidence=resolved.confidence,
                    )
                )
        return mentions


def dates_of(doc: Doc) -> list[DateMention]:
    """The `DateMention` records the component stored on `doc`."""
    return stored_records(doc, "dates", DateMention)


def _published(doc: Doc) -> date | None:
    value = doc._.published
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
