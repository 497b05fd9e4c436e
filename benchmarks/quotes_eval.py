"""Quotes on PolNeAR dev (US election news, 2016) against textacy's direct_quotations.

Gold: brat standoff Source/Cue/Content spans tied by `E` lines; one annotator per article.
A gold quote is *direct* when its content is enclosed in quotation marks. Reported:
  * direct quotes: P/R/F1, a match being an overlap of at least half the shorter span;
  * speaker accuracy: share of gold direct quotes (with a gold Source) that a system found
    with a speaker mention overlapping the gold Source;
  * indirect recall: gold attributions without quotation marks whose cue is a reporting verb,
    found by an indirect or mixed quote of ours (same overlap rule).
textacy (`pip install -e '.[bench]'`) runs on the same Docs in the same run.

    python benchmarks/quotes_eval.py [--errors FILE]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import dev_data_dir, require
from _speakers import best_match, judge
from extract.extractors.quotes.cues import default_cues
from extract.models import Article
from extract.pipeline import Pipeline

OPENING = '“"«‘'
CLOSING = '”"»’'


@dataclass
class GoldQuote:
    start: int
    end: int
    direct: bool
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    cue_text: str = ""
    found_speaker: dict[str, bool] = field(default_factory=dict)


def read_ann(path: Path, text: str) -> list[GoldQuote]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    links: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, _, offsets = parts[1].partition(" ")
            ranges = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            spans[parts[0]] = (kind, [(a, b) for a, b in ranges], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(item.split(":", 1) for item in parts[1].split()))
    gold: list[GoldQuote] = []
    for link in links:
        content = spans.get(link.get("Content", ""))
        if content is None:
            continue
        source = spans.get(link.get("Source", ""))
        cue = spans.get(link.get("Cue", ""))
        source_span = (source[1][0][0], source[1][-1][1]) if source else None
        cue_span = (cue[1][0][0], cue[1][-1][1]) if cue else None
        # A quotation split around its attribution is one discontinuous Content: each quoted
        # piece is a direct quote of its own; otherwise the whole content is one attribution.
        pieces = [(a, b) for a, b in content[1] if _enclosed(text, a, b)]
        if pieces:
            for a, b in pieces:
                gold.append(GoldQuote(a, b, True, source_span, cue_span, cue[2] if cue else ""))
            continue
        start, end = content[1][0][0], content[1][-1][1]
        gold.append(GoldQuote(start, end, False, source_span, cue_span, cue[2] if cue else ""))
    return gold


def _enclosed(text: str, start: int, end: int) -> bool:
    """Content wrapped in quotation marks (the marks inside or just outside the span)."""
    head = text[max(0, start - 2) : start + 1]
    tail = text[max(0, end - 2) : end + 3]
    inner = text[start:end]
    opened = any(ch in OPENING for ch in head)
    closed = any(ch in CLOSING for ch in tail)
    return opened and closed and not re.search(r"[”»\"]\s.+\s[“«\"]", inner)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared >= shorter / 2


def touches(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", type=Path, default=None)
    parser.add_argument(
        "--split", default="dev", choices=["dev", "train"], help="PolNeAR split (default dev)"
    )
    args = parser.parse_args()
    root = require(dev_data_dir() / f"polnear-{args.split}")
    chosen: dict[str, Path] = {}
    for path in sorted((root / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}$", "", path.stem)
        chosen.setdefault(base, path)
    names = sorted(chosen)
    texts = {name: (root / "text" / f"{name}.txt").read_text(encoding="utf-8") for name in names}
    gold = {name: read_ann(chosen[name], texts[name]) for name in names}
    pipeline = Pipeline(args.model)
    started = time.perf_counter()
    articles = [Article(id=name, text=texts[name]) for name in names]
    docs = list(pipeline.nlp.pipe(pipeline.make_doc(a) for a in articles))
    elapsed = time.perf_counter() - started
    from extract.pipeline import record_from_doc

    records = [record_from_doc(a, d) for a, d in zip(articles, docs, strict=True)]
    systems: dict[str, dict[str, list[tuple[tuple[int, int], tuple[int, int] | None]]]] = {
        "extract": defaultdict(list)
    }
    indirect_found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for record in records:
        for q in record.quotes:
            mention = q.speaker_mention
            speaker = (mention.start, mention.end) if mention else None
            if q.kind == "direct":
                systems["extract"][record.id].append(((q.start, q.end), speaker))
            else:
                indirect_found[record.id].append((q.start, q.end))
    try:
        from textacy.extract.triples import direct_quotations

        systems["textacy"] = defaultdict(list)
        bailed = 0
        for name, doc in zip(names, docs, strict=True):
            try:
                triples = list(direct_quotations(doc))
            except ValueError:  # textacy refuses documents with unbalanced quotation marks
                bailed += 1
                continue
            for triple in triples:
                content = (triple.content.start_char, triple.content.end_char)
                who = triple.speaker
                speaker = (who[0].idx, who[-1].idx + len(who[-1].text)) if who else None
                systems["textacy"][name].append((content, speaker))
        print(f"textacy gave up on {bailed} of {len(names)} articles (unbalanced quotation marks)")
    except ImportError:
        print("textacy not installed (pip install -e '.[bench]'): peer skipped")

    cues = default_cues().lemmas
    errors: list[str] = []
    print(
        f"PolNeAR {args.split}: {len(names)} articles, "
        f"{sum(g.direct for gs in gold.values() for g in gs)} gold direct quotes, "
        f"{sum(not g.direct for gs in gold.values() for g in gs)} other attributions; "
        f"extract pipeline {elapsed:.1f}s"
    )
    print(f"{'system':8} {'direct P':>9} {'R':>6} {'F1':>6} | {'speaker acc':>11}")
    for system, found in systems.items():
        hits = n_found = n_gold = speaker_ok = speaker_total = 0
        for name in names:
            direct = [g for g in gold[name] if g.direct]
            n_gold += len(direct)
            n_found += len(found[name])
            used: set[int] = set()
            for g in direct:
                match = next(
                    (
                        i
                        for i, (span, _) in enumerate(found[name])
                        if i not in used and overlaps(span, (g.start, g.end))
                    ),
                    None,
                )
                if g.source is not None:
                    speaker_total += 1
                if match is None:
                    if system == "extract":
                        errors.append(f"FN\t{name}\t{texts[name][g.start : g.end][:80]!r}")
                    continue
                used.add(match)
                hits += 1
                if g.source is not None and touches(found[name][match][1], g.source):
                    speaker_ok += 1
                elif system == "extract" and g.source is not None:
                    s = found[name][match][1]
                    said = texts[name][s[0] : s[1]] if s else None
                    errors.append(
                        f"SPEAKER\t{name}\tgold={texts[name][g.source[0] : g.source[1]]!r}"
                        f"\tours={said!r}\t{texts[name][g.start : g.end][:60]!r}"
                    )
            if system == "extract":
                for i, (span, _) in enumerate(found[name]):
                    if i not in used:
                        errors.append(f"FP\t{name}\t{texts[name][span[0] : span[1]][:80]!r}")
        p = hits / n_found if n_found else 0.0
        r = hits / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        accuracy = speaker_ok / speaker_total if speaker_total else 0.0
        print(f"{system:8} {p:9.3f} {r:6.3f} {f1:6.3f} | {accuracy:11.3f}")
    indirect_gold = indirect_hits = 0
    for name, doc in zip(names, docs, strict=True):
        for g in gold[name]:
            if g.direct or g.cue is None or any(ch in g.cue_text for ch in '“”"'):
                continue
            cue_span = doc.char_span(g.cue[0], g.cue[1], alignment_mode="expand")
            lemmas = {t.lemma_.lower() for t in cue_span} if cue_span is not None else set()
            if not (lemmas & cues) and "according" not in lemmas:
                continue
            indirect_gold += 1
            if any(overlaps(span, (g.start, g.end)) for span in indirect_found[name]):
                indirect_hits += 1
            else:
                errors.append(
                    f"FN-INDIRECT\t{name}\t{g.cue_text!r}\t{texts[name][g.start : g.end][:80]!r}"
                )
    recall = indirect_hits / indirect_gold if indirect_gold else 0.0
    print(
        f"indirect attributions with a reporting-verb cue: recall {recall:.3f} "
        f"({indirect_hits}/{indirect_gold}); textacy finds none by design"
    )
    # Precision: an indirect or mixed quote of ours is right when it overlaps the content of
    # any gold attribution (whatever its cue; PolNeAR annotates every attribution).
    ours = right = 0
    for name in names:
        for span in indirect_found[name]:
            ours += 1
            if any(overlaps(span, (g.start, g.end)) for g in gold[name] if not g.direct):
                right += 1
            else:
                errors.append(f"FP-INDIRECT\t{name}\t{texts[name][span[0] : span[1]][:80]!r}")
    precision = right / ours if ours else 0.0
    print(f"indirect and mixed quotes of ours inside a gold attribution: precision {precision:.3f}")
    print_bands(records, gold, texts)
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")


BANDS = ((0.8, 1.01, ">= 0.8"), (0.5, 0.8, "0.5-0.8"), (0.0, 0.5, "< 0.5"))


def print_bands(
    records: list[Any], gold: dict[str, list[GoldQuote]], texts: dict[str, str]
) -> None:
    """Calibration by confidence band: every attributed quote of ours (direct and reported)
    matched to a gold attribution, its speaker entity judged (see _speakers.judge)."""
    judged = []
    for record in records:
        entities = {entity.id: entity for entity in record.entities}
        sources = sorted({g.source for g in gold[record.id] if g.source is not None})
        for quote in record.quotes:
            match = best_match(quote, gold[record.id])
            if match is not None and match.source is not None:
                found = judge(quote, entities, match.source, sources, texts[record.id])
                if found is not None:
                    judged.append(found)
    print("speaker confidence band (entity level; pronouns against a silver antecedent):")
    print(f"  {'band':8} {'quotes':>7} {'right':>7} {'share':>7}")
    for low, high, label in BANDS:
        inside = [j for j in judged if j.confidence is not None and low <= j.confidence < high]
        right = sum(j.right for j in inside)
        share = right / len(inside) if inside else 0.0
        print(f"  {label:8} {len(inside):7d} {right:7d} {share:7.3f}")
    named = [j for j in judged if not j.pronoun]
    print(
        f"  named gold sources: {sum(j.right for j in named)}/{len(named)} right; "
        f"pronoun gold sources: {sum(j.right for j in judged if j.pronoun)}/"
        f"{sum(j.pronoun for j in judged)} right"
    )


if __name__ == "__main__":
    main()
