"""ISO 4217 currencies as news writes them: codes ("HKD 176", "176 HKD") and English names
("176 Hong Kong dollars"), read from `models/currencies.tsv` (CLDR names through Babel).

Kept apart from the hand-made unit table so the maintained list can be rebuilt without
touching it; codes are matched case-sensitively ("ALL" is a currency, "all" is not).
"""

from __future__ import annotations

import re
from functools import cache

from extract.resources import models_dir


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    try:
        path = models_dir() / "currencies.tsv"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, OSError):
        return ()
    rows = []
    for line in lines:
        if line and not line.startswith("#"):
            code, one, many = line.split("\t")
            rows.append((code, one, many))
    return tuple(rows)


def codes() -> frozenset[str]:
    """Every current ISO 4217 code."""
    return frozenset(code for code, _, _ in _rows())


def names() -> dict[str, str]:
    """Lower-case English names, singular and plural ("hong kong dollars") -> code."""
    found: dict[str, str] = {}
    for code, one, many in _rows():
        found.setdefault(one, code)
        found.setdefault(many, code)
    return found


def code_pattern() -> str:
    """A case-sensitive regex alternative for the codes (empty-safe)."""
    listed = "|".join(sorted(codes())) or "(?!)"
    return rf"(?-i:(?:{listed})\b)"


CODE_AFTER = re.compile(rf"\s?(?P<code>{code_pattern()})")
"""A code written after the amount: "176 HKD"."""
