"""The quotes step: direct, partial, mixed and indirect quotes, each tied to its source.

Registered as the spaCy component `extract_quotes`; it runs after `extract_entities` (speakers
are entities) and writes `doc._.quotes`: `Quote` records as plain dicts.

Quoted spans come from `extract.quotation.marks` (pairing per paragraph, long quotes over
several paragraphs, recovery from unbalanced marks). Each is attributed by, in order:
  1. a reporting verb outside the quotation in the sentence it closes or opens in
     (“…,” Roe said / said Roe / Roe told the BBC: “…”), or "according to X";
  2. a colon introduction naming the source ("Quite a challenge for director X: “…”");
  3. the source of the quotation just before it, or the person named in the sentence before.
Reported speech without marks is found from reporting verbs with a clausal complement.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from pathlib import Path
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.extractors.component import RecordComponent, register_extension, stored_records
from extract.extractors.entities import entities_of
from extract.extractors.sentences import (
    sentence_index,
    sentence_spans,
    sentence_starts,
    trim_span,
)
from extract.extractors.speakers import SpeakerIndex
from extract.models import Quote, TextSpan
from extract.quotation.marks import QuotedSpan, find_quotes
from extract.resources import models_dir

COMPONENT_NAME = "extract_quotes"
CUES_FILE = "cues.tsv"
MEDIUM_NOUNS = frozenset(
    [
        "interview",
        "statement",
        "tweet",
        "post",
        "radio",
        "television",
        "broadcast",
        "letter",
        "podcast",
        "conference",
        "email",
        "newspaper",
        "magazine",
        "agency",
        "network",
        "channel",
        "program",
        "programme",
        "show",
        "briefing",
        "speech",
        "video",
        "blog",
    ]
)
MAX_TITLE_WORDS = 3
ATTRIBUTION_TOKENS = 8
"""How far into the sentence after a quotation its attribution ("said X, a professor") may be."""
Kind = Literal["direct", "partial", "mixed", "indirect"]

register_extension("quotes")


@cache
def default_cues() -> frozenset[str]:
    """Reporting-verb lemmas from models/cues.tsv."""
    return _read_cues(models_dir() / CUES_FILE)


def _read_cues(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


@Language.factory(
    COMPONENT_NAME,
    default_config={"cues_path": None},
    requires=["doc._.entities", "token.dep", "token.lemma"],
    assigns=["doc._.quotes"],
)
def make_quote_component(nlp: Language, name: str, cues_path: str | None) -> QuoteComponent:
    """spaCy factory. `cues_path`: a file of reporting-verb lemmas; None uses models/cues.tsv."""
    if cues_path is None:
        return QuoteComponent(default_cues())
    path = Path(cues_path)
    if not path.is_file():
        raise ValueError(f"[{name}] cues_path {cues_path!r} is not a file of verb lemmas")
    return QuoteComponent(_read_cues(path))


class QuoteComponent(RecordComponent[Quote]):
    """Finds and attributes the quotes of a Doc into `doc._.quotes`."""

    extension = "quotes"

    def __init__(self, cues: frozenset[str]) -> None:
        self.cues = cues

    def extract(self, doc: Doc) -> list[Quote]:
        return _Attributor(doc, self.cues).run()


def quotes_of(doc: Doc) -> list[Quote]:
    """The `Quote` records the component stored on `doc`."""
    return stored_records(doc, "quotes", Quote)


class _Attributor:
    """The state of attributing one Doc: its quoted spans, speakers and used cues."""

    def __init__(self, doc: Doc, cues: frozenset[str]) -> None:
        self.doc = doc
        self.cues = cues
        self.speakers = SpeakerIndex(doc, entities_of(doc))
        self.text = doc.text  # a Doc rebuilds its text on every access: read it once
        self.sentences = sentence_spans(doc)
        self._sentence_chars = [sent.start_char for sent in self.sentences]
        self.marks = find_quotes(self.text)
        self._mark_starts = [mark.inner_start for mark in self.marks]
        self.starts = sentence_starts(doc)
        self.used_cues: set[int] = set()

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        previous: Quote | None = None
        for span in self.marks:
            quote = self._quoted(span, previous)
            if quote is not None:
                quotes.append(quote)
                previous = quote
        quotes += self._reported(quotes)
        return sorted(quotes, key=lambda q: (q.start, q.end))

    # -- quotations in marks -------------------------------------------------------------

    def _quoted(self, span: QuotedSpan, previous: Quote | None) -> Quote | None:
        inner = span.inner(self.text).strip()
        words = inner.split()
        if not words:
            return None
        if previous is not None and self._second_half(previous, span):
            sentence = sentence_index(self.starts, self._token_at(span.start).i)
            update = {"text": self.text[span.start : span.end], "start": span.start}
            return previous.model_copy(update={**update, "end": span.end, "sentence": sentence})
        cue = self._cue_for(span)
        direct = _reads_as_utterance(self.text, span, inner)
        if not direct and cue is None and self._dash_signature(span) is not None:
            direct = True  # “…” ― Name: a signed quotation
        if not direct and cue is None:
            return None  # scare quotes and titles: an “experiment”
        if _is_title(words) and (cue is None or not direct or len(words) > 1):
            return None  # a title in marks: “Northern Light”, “Fox News Sunday,”
        if len(words) <= MAX_TITLE_WORDS and not _ends_utterance(inner) and cue is None:
            return None
        kind: Kind = "direct" if direct else "partial"
        start, end = (span.start, span.end) if direct else (span.inner_start, span.inner_end)
        speaker, mention, cue_span, medium = None, None, None, None
        if cue is not None:
            if direct:
                self.used_cues.add(cue.i)  # a partial quote's cue also reports the clause
            speaker, mention = self._source_of(cue)
            cue_span, medium = _cue_span(cue), self._medium_of(cue)
        elif (signed := self._dash_signature(span)) is not None:
            speaker, mention, cue_span = signed
        elif (intro := self._colon_intro(span)) is not None:
            speaker, mention, cue_span = intro
        elif previous is not None and self._continues(previous, span):
            speaker, mention = previous.speaker, previous.speaker_mention
        else:
            speaker, mention = self._named_before(span)
        return Quote(
            text=self.text[start:end],
            start=start,
            end=end,
            kind=kind,
            speaker=speaker,
            speaker_mention=mention,
            cue=cue_span,
            medium=medium,
            sentence=sentence_index(self.starts, self._token_at(start).i),
        )

    def _cue_for(self, span: QuotedSpan) -> Token | None:
        """The reporting verb of a quotation: after it in its closing sentence, else before it
        in its opening sentence; never a verb inside any quotation."""
        closing = self._sentence_at(max(span.end - 1, span.start))
        opening = self._sentence_at(span.start)
        after = [t for t in closing if t.idx >= span.end and self._outside_marks(t)]
        following = self._attribution_sentence_after(span, closing)
        after += [t for t in following if self._outside_marks(t)]
        before = [t for t in opening if t.idx < span.start and self._outside_marks(t)]
        text = self.text
        for token in after:
            if "\n" in text[span.end : token.idx]:
                break  # another paragraph has its own quotations
            if self._is_cue(token) and not self._after_next_quote(span, token):
                return token
        for token in reversed(before):
            if "\n" in text[token.idx : span.start]:
                break
            if self._is_cue(token):
                return token
        return None

    def _attribution_sentence_after(self, span: QuotedSpan, closing: Span) -> Span:
        """The start of the next sentence when the parser split `“….” said X` after the mark."""
        doc = self.doc
        if closing.end >= len(doc) or closing.end_char > span.end + 2:
            return doc[0:0]
        following = self._sentence_at(doc[closing.end].idx)
        if "\n" in self.text[span.end : following.start_char]:
            return doc[0:0]
        return doc[following.start : min(following.start + ATTRIBUTION_TOKENS, following.end)]

    def _after_next_quote(self, span: QuotedSpan, token: Token) -> bool:
        """True when another quotation stands between `span` and `token` (it owns the cue)."""
        return any(span.end <= other.start < token.idx for other in self.marks)

    def _dash_signature(self, span: QuotedSpan) -> tuple[str | None, TextSpan, TextSpan] | None:
        """“…” ― Jane Roe: a quotation signed with a dash and the source's name."""
        match = _SIGNATURE.match(self.text, span.end)
        if match is None:
            return None
        name_start, name_end = match.span("name")
        dash = TextSpan(text=match["dash"], start=match.start("dash"), end=match.end("dash"))
        ref = self.speakers.entity_at(name_start, name_end)
        if ref is not None and ref.entity.label in {"PERSON", "ORG"}:
            named = TextSpan(text=self.text[ref.start : ref.end], start=ref.start, end=ref.end)
            return ref.entity.id, named, dash
        return None, TextSpan(text=match["name"], start=name_start, end=name_end), dash

    def _colon_intro(self, span: QuotedSpan) -> tuple[str | None, TextSpan, TextSpan] | None:
        """ "…for coach Santos: “…”": the source named before a colon that opens the quote."""
        text = self.text
        position = span.start - 1
        while position >= 0 and text[position] in " \t\n":
            position -= 1
        if position < 0 or text[position] != ":":
            return None
        sentence = self._sentence_at(position)
        ref = self.speakers.last_person_before(position, since=sentence.start_char)
        if ref is None:
            return None
        colon = TextSpan(text=":", start=position, end=position + 1)
        named = TextSpan(text=text[ref.start : ref.end], start=ref.start, end=ref.end)
        return ref.entity.id, named, colon

    def _second_half(self, previous: Quote, span: QuotedSpan) -> bool:
        """“…,” she said, “…”: the second half of a quotation split by its attribution."""
        between = self.text[previous.end : span.start]
        return (
            previous.kind == "direct"
            and previous.cue is not None
            and previous.end <= previous.cue.start < span.start
            and between.rstrip().endswith(",")
            and len(between.split()) <= 8
            and not any(ch in between for ch in ".!?\n")
        )

    def _continues(self, previous: Quote, span: QuotedSpan) -> bool:
        """A quotation right after another one, with no other sentence of narration between:
        nothing but a few words, or nothing but the previous quotation's own attribution
        (“…,” said Jane Roe, a professor at Dunmore University. “…”)."""
        between = self.text[previous.end : span.start]
        if between.count("\n\n") <= 1 and len(between.split()) <= 12:
            return True
        cue = previous.cue
        if cue is None or previous.speaker_mention is None or "\n" in between:
            return False
        if not previous.end <= cue.start < span.start:
            return False
        attribution = between.rstrip()
        inner = attribution[:-1] if attribution.endswith((".", ":", ",")) else attribution
        return not any(mark in inner for mark in ".!?;") or _only_abbreviations(inner)

    def _named_before(self, span: QuotedSpan) -> tuple[str | None, TextSpan | None]:
        """The person named in the sentence before a quotation that names nobody."""
        sentence = self._sentence_at(span.start)
        if sentence.start == 0:
            return None, None
        before = self._sentence_at(self.doc[sentence.start - 1].idx)
        ref = self.speakers.last_person_before(sentence.start_char, since=before.start_char)
        if ref is None:
            return None, None
        text = self.text[ref.start : ref.end]
        return ref.entity.id, TextSpan(text=text, start=ref.start, end=ref.end)

    # -- reported speech without marks -----------------------------------------------------

    def _reported(self, quoted: list[Quote]) -> list[Quote]:
        found: list[Quote] = []
        direct = [q for q in quoted if q.kind == "direct"]
        for token in self.doc:
            if token.i in self.used_cues or not self._outside_marks(token):
                continue
            content = self._content_of(token)
            if content is None or not content.text.strip():
                continue
            start, end = _trimmed(self.text, content.start_char, content.end_char)
            if end - start < 10 or any(q.start < end and start < q.end for q in direct):
                continue
            has_marks = any(
                start <= q.start and q.end <= end + 1 for q in quoted if q.kind == "partial"
            )
            speaker, mention = self._source_of(token)
            found.append(
                Quote(
                    text=self.text[start:end],
                    start=start,
                    end=end,
                    kind="mixed" if has_marks else "indirect",
                    speaker=speaker,
                    speaker_mention=mention,
                    cue=_cue_span(token),
                    medium=self._medium_of(token),
                    sentence=sentence_index(self.starts, token.i),
                )
            )
        return found

    def _content_of(self, cue: Token) -> Span | None:
        """What a reporting verb reports: its clausal complement, or for "according to X" the
        rest of the sentence."""
        if cue.lower_ == "according":
            sentence = self._sentence_at(cue.idx)
            phrase = list(cue.subtree)
            before = self.doc[sentence.start : phrase[0].i]
            after = self.doc[phrase[-1].i + 1 : sentence.end]
            return after if len(after) >= len(before) else before
        if cue.lemma_.lower() not in self.cues or cue.pos_ not in {"VERB", "AUX"}:
            return None
        for child in cue.children:
            if child.dep_ == "ccomp":
                tokens = list(child.subtree)
                return self.doc[tokens[0].i : tokens[-1].i + 1]
        return self._around_parenthetical(cue)

    def _around_parenthetical(self, cue: Token) -> Span | None:
        """For an attribution set off by commas inside what it reports ("Acts of protest,
        Mr. Obama said, are acts of patriotism"), the clause around it. The parser hangs such
        a cue on the clause's verb as `parataxis`; the span keeps the parenthetical, because
        a quote's text is one stretch of the article."""
        if cue.dep_ != "parataxis" or not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children
        ):
            return None
        inside = [token for token in cue.subtree if not token.is_punct]
        before, after = inside[0].i - 1, inside[-1].i + 1
        if before < 0 or self.doc[before].text != "," or after >= len(self.doc):
            return None
        if self.doc[after].text != "," and not self.doc[after].is_sent_end:
            return None
        clause = list(cue.head.subtree)
        if clause[0].i >= before:
            return None  # nothing reported before the attribution
        return self.doc[clause[0].i : clause[-1].i + 1]

    # -- sources, cues and media -------------------------------------------------------------

    def _is_cue(self, token: Token) -> bool:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            return True
        return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.cues

    def _source_of(self, cue: Token) -> tuple[str | None, TextSpan | None]:
        if cue.lower_ == "according":
            objects = [t for t in cue.subtree if t.dep_ == "pobj"]
            return self.speakers.speaker_of(objects[0]) if objects else (None, None)
        verb = cue
        for _ in range(3):
            subjects = [
                c
                for c in verb.children
                if c.dep_ in {"nsubj", "nsubjpass"} and self._outside_marks(c)
            ]
            if subjects:
                return self.speakers.speaker_of(subjects[0])
            if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                return self.speakers.speaker_of(verb.head)  # "footage of Clinton asking, “…”"
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head  # "..., she sang before asking her": the singer asks
            elif verb.dep_ not in {"advcl", "xcomp", "conj", "ccomp", "relcl"}:
                break
            if verb.head == verb:
                break
            verb = verb.head
        agents = [t for t in cue.subtree if t.dep_ == "pobj" and t.head.dep_ == "agent"]
        if agents:
            return self.speakers.speaker_of(agents[0])
        # Inverted order the parser missed: “…,” said Victor Cha, a scholar …
        following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
        if (
            following is not None
            and following.pos_ in {"PROPN", "PRON"}
            and not _temporal(following)
        ):
            return self.speakers.speaker_of(following)
        # A subject the parser attached elsewhere: “…,” Flynn, a top surrogate, said Monday.
        named = self._name_before(cue)
        if named is not None:
            return self.speakers.speaker_of(named)
        return None, None

    def _name_before(self, cue: Token) -> Token | None:
        """The first proper name between the cue and the quotation or clause start before it
        (outside quotation marks), else a pronoun right before the cue."""
        found = None
        for token in reversed(cue.sent[: cue.i - cue.sent.start]):
            if token.is_quote or not self._outside_marks(token) or token.pos_ == "VERB":
                break
            if token.pos_ == "PROPN" and not _temporal(token):
                found = token
        if found is None and cue.i > cue.sent.start and cue.nbor(-1).pos_ == "PRON":
            return cue.nbor(-1)
        return found

    def _medium_of(self, cue: Token) -> TextSpan | None:
        """The outlet or addressee: "told the AFP news agency", "said in an interview with X"."""
        if cue.lower_ == "according":
            return None
        for child in cue.children:
            if not self._outside_marks(child):
                continue
            if cue.lemma_.lower() == "tell" and child.dep_ in {"dobj", "dative", "iobj"}:
                return _phrase(child)
            if child.dep_ == "prep" and child.lower_ in {"to", "on", "in"}:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if pobj.ent_type_ in {"ORG", "PRODUCT", "WORK_OF_ART"} or (
                        pobj.lemma_.lower() in MEDIUM_NOUNS
                    ):
                        return _phrase(pobj)
        return None

    # -- positions -------------------------------------------------------------------------

    def _outside_marks(self, token: Token) -> bool:
        index = bisect_right(self._mark_starts, token.idx) - 1
        return index < 0 or token.idx >= self.marks[index].inner_end

    def _sentence_at(self, char: int) -> Span:
        return self.sentences[max(bisect_right(self._sentence_chars, char) - 1, 0)]

    def _token_at(self, char: int) -> Token:
        span = self.doc.char_span(char, min(char + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else self.doc[-1]


def _reads_as_utterance(text: str, span: QuotedSpan, inner: str) -> bool:
    """A whole utterance: it opens with a capital (or a sentence, or a colon, opens before it)
    and is more than a few words or ends like a sentence."""
    before = text[: span.start].rstrip()
    opens_sentence = not before or before[-1] in ".!?:\n" or before.endswith(("—", "–"))
    capital = inner[:1].isupper() or inner[:1].isdigit()
    long_enough = len(inner.split()) > MAX_TITLE_WORDS or _ends_utterance(inner)
    return (capital or opens_sentence) and long_enough


_SIGNATURE = re.compile(
    r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})"
)
_TITLE_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "at", "by", "from"]
)
MAX_TITLE_LENGTH = 6


def _is_title(words: list[str]) -> bool:
    """Title case throughout (function words aside), as names of shows, books and slogans are."""
    if len(words) > MAX_TITLE_LENGTH or words[0].lower() in {"i", "i'm", "i’m"}:
        return False
    content = [w for w in words if w.lower().strip(".,:;!?") not in _TITLE_FUNCTION_WORDS]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


def _ends_utterance(inner: str) -> bool:
    return inner.rstrip()[-1:] in {".", ",", "!", "?", "…", ";", "—"}


def _only_abbreviations(text: str) -> bool:
    """True when every full stop in `text` ends an initial or a short abbreviation (Sen., D.C.)."""
    if any(mark in text for mark in "!?;"):
        return False
    words = [w for w in text.split() if "." in w]
    return all(len(w.strip(".,()")) <= 4 or (w[0].isupper() and len(w) <= 5) for w in words)


def _temporal(token: Token) -> bool:
    """A day, date or time word ("said Monday"), never a speaker."""
    return token.ent_type_ in {"DATE", "TIME"} or token.dep_ in {"npadvmod", "tmod"}


def _phrase(token: Token) -> TextSpan:
    tokens = [t for t in token.subtree if t.dep_ not in {"punct", "ccomp", "relcl"}]
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(text=token.doc.text[start:end], start=start, end=end)


def _cue_span(cue: Token) -> TextSpan:
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        after = cue.nbor(1)
        end = after.idx + len(after.text)
        return TextSpan(text=cue.doc.text[cue.idx : end], start=cue.idx, end=end)
    return TextSpan(text=cue.text, start=cue.idx, end=cue.idx + len(cue.text))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Reported content without the punctuation that joins it to its frame."""
    return trim_span(text, start, end, lead=",;:—–", trail=",;:—–.")
