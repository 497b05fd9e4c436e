"""What the parse says about a temporal expression (spaCy Token and Span helpers).

The grammar finds expressions in plain text; these helpers read the parse around each one: the
filters that drop numbers and names that only look like dates, the tense of the clause (which
way a bare "Friday" or "March" points), whether it dates a past event (which tells when the
article was written), and the event "the day before the trip" counts from.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from extract.extractors.dates.calendar import day_of
from extract.extractors.dates.grammar import Expression
from extract.extractors.dates.lexicon import MONTHS
from extract.extractors.dates.resolve import Anchor, Context, Tense, resolve
from extract.extractors.sentences import sentence_of, sentence_spans

_TEMPORAL_NOUNS = frozenset(
    {"year", "years", "season", "quarter", "month", "summer", "winter", "spring", "fall"}
)
_NOT_TIME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "MONEY", "LAW"})


def span_of(doc: Doc, expression: Expression) -> Span:
    """The tokens covering an expression found in the plain text."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    assert span is not None  # "expand" always finds covering tokens for a non-empty range
    return span


def keep(doc: Doc, expression: Expression) -> bool:
    """Token-level filters: years that count things, dates inside names and titles."""
    span = span_of(doc, expression)
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


def dates_a_past_event(span: Span) -> bool:
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
        verb = sentence_of(span).root
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


def event_reference(
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
        resolved = resolve(expressions[i], Context(anchor, tense_of(span_of(doc, expressions[i]))))
        day = day_of(resolved.value) if resolved else None
        if day is not None:
            found[i] = day
    return found
