"""The `extract` command: a thin layer that parses arguments and calls the core.

Commands live by area (`run`, `single`, `review`); the core raises `ExtractError`s that
`common.exits` turns into exit codes: 0 every input extracted; 1 some inputs recorded as
errors (or one article could not be extracted); 2 usage error (bad arguments, missing corpus,
model not installed, output folder not writable); 75 another run holds the output folder;
130 interrupted.
"""

from extract.cli import export, review, run, single
from extract.cli.common import app

__all__ = ["app", "export", "review", "run", "single"]
