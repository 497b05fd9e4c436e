"""Build models/places.tsv: English country names (from Babel's CLDR data) and US states.

Countries: every two-letter territory of Babel's English locale (CLDR), plus the short forms
news writes (U.S., UK, Britain, ...), listed below. US states and DC: the 50 state names of the
US Census Bureau, typed in here. Reproducible: `python models/build_places.py` (Babel 2.19.0,
installed with the project's dev tools) rewrites the file byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale

_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
_ALIASES = (
    "U.S.",
    "US",
    "USA",
    "U.S.A.",
    "America",
    "UK",
    "U.K.",
    "Britain",
    "Great Britain",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Russia",
    "South Korea",
    "North Korea",
    "Taiwan",
    "Palestine",
    "Gaza",
    "West Bank",
    "Czech Republic",
    "Ivory Coast",
    "Burma",
    "Holland",
    "Soviet Union",
    "USSR",
    "Syria",
    "Iran",
    "Vietnam",
    "Laos",
    "Bolivia",
    "Venezuela",
    "Tanzania",
    "Moldova",
)
_US_STATES = (
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "District of Columbia",
)


def rows() -> list[str]:
    names: dict[str, str] = {}
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
            names.setdefault(name, "country")
    for name in _ALIASES:
        names.setdefault(name, "country")
    for name in _US_STATES:
        names.setdefault(name, "state")
    return [f"{name}\t{kind}" for name, kind in sorted(names.items())]


def main() -> None:
    header = "# place name<TAB>kind (country | state). Built by models/build_places.py; see README."
    path = Path(__file__).resolve().parent / "places.tsv"
    path.write_text("\n".join([header, *rows()]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
