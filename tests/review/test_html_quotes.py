"""A quote's tooltip says who spoke, how sure the extractor is and why, always as plain text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from extract.review import load_run, render_report
from extract.review.html_marks import speaker_line
from tests.review.records import HOSTILE, write_run


def _titles(page: str, tag: str, classes: str) -> list[str]:
    """The (unescaped) titles of `<tag class="classes">` elements: escaped values hold no `>`."""
    pattern = rf'<{tag}\b[^>]*\bclass="{re.escape(classes)}"[^>]*\btitle="([^"]*)"'
    return [unescape(title) for title in re.findall(pattern, page)]


def _report(tmp_path: Path, **changes: Any) -> str:
    """The report of the sample run with the attributed quote's fields changed."""
    view = load_run(write_run(tmp_path / "run"))
    view.articles[0]["quotes"][0].update(changes)
    return render_report(view)


def test_the_quote_title_names_speaker_confidence_and_reason(tmp_path: Path) -> None:
    page = _report(tmp_path)
    assert "partial quote · speaker: Ada Lovelace (0.94): subject of ‘said’ · cue: said" in (
        _titles(page, "span", "quote partial")
    )
    assert _titles(page, "a", "speaker") == ["Ada Lovelace (0.94): subject of ‘said’"]


def test_a_hostile_reason_is_escaped_text(tmp_path: Path) -> None:
    page = _report(tmp_path, speaker_reason=HOSTILE)
    assert page.count("<script") == 0 and page.count("<img") == 0
    tips = _titles(page, "span", "quote partial")
    assert tips == [f"partial quote · speaker: Ada Lovelace (0.94): {HOSTILE} · cue: said"]
    assert _titles(page, "a", "speaker") == [f"Ada Lovelace (0.94): {HOSTILE}"]


def test_the_speaker_line_without_confidence_or_speaker() -> None:
    assert speaker_line({}, "Ada Lovelace") == "Ada Lovelace"  # runs from before calibration
    assert speaker_line({"speaker_confidence": 1.0}, "Ada Lovelace") == "Ada Lovelace (1.00)"
    too_close = {"speaker_confidence": None, "speaker_reason": "‘the company’: A or B, too close"}
    assert speaker_line(too_close, None) == "unknown: ‘the company’: A or B, too close"
