"""How the corpus registry scales: synthetic mentions of synthetic people, timed.

Articles of 20 entities draw people from a pool that grows with the corpus (one person per 50
mentions), with spelling variants: transliterations, doubled letters, transpositions,
surname-only mentions, initials. Two pools:

  news   (default) a heavy tail like real news: a few people are mentioned very often, given
         names and surnames follow Zipf's law over thousands of names, so the name space fills
         up slowly as the corpus grows;
  dense  the worst case: 30 given names and surnames from 22 syllables, so near-identical
         names of different people multiply as the corpus grows and the number of pairs that
         must really be compared grows faster than the corpus.

Reported: seconds to build the registry for each corpus size (the first size includes the
the ratio to the size before, the peak memory of this process, and the pairwise precision and
recall of the mention clusters against the people the mentions were drawn from.

    python benchmarks/names_scale.py [--sizes 10000 100000 1000000] [--pool news|dense]
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from extract.models import ArticleRecord, Entity
from extract.reconcile.match import match_names
from extract.reconcile.registry import build_registry

T = TypeVar("T")

GIVEN = "anna boris carl dmitry elena fyodor george helen ivan julia yulia kirill lena maria "
GIVEN += "nikolai olga pavel rosa sergei sergey tatiana viktor yuri zoe alexei irina oleg vera"
SYLLABLES = "ka lo mi ne ro sa ti vu ber shen kov tal pe ril dor gan mus pet sild lin ova ski"
MORE_SYLLABLES = SYLLABLES + " an bel cor da el fen gil ho is jor kel mar nor os pra qu ras "
MORE_SYLLABLES += "sten tor ul ven wes xa yor zan bra cle dre fro gru hal ine jas lou mon"


def zipf_picker(items: list[T], rng: random.Random) -> Callable[[], T]:
    """Draws from `items` with Zipf weights (the first is the most common)."""
    cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, len(items) + 1)))
    return lambda: rng.choices(items, cum_weights=cumulative)[0]


def syllable_words(
    rng: random.Random, syllables: str, count: int, low: int, high: int
) -> list[str]:
    parts = syllables.split()
    words = {
        "".join(rng.choice(parts) for _ in range(rng.randint(low, high))) for _ in range(count)
    }
    return sorted(words)


def people(mentions: int, pool: str, rng: random.Random) -> list[tuple[str, str]]:
    count = max(mentions // 50, 10)
    if pool == "dense":
        surnames = syllable_words(rng, SYLLABLES, count, 2, 4)
        return [(rng.choice(GIVEN.split()), rng.choice(surnames).title()) for _ in range(count)]
    given = GIVEN.split() + syllable_words(rng, MORE_SYLLABLES, 5000, 2, 3)
    rng.shuffle(given)
    surnames = syllable_words(rng, MORE_SYLLABLES, count, 2, 4)
    pick_given, pick_surname = zipf_picker(given, rng), zipf_picker(surnames, rng)
    return [(pick_given(), pick_surname().title()) for _ in range(count)]


def variant(rng: random.Random, given: str, family: str) -> str:
    roll = rng.random()
    if roll < 0.6:
        return f"{given.title()} {family}"
    if roll < 0.75:
        return family
    if roll < 0.85 and len(family) > 5:
        i = rng.randrange(1, len(family) - 2)
        return f"{given.title()} {family[:i]}{family[i + 1]}{family[i]}{family[i + 2 :]}"
    if roll < 0.95:
        i = rng.randrange(1, len(family) - 1)
        return f"{given.title()} {family[:i]}{family[i]}{family[i:]}"
    return f"{given[0].upper()}. {family}"


def corpus(mentions: int, rng: random.Random, pool: str = "news") -> list[dict[str, Any]]:
    cast = people(mentions, pool, rng)
    pick_person = zipf_picker(cast, rng) if pool == "news" else lambda: rng.choice(cast)
    records = []
    for number in range(mentions // 20):
        entities = []
        for index in range(20):
            given, family = pick_person()
            name = variant(rng, given, family)
            mention = {"text": name, "start": 0, "end": len(name), "sentence": 0}
            entities.append(
                {
                    "id": f"e{index}",
                    "name": name,
                    "label": "PERSON",
                    "mentions": [mention],
                    "roles": [],
                    "truth": f"{given} {family}",  # read by the benchmark only
                }
            )
        records.append({"id": f"a{number}", "entities": entities, "quotes": []})
    return records


def article_records(records: list[dict[str, Any]]) -> list[ArticleRecord]:
    """The synthetic articles as the registry takes them: typed records, without the truth."""
    return [
        ArticleRecord(
            id=record["id"],
            text="",
            entities=[
                Entity.model_validate({k: v for k, v in entity.items() if k != "truth"})
                for entity in record["entities"]
            ],
        )
        for record in records
    ]


def pairwise_quality(records: list[dict[str, Any]], mapping: dict[Any, str]) -> tuple[float, float]:
    """Pairwise precision and recall of the registry's mention clusters against the people
    the mentions were drawn from (two people drawn with the same name count as one)."""
    cells: Counter[tuple[str, str]] = Counter()
    for record in records:
        for entity in record["entities"]:
            cells[(mapping[(record["id"], entity["id"])], entity["truth"])] += 1
    found: Counter[str] = Counter()
    truth: Counter[str] = Counter()
    for (cluster, person), count in cells.items():
        found[cluster] += count
        truth[person] += count

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    both = pairs(cells.values())
    return both / max(pairs(found.values()), 1), both / max(pairs(truth.values()), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--pool", choices=["news", "dense"], default="news")
    args = parser.parse_args()
    match_names("Julia Smith", "Yulia Smith")  # the one-off load of the name-variant data
    before = None
    for size in args.sizes:
        records = corpus(size, random.Random(7), args.pool)
        names = len({e["name"] for r in records for e in r["entities"]})
        typed = article_records(records)
        started = time.perf_counter()
        entries, mapping = build_registry(typed)
        seconds = time.perf_counter() - started
        precision, recall = pairwise_quality(records, mapping)
        growth = f"  x{seconds / before:.1f} time" if before else ""
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
        print(
            f"{size:>9,} mentions, {names:>7,} distinct names -> {len(entries):>7,} entities "
            f"in {seconds:6.1f}s{growth}  (peak {peak:.1f} GB)  pairwise P {precision:.3f} "
            f"R {recall:.3f}"
        )
        before = seconds


if __name__ == "__main__":
    main()
