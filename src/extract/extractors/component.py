"""What every extract spaCy component shares: records computed from a Doc, stored as plain data.

Records are stored on `doc._.<extension>` as dicts, not pydantic objects, so that Docs keep
their annotations when `nlp.pipe(n_process=...)` serialises them between processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel
from spacy.tokens import Doc

RecordT = TypeVar("RecordT", bound=BaseModel)


def register_extension(name: str) -> None:
    """Declare `doc._.<name>` once per process."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


class RecordComponent(Generic[RecordT]):
    """Base of the extract components: `extract(doc)` computes, `__call__` stores."""

    extension: ClassVar[str]

    def extract(self, doc: Doc) -> list[RecordT]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.extension, [record.model_dump() for record in self.extract(doc)])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def stored_records(doc: Doc, extension: str, model: type[RecordT]) -> list[RecordT]:
    """The records a component stored on `doc._.<extension>`, validated back into `model`."""
    stored: list[dict[str, Any]] | None = getattr(doc._, extension)
    return [model.model_validate(item) for item in stored or []]
