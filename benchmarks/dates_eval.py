"""Dates on TimeBank + AQUAINT (TempEval-3 training data), scored TempEval-3 style.

Each document's text is run through the extract pipeline with its <DCT> as publication date.
Reported: strict (exact span) and relaxed (overlapping span) extraction P/R/F1, type accuracy
and value accuracy over relaxed matches, and value P/R/F1 (a system expression counts when it
overlaps a gold one and has the same value).

    python benchmarks/dates_eval.py [--limit N] [--errors FILE]
"""

from __future__ import annotations

import argparse
import html
import re
import time
from dataclasses import dataclass
from pathlib import Path

from _common import dev_data_dir, require
from extract.models import Article
from extract.pipeline import Pipeline

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, str, list[Gold]]:
    """(text, DCT as YYYY-MM-DD, gold TIMEX3s with offsets into text)."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    dct = dct_match.group(1)[:10] if dct_match else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    offset = 0
    for match in _TAG.finditer(body):
        piece = html.unescape(body[position : match.start()])
        text_parts.append(piece)
        offset += len(piece)
        position = match.end()
        closing, name = match.group(1) == "/", match.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (offset, dict(_ATTR.findall(match.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Gold(start, offset, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    text_parts.append(html.unescape(body[position:]))
    return "".join(text_parts), dct, gold


def score(pairs: list[tuple[int, int]], system: int, gold: int) -> tuple[float, float, float]:
    p = len(pairs) / system if system else 0.0
    r = len(pairs) / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", type=Path, default=None, help="write mismatches here")
    args = parser.parse_args()
    root = require(dev_data_dir() / "timebank")
    files = sorted(root.glob("*/*.tml"))[: args.limit]
    documents = [read_tml(path) for path in files]
    articles = [
        Article(id=path.stem, text=text, published=dct or None)
        for path, (text, dct, _) in zip(files, documents, strict=True)
    ]
    pipeline = Pipeline(args.model)
    started = time.perf_counter()
    records = list(pipeline.process(articles))
    elapsed = time.perf_counter() - started
    n_system = n_gold = 0
    strict = relaxed = type_ok = value_ok = 0
    mismatches: list[str] = []
    for record, (text, _, gold) in zip(records, documents, strict=True):
        n_system += len(record.dates)
        n_gold += len(gold)
        used: set[int] = set()
        for mention in record.dates:
            match = next(
                (
                    i
                    for i, g in enumerate(gold)
                    if i not in used and mention.start < g.end and g.start < mention.end
                ),
                None,
            )
            if match is None:
                mismatches.append(f"FP\t{record.id}\t{mention.text!r}\t{mention.value}")
                continue
            used.add(match)
            g = gold[match]
            relaxed += 1
            strict += (g.start, g.end) == (mention.start, mention.end)
            type_ok += g.type == mention.type
            value_ok += g.value == mention.value
            if g.value != mention.value:
                mismatches.append(
                    f"VALUE\t{record.id}\t{text[g.start : g.end]!r}\tgold={g.value}\t"
                    f"ours={mention.value}\t{mention.text!r}"
                )
        for i, g in enumerate(gold):
            if i not in used:
                mismatches.append(
                    f"FN\t{record.id}\t{text[g.start : g.end]!r}\t{g.type}\t{g.value}"
                )
    sp, sr, sf = score([(0, 0)] * strict, n_system, n_gold)
    rp, rr, rf = score([(0, 0)] * relaxed, n_system, n_gold)
    vp, vr, vf = score([(0, 0)] * value_ok, n_system, n_gold)
    print(
        f"TimeBank+AQUAINT: {len(files)} documents, {n_gold} gold TIMEX3, {n_system} found, "
        f"{elapsed:.1f}s"
    )
    print(f"strict  extraction  P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"relaxed extraction  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}")
    print(
        f"type accuracy  {type_ok / relaxed if relaxed else 0:.3f}   "
        f"value accuracy {value_ok / relaxed if relaxed else 0:.3f}  (over relaxed matches)"
    )
    print(f"value           P {vp:.3f}  R {vr:.3f}  F1 {vf:.3f}")
    if args.errors:
        args.errors.write_text("\n".join(sorted(mismatches)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
