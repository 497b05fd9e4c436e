"""Clean surface forms: what the model marked, trimmed to the name itself.

spaCy's entity spans carry noise a reader would not call part of the name: a possessive
("Stanley Kubrick’s"), a role word in front ("Actress Katya Morozova"), a leading "the", or two
names glued by a possessive ("Christopher Nolan’s Interstellar"). `clean_span` turns one model
span into zero or more `Piece`s, each a clean name with its label and the role words removed.
One span grows instead: a country before a state body ("the Chinese government") names the
body, an organisation.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import cast

from spacy.tokens import Doc, Span, Token

from extract.extractors.entities.cues import known_places
from extract.extractors.entities.lines import (
    in_credit_line,
    is_dateline,
    line_break_tokens,
    token_words,
)
from extract.extractors.sentences import entity_spans
from extract.models import ENTITY_LABELS
from extract.reconcile.names import name_key
from extract.resources import RoleLexicon

POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’", "ʼs"})
_LEADING_DETERMINERS = frozenset({"the", "a", "an"})
KEPT_LABELS = frozenset(ENTITY_LABELS)
"""The model's labels kept as entities: the record's labels (numbers and dates have steps of
their own)."""
ROLE_BEARING_LABELS = frozenset({"PERSON", "ORG"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "inc", "ltd", "llc", "plc", "corp", "co"})
MAX_HEADING_WORDS = 4
COMMON_OWNERS = frozenset(
    {"people", "children", "women", "men", "king", "queen", "veterans", "workers", "farmers"}
    | {"citizens", "nurses", "lady", "ladies", "mother", "father", "sailors", "soldiers"}
)
"""Common nouns whose possessive opens an organisation's own name: no owner to split off."""
BODY_HEADS = frozenset(
    {"government", "police", "military", "army", "navy", "ministry", "parliament", "cabinet"}
    | {"embassy", "junta", "legislature", "judiciary"}
)
"""Nouns that, after a country or its adjective, name a state body: "the Chinese government",
"Hong Kong police", "the Syrian defense ministry" are organisations, not places."""
BODY_MODIFIERS = frozenset(
    {"defense", "defence", "foreign", "interior", "finance", "health", "justice", "education"}
    | {"trade", "state", "federal", "central", "national", "interim", "transitional"}
)
"""Words between the place and the body noun: "defense ministry", "federal government"."""
MAX_BODY_WORDS = 2


@dataclass
class Piece:
    """A clean name: token range [start, end) in the Doc, its label, role words cut off it."""

    start: int
    end: int
    label: str
    roles: list[str] = field(default_factory=list)
    source: str = "model"

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def is_possessive(token: Token) -> bool:
    """True for a possessive marker token ('s, ’s, or a bare apostrophe after a plural)."""
    return token.tag_ == "POS" or token.lower_ in POSSESSIVE_ENDINGS


def is_name_like(token: Token) -> bool:
    """True for tokens that can be part of a proper name (capitalised, digits, acronyms)."""
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit() or token.pos_ == "PROPN")


def clean_span(span: Span, lexicon: RoleLexicon) -> list[Piece]:
    """Trim one model entity span to clean name pieces (possibly none, possibly two)."""
    if span.label_ not in KEPT_LABELS:
        return []
    if span.label_ not in PLACE_LABELS and in_capital_heading(span):
        return []
    if span.label_ in ROLE_BEARING_LABELS and in_credit_line(span):
        return []  # bylines and credits: the record's author, not the story's people
    if is_dateline(span):
        span = Span(span.doc, span.start, span.end, "GPE")
    body = state_body(span)
    if body is not None:
        span = body
    listed = split_at_list_comma(span)
    if listed is not None:
        return [p for part in listed for p in clean_span(part, lexicon)]
    place = leading_place(span)
    if place is not None:
        rest = span.doc[place.end : span.end]
        rest.label_ = span.label_
        return [*clean_span(place, lexicon), *clean_span(rest, lexicon)]
    pieces: list[Piece] = []
    start = span.start
    doc = span.doc
    # Split at an inner possessive: "Christopher Nolan’s Interstellar" -> owner + owned.
    for index in range(span.start + 1, span.end - 1):
        owner_words = [t.lower_ for t in doc[start:index] if t.lower_ not in _LEADING_DETERMINERS]
        if owner_words and len(owner_words) == 1 and owner_words[0] in COMMON_OWNERS:
            continue  # "the People’s Liberation Army", "Women’s Tennis Association": one name
        if is_possessive(doc[index]) and is_name_like(doc[index + 1]):
            # "Serbia’s Novak Djokovic": a place owns a person; "Nolan’s Interstellar": a work.
            place_owner = _is_place(doc[start:index])
            owner_label = "GPE" if place_owner else span.label_
            owner = _trim(doc, start, index, owner_label, lexicon)
            if owner is not None:
                pieces.append(owner)
            work = span.label_ == "PERSON" and not place_owner
            owned_label = "WORK_OF_ART" if work else span.label_
            owned = _trim(doc, index + 1, span.end, owned_label, lexicon)
            if owned is not None:
                owned.source = "split"
                pieces.append(owned)
            return pieces
    piece = _trim(doc, start, span.end, span.label_, lexicon)
    return [piece] if piece is not None else []


def state_body(span: Span) -> Span | None:
    """ "Chinese government", "Hong Kong police", "Syrian defense ministry": a country or its
    adjective right before a body noun (at most one modifier between), as one ORG span."""
    if span.label_ not in {"NORP", "GPE"}:
        return None
    doc = span.doc
    end = span.end
    while end < len(doc) and end - span.end < MAX_BODY_WORDS and doc[end].is_lower:
        word = doc[end].lower_
        if word in BODY_HEADS:
            return Span(doc, span.start, end + 1, "ORG")
        if word not in BODY_MODIFIERS:
            return None
        end += 1
    return None


def is_handle_or_url(token: Token) -> bool:
    """ "@jane_roe", "https://...", "www.acme.com": an address, never a name or a role."""
    text = token.text.lower()
    return (
        token.like_url
        or text.startswith(("@", "#", "http", "www."))
        or "://" in text
        or text.endswith((".com", ".org", ".net"))
    )


def in_capital_heading(span: Span) -> bool:
    """The span sits on a line of one to four words, all in capitals ("KAZAKHSTAN WINS"): a
    heading, whose words the model reads as names. Walks the line's tokens outward and stops
    at the first sign of ordinary text (never `Doc.text`, which is rebuilt on every access)."""
    doc = span.doc
    words = 0

    def heading_word(token: Token) -> bool:
        nonlocal words
        if not any(ch.isalpha() for ch in token.text):
            return True
        words += 1
        return token.text == token.text.upper() and words <= MAX_HEADING_WORDS

    if not all(heading_word(token) for token in span):
        return False
    first = span.start
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
        if not heading_word(doc[first]):
            return False
    last = span.end - 1
    while last + 1 < len(doc) and "\n" not in doc[last].text_with_ws:
        last += 1
        if not heading_word(doc[last]):
            return False
    return words > 0


def split_at_list_comma(span: Span) -> list[Span] | None:
    """ "Gadget Pro, Acme" glued at a list comma: the parts, each with the span's label. Not
    places ("Paris, Texas") nor suffixes ("Roe, Jr.", "Acme, Inc.")."""
    if span.label_ in PLACE_LABELS:
        return None
    doc = span.doc
    for index in range(span.start + 1, span.end - 1):
        if doc[index].text != ",":
            continue
        left, right = doc[span.start : index], doc[index + 1 : span.end]
        if doc[index + 1].lower_.rstrip(".") in NAME_SUFFIXES:
            return None
        if all(any(is_name_like(t) and t.is_alpha for t in part) for part in (left, right)):
            parts = [Span(doc, left.start, left.end, span.label_)]
            return [*parts, Span(doc, right.start, right.end, span.label_)]
    return None


def leading_place(span: Span) -> Span | None:
    """ "Canada Jane Roe": a country glued before a person's name, as a GPE span. The country
    must be labelled GPE/NORP elsewhere in the text, or be followed by a full name."""
    if span.label_ != "PERSON" or len(span) < 2:
        return None
    doc = span.doc
    tagged = _tagged_places(doc)
    places = known_places()
    for cut in range(min(3, len(span) - 1), 0, -1):
        head, rest = doc[span.start : span.start + cut], doc[span.start + cut : span.end]
        key = name_key(head.text)
        if not all(is_name_like(t) for t in rest):
            continue
        if key in tagged or (key in places and len(rest) >= 2):
            label = "NORP" if key in tagged and key not in places else "GPE"
            return Span(doc, head.start, head.end, label)
    return None


_TAGGED_KEY = "extract.tagged_places"


def _tagged_places(doc: Doc) -> set[str]:
    """Keys of the names the model tags GPE or NORP anywhere in the Doc, worked out once per
    Doc (kept as a list: `doc.to_bytes` must still serialise `user_data`)."""
    cached = doc.user_data.get(_TAGGED_KEY)
    if cached is not None and cached[0] == len(doc):
        return set(cast(list[str], cached[1]))
    found = {name_key(text) for _, _, label, text in entity_spans(doc) if label in {"GPE", "NORP"}}
    doc.user_data[_TAGGED_KEY] = (len(doc), sorted(found))
    return found


def _is_place(span: Span) -> bool:
    """A country or state, or a name the model tags GPE elsewhere in the text."""
    key = name_key(span.text)
    if key in known_places():
        return True
    return any(
        label == "GPE" and name_key(text) == key for _, _, label, text in entity_spans(span.doc)
    )


def _trim(doc: Doc, start: int, end: int, label: str, lexicon: RoleLexicon) -> Piece | None:
    roles: list[str] = []
    if any(is_handle_or_url(token) for token in doc[start:end]):
        return None
    # "’s Jane Roe": the owner fell outside the span; its possessive is no part of the name.
    while end - start > 1 and is_possessive(doc[start]):
        start += 1
    # A name never runs over a line break (headlines, captions and table cells end there).
    breaks = line_break_tokens(doc)
    at = bisect_left(breaks, start)
    if at < len(breaks) and breaks[at] < end:  # the first token holding a line break
        index = breaks[at]
        end = index if "\n" in doc[index].text else index + 1
    # A person's name ends before a number: "Jane Roe 1 goal, 2 assists" (a stats line).
    if label == "PERSON":
        for index in range(start + 1, end):
            if any(ch.isdigit() for ch in doc[index].text):
                end = index
                break
    # Trailing possessives, punctuation and, for people, numbers ("Kubrick’s", "Smith 63").
    while end > start and (
        is_possessive(doc[end - 1])
        or _is_trailing_punct(doc[end - 1])
        or (label == "PERSON" and doc[end - 1].like_num)
    ):
        end -= 1
    # Leading determiners; a capitalised "The" stays in titles of works.
    while end - start > 1 and doc[start].lower_ in _LEADING_DETERMINERS:
        if label == "WORK_OF_ART" and doc[start].text[0].isupper():
            break
        start += 1
    # Leading role words and honorifics: "Actress Katya Morozova", "Dr. Jane Roe". The model
    # sometimes labels such spans ORG; the role word left in `roles` votes for PERSON later.
    while end - start > 1 and _is_role_word(doc[start], lexicon, label):
        if "honorific" not in lexicon.kinds_of(doc[start].text):
            roles.append(doc[start].lower_)
        start += 1
    texts = token_words(doc)[0][start:end]  # the tokens' texts without making Tokens
    if start >= end or not any(ch.isalpha() for text in texts for ch in text):
        return None
    if end - start == 1 and "honorific" in lexicon.kinds_of(texts[0]):
        return None
    if not any(text[:1].isupper() or text[:1].isdigit() for text in texts):
        return None
    return Piece(start=start, end=end, label=label, roles=roles)


def _is_role_word(token: Token, lexicon: RoleLexicon, label: str) -> bool:
    kinds = lexicon.kinds_of(token.text)
    if label == "PERSON":
        return bool(kinds & {"person", "honorific"}) or (token.pos_ == "NOUN" and token.is_lower)
    if label in ROLE_BEARING_LABELS and kinds & {"person", "honorific"}:
        return bool(kinds & {"honorific"}) or "org" not in kinds
    return "org" in kinds and token.is_lower


def _is_trailing_punct(token: Token) -> bool:
    """Punctuation that ends a span but not a name; a closing bracket may belong to it."""
    return token.is_punct and token.text not in {")", "]"}
