"""Body text from real news pages (dev-data/news-pages), scored by token F1 against hand-made gold.

For each page, `html/NAME.html` goes through our HTML ingest (the same path as a corpus file:
decoding, trafilatura, boilerplate filter) and the body is compared with `body/NAME.json` "text".

Tokenisation (both sides alike): the text is lower-cased (str.lower) and split into maximal runs
of word characters (`re.findall(r"\\w+", text)`, Unicode-aware): white space and punctuation
separate tokens and are dropped, so "We’d" -> ["we", "d"], "2-1" -> ["2", "1"].
Score: bag-of-tokens F1 — overlap = sum over tokens of min(count in ours, count in gold);
precision = overlap / our tokens, recall = overlap / gold tokens (an empty side scores 0).

Reported: mean and min F1, the number of pages under 0.93, the worst pages. `--errors FILE`
writes per-page details: the token runs missing from ours and the extra runs (a sequence diff).
`--option KEY=VALUE` overrides one trafilatura option (repeatable), `--no-filter` skips the
boilerplate filter and headline drop, `--no-repair` the HTML tree repairs (for measuring
settings); `--half a|b` scores a fixed half of the pages (by a hash of the name) so that rules
drawn from one half can be checked on the other.

    python benchmarks/ingest_eval.py [--errors FILE] [--option favor_recall=true] [--no-filter]
"""

from __future__ import annotations

import argparse
import ast
import difflib
import hashlib
import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import dev_data_dir, require
from extract.ingest import formats
from extract.ingest.corpus import read_file
from extract.models import Article

THRESHOLD = 0.93
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased runs of word characters (see the module docstring)."""
    return _TOKEN.findall(text.lower())


def token_f1(ours: list[str], gold: list[str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of the bags of tokens."""
    overlap = sum((Counter(ours) & Counter(gold)).values())
    if not ours or not gold or not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / len(ours), overlap / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


@dataclass
class PageScore:
    name: str
    precision: float
    recall: float
    f1: float
    missing: list[str]
    extra: list[str]
    error: str | None = None


def diff_runs(ours: list[str], gold: list[str]) -> tuple[list[str], list[str]]:
    """Token runs in gold but not ours (missing) and in ours but not gold (extra)."""
    missing: list[str] = []
    extra: list[str] = []
    matcher = difflib.SequenceMatcher(a=gold, b=ours, autojunk=False)
    for op, g1, g2, o1, o2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            missing.append(" ".join(gold[g1:g2]))
        if op in ("insert", "replace"):
            extra.append(" ".join(ours[o1:o2]))
    return missing, extra


def score_page(html_path: Path, gold_text: str) -> PageScore:
    """Run our ingest on one page and score its body against the gold text."""
    name = html_path.stem
    items = read_file(html_path, root=html_path.parent)
    articles = [item for item in items if isinstance(item, Article)]
    gold = tokens(gold_text)
    if not articles:
        error = "; ".join(f"{i.reason}: {getattr(i, 'message', '')}" for i in items)
        return PageScore(name, 0.0, 0.0, 0.0, [" ".join(gold)], [], error)
    ours = tokens(articles[0].text)
    precision, recall, f1 = token_f1(ours, gold)
    missing, extra = diff_runs(ours, gold)
    return PageScore(name, precision, recall, f1, missing, extra)


def in_half(name: str, half: str | None) -> bool:
    """A fixed split of the pages by the first hex digit of sha1(name)."""
    if half is None:
        return True
    low = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[0], 16) < 8
    return low if half == "a" else not low


def parse_option(raw: str) -> tuple[str, Any]:
    """KEY=VALUE with VALUE as a Python literal (true/false/none accepted in any case)."""
    key, _, value = raw.partition("=")
    lowered = value.strip().lower()
    if lowered in ("true", "false", "none"):
        return key.strip(), {"true": True, "false": False, "none": None}[lowered]
    try:
        return key.strip(), ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return key.strip(), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=Path, help="Write per-page details (JSON lines) here.")
    parser.add_argument("--option", action="append", default=[], help="trafilatura KEY=VALUE.")
    parser.add_argument("--no-filter", action="store_true", help="Skip the boilerplate filter.")
    parser.add_argument("--no-repair", action="store_true", help="Skip the HTML tree repairs.")
    parser.add_argument("--half", choices=("a", "b"), help="Score one fixed half of the pages.")
    parser.add_argument("--worst", type=int, default=10, help="How many worst pages to list.")
    args = parser.parse_args()

    root = require(dev_data_dir() / "news-pages")
    overrides = dict(parse_option(raw) for raw in args.option)
    formats.TRAFILATURA_OPTIONS.update(overrides)
    if args.no_filter:
        formats.BOILERPLATE_FILTER = False
    if args.no_repair:
        formats.HTML_REPAIRS = False

    started = time.perf_counter()
    scores: list[PageScore] = []
    for html_path in sorted((root / "html").glob("*.html")):
        if not in_half(html_path.stem, args.half):
            continue
        gold_path = root / "body" / f"{html_path.stem}.json"
        gold_text = json.loads(gold_path.read_text(encoding="utf-8"))["text"]
        scores.append(score_page(html_path, gold_text))
    elapsed = time.perf_counter() - started
    if not scores:
        print("no pages found")
        return

    f1s = [s.f1 for s in scores]
    under = [s for s in scores if s.f1 < THRESHOLD]
    print(
        f"pages {len(scores)}  trafilatura {formats.TRAFILATURA_OPTIONS}  "
        f"repairs {formats.HTML_REPAIRS}  filter {formats.BOILERPLATE_FILTER}"
    )
    print(
        f"mean F1 {statistics.fmean(f1s):.4f}  min F1 {min(f1s):.4f}  "
        f"pages < {THRESHOLD}: {len(under)}  "
        f"mean P {statistics.fmean(s.precision for s in scores):.4f}  "
        f"mean R {statistics.fmean(s.recall for s in scores):.4f}  ({elapsed:.1f}s)"
    )
    print("worst pages:")
    for s in sorted(scores, key=lambda s: s.f1)[: args.worst]:
        note = f"  [{s.error}]" if s.error else ""
        print(f"  {s.f1:.4f}  P {s.precision:.4f}  R {s.recall:.4f}  {s.name}{note}")

    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for s in sorted(scores, key=lambda s: s.f1):
                row = {
                    "page": s.name,
                    "f1": round(s.f1, 4),
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "error": s.error,
                    "missing": s.missing,
                    "extra": s.extra,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"per-page details -> {args.errors}")


if __name__ == "__main__":
    main()
