"""Accuracy of the quantity reader on the table of news sentences in the tests.

A case is right when every quantity found has the expected text span, a value within 0.5%
and the expected unit, and nothing else is found. Reported overall and per desk (money,
markets, sport, ...). `--module PATH` scores another copy of the reader (a baseline).

    python benchmarks/quantities_eval.py [--module /tmp/old_quantities.py] [--show N]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "extractors" / "claims" / "test_quantities_table.py"
DESKS = (
    "MONEY",
    "MARKETS",
    "SPORT",
    "WEATHER",
    "SCIENCE",
    "POLITICS",
    "HEALTH",
    "WORDS",
    "SIGNS_AND_RANGES",
    "NAMES",
)


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", type=Path, help="another quantities.py to score")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong cases")
    args = parser.parse_args()
    table = load(TABLE, "quantities_table")
    reader = load(args.module, "baseline_quantities") if args.module else None
    find: Callable[[str], list[Any]] = reader.find_quantities if reader else table.find_quantities
    total = right = kinds_right = 0
    wrong: list[str] = []
    for desk in DESKS:
        cases = getattr(table, desk)
        desk_right = 0
        for sentence, expected in cases:
            quantities = find(sentence)
            found = [(q.text, q.value, q.unit, getattr(q, "kind", None)) for q in quantities]
            if table.matches(found, expected):
                desk_right += 1
                kinds_right += [f[3] for f in found] == [e[3] for e in expected]
            else:
                wrong.append(f"{sentence!r}\n  got  {found}\n  want {expected}")
        total += len(cases)
        right += desk_right
        print(f"{desk.lower():18} {desk_right:4}/{len(cases):<4} {desk_right / len(cases):.1%}")
    print(f"{'all':18} {right:4}/{total:<4} {right / total:.1%}  (kind also right: {kinds_right})")
    for case in wrong[: args.show]:
        print(case)


if __name__ == "__main__":
    main()
