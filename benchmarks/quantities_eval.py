"""Accuracy of the quantity reader: the table in the tests and a held-apart news set.

Two sets, reported separately:
- the table (`tests/extractors/claims/test_quantities_table.py`), written with the code, per
  desk (money, markets, sport, ...);
- `benchmarks/quantities_news.tsv`, 292 sentences from the 65 `news-pages` bodies annotated by
  reading before the code was changed (frozen: fix the reader, never the file). One row per
  expected quantity (`page, sentence, text, value, unit, modifier, kind`); a sentence with no
  quantity has one row with an empty text. The file holds the sentences, so it runs without the
  dev data; when the dev data is present, each sentence is also checked against its page.
  Four annotation slips (quantities the annotator skipped: "two-goal lead", "16-inch", "five
  companies", "four spots") were added after the first measurement, before any code change.
  Kind "age" marks ages; the reader records them as "duration" until the record schema
  (`extract.models.Quantity.kind`) has "age", so only the strict score sees the difference.

A sentence is right when every quantity found has the expected text span, a value within 0.5%
and the expected unit, and nothing else is found ("right"); "strict" also asks the modifier
and the kind. Per-quantity precision and recall count (text, value, unit) matches.
`--module PATH` scores another copy of the reader (a baseline).

    python benchmarks/quantities_eval.py [--module /tmp/old_quantities.py] [--show N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dev_data_dir

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "extractors" / "claims" / "test_quantities_table.py"
NEWS = ROOT / "benchmarks" / "quantities_news.tsv"
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
Gold = tuple[str, float | None, str | None, str | None, str | None]
"""(text, value, unit, modifier, kind)"""


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def read_news(path: Path) -> list[tuple[str, str, list[Gold]]]:
    """(page, sentence, expected quantities) in file order."""
    cases: dict[tuple[str, str], list[Gold]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        page, sentence, text, value, unit, modifier, kind = line.split("\t")
        expected = cases.setdefault((page, sentence), [])
        if text:
            expected.append(
                (text, float(value) if value else None, unit or None, modifier or None, kind)
            )
    return [(page, sentence, expected) for (page, sentence), expected in cases.items()]


def same(found: tuple[str, float | None, str | None], want: Gold) -> bool:
    text, value, unit = found
    if text != want[0] or unit != want[2] or (value is None) != (want[1] is None):
        return False
    return value is None or math.isclose(value, want[1] or 0.0, rel_tol=0.005, abs_tol=1e-9)


def score_news(find: Callable[[str], list[Any]], show: int) -> None:
    """Sentence accuracy, strict accuracy and per-quantity P/R on the news set, per kind."""
    cases = read_news(NEWS)
    check_pages(cases)
    right = strict = tp = n_found = n_gold = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong: list[str] = []
    for page, sentence, expected in cases:
        quantities = find(sentence)
        found = [(q.text, q.value, q.unit) for q in quantities]
        extra = [(q.modifier, getattr(q, "kind", None)) for q in quantities]
        ok = len(found) == len(expected) and all(
            same(f, e) for f, e in zip(found, expected, strict=False)
        )
        right += ok
        strict += ok and all(x == (e[3], e[4]) for x, e in zip(extra, expected, strict=False))
        unmatched = list(found)
        for want in expected:
            hit = next((f for f in unmatched if same(f, want)), None)
            by_kind[want[4] or "?"][1] += 1
            if hit is not None:
                unmatched.remove(hit)
                tp += 1
                by_kind[want[4] or "?"][0] += 1
        n_found += len(found)
        n_gold += len(expected)
        if not ok:
            got = [(*f, *x) for f, x in zip(found, extra, strict=True)]
            wrong.append(f"[{page}] {sentence}\n  got  {got}\n  want {expected}")
    total = len(cases)
    print(f"news set ({NEWS.name}): {total} sentences, {n_gold} quantities")
    print(f"  right  {right:4}/{total:<4} {right / total:.1%}")
    print(f"  strict {strict:4}/{total:<4} {strict / total:.1%}  (modifier and kind too)")
    precision = tp / n_found if n_found else 0.0
    print(f"  quantities: precision {precision:.3f}  recall {tp / n_gold:.3f}")
    for kind, (hit, count) in sorted(by_kind.items()):
        print(f"  recall {kind:10} {hit:4}/{count:<4} {hit / count:.1%}")
    for case in wrong[:show]:
        print(case)


def check_pages(cases: list[tuple[str, str, list[Gold]]]) -> None:
    """Each sentence is in its page's body (only when the dev data is present)."""
    bodies = dev_data_dir() / "news-pages" / "body"
    if not bodies.is_dir():
        print(f"  (pages not checked: {bodies} not found)")
        return
    texts: dict[str, str] = {}
    for page, sentence, _ in cases:
        if page not in texts:
            texts[page] = json.loads((bodies / page).read_text(encoding="utf-8"))["text"]
        if sentence not in texts[page]:
            print(f"  warning: not in {page}: {sentence[:60]!r}")


def score_table(table: ModuleType, find: Callable[[str], list[Any]], show: int) -> None:
    total = right = kinds_right = 0
    wrong: list[str] = []
    print(f"table ({TABLE.name}):")
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
        print(f"  {desk.lower():18} {desk_right:4}/{len(cases):<4} {desk_right / len(cases):.1%}")
    print(
        f"  {'all':18} {right:4}/{total:<4} {right / total:.1%}  (kind also right: {kinds_right})"
    )
    for case in wrong[:show]:
        print(case)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", type=Path, help="another quantities.py to score")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrong cases per set")
    parser.add_argument("--set", choices=("both", "table", "news"), default="both")
    args = parser.parse_args()
    table = load(TABLE, "quantities_table")
    reader = load(args.module, "baseline_quantities") if args.module else None
    find: Callable[[str], list[Any]] = reader.find_quantities if reader else table.find_quantities
    if args.set in {"both", "table"}:
        score_table(table, find, args.show)
    if args.set in {"both", "news"}:
        score_news(find, args.show)


if __name__ == "__main__":
    main()
