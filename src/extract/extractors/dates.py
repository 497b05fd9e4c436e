"""The dates step: temporal expressions found, normalised to TIMEX3 and anchored.

Registered as the spaCy component `extract_dates`. It reads `doc._.published` (YYYY-MM-DD, set
by `extract.pipeline` or by the user) and the parse (for tense and false-positive filters), and
writes `doc._.dates`: `DateMention` records as plain dicts.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.extractors.component import RecordComponent, register_extension, stored_records
from extract.extractors.sentences import sentence_index, sentence_spans, sentence_starts
from extract.models import DateMention
from extract.temporal.anchoring import decide_day_first, document_anchor, explicit_dates
from extract.temporal.grammar import Expression, find_expressions
from extract.temporal.lexicon import MONTHS
from extract.temporal.resolve import Anchor, Context, Tense, resolve

COMPONENT_NAME = "extract_dates"
_TEMPORAL_NOUNS = frozenset(
    {"year", "years", "season", "quarter", "month", "summer", "winter", "spring", "fall"}
)
_NOT_TIME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "MONEY", "LAW"})

register_extension("published")
register_extension("dates")


@Language.factory(
    COMPONENT_NAME,
    requires=["token.dep", "token.tag"],
    assigns=["doc._.dates"],
)
def make_date_component(nlp: Language, name: str) -> DateComponent:
    """spaCy factory for the dates step (no settings)."""
    return DateComponent()


_LOOKS_BACK_FROM_FOCUS = frozenset({"year_ago", "ago"})
"""Kinds that compare with the period in focus ("the third quarter ... a year earlier ... the
year-ago period"): each counts from that period, so none of them becomes the new focus."""


class DateComponent(RecordComponent[DateMention]):
    """Finds and normalises the temporal expressions of a Doc into `doc._.dates`."""

    extension = "dates"

    def extract(self, doc: Doc) -> list[DateMention]:
        text = doc.text
        expressions = [e for e in find_expressions(text) if _keep(doc, e)]
        spans = [_span(doc, e) for e in expressions]
        tenses = [tense_of(span) for span in spans]
        day_first = decide_day_first(text, expressions)
        past_events = [_dates_a_past_event(span) for span in spans]
        anchor = document_anchor(text, expressions, past_events, _published(doc), day_first)
        dates_by_index = explicit_dates(expressions, day_first)
        starts = sentence_starts(doc)
        mentions: list[DateMention] = []
        previous: str | None = None
        focus: tuple[Anchor, int] | None = None  # the last day named, and its sentence
        for index, (expression, span, tense) in enumerate(
            zip(expressions, spans, tenses, strict=True)
        ):
            event = None
            if expression.kind == "event_relative":
                event = _event_reference(
                    doc, expression, expressions, dates_by_index, index, anchor
                )
            sentence = sentence_index(starts, span.start)
            focus_day = focus[0] if focus and sentence - focus[1] <= FOCUS_SENTENCES else None
            context = Context(anchor, tense, day_first, event, previous, focus_day)
            resolved = resolve(expression, context)
            if resolved is None:
                continue
            named_day = _day_of(resolved.value)
            if named_day is not None and resolved.type in {"DATE", "TIME"}:
                focus = (Anchor(named_day, f"the day named before (“{expression.text}”)"), sentence)
            # "a year earlier" compares with the period in focus; it does not move the story
            moves_story = expression.kind not in _LOOKS_BACK_FROM_FOCUS
            if resolved.type == "DATE" and (resolved.value or "")[:1].isdigit() and moves_story:
                previous = resolved.value
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


FOCUS_SENTENCES = 2
"""How far back (in sentences) a named day still dates a bare clock time."""


def _day_of(value: str | None) -> date | None:
    """The day of a day-precise value ("1998-10-23", "1998-10-23TNI"), else None."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


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


def _span(doc: Doc, expression: Expression) -> Span:
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    assert span is not None  # "expand" always finds covering tokens for a non-empty range
    return span


def _keep(doc: Doc, expression: Expression) -> bool:
    """Token-level filters: years that count things, dates inside names and titles."""
    span = _span(doc, expression)
    if all(token.ent_type_ in _NOT_TIME_LABELS for token in span) and expression.kind in {
        "year",
        "month",
        "weekday",
        "duration",
    }:
        return False
    if expression.kind == "set" and span[0].pos_ == "ADJ" and span[0].dep_ == "amod":
        return False  # "a daily newspaper", "quarterly earnings": adjectives, not sets
    if expression.kind == "year" and len(span) == 1:
        token = span[0]
        head = token.head
        counted = head.tag_ in {"NNS", "NNPS"} and head.lower_ not in _TEMPORAL_NOUNS
        if token.dep_ == "nummod" and counted:
            return False  # "2000 people", "1500 troops" (but "the 1996 campaign" is a year)
    return True


def _dates_a_past_event(span: Span) -> bool:
    """True when the expression dates a verb in the past tense directly ("took place on X",
    "died X"), not a noun ("notes due X"): only such dates show when the text was written."""
    root = span.root
    head = root.head
    if head.dep_ == "prep" and head.lower_ in {"on", "in"} and root.dep_ == "pobj":
        head = head.head
    elif root.dep_ not in {"npadvmod", "tmod"}:
        return False
    return head.pos_ in {"VERB", "AUX"} and head.tag_ == "VBD"


_PROSPECTIVE = frozenset(
    {"schedule", "plan", "expect", "postpone", "delay", "due", "slate", "intend", "set", "aim"}
)
"""Verbs whose dates lie ahead even in the past tense: "planned a rally on Saturday"."""


def _looks_ahead(verb: Token) -> bool:
    """True when the verb, or the verb it depends on, schedules or plans what it dates and is
    not itself past ("is scheduled to close Monday", "has scheduled a news conference
    Thursday"; but "planned to pay on Friday", "had been due to expire Friday" stay past)."""
    for token in (verb, verb.head):
        if token.lemma_.lower() not in _PROSPECTIVE or token.tag_ == "VBD":
            continue
        if token.dep_ in {"acl", "amod"}:
            continue  # "a service planned for Saturday was canceled": the clause decides
        auxiliaries = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
        if "had" not in auxiliaries and not ({"was", "were"} & auxiliaries):
            return True
    return False


_UNTIL = frozenset({"until", "till", "through", "thru"})
_DATED_AHEAD = frozenset(
    {"payable", "effective", "record", "due", "starting", "beginning", "extended", "expire"}
)
"""Words that date something to come whatever the clause's tense: "payable Dec. 7",
"effective Feb. 1", "shareholders of record Nov. 22"."""


def tense_of(span: Span) -> Tense:
    """Past, present or future of the clause the expression sits in, from its verb group.

    "until"/"through" point ahead (to the nearest such date in a past clause), and a date held
    by "payable", "effective", "of record" is read as the nearest such date ("present")."""
    head = span.root.head
    before = _word_before(span)
    if _DATED_AHEAD & {head.lower_, head.head.lower_, before}:
        return "present"
    tense = _verb_tense(span)
    if head.lower_ in _UNTIL:
        return "present" if tense == "past" else "future"
    if tense == "past" and _month_of_a_noun(span):
        return "present"
    return tense


def _month_of_a_noun(span: Span) -> bool:
    """True for a bare month that dates a noun, not the clause's verb: in "told them of a
    cutback in September" the telling is past but the cutback need not be, so the month is
    read as its nearest occurrence rather than as the last one."""
    words = [token.lower_ for token in span if not token.is_punct]
    if len(words) != 1 or words[0] not in MONTHS or words[0] == "may":
        return False
    head = span.root.head
    if head.dep_ == "prep" and span.root.dep_ == "pobj":
        head = head.head
    return head.pos_ == "NOUN" and head.lower_ not in _TEMPORAL_NOUNS


def _word_before(span: Span) -> str:
    """The word before the expression, over "on", "to", "until" and the like."""
    index = span.start - 1
    while index >= 0 and (span.doc[index].is_punct or span.doc[index].lower_ in _LINKS):
        index -= 1
    return span.doc[index].lower_ if index >= 0 else ""


_LINKS = frozenset({"on", "to", "until", "till", "through", "of", "as", "from"})


def _verb_tense(span: Span) -> Tense:
    verb = span.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        verb = span.sent.root
    group = [verb, *(child for child in verb.children if child.dep_ in {"aux", "auxpass"})]
    if any(t.lower_ in {"will", "'ll", "shall", "would"} for t in group):
        return "future"
    if _looks_ahead(verb):
        return "future"
    if any(t.lower_ == "going" for t in group) and any(c.lower_ == "to" for c in verb.subtree):
        return "future"
    if any(t.tag_ in {"VBD"} for t in group) or any(t.lower_ in {"has", "have"} for t in group[1:]):
        return "past"
    if verb.tag_ == "VBN" and len(group) == 1 and verb.dep_ in {"acl", "relcl", "advcl"}:
        return "past"  # "the year ended March 31": a participle that reports
    return "present"


def _event_reference(
    doc: Doc,
    expression: Expression,
    expressions: list[Expression],
    dates_by_index: dict[int, date],
    index: int,
    anchor: Anchor | None,
) -> Anchor | None:
    """The date of the event an expression counts from ("the day before the trip").

    The event noun is looked up in the earlier text: a sentence naming it that also carries a
    date gives that date. Otherwise the most recent full date before the expression serves.
    """
    event = expression.parts.get("event")
    earlier = {i: d for i, d in dates_by_index.items() if i < index}
    relative = _resolved_days(doc, expressions, index, anchor)
    if event:
        lemma = event.lower()
        for sent in sentence_spans(doc):
            if sent.start_char >= expression.start:
                break
            if not any(t.lower_ == lemma or t.lemma_.lower() == lemma for t in sent):
                continue
            in_sentence = [
                (i, d)
                for i, d in {**relative, **earlier}.items()
                if sent.start_char <= expressions[i].start < sent.end_char
            ]
            if in_sentence:
                i, day = in_sentence[-1]
                return Anchor(
                    day, f"event date {day.isoformat()} (the {lemma}: “{expressions[i].text}”)"
                )
    if earlier:
        i = max(earlier)
        return Anchor(
            earlier[i], f"earlier date {earlier[i].isoformat()} (“{expressions[i].text}”)"
        )
    return anchor


def _resolved_days(
    doc: Doc, expressions: list[Expression], before: int, anchor: Anchor | None
) -> dict[int, date]:
    """Day-precise values of the relative expressions before index `before`."""
    found: dict[int, date] = {}
    for i in range(before):
        if expressions[i].kind not in {"weekday", "deictic_day"}:
            continue
        resolved = resolve(expressions[i], Context(anchor, tense_of(_span(doc, expressions[i]))))
        day = _day_of(resolved.value) if resolved else None
        if day is not None:
            found[i] = day
    return found
