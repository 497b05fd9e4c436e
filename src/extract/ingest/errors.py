"""The one exception ingestion raises, carrying a machine-readable reason code."""

from __future__ import annotations

from extract.models import ErrorReason


class IngestError(Exception):
    """An input that cannot become an article; `reason` is one of `ErrorReason`."""

    def __init__(self, reason: ErrorReason, message: str) -> None:
        super().__init__(message)
        self.reason: ErrorReason = reason
        self.message = message
