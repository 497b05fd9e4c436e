"""Review a finished run: a terminal summary, the doubtful items first, an HTML report.

    run folder -> RunView (load.py) -> doubts (doubts.py) -> summary (summary.py) / report (html.py)

Corrections go through `extract.decisions`, which the next `extract run` obeys.
"""

from extract.review.decide import decide_names, reject_item, set_speaker
from extract.review.doubts import Doubt, find_doubts
from extract.review.html import render_report
from extract.review.load import RunView, load_run
from extract.review.summary import Filters, build_summary, format_summary

__all__ = [
    "Doubt",
    "Filters",
    "RunView",
    "build_summary",
    "decide_names",
    "find_doubts",
    "format_summary",
    "load_run",
    "reject_item",
    "render_report",
    "set_speaker",
]
