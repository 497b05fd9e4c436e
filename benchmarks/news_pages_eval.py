"""Quotes, speakers, people, organisations and check-worthy sentences on 12 hand-annotated pages.

Gold: benchmarks/annotations/news_pages.json (offsets, labels and names only; the rules and
counts are in benchmarks/annotations/README.md), over the gold body text of 12 of the 65 dev
news pages (dev-data/news-pages/body). A page whose text no longer has the annotated sha256 is
skipped. The pipeline runs on each body with no publication date.

Annotation rules (one annotator; full text and examples in the README):
  * quotes: every span in double quotation marks that reports someone's words, marks included;
    not titles, slogans, terms, nor quotes of one or two words without a reporting cue. A quote
    split by its attribution is two quotes; a quote over several paragraphs is one per
    paragraph. `partial`: a fragment built into the narrator's sentence. `speaker`: the source
    as fully as the text names it, null when unnamed; `speaker_kind`: person | organisation |
    unnamed | none; `how`: colon-intro (Roe said: "...") > cue-subject ("...," Roe said) >
    pronoun ("...," she said) > description ("...," the banker said) > continuation (no cue of
    its own, speaker carried over) > other (according to ..., headings);
  * people and organisations: one entry per real entity named in the body, with every surface
    form used; no places, no teams or governments named only by a place, no products, events,
    venues or bylines;
  * sentences: every sentence of the page; check-worthy (1) when it states something a
    fact-checker could verify (a quantity, comparison, cause, a specific past, present or
    announced action, a denial or accusation of a fact); 0 for opinions, feelings, questions,
    advice, vague predictions, an opinion merely attributed, headings, lists, captions, furniture.

Reported:
  * quotes: a gold direct quote is found by a system quote of kind "direct" overlapping at least
    half of the gold span (marks included). A found quote's speaker is right when a mention (or
    the name) of the system's speaker entity has the gold person's last word as its last word,
    or equals the gold organisation's name or a variant (case-insensitive, a leading "the" and a
    trailing 's ignored); with a null gold speaker, right when the system's is null too. Wrong:
    another entity; none: no system speaker. By `how`, by quote form (full/partial) and, when
    quotes carry `speaker_confidence`, by confidence band;
  * people and organisations: each gold entity found as PERSON/ORG (an entity of that label with
    a mention equal to a gold variant, or, for people, a name with the same last word), found
    under another label, or missed; PERSON precision against the gold people;
  * claims: precision/recall of `record.claims` against gold check-worthy sentences (a claim
    matches a sentence it overlaps by at least half the sentence), and average precision of the
    claims ranked by `checkworthiness` (gold sentences no claim matches count as missed).

    python benchmarks/news_pages_eval.py [--errors FILE] [--annotations PATH]

`--annotations` picks the gold file: the default news_pages.json (the 12 pages the rules were
tuned on) or news_pages_fresh.json (12 other pages annotated before the tool was run on them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import dev_data_dir, require
from extract.extractors.entities import labels as entity_labels
from extract.models import ArticleRecord, Entity, Quote
from extract.pipeline import Pipeline, article_from_input

ANNOTATIONS = Path(__file__).resolve().parent / "annotations" / "news_pages.json"
BANDS = ((0.8, ">=0.8"), (0.5, "0.5-0.8"), (float("-inf"), "<0.5"))
OUTCOMES = ("right", "wrong", "none")


@dataclass
class Page:
    gold: dict[str, Any]
    text: str
    record: ArticleRecord


@dataclass
class Tally:
    """Counts per group: gold quotes, found, and speaker outcomes of the found ones."""

    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, group: str, outcome: str | None) -> None:
        self.counts[group]["gold"] += 1
        if outcome is not None:
            self.counts[group]["found"] += 1
            self.counts[group][outcome] += 1

    def print(self, title: str) -> None:
        print(f"  {title:22} {'gold':>5} {'found':>6} {'right':>6} {'wrong':>6} {'none':>6}")
        for group in sorted(self.counts, key=lambda g: (g != "ALL", g)):
            c = self.counts[group]
            cells = " ".join(f"{c[k]:6d}" for k in ("found", *OUTCOMES))
            print(f"  {group:22} {c['gold']:5d} {cells}")

    def print_bands(self) -> None:
        print(f"  {'speaker_confidence':22} {'count':>5} {'right':>6} {'wrong':>6} {'none':>6}")
        for _, band in BANDS:
            c = self.counts.get(band, Counter())
            cells = " ".join(f"{c[k]:6d}" for k in OUTCOMES)
            print(f"  {band:22} {c['found']:5d} {cells}")


def norm(text: str) -> str:
    """Lower case, one kind of apostrophe, no leading "the", no trailing possessive."""
    text = " ".join(text.replace("’", "'").lower().split())
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s?$", "", text)


_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])


def last_word(text: str) -> str:
    """The surname: the last word that is not a generational suffix ("Kennedy Jr." -> kennedy)."""
    words = [word for word in norm(text).replace(",", " ").split() if word not in _SUFFIXES]
    return words[-1] if words else ""


def surface(entity: Entity) -> set[str]:
    return {norm(m.text) for m in entity.mentions} | {norm(entity.name)}


def matches_person(entity: Entity, name: str, variants: list[str]) -> bool:
    forms = surface(entity)
    if forms & {norm(v) for v in variants}:
        return True
    return last_word(entity.name) == last_word(name)


def matches_org(entity: Entity, name: str, variants: list[str]) -> bool:
    return bool(surface(entity) & {norm(v) for v in [name, *variants]})


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def excerpt(text: str, start: int, end: int, width: int = 90) -> str:
    piece = text[start:end].replace("\n", " ")
    return piece if len(piece) <= width else piece[: width - 3] + "..."


def load_pages(pipeline: Pipeline, annotations: Path = ANNOTATIONS) -> list[Page]:
    body_dir = require(dev_data_dir() / "news-pages" / "body")
    gold_pages = json.loads(annotations.read_text(encoding="utf-8"))
    kept: list[tuple[dict[str, Any], str]] = []
    for gold in gold_pages:
        path = body_dir / f"{gold['page']}.json"
        if not path.exists():
            print(f"skipped {gold['page']}: not in the dev data")
            continue
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold["text_sha256"]:
            print(f"skipped {gold['page']}: its text changed since it was annotated")
            continue
        kept.append((gold, text))
    articles = [article_from_input(text, published=None) for _, text in kept]
    pages: list[Page] = []
    for (gold, text), record in zip(kept, pipeline.process(articles), strict=True):
        if record.text != text:
            print(f"skipped {gold['page']}: the pipeline read a different body text")
            continue
        pages.append(Page(gold, text, record))
    return pages


def speaker_outcome(page: Page, gold: dict[str, Any], quote: Quote) -> tuple[str, str]:
    """(right|wrong|none, the system speaker's name) for a found gold quote."""
    entities = {e.id: e for e in page.record.entities}
    entity = entities.get(quote.speaker) if quote.speaker else None
    system = entity.name if entity else (quote.speaker or "-")
    if gold["speaker"] is None:
        return ("right" if quote.speaker is None else "wrong"), system
    if entity is None:
        return ("none" if quote.speaker is None else "wrong"), system
    variants = next(
        (
            e["variants"]
            for e in page.gold["people"] + page.gold["organisations"]
            if e["name"] == gold["speaker"]
        ),
        [gold["speaker"]],
    )
    if gold["speaker_kind"] == "person":
        right = any(last_word(f) == last_word(gold["speaker"]) for f in surface(entity))
    else:
        right = matches_org(entity, gold["speaker"], variants)
    return ("right" if right else "wrong"), system


def band_of(confidence: float) -> str:
    return next(label for low, label in BANDS if confidence >= low)


def score_quotes(pages: list[Page], errors: list[str]) -> None:
    by_how, by_form, by_band, partial_kind = Tally(), Tally(), Tally(), Tally()
    partial_as_other, unmatched = 0, 0
    for page in pages:
        direct = [q for q in page.record.quotes if q.kind == "direct"]
        used: set[int] = set()
        for gold in page.gold["quotes"]:
            start, end = gold["start"], gold["end"]
            need = (end - start) / 2
            hits = [(overlap(start, end, q.start, q.end), i) for i, q in enumerate(direct)]
            best = max((h for h in hits if h[0] >= need), default=None)
            form = "partial" if gold.get("partial") else "full"
            if best is None:
                by_how.add("ALL", None)
                by_how.add(gold["how"], None)
                by_form.add(form, None)
                other = [
                    q
                    for q in page.record.quotes
                    if q.kind != "direct" and overlap(start, end, q.start, q.end) >= need
                ]
                partial_as_other += bool(other)
                as_partial = [q for q in other if q.kind == "partial"]
                if form == "partial":
                    outcome = speaker_outcome(page, gold, as_partial[0])[0] if as_partial else None
                    partial_kind.add("partial", outcome)
                errors.append(
                    f"quote-missed\t{page.gold['page']}\t{start}-{end}\t{gold['how']}\t"
                    f"{form}\tother kinds: {','.join(q.kind for q in other) or '-'}\t"
                    f"{excerpt(page.text, start, end)}"
                )
                continue
            used.add(best[1])
            quote = direct[best[1]]
            outcome, system = speaker_outcome(page, gold, quote)
            by_how.add("ALL", outcome)
            by_how.add(gold["how"], outcome)
            by_form.add(form, outcome)
            confidence = getattr(quote, "speaker_confidence", None)
            if confidence is not None:
                by_band.add(band_of(float(confidence)), outcome)
            if outcome != "right":
                errors.append(
                    f"speaker-{outcome}\t{page.gold['page']}\t{start}-{end}\t{gold['how']}\t"
                    f"gold={gold['speaker']}\tsystem={system}\tconf={confidence}\t"
                    f"{excerpt(page.text, start, end)}"
                )
        for i, quote in enumerate(direct):
            if i not in used:
                unmatched += 1
                errors.append(
                    f"quote-extra\t{page.gold['page']}\t{quote.start}-{quote.end}\t\t\t\t\t"
                    f"{excerpt(page.text, quote.start, quote.end)}"
                )
    all_counts = by_how.counts["ALL"]
    decided = all_counts["right"] + all_counts["wrong"]
    print("\nQuotes (gold direct quotes; found = system 'direct' quote over half the span)")
    by_how.print("by how")
    by_form.print("by form")
    print(f"  gold quotes found only as a partial/mixed/indirect quote: {partial_as_other}")
    print("  gold partial quotes not found as direct, found = a system 'partial' quote instead:")
    partial_kind.print("")
    print(f"  system direct quotes matching no gold quote: {unmatched}")
    if decided:
        print(f"  speaker precision (right / (right + wrong)): {all_counts['right'] / decided:.3f}")
    if by_band.counts:
        by_band.print_bands()
    else:
        print("  (no speaker_confidence on the system quotes)")


def score_entities(pages: list[Page], errors: list[str]) -> None:
    print("\nPeople and organisations (found as the right label / another label / missed)")
    for layer, label in (("people", "PERSON"), ("organisations", "ORG")):
        outcome: Counter[str] = Counter()
        for page in pages:
            match = matches_person if label == "PERSON" else matches_org
            for gold in page.gold[layer]:
                entities = page.record.entities
                right = [
                    e
                    for e in entities
                    if e.label == label and match(e, gold["name"], gold["variants"])
                ]
                variants = {norm(v) for v in gold["variants"]}
                other = [e.label for e in entities if e.label != label and surface(e) & variants]
                if right:
                    outcome[label] += 1
                elif other:
                    outcome[f"as {other[0]}"] += 1
                    errors.append(f"{layer}-label\t{page.gold['page']}\t{gold['name']}\t{other}")
                else:
                    outcome["missed"] += 1
                    errors.append(f"{layer}-missed\t{page.gold['page']}\t{gold['name']}")
        total = sum(outcome.values())
        parts = ", ".join(f"{k} {v}" for k, v in outcome.most_common())
        print(f"  {layer:14} {total:4d} gold: {parts}; recall {outcome[label] / max(total, 1):.3f}")
    matched, extra = 0, []
    for page in pages:
        for entity in page.record.entities:
            if entity.label != "PERSON":
                continue
            if any(matches_person(entity, g["name"], g["variants"]) for g in page.gold["people"]):
                matched += 1
            else:
                extra.append(f"{page.gold['page']}: {entity.name}")
    system = matched + len(extra)
    print(f"  PERSON precision: {matched}/{system} = {matched / max(system, 1):.3f}")
    for item in extra:
        print(f"    not a gold person: {item}")
        errors.append(f"person-extra\t{item}")


def score_claims(pages: list[Page], errors: list[str]) -> None:
    ranked: list[tuple[float, str, int]] = []  # (score, page, gold sentence index or -1)
    gold_total = 0
    for page in pages:
        sentences = page.gold["sentences"]
        gold_total += sum(s["checkworthy"] for s in sentences)
        matched: set[int] = set()
        for claim in page.record.claims:
            hit = -1
            for i, s in enumerate(sentences):
                need = (s["end"] - s["start"]) / 2
                if overlap(s["start"], s["end"], claim.start, claim.end) >= need:
                    hit = i
                    break
            good = hit >= 0 and sentences[hit]["checkworthy"] == 1
            ranked.append((claim.checkworthiness, page.gold["page"], hit if good else -1))
            if good:
                matched.add(hit)
            else:
                errors.append(
                    f"claim-extra\t{page.gold['page']}\t{claim.start}-{claim.end}\t"
                    f"score={claim.checkworthiness:.2f}\t"
                    f"{excerpt(page.text, claim.start, claim.end)}"
                )
        for i, s in enumerate(sentences):
            if s["checkworthy"] and i not in matched:
                errors.append(
                    f"claim-missed\t{page.gold['page']}\t{s['start']}-{s['end']}\t\t"
                    f"{excerpt(page.text, s['start'], s['end'])}"
                )
    ranked.sort(key=lambda item: -item[0])
    seen: set[tuple[str, int]] = set()
    hits, precision_sum, tp = 0, 0.0, 0
    for rank, (_, page_name, index) in enumerate(ranked, start=1):
        if index >= 0:
            tp += 1
            if (page_name, index) not in seen:
                seen.add((page_name, index))
                hits += 1
                precision_sum += hits / rank
    precision = tp / max(len(ranked), 1)
    recall = hits / max(gold_total, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print("\nClaims (system claims against gold check-worthy sentences)")
    print(f"  gold check-worthy sentences {gold_total}, system claims {len(ranked)}")
    print(
        f"  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
        f"AP {precision_sum / max(gold_total, 1):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--errors", type=Path, help="write every mismatch to this file")
    parser.add_argument(
        "--annotations",
        type=Path,
        default=ANNOTATIONS,
        help=f"gold file (default {ANNOTATIONS.name})",
    )
    parser.add_argument(
        "--rules-only", action="store_true", help="entity labels from the rules alone"
    )
    args = parser.parse_args()
    entity_labels.CORRECTION_ENABLED = not args.rules_only
    pipeline = Pipeline()
    pages = load_pages(pipeline, args.annotations)
    if not pages:
        print("no annotated page to score")
        return
    sentences = sum(len(p.gold["sentences"]) for p in pages)
    quotes = sum(len(p.gold["quotes"]) for p in pages)
    print(
        f"{len(pages)} pages, {quotes} gold quotes, {sentences} sentences (model {pipeline.model})"
    )
    errors: list[str] = []
    score_quotes(pages, errors)
    score_entities(pages, errors)
    score_claims(pages, errors)
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"\n{len(errors)} mismatches written to {args.errors}")


if __name__ == "__main__":
    main()
