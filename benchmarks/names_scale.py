"""How the corpus registry scales: synthetic mentions of synthetic people, timed.

Articles of 20 entities draw names from a pool of distinct people (given name x surname, with
spelling variants: transliterations, doubled letters, transpositions, surname-only mentions).
Reported: seconds to build the registry for each corpus size, and the ratio to the size before
(near 10x for 10x more mentions means linear growth).

    python benchmarks/names_scale.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any

from extract.reconcile.registry import build_registry

GIVEN = "anna boris carl dmitry elena fyodor george helen ivan julia yulia kirill lena maria "
GIVEN += "nikolai olga pavel rosa sergei sergey tatiana viktor yuri zoe alexei irina oleg vera"
SYLLABLES = "ka lo mi ne ro sa ti vu ber shen kov tal pe ril dor gan mus pet sild lin ova ski"


def surname(rng: random.Random) -> str:
    parts = SYLLABLES.split()
    return "".join(rng.choice(parts) for _ in range(rng.randint(2, 4))).title()


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


def corpus(mentions: int, rng: random.Random) -> list[dict[str, Any]]:
    people = [(rng.choice(GIVEN.split()), surname(rng)) for _ in range(max(mentions // 50, 10))]
    records = []
    for number in range(mentions // 20):
        entities = []
        for index in range(20):
            given, family = rng.choice(people)
            name = variant(rng, given, family)
            mention = {"text": name, "start": 0, "end": len(name), "sentence": 0}
            entities.append(
                {
                    "id": f"e{index}",
                    "name": name,
                    "label": "PERSON",
                    "mentions": [mention],
                    "roles": [],
                }
            )
        records.append({"id": f"a{number}", "entities": entities, "quotes": []})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    rng = random.Random(7)
    before = None
    for size in args.sizes:
        records = corpus(size, rng)
        started = time.perf_counter()
        entries, _ = build_registry(records)
        seconds = time.perf_counter() - started
        growth = f"  x{seconds / before:.1f} time for x10 mentions" if before else ""
        print(f"{size:>9,} mentions -> {len(entries):>7,} entities in {seconds:7.1f}s{growth}")
        before = seconds


if __name__ == "__main__":
    main()
