"""Build models/currencies.tsv: ISO 4217 currency codes and their English names (CLDR via Babel).

One row per currency in use in some territory on 2025-01-01 (Babel's CLDR territory data), with
its English singular and plural display names, lower-cased ("hong kong dollar", "hong kong
dollars"), as news writes them after a number ("176 Hong Kong dollars"). Codes of precious
metals, funds and testing (X..) are left out. Reproducible: `python models/build_currencies.py`
(Babel 2.19.0, installed with the project) rewrites the file byte for byte.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies

OUT = Path(__file__).resolve().parent / "currencies.tsv"
WHEN = date(2025, 1, 1)


def current_codes() -> list[str]:
    codes: set[str] = set()
    for territory in Locale("en").territories:
        if territory.isalpha():
            codes.update(get_territory_currencies(territory, start_date=WHEN, tender=True))
    return sorted(code for code in codes if not code.startswith("X") or code in {"XAF", "XOF"})


def main() -> None:
    rows = ["# code\tsingular\tplural  (ISO 4217; English names from CLDR via Babel 2.19.0)"]
    for code in current_codes():
        one = get_currency_name(code, count=1, locale="en").lower()
        many = get_currency_name(code, count=2, locale="en").lower()
        rows.append(f"{code}\t{one}\t{many}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
