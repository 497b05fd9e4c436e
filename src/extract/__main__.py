"""`python -m extract` runs the CLI."""

from extract.cli import app

app(prog_name="extract")
