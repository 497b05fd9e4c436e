"""The one error family: everything the core raises on purpose is an `ExtractError`.

The core raises these with a message a user can act on; only the CLI turns them into exit
codes (`exit_code`), so the Python API and the command line fail alike.
"""

from __future__ import annotations


class ExtractError(Exception):
    """Base of every error extract raises on purpose."""

    exit_code = 2


class UsageError(ExtractError, ValueError):
    """A bad argument or setting: a missing corpus, a malformed date, a bad decisions file."""


class ModelNotFoundError(ExtractError, RuntimeError):
    """The named spaCy model is not installed; the message says how to install it."""


class RunNotFoundError(UsageError):
    """The folder is not the output of `extract run` (or a file in it is damaged)."""


class OutputBusyError(ExtractError):
    """Another `extract run` holds the output folder's lock."""

    exit_code = 75  # EX_TEMPFAIL: try again later


class OutputNotWritableError(ExtractError):
    """The output folder cannot be created or written."""


class ExtractionError(ExtractError):
    """An article could not be extracted (the Python API; `extract run` records it instead)."""

    exit_code = 1
