"""What attributing one Doc's quotes needs to look up quickly: marks, sentences, entities.

Built once per Doc; every strategy and the reported-speech finder read positions through it, so
"is this token inside quotation marks?" and "which sentence is this?" have one answer each.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.extractors.entities.component import entities_of
from extract.extractors.quotes.cues import CueLexicon
from extract.extractors.quotes.marks import QuotedSpan, find_quotes
from extract.extractors.quotes.mentions import SpeakerIndex
from extract.extractors.sentences import doc_text, sentence_spans, sentence_starts


@dataclass
class QuoteContext:
    """One Doc prepared for attribution."""

    doc: Doc
    cues: CueLexicon
    text: str = ""
    sentences: list[Span] = field(default_factory=list)
    marks: list[QuotedSpan] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    speakers: SpeakerIndex | None = None
    used_cues: set[int] = field(default_factory=set)
    """Tokens already used as the cue of a direct quote (not reported speech again)."""
    cue_candidates: tuple[list[int], set[int]] | None = None
    """Tokens whose lemma can report speech (`reported.cue_candidates`), once asked."""

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)
        self.sentences = sentence_spans(self.doc)
        self._sentence_chars = [sentence.start_char for sentence in self.sentences]
        self.marks = find_quotes(self.text)
        self._mark_starts = [mark.inner_start for mark in self.marks]
        self.starts = sentence_starts(self.doc)
        self.speakers = SpeakerIndex(
            self.doc, entities_of(self.doc), self.marks, self.cues.lemmas, self.text, self.sentences
        )

    @property
    def index(self) -> SpeakerIndex:
        assert self.speakers is not None
        return self.speakers

    def outside_marks(self, token: Token) -> bool:
        """True when `token` is not inside any quotation."""
        return self.outside_char(token.idx)

    def outside_char(self, char: int) -> bool:
        """True when the character at `char` is not inside any quotation."""
        index = bisect_right(self._mark_starts, char) - 1
        return index < 0 or char >= self.marks[index].inner_end

    def sentence_at(self, char: int) -> Span:
        return self.sentences[max(bisect_right(self._sentence_chars, char) - 1, 0)]

    def token_at(self, char: int) -> Token:
        span = self.doc.char_span(char, min(char + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else self.doc[-1]

    def quote_between(self, start: int, end: int) -> bool:
        """True when a quotation opens in [start, end) (it would own a cue found there)."""
        return any(start <= other.start < end for other in self.marks)
