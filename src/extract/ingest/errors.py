"""The one exception ingestion raises, carrying a machine-readable reason code."""

from __future__ import annotations

from extract.errors import ExtractError
from extract.models import ErrorReason


class IngestError(ExtractError):
    """An input that cannot become an article; `reason` is one of `ErrorReason`."""

    exit_code = 1  # bad input, like a corpus file recorded as an error

    def __init__(self, reason: ErrorReason, message: str) -> None:
        super().__init__(message)
        self.reason: ErrorReason = reason
        self.message = message

    def __str__(self) -> str:
        return f"{self.reason}: {self.message}"
