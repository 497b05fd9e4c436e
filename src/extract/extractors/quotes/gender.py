"""Gender a text gives a person: its own pronouns for them and the role words it uses
("actress", "Mrs"), which are evidence where a name is a guess. Only when the text says
nothing does a first name decide, and only from the project's own hand-curated list of common
given names of clear gender (the public data sets are GPL or built from leaked data)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import Literal, Protocol

from spacy.strings import get_string_id
from spacy.symbols import PRON
from spacy.tokens import Doc, Span

from extract.extractors.quotes.marks import find_quotes
from extract.extractors.sentences import doc_text, lower_ids, sentence_spans, token_bounds
from extract.models import Entity
from extract.reconcile.lexicons import given_gender

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
FEMALE_WORDS = frozenset(
    [
        "actress",
        "mrs",
        "ms",
        "miss",
        "madam",
        "madame",
        "lady",
        "dame",
        "queen",
        "princess",
        "chairwoman",
        "spokeswoman",
        "businesswoman",
        "congresswoman",
        "councilwoman",
        "camerawoman",
        "sister",
        "mother",
        "wife",
        "daughter",
        "widow",
        "grandmother",
        "girl",
        "woman",
        "aunt",
        "niece",
    ]
)
MALE_WORDS = frozenset(
    [
        "actor",
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "chairman",
        "spokesman",
        "businessman",
        "congressman",
        "councilman",
        "cameraman",
        "policeman",
        "brother",
        "father",
        "husband",
        "son",
        "widower",
        "grandfather",
        "boy",
        "man",
        "uncle",
        "nephew",
    ]
)


class _Ref(Protocol):
    @property
    def entity(self) -> Entity: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence(self) -> int: ...


def pronoun_votes(
    doc: Doc, refs: Sequence[_Ref], sentences: list[Span] | None = None
) -> dict[str, str]:
    """Gender the text itself gives a person: the gendered pronouns that follow their name in
    a sentence naming no other person ("Ruiz said his team ..."), when they all agree.
    `sentences`: the Doc's sentence spans when the caller has them already."""
    votes: dict[str, set[str]] = {}
    by_sentence: dict[int, list[_Ref]] = {}
    for ref in refs:
        by_sentence.setdefault(ref.sentence, []).append(ref)
    for index, sentence in enumerate(sentence_spans(doc) if sentences is None else sentences):
        inside = by_sentence.get(index, [])
        people = {ref.entity.id for ref in inside if ref.entity.label == "PERSON"}
        if len(people) != 1:
            continue
        first = min(ref.end for ref in inside if ref.entity.label == "PERSON")
        found = {
            gender
            for _, char, gender in pronouns_within(doc, sentence.start, sentence.end)
            if char >= first
        }
        if found:
            votes.setdefault(people.pop(), set()).update(found)
    return {entity: genders.pop() for entity, genders in votes.items() if len(genders) == 1}


_PRONOUNS_KEY = "extract.gendered_pronouns"
_PRONOUN_IDS = {get_string_id(word): gender for word, gender in PRONOUN_GENDER.items()}


def gendered_pronouns(doc: Doc) -> list[tuple[int, int, str]]:
    """(token index, start character, gender) of every gendered pronoun of `doc` (a PRON
    whose lower-case form is in PRONOUN_GENDER), in order, once per Doc: the votes and the
    counts look for them sentence by sentence and need no Token for the other words."""
    cached = doc.user_data.get(_PRONOUNS_KEY)
    if cached is not None and cached[0] == len(doc):
        pronouns: list[tuple[int, int, str]] = cached[1]
        return pronouns
    lower = lower_ids(doc)
    candidates = [i for i, word in enumerate(lower) if word in _PRONOUN_IDS]
    starts = token_bounds(doc)[0]
    found = [(i, starts[i], _PRONOUN_IDS[lower[i]]) for i in candidates if doc[i].pos == PRON]
    doc.user_data[_PRONOUNS_KEY] = (len(doc), found)
    return found


def mention_span(doc: Doc, start: int, end: int) -> Span | None:
    """`doc.char_span(start, end, alignment_mode="expand")`, found by bisection in the
    Doc's token offsets when [start, end) is a whole number of tokens, as a mention is."""
    first_chars, last_chars = token_bounds(doc)
    first = bisect_left(first_chars, start)
    last = bisect_left(last_chars, end)
    if (
        first < len(first_chars)
        and first_chars[first] == start
        and last < len(last_chars)
        and last_chars[last] == end
        and first <= last
    ):
        return doc[first : last + 1]
    return doc.char_span(start, end, alignment_mode="expand")


def pronouns_within(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """The `gendered_pronouns` among tokens [start, end)."""
    found = gendered_pronouns(doc)
    indices = [i for i, _, _ in found]
    return found[bisect_left(indices, start) : bisect_left(indices, end)]


def gender_of(entity: Entity) -> str | None:
    words = {word.lower().rstrip(".") for role in entity.roles for word in role.split()}
    words |= {m.text.split()[0].lower().rstrip(".") for m in entity.mentions if " " in m.text}
    if words & FEMALE_WORDS and not words & MALE_WORDS:
        return "female"
    if words & MALE_WORDS and not words & FEMALE_WORDS:
        return "male"
    return None


def given_name_gender(entity: Entity) -> str | None:
    """The weakest evidence, used only when the text says nothing: a first name that the
    project's hand-curated list (`models/given_gender.tsv`, names used for both left out)
    gives one gender."""
    found = {
        given_gender(m.text.split()[0].lower().rstrip("."))
        for m in entity.mentions
        if len(m.text.split()) > 1
    } - {None}
    if len(found) != 1:
        return None
    return "female" if found.pop() == "f" else "male"


Gender = Literal["female", "male"]
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
TITLES = {
    **dict.fromkeys(["mrs", "ms", "miss", "madam", "madame", "dame", "lady"], "female"),
    **dict.fromkeys(["queen", "princess"], "female"),
    **dict.fromkeys(["mr", "sir", "lord", "king", "prince"], "male"),
}
"""Honorifics and titles just before a name ("Mr. Roe"): the entities step keeps them out of
the name, so they are read from the text."""
MIN_PRONOUN_VOTES = 2
"""Pronouns alone decide only when at least this many agree and none disagrees."""
CHAIN_SENTENCES = 2
"""How many sentences naming no person a pronoun chain runs on after the person's sentence."""


def pronoun_counts(doc: Doc, entities: Sequence[Entity]) -> dict[str, Counter[str]]:
    """Gendered pronouns outside quotation marks that corefer with each person, by entity id:
    those after the person's name in a sentence naming no other person and the person as a
    subject ("Roe said her team ..."), and those of the next sentences that name no person at
    all, while the chain runs ("Roe arrived. She said ..."). A pronoun in a sentence naming
    two people, or a person who is no subject ("he met Dr. Roe"), counts for none.
    Counts, not a verdict: `entity_genders` decides."""
    text = doc_text(doc)
    marks = [(m.inner_start, m.inner_end) for m in find_quotes(text)]
    mark_starts = [start for start, _ in marks]

    def quoted(char: int) -> bool:
        index = bisect_right(mark_starts, char) - 1
        return index >= 0 and char < marks[index][1]

    first: dict[int, dict[str, int]] = {}
    subjects: set[tuple[int, str]] = set()
    for entity in entities:
        if entity.label != "PERSON":
            continue
        for mention in entity.mentions:
            if quoted(mention.start):
                continue
            here = first.setdefault(mention.sentence, {})
            here[entity.id] = min(here.get(entity.id, mention.end), mention.end)
            span = mention_span(doc, mention.start, mention.end)
            if span is not None and span.root.dep_ in SUBJECTS:
                subjects.add((mention.sentence, entity.id))
    counts: dict[str, Counter[str]] = {}
    chained: str | None = None
    left = 0
    for index, sentence in enumerate(sentence_spans(doc)):
        named = first.get(index, {})
        if len(named) > 1 or (named and (index, next(iter(named))) not in subjects):
            chained = None  # two people, or one who is not the subject: "he met Dr. Roe"
            continue
        if named:
            ((person, after),) = named.items()
            chained, left = person, CHAIN_SENTENCES
        elif chained is None or left == 0:
            chained = None
            continue
        else:
            after, left = sentence.start_char, left - 1
        for _, char, gender in pronouns_within(doc, sentence.start, sentence.end):
            if char >= after and not quoted(char):
                counts.setdefault(chained, Counter())[gender] += 1
    return counts


def entity_genders(doc: Doc, entities: Sequence[Entity]) -> dict[str, Gender]:
    """The gender each person's own article gives them, by entity id, only where it is clear:
    an honorific or gendered role word ("Mrs.", "actress") with no pronoun against it, or at
    least `MIN_PRONOUN_VOTES` coreferring pronouns that all agree. Conflicting evidence gives
    nothing, and a given name alone never decides (that guess stays inside matching)."""
    counts = pronoun_counts(doc, entities)
    found: dict[str, Gender] = {}
    for entity in entities:
        if entity.label != "PERSON":
            continue
        votes = counts.get(entity.id, Counter())
        said = _role_gender(entity) or _title_gender(doc, entity)
        if said is None and len(votes) == 1 and sum(votes.values()) >= MIN_PRONOUN_VOTES:
            said = next(iter(votes))
        if said == "female" and not votes["male"]:
            found[entity.id] = "female"
        elif said == "male" and not votes["female"]:
            found[entity.id] = "male"
    return found


def _role_gender(entity: Entity) -> str | None:
    """The gender the entity's role words ("actress", "his wife") and the titles inside its
    mentions ("Mrs. Roe") give, if one; a mention's other first words are no evidence
    ("Man Shot", a headline the model took for a name)."""
    words = {word.lower().strip(".,") for role in entity.roles for word in role.split()}
    firsts = {m.text.split()[0].lower().rstrip(".") for m in entity.mentions if " " in m.text}
    found = {TITLES[word] for word in firsts if word in TITLES}
    found |= {"female" for _ in words & FEMALE_WORDS} | {"male" for _ in words & MALE_WORDS}
    return found.pop() if len(found) == 1 else None


def _title_gender(doc: Doc, entity: Entity) -> str | None:
    """The gender the titles just before the entity's mentions give ("Mrs. Roe"), if one."""
    found: set[str] = set()
    for mention in entity.mentions:
        span = mention_span(doc, mention.start, mention.end)
        if span is None or span.start == 0:
            continue
        before = doc[span.start - 1]
        if before.text == "." and span.start > 1:
            before = doc[span.start - 2]
        title = TITLES.get(before.lower_.rstrip("."))
        if title is not None and before.text[:1].isupper():  # not "they miss Roe"
            found.add(title)
    return found.pop() if len(found) == 1 else None
