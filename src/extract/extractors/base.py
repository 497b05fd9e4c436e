"""What every extract spaCy component shares: records computed from a Doc, stored as plain data.

Records are stored on `doc._.<extension>` as dicts, not pydantic objects, so that a Doc stays
cheap to copy and serialise, and a record crosses a process boundary as plain data.

Failures are contained at two levels:
  * an item that cannot be built (one odd expression, one quotation) is dropped inside
    `item_guard`, which notes why in `doc._.warnings`; the rest of the step's items are kept;
  * a step that fails on a whole Doc goes through spaCy's error handler
    (`nlp.set_error_handler`), so one bad document in `nlp.pipe` need not kill the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel
from spacy.pipeline import Pipe
from spacy.tokens import Doc

RecordT = TypeVar("RecordT", bound=BaseModel)

WARNINGS = "warnings"
"""`doc._.warnings`: items dropped by a step, as `{step, start, end, reason}` dicts."""


def register_extension(name: str) -> None:
    """Declare `doc._.<name>` once per process."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


register_extension(WARNINGS)


def add_warning(doc: Doc, step: str, start: int, end: int, reason: str) -> None:
    """Note on the Doc that `step` dropped the item at [start, end) and why."""
    found: list[dict[str, Any]] | None = doc._.warnings
    if found is None:
        found = []
        doc._.warnings = found
    found.append({"step": step, "start": start, "end": end, "reason": reason[:300]})


@contextmanager
def item_guard(doc: Doc, step: str, start: int, end: int) -> Iterator[None]:
    """Run the building of one item; if it raises, drop the item and keep a warning.

    Use it around the code that builds and appends one record, so that a single odd expression
    ("359,000 weeks ago" in a wire table) never takes down the step, let alone the article."""
    try:
        yield
    except (NameError, ImportError):
        raise  # a bug in our code, never odd input: it must fail loudly, not thin the output
    except Exception as exc:  # one item only: the step goes on with the next
        add_warning(doc, step, start, end, f"{type(exc).__name__}: {exc}")


class RecordComponent(Pipe, Generic[RecordT]):
    """Base of the extract components: `extract(doc)` computes, `set_annotations` stores."""

    extension: ClassVar[str]
    name: str

    def extract(self, doc: Doc) -> list[RecordT]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, records: list[RecordT]) -> None:
        setattr(doc._, self.extension, [record.model_dump() for record in records])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.extract(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Each Doc in turn; a Doc that fails goes to the pipeline's error handler (by default
        it raises; `nlp.set_error_handler` can log and skip it instead)."""
        error_handler = self.get_error_handler()
        for doc in docs:
            try:
                yield self(doc)
            except Exception as exc:
                error_handler(self.name, self, [doc], exc)


def stored_records(doc: Doc, extension: str, model: type[RecordT]) -> list[RecordT]:
    """The records a component stored on `doc._.<extension>`, validated back into `model`."""
    stored: list[dict[str, Any]] | None = getattr(doc._, extension)
    return [model.model_validate(item) for item in stored or []]
