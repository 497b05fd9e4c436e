"""The array-based paths of the entity step give what the Token-based code they replaced gave
(issue #20): each is checked against a plain reference written with Tokens, on hand-built
Docs of awkward words (no model)."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extract.extractors.entities import cues
from extract.extractors.entities.consistency import _phrase_matches
from extract.extractors.entities.truecase import _WORD, _title_words, caps_lines
from extract.extractors.sentences import lower_ids, sentence_bounds, span_text, token_bounds
from extract.reconcile.names import name_key
from extract.resources import RoleLexicon

NLP = spacy.blank("en")
ROLES = RoleLexicon.from_lines(
    ["mr\thonorific", "st\thonorific", "department\torg", "host\tperson", "agency\torg"]
)
LEXICONS = cues.Lexicons(ROLES, places=frozenset({"france", "new york"}))
WORDS = [
    "Jane", "Roe", "JANE", "roe", "Mr", "Mr.", ".", ",", "(", "or", "JR", "the", "The",
    "of", "spokesman", "Cup", "Open", "Falls", "Department", "Agency", "in", "to", "Pirates",
    "France", "New", "York", "É", "\n", "Ünal", "n.a.s.a", "NASA",
]  # fmt: skip


def _old_honorific(span: Span) -> bool:
    index = span.start - 1
    if index >= 0 and span.doc[index].text == ".":
        index -= 1
    word = span.doc[index].lower_.rstrip(".") if index >= 0 else ""
    return word not in cues.AMBIGUOUS_HONORIFICS and "honorific" in ROLES.kinds_of(word)


def _old_affiliation(span: Span) -> bool:
    doc, index = span.doc, span.start - 1
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index < 1 or doc[index].lower_ not in cues.AFFILIATION_PREPOSITIONS:
        return False
    return doc[index - 1].lower_ in cues.AFFILIATION_ROLES


def _old_expansion(span: Span) -> bool:
    doc = span.doc
    if len(span) < 2:
        return False
    index = span.end
    if index < len(doc) and doc[index].text in {",", "("}:
        index += 1
    if index < len(doc) and doc[index].lower_ == "or":
        index += 1
    if index >= len(doc) or index == span.end:
        return False
    letters = doc[index].text.replace(".", "").lower()
    initials = "".join(t.text[0].lower() for t in span if t.is_alpha)
    capitals = "".join(t.text[0].lower() for t in span if t.text[:1].isupper())
    return len(letters) >= 2 and letters in {initials, capitals}


def _old_preposition(span: Span) -> bool:
    index = span.start - 1
    the = index >= 0 and span.doc[index].lower_ == "the"
    index -= 1 if the else 0
    if index < 0:
        return False
    word = span.doc[index].lower_
    if word not in cues.PLACE_PREPOSITIONS and not (the and word in cues.DIRECTION_PREPOSITIONS):
        return False
    if word in cues.DIRECTION_PREPOSITIONS and span[-1].text.endswith("s"):
        return False
    return span.end >= len(span.doc) or span.doc[span.end].tag_ != "POS"


def _old_answers(span: Span) -> list[bool]:
    letters = span.text.replace(".", "")
    last = span[-1]
    return [
        _old_honorific(span),
        _old_affiliation(span),
        _old_expansion(span),
        _old_preposition(span),
        len(span) > 1 and last.is_title and last.lower_ in cues.EVENT_HEADS,
        len(span) > 1 and last.is_title and last.lower_ in cues.PLACE_HEADS,
        len(span) >= 2
        and any(
            t.is_title
            and "org" in ROLES.kinds_of(t.text)
            and "person" not in ROLES.kinds_of(t.text)
            for t in span
        ),
        len(span) == 1 and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6,
        name_key(span.text) in LEXICONS.places,
    ]


def _new_answers(span: Span) -> list[bool]:
    found = (
        cues.has_honorific,
        cues.has_affiliation,
        cues.has_acronym_expansion,
        cues.after_place_preposition,
        cues.has_event_head,
        cues.has_place_head,
        cues.has_org_word,
        cues.is_acronym,
        cues.is_known_place,
    )
    return [cue(span, LEXICONS) for cue in found]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25), st.data())
def test_cues_from_arrays_answer_as_the_tokens_did(words: list[str], data: st.DataObject) -> None:
    doc = NLP(" ".join(words))
    if not len(doc):
        return
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, min(len(doc), start + 4)))
    span = doc[start:end]
    assert _new_answers(span) == _old_answers(span)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), st.data())
def test_per_doc_arrays_agree_with_the_tokens(words: list[str], data: st.DataObject) -> None:
    doc = NLP(" ".join(words))
    if not len(doc):
        return
    for token in doc:
        token.is_sent_start = token.i == 0 or data.draw(st.booleans())
    starts, ends = token_bounds(doc)
    assert starts == [t.idx for t in doc]
    assert ends == [t.idx + len(t.text) for t in doc]
    assert lower_ids(doc) == [t.lower for t in doc]
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start, len(doc)))
    assert span_text(doc, start, end) == doc[start:end].text
    sentence = doc[start].sent
    assert sentence_bounds(doc, start) == (sentence.start, sentence.end)


def _matcher(doc: Doc, forms: list[list[str]]) -> list[tuple[int, int, str]]:
    """What a PhraseMatcher on LOWER finds, the way `find_missed` used to build one."""
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    for form in forms:
        matcher.add(" ".join(form).lower(), [Doc(doc.vocab, words=form)])
    found = [(s, e, doc.vocab.strings[m]) for m, s, e in matcher(doc)]
    return sorted(found, key=lambda match: (match[0], -match[1]))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS[:12]), min_size=1, max_size=40),
    st.lists(st.lists(st.sampled_from(WORDS[:12]), min_size=1, max_size=3), max_size=5),
)
def test_phrase_matches_are_the_phrase_matchers(words: list[str], forms: list[list[str]]) -> None:
    doc = Doc(NLP.vocab, words=words)
    unique = list({" ".join(form).lower(): form for form in forms}.values())
    patterns = {
        tuple(NLP.vocab[w.lower()].orth for w in form): " ".join(form).lower() for form in unique
    }
    assert _phrase_matches(lower_ids(doc), patterns) == _matcher(doc, unique)


def _old_caps(text: str) -> list[tuple[int, int]]:
    found, position = [], 0
    for line in text.split("\n"):
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) >= 0.9:
            found.append((position, position + len(line)))
        position += len(line) + 1
    return found


LINE_WORDS = ["The", "Over", "Budget", "SLAM", "the", "and", "of", "Idris", "running", "Ünïc", "ß"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*LINE_WORDS, "\n", ".", "1996"]), max_size=30))
def test_headline_line_checks_read_lines_as_before(words: list[str]) -> None:
    text = " ".join(words)
    assert caps_lines(text) == _old_caps(text)
    for line in text.split("\n"):
        assert _title_words(line) == _old_title(line)


def _old_title(line: str) -> list[str]:
    words = _WORD.findall(line)
    content = [w for w in words if len(w) >= 4 and w.lower() not in STOP_WORDS]
    title = [w for w in content if w[:1].isupper() and not w.isupper()]
    if len(title) < 3 or len(title) != len(content):
        return []
    function = [
        w for w in words[1:] if len(w) > 1 and w.lower() in STOP_WORDS - {"the"} and w[:1].isupper()
    ]
    return title if function else []
