"""The quotes step: direct, partial, mixed and indirect quotes, each tied to its speaker.

Registered as the spaCy component `extract_quotes`; it runs after `extract_entities` (speakers
are entities) and writes `doc._.quotes`: `Quote` records as plain dicts. Quotations in marks
are attributed by the strategies of `strategies.STRATEGIES`, in order; reported speech comes
from `reported`. Every speaker carries a calibrated confidence and a reason (`speakers`,
`calibration`). The cue list and the calibration table are the component's data, saved and
loaded with the pipeline (`to_disk` / `from_disk`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.extractors.base import RecordComponent, item_guard, register_extension, stored_records
from extract.extractors.quotes.calibration import (
    CALIBRATION_FILE,
    Calibration,
    default_calibration,
)
from extract.extractors.quotes.context import QuoteContext
from extract.extractors.quotes.cues import CUES_FILE, CueLexicon, cue_span, default_cues, medium_of
from extract.extractors.quotes.marks import QuotedSpan
from extract.extractors.quotes.reported import reported_contents
from extract.extractors.quotes.speakers import source_speaker
from extract.extractors.quotes.strategies import STRATEGIES, Attribution, second_half, source_of
from extract.extractors.quotes.utterance import (
    MAX_TITLE_WORDS,
    ends_utterance,
    is_title,
    reads_as_utterance,
)
from extract.extractors.sentences import sentence_index
from extract.models import Quote

COMPONENT_NAME = "extract_quotes"

register_extension("quotes")


@Language.factory(
    COMPONENT_NAME,
    default_config={"cues_path": None, "calibration_path": None},
    requires=["doc._.entities", "token.dep", "token.lemma"],
    assigns=["doc._.quotes"],
)
def make_quote_component(
    nlp: Language, name: str, cues_path: str | None, calibration_path: str | None
) -> QuoteComponent:
    """spaCy factory. `cues_path`: a file of reporting-verb lemmas (None: models/cues.tsv);
    `calibration_path`: a speaker calibration table (None: models/speaker_calibration.json)."""
    cues = default_cues()
    if cues_path is not None:
        if not Path(cues_path).is_file():
            raise ValueError(f"[{name}] cues_path {cues_path!r} is not a file of verb lemmas")
        cues = CueLexicon.read(Path(cues_path))
    calibration = default_calibration()
    if calibration_path is not None:
        if not Path(calibration_path).is_file():
            raise ValueError(
                f"[{name}] calibration_path {calibration_path!r} is not a file; give a table "
                "written by benchmarks/train_speaker_calibration.py or leave it null"
            )
        calibration = Calibration.read(Path(calibration_path))
    return QuoteComponent(cues, calibration, name=name)


class QuoteComponent(RecordComponent[Quote]):
    """Finds and attributes the quotes of a Doc into `doc._.quotes`."""

    extension = "quotes"
    name = COMPONENT_NAME

    def __init__(
        self, cues: CueLexicon, calibration: Calibration | None = None, *, name: str = ""
    ) -> None:
        self.cues = cues
        self.calibration = calibration or default_calibration()
        self.name = name or COMPONENT_NAME

    def extract(self, doc: Doc) -> list[Quote]:
        ctx = QuoteContext(doc, self.cues)
        quotes: list[Quote] = []
        previous: Quote | None = None
        for span in ctx.marks:
            with item_guard(doc, self.name, span.start, span.end):
                quote = self._quoted(ctx, span, previous)
                if quote is not None:
                    quotes.append(quote)
                    previous = quote
        direct = [q for q in quotes if q.kind == "direct"]
        partial = [q for q in quotes if q.kind == "partial"]
        for cue, start, end, source in reported_contents(ctx, self.name):
            with item_guard(doc, self.name, cue.idx, cue.idx + len(cue)):
                if any(q.start < end and start < q.end for q in direct):
                    continue
                mixed = any(start <= q.start and q.end <= end + 1 for q in partial)
                if source is None:
                    choice = source_of(ctx, cue, None)
                else:
                    choice = source_speaker(ctx.index, source, cue.text, None)
                inside = {t.i for t in cue.children if not ctx.outside_marks(t)}
                quotes.append(
                    self._quote(
                        ctx,
                        start,
                        end,
                        "mixed" if mixed else "indirect",
                        Attribution(choice, cue_span(cue), medium_of(cue, inside), cue.i),
                        sentence_index(ctx.starts, cue.i),
                    )
                )
        return sorted(quotes, key=lambda q: (q.start, q.end))

    def _quoted(self, ctx: QuoteContext, span: QuotedSpan, previous: Quote | None) -> Quote | None:
        """A quotation in marks, attributed; None for titles and scare quotes."""
        inner = span.inner(ctx.text).strip()
        words = inner.split()
        if not words:
            return None
        if previous is not None and second_half(ctx, previous, span):
            sentence = sentence_index(ctx.starts, ctx.token_at(span.start).i)
            update = {"text": ctx.text[span.start : span.end], "start": span.start}
            return previous.model_copy(update={**update, "end": span.end, "sentence": sentence})
        found = next(
            (a for strategy in STRATEGIES if (a := strategy(ctx, span, previous)) is not None),
            None,
        )
        has_cue = found is not None and found.cue_token is not None
        direct = reads_as_utterance(ctx.text, span, inner)
        if (
            not direct
            and not has_cue
            and found is not None
            and found.choice.evidence == "signature"
        ):
            direct = True  # “…” ― Name: a signed quotation
        if not direct and not has_cue:
            return None  # scare quotes and titles: an “experiment”
        if is_title(words) and (not has_cue or not direct or len(words) > 1):
            return None  # a title in marks: “Northern Light”, “Fox News Sunday,”
        if len(words) <= MAX_TITLE_WORDS and not ends_utterance(inner) and not has_cue:
            return None
        if found is not None and found.cue_token is not None and direct:
            ctx.used_cues.add(found.cue_token)  # a partial quote's cue also reports the clause
        start, end = (span.start, span.end) if direct else (span.inner_start, span.inner_end)
        sentence = sentence_index(ctx.starts, ctx.token_at(start).i)
        quote = self._quote(ctx, start, end, "direct" if direct else "partial", found, sentence)
        continued = previous.speaker_confidence if previous else None
        if found is not None and found.choice.evidence == "continuation" and continued:
            # no surer than the quotation it continues, nor than continuations are in general
            quote.speaker_confidence = min(quote.speaker_confidence or 0.0, continued)
        return quote

    def _quote(
        self,
        ctx: QuoteContext,
        start: int,
        end: int,
        kind: str,
        found: Attribution | None,
        sentence: int,
    ) -> Quote:
        choice = found.choice if found is not None else None
        confidence = None
        if choice is not None and choice.entity is not None:
            confidence = self.calibration.of(choice.evidence)
        return Quote.model_validate(
            {
                "text": ctx.text[start:end],
                "start": start,
                "end": end,
                "kind": kind,
                "speaker": choice.entity if choice else None,
                "speaker_mention": choice.mention if choice else None,
                "speaker_confidence": confidence,
                "speaker_reason": choice.reason if choice else None,
                "speaker_evidence": choice.evidence if choice else None,
                "cue": found.cue if found else None,
                "medium": found.medium if found else None,
                "sentence": sentence,
            }
        )

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / CUES_FILE).write_text("\n".join(self.cues.to_lines()) + "\n", encoding="utf-8")
        (folder / CALIBRATION_FILE).write_text(self.calibration.to_json(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteComponent:
        folder = Path(path)
        self.cues = CueLexicon.read(folder / CUES_FILE)
        if (folder / CALIBRATION_FILE).is_file():
            self.calibration = Calibration.read(folder / CALIBRATION_FILE)
        return self


def quotes_of(doc: Doc) -> list[Quote]:
    """The `Quote` records the component stored on `doc`."""
    return stored_records(doc, "quotes", Quote)
