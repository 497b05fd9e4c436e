"""The records the dates task produces, in one place for a reader.

`Expression` is what the grammar finds in the text, `Resolved` its TIMEX3 reading (with the
`Anchor` it was counted from), and `DateMention` the record stored on `doc._.dates` and
returned to the user.
"""

from __future__ import annotations

from extract.extractors.dates.grammar import Expression
from extract.extractors.dates.resolve import Anchor, Resolved
from extract.models import DateMention

__all__ = ["Anchor", "DateMention", "Expression", "Resolved"]
