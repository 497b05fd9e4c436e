"""The number gate changes where the quantity reader searches, never what it finds (issue #20)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.extractors.claims import quantities
from extract.extractors.claims.number_gate import NumberGate
from extract.extractors.claims.numbers import MODIFIERS
from extract.extractors.claims.quantities import FoundQuantity, find_quantities


class _Plain:
    """The reader's old positions: every search from where the last one left off."""

    def __init__(self, text: str) -> None:
        del text

    def start(self, position: int) -> int | None:
        return position


def _plain(text: str) -> list[FoundQuantity]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quantities, "NumberGate", _Plain)
        return find_quantities(text)


WORDS = [
    *MODIFIERS.split("|"),
    *("between", "from", "minus", "and", "to", "a", "an", "half", "of", "the", "people"),
    *("five", "Twenty-one", "two-thirds", "a hundred", "a million", "dozen", "eighteen", "one"),
    *("someone", "often", "money", "Route", "May", "called", "pounds", "km", "percent", "%"),
    *(
        "3",
        "10",
        "3,000",
        "2.5",
        "1999",
        "-4",
        "−7",
        "$5",
        "US$",
        "$",
        "£",
        "€",
        "Rs",
        "Rs.",
        "USD",
    ),
    *("Rsfive", "-$", "(", ")", "—", ",", ".", "’", "5m", "10-20", "bn", "ſeven", "fİve", "ıt"),
    *("\u212aelvin", "İ", "x"),
]
SPACES = st.sampled_from([" ", "", "  ", "\n", "\t ", "     ", "\u00a0"])
TEXTS = st.lists(st.tuples(st.sampled_from(WORDS), SPACES), max_size=14).map(
    lambda parts: "".join(word + space for word, space in parts)
) | st.text(max_size=60)


@settings(max_examples=4000, deadline=None)
@given(TEXTS)
def test_the_gate_never_changes_what_is_found(text: str) -> None:
    assert find_quantities(text) == _plain(text)


def test_the_gate_skips_text_without_a_number_piece_and_starts_before_the_words() -> None:
    assert NumberGate("It was often someone else.").start(0) is None  # no number word starts
    assert NumberGate("No numbers here at all.").start(0) is None
    text = "The mayor said on Friday that just over $ 5 million was spent."
    start = NumberGate(text).start(0)
    assert start == text.index("that")  # "just", "over" and "$" may open the match
    assert find_quantities(text)[0].modifier == "just over"


@pytest.mark.parametrize(
    "text", ["He paid Rsfive for it.", "just short of US$a hundred ", "up to -$a million"]
)
def test_a_currency_glued_to_a_number_is_still_read(text: str) -> None:
    assert find_quantities(text) == _plain(text)


_DEV = Path(__file__).resolve().parents[3].parent / "shared" / "dev-data" / "polnear-dev" / "text"


@pytest.mark.skipif(not _DEV.is_dir(), reason="dev data absent")
def test_the_gate_finds_the_same_on_the_dev_articles() -> None:
    for path in sorted(_DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            assert find_quantities(line) == _plain(line), line
