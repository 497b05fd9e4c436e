"""The entities step: spaCy NER in, clean entity records (clusters of mentions) out.

Registered as the spaCy component `extract_entities`. It reads `doc.ents` and the parse, and
writes `doc._.entities`: a list of `Entity` records as plain dicts, like every component
(see `extractors/base.py`); `entities_of(doc)` reads them back as models.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.extractors.base import (
    RecordComponent,
    item_guard,
    register_extension,
    stored_records,
)
from extract.extractors.entities.consistency import find_missed
from extract.extractors.entities.introduced import introduced_names
from extract.extractors.entities.introduced_orgs import introduced_organisations
from extract.extractors.entities.labels import (
    Lexicons,
    Observed,
    default_lexicons,
    entity_label,
)
from extract.extractors.entities.listed_orgs import listed_organisations
from extract.extractors.entities.outlet_orgs import outlet_organisations
from extract.extractors.entities.roles import roles_for
from extract.extractors.entities.surface import Piece, clean_span
from extract.extractors.entities.truecase import (
    EnglishWords,
    english_words,
    line_entities,
    recased_lines,
)
from extract.extractors.quotes.gender import entity_genders
from extract.extractors.sentences import (
    opens_line_or_sentence,
    sentence_index,
    sentence_starts,
    span_text,
    token_bounds,
)
from extract.models import Entity, Mention
from extract.reconcile.cluster import MentionName, canonical_name, cluster_mentions
from extract.reconcile.ids import entity_id
from extract.resources import ROLE_LEXICON_FILE, RoleLexicon, default_role_lexicon

COMPONENT_NAME = "extract_entities"

register_extension("entities")


@Language.factory(
    COMPONENT_NAME,
    default_config={"lexicon_path": None},
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.entities"],
)
def make_entity_component(nlp: Language, name: str, lexicon_path: str | None) -> EntityComponent:
    """spaCy factory. `lexicon_path`: a roles.tsv file; None uses models/roles.tsv."""
    if lexicon_path is None:
        lexicon = default_role_lexicon()
    else:
        path = Path(lexicon_path)
        if not path.is_file():
            raise ValueError(
                f"[{name}] lexicon_path {lexicon_path!r} is not a file; give the path of a "
                "roles.tsv (word<TAB>kind lines) or leave it null for the bundled one"
            )
        lexicon = RoleLexicon.from_lines(path.read_text(encoding="utf-8").splitlines())
    return EntityComponent(lexicon, nlp=nlp, name=name)


Recased = tuple[list[Span], list[tuple[int, int]]]
"""A Doc's entities found in its re-cased headline lines, and those lines' (start, end)."""

_RECOGNISERS = frozenset({"tok2vec", "transformer", "curated_transformer", "ner", "entity_ruler"})
"""Factories whose output the re-annotation of headline lines needs."""


class EntityComponent(RecordComponent[Entity]):
    """Computes entities for a Doc (`extract_entities`) and writes them to `doc._.entities`."""

    extension = "entities"
    name = COMPONENT_NAME

    def __init__(
        self, lexicon: RoleLexicon, *, nlp: Language | None = None, name: str = ""
    ) -> None:
        self.lexicon = lexicon
        self.nlp = nlp
        self.name = name or COMPONENT_NAME
        self._english: EnglishWords | None = None
        self._lexicons: Lexicons | None = None

    @property
    def lexicons(self) -> Lexicons:
        """The role lexicon with the bundled organisation, place and speech-verb tables."""
        if self._lexicons is None or self._lexicons.roles is not self.lexicon:
            self._lexicons = default_lexicons(self.lexicon, self.english)
        return self._lexicons

    @property
    def english(self) -> EnglishWords:
        """Common English words, read from the pipeline once (for re-casing headlines)."""
        if self._english is None:
            self._english = english_words(self.nlp) if self.nlp else EnglishWords()
        return self._english

    def extract(self, doc: Doc) -> list[Entity]:
        """The entities of `doc`, ordered by first mention."""
        return self._extract(doc, self._recased([doc])[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Like `__call__` on each Doc, with the re-cased headline lines of a whole batch of
        Docs run through the recognisers together (one short line at a time costs several
        times more). A Doc that fails goes to the pipeline's error handler."""
        error_handler = self.get_error_handler()
        stream = iter(docs)
        while chunk := list(islice(stream, max(batch_size, 1))):
            try:
                found: list[Recased] | None = self._recased(chunk)
            except Exception:
                found = None  # one Doc at a time below: the failing Doc is the one reported
            for index, doc in enumerate(chunk):
                try:
                    recased = found[index] if found is not None else self._recased([doc])[0]
                    self.set_annotations(doc, self._extract(doc, recased))
                    yield doc
                except Exception as exc:
                    error_handler(self.name, self, [doc], exc)

    def _recased(self, docs: list[Doc]) -> list[Recased]:
        """For each Doc: the entities of its re-cased capitals and title-case lines, and the
        lines; the lines of all the Docs go through the recognisers in one batch."""
        if self.nlp is None:
            return [([], []) for _ in docs]
        lines = [recased_lines(doc, self.english) for doc in docs]
        annotated = iter(self._annotate_all([text for found in lines for _, _, text in found]))
        result: list[Recased] = []
        for doc, found in zip(docs, lines, strict=True):
            own = [next(annotated) for _ in found]
            result.append((line_entities(doc, found, own), [(s, e) for s, e, _ in found]))
        return result

    def _extract(self, doc: Doc, recased: Recased) -> list[Entity]:
        spans, caps = recased
        model_spans = [e for e in doc.ents if not any(s <= e.start_char < t for s, t in caps)]
        spans = sorted([*model_spans, *spans], key=lambda span: span.start)
        pieces = [piece for span in spans for piece in clean_span(span, self.lexicon)]
        pieces = introduced_organisations(doc, pieces, self.lexicon)
        pieces = listed_organisations(doc, pieces, self.lexicon)
        pieces = outlet_organisations(doc, pieces, self.lexicon)
        pieces += introduced_names(doc, pieces, self.lexicon)
        pieces += find_missed(doc, pieces, self.lexicon)
        pieces.sort(key=lambda piece: (piece.start, -piece.end))
        pieces = _without_overlaps(pieces)
        piece_spans = [p.span(doc) for p in pieces]
        first_char, last_char = token_bounds(doc)
        mentions = [
            _Found(span_text(doc, p.start, p.end), first_char[p.start], last_char[p.end - 1])
            for p in pieces
        ]  # the text and offsets of each, from the Doc's arrays: `Span.text` joins tokens
        names = [
            MentionName(m.text, p.label, p.start) for p, m in zip(pieces, mentions, strict=True)
        ]
        starts = sentence_starts(doc)
        entities: list[Entity] = []
        for group in cluster_mentions(names):
            with item_guard(doc, self.name, mentions[group[0]].start, mentions[group[-1]].end):
                members = [pieces[i] for i in group]
                if not self._common_word_at_sentence_start(doc, members):
                    spans_of = [piece_spans[i] for i in group]
                    found = [mentions[i] for i in group]
                    entities.append(self._entity(doc, members, spans_of, found, starts))
        genders = entity_genders(doc, entities)
        return [
            e.model_copy(update={"gender": genders[e.id]}) if e.id in genders else e
            for e in entities
        ]

    def _common_word_at_sentence_start(self, doc: Doc, group: list[Piece]) -> bool:
        """True for a would-be person that is only ever one common English word opening a
        sentence or line ("Editorial", "Character"): capitalised by position, not as a name.
        A surname alone ("Brown said") is kept when the text has the full name, since it then
        joins that entity, or writes the word capitalised mid-sentence elsewhere."""
        if any(p.label != "PERSON" or p.end - p.start != 1 or p.roles for p in group):
            return False
        own = {p.start for p in group}
        if not all(opens_line_or_sentence(doc, i) for i in own):
            return False
        first = doc[group[0].start]
        word = first.lower_
        if not first.text.istitle() or word not in self.english:
            return False
        return not any(
            t.lower_ == word and t.text[:1].isupper() and not t.is_sent_start
            for t in doc
            if t.i not in own
        )

    def _annotate_all(self, texts: list[str]) -> list[Doc]:
        """Run the pipeline's entity recognisers (and the embedding layers they may listen
        to) that precede this component on `texts`, as one batch; tags and parse are not
        needed here. The recognisers label each Doc alike whatever else is in its batch."""
        if not texts:
            return []
        assert self.nlp is not None
        docs = [self.nlp.make_doc(text) for text in texts]
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            factory = self.nlp.get_pipe_meta(name).factory
            if factory in _RECOGNISERS:
                docs = (
                    list(component.pipe(docs, batch_size=len(docs)))
                    if hasattr(component, "pipe")
                    else [component(doc) for doc in docs]
                )
        return docs

    def _entity(
        self,
        doc: Doc,
        pieces: list[Piece],
        spans: list[Span],
        found: list[_Found],
        starts: list[int],
    ) -> Entity:
        roles: list[str] = []
        observed: list[Observed] = []
        for piece, span in zip(pieces, spans, strict=True):
            piece_roles = piece.roles + roles_for(span, self.lexicon, piece.label)
            roles += [role for role in dict.fromkeys(piece_roles) if role not in roles]
            observed.append(Observed(span, piece.label, piece.source, piece_roles))
        label = entity_label(observed, self.lexicons)
        name = canonical_name([mention.text for mention in found])
        mentions = [
            Mention(
                text=mention.text,
                start=mention.start,
                end=mention.end,
                sentence=sentence_index(starts, p.start),
            )
            for p, mention in zip(pieces, found, strict=True)
        ]
        return Entity(
            id=entity_id(label, name),
            name=name,
            label=label,
            mentions=mentions,
            roles=roles if label in {"PERSON", "ORG"} else [],
        )

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        lines = self.lexicon.to_lines()
        (folder / ROLE_LEXICON_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityComponent:
        text = (Path(path) / ROLE_LEXICON_FILE).read_text(encoding="utf-8")
        self.lexicon = RoleLexicon.from_lines(text.splitlines())
        return self


def entities_of(doc: Doc) -> list[Entity]:
    """The `Entity` records the component stored on `doc` (validated back from plain data)."""
    return stored_records(doc, "entities", Entity)


class _Found(NamedTuple):
    """A mention's text and character offsets, read once."""

    text: str
    start: int
    end: int


def _without_overlaps(pieces: list[Piece]) -> list[Piece]:
    kept: list[Piece] = []
    end = -1
    for piece in pieces:
        if piece.start >= end:
            kept.append(piece)
            end = piece.end
    return kept
