"""The unit table: how news copy writes a unit, and the normalised name and kind we record.

Curated by hand (no unit library is installed: neither quantulum3 nor pint): currency codes are
ISO 4217, measures use their SI or customary symbols (km, kg, lb, mi, °C). The surface forms are
the ones wire and newspaper copy use; "pounds" is resolved by context (see `pound_unit`).
"""

from __future__ import annotations

import re

from extract.extractors.claims.currencies import code_pattern, codes, names

SYMBOLS = {
    "US$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₦": "NGN",
    "Rs": "INR",
    "Rs.": "INR",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
    "CHF": "CHF",
    "CNY": "CNY",
}
SYMBOLS.update({code: code for code in codes()})
CURRENCY = (
    "|".join(
        re.escape(s)
        for s in sorted(SYMBOLS, key=len, reverse=True)
        if not (s.isalpha() and s.isupper())
    )
    + rf"|{code_pattern()}(?=\s?\d)"
)
"""Symbols and ISO 4217 codes written before the number ("US$2bn", "€3m", "CHF 40", "HKD 5");
codes only in capitals."""

# surface form -> (unit, kind); matched case-insensitively unless listed in CASED
WORDS: dict[str, tuple[str, str]] = {
    # money written after the number
    "dollars": ("USD", "money"),
    "dollar": ("USD", "money"),
    "us dollars": ("USD", "money"),
    "euros": ("EUR", "money"),
    "euro": ("EUR", "money"),
    "pounds sterling": ("GBP", "money"),
    "sterling": ("GBP", "money"),
    "yen": ("JPY", "money"),
    "yuan": ("CNY", "money"),
    "renminbi": ("CNY", "money"),
    "rupees": ("INR", "money"),
    "roubles": ("RUB", "money"),
    "rubles": ("RUB", "money"),
    "won": ("KRW", "money"),
    "rand": ("ZAR", "money"),
    "naira": ("NGN", "money"),
    "shekels": ("ILS", "money"),
    "swiss francs": ("CHF", "money"),
    "lira": ("TRY", "money"),
    "hryvnias": ("UAH", "money"),
    "cents": ("USD", "money"),
    "pence": ("GBP", "money"),
    # percentages
    "%": ("%", "percent"),
    "percent": ("%", "percent"),
    "per cent": ("%", "percent"),
    "percentage points": ("pp", "percent"),
    "percentage point": ("pp", "percent"),
    "basis points": ("bp", "percent"),
    "basis point": ("bp", "percent"),
    # temperature
    "°c": ("°C", "temperature"),
    "° c": ("°C", "temperature"),
    "degrees celsius": ("°C", "temperature"),
    "degrees centigrade": ("°C", "temperature"),
    "degrees c": ("°C", "temperature"),
    "celsius": ("°C", "temperature"),
    "°f": ("°F", "temperature"),
    "degrees fahrenheit": ("°F", "temperature"),
    "degrees f": ("°F", "temperature"),
    "fahrenheit": ("°F", "temperature"),
    "degrees": ("°", "measure"),
    "degree": ("°", "measure"),
    # length, area, volume
    "km": ("km", "measure"),
    "kilometres": ("km", "measure"),
    "kilometers": ("km", "measure"),
    "kilometre": ("km", "measure"),
    "kilometer": ("km", "measure"),
    "miles": ("mi", "measure"),
    "mile": ("mi", "measure"),
    "metres": ("m", "measure"),
    "meters": ("m", "measure"),
    "metre": ("m", "measure"),
    "m": ("m", "measure"),
    "meter": ("m", "measure"),
    "cm": ("cm", "measure"),
    "centimetres": ("cm", "measure"),
    "centimeters": ("cm", "measure"),
    "mm": ("mm", "measure"),
    "millimetres": ("mm", "measure"),
    "millimeters": ("mm", "measure"),
    "feet": ("ft", "measure"),
    "foot": ("ft", "measure"),
    "ft": ("ft", "measure"),
    "inches": ("in", "measure"),
    "inch": ("in", "measure"),
    "in": ("in", "measure"),
    "yards": ("yd", "measure"),
    "yard": ("yd", "measure"),
    "acres": ("acre", "measure"),
    "acre": ("acre", "measure"),
    "hectares": ("ha", "measure"),
    "hectare": ("ha", "measure"),
    "square miles": ("sq mi", "measure"),
    "square kilometres": ("km²", "measure"),
    "square kilometers": ("km²", "measure"),
    "sq km": ("km²", "measure"),
    "km2": ("km²", "measure"),
    "square feet": ("sq ft", "measure"),
    "sq ft": ("sq ft", "measure"),
    "litres": ("L", "measure"),
    "liters": ("L", "measure"),
    "litre": ("L", "measure"),
    "liter": ("L", "measure"),
    "gallons": ("gal", "measure"),
    "gallon": ("gal", "measure"),
    "barrels": ("bbl", "measure"),
    "barrel": ("bbl", "measure"),
    "cubic metres": ("m³", "measure"),
    "cubic meters": ("m³", "measure"),
    # mass
    "kg": ("kg", "measure"),
    "kilograms": ("kg", "measure"),
    "kilogrammes": ("kg", "measure"),
    "kilogram": ("kg", "measure"),
    "kilos": ("kg", "measure"),
    "grams": ("g", "measure"),
    "gram": ("g", "measure"),
    "g": ("g", "measure"),
    "mg": ("mg", "measure"),
    "milligrams": ("mg", "measure"),
    "lbs": ("lb", "measure"),
    "lb": ("lb", "measure"),
    "ounces": ("oz", "measure"),
    "ounce": ("oz", "measure"),
    "oz": ("oz", "measure"),
    "tonnes": ("t", "measure"),
    "tonne": ("t", "measure"),
    "metric tons": ("t", "measure"),
    "metric tonnes": ("t", "measure"),
    "tons": ("ton", "measure"),
    "ton": ("ton", "measure"),
    "stone": ("st", "measure"),
    # speed, energy, data
    "mph": ("mph", "measure"),
    "miles per hour": ("mph", "measure"),
    "km/h": ("km/h", "measure"),
    "kph": ("km/h", "measure"),
    "kilometres per hour": ("km/h", "measure"),
    "kilometers per hour": ("km/h", "measure"),
    "knots": ("kn", "measure"),
    "mw": ("MW", "measure"),
    "megawatts": ("MW", "measure"),
    "gw": ("GW", "measure"),
    "gigawatts": ("GW", "measure"),
    "kwh": ("kWh", "measure"),
    "kilowatt-hours": ("kWh", "measure"),
    "twh": ("TWh", "measure"),
    "gb": ("GB", "measure"),
    "gigabytes": ("GB", "measure"),
    "tb": ("TB", "measure"),
    "calories": ("kcal", "measure"),
    "horsepower": ("hp", "measure"),
    "hp": ("hp", "measure"),
    "miles per gallon": ("mpg", "measure"),
    "mpg": ("mpg", "measure"),
    "kilometers per liter": ("km/L", "measure"),
    "kilometres per litre": ("km/L", "measure"),
    "light-years": ("ly", "measure"),
    "light-year": ("ly", "measure"),
    "light years": ("ly", "measure"),
    "ppm": ("ppm", "measure"),
    # durations
    "years": ("year", "duration"),
    "year": ("year", "duration"),
    "months": ("month", "duration"),
    "month": ("month", "duration"),
    "weeks": ("week", "duration"),
    "week": ("week", "duration"),
    "days": ("day", "duration"),
    "day": ("day", "duration"),
    "hours": ("hour", "duration"),
    "hour": ("hour", "duration"),
    "hrs": ("hour", "duration"),
    "minutes": ("minute", "duration"),
    "minute": ("minute", "duration"),
    "mins": ("minute", "duration"),
    "min": ("minute", "duration"),
    "seconds": ("second", "duration"),
    "second": ("second", "duration"),
    "decades": ("decade", "duration"),
    "decade": ("decade", "duration"),
    "centuries": ("century", "duration"),
    "century": ("century", "duration"),
}
for _name, _code in names().items():
    WORDS.setdefault(_name, (_code, "money"))  # "176 Hong Kong dollars" (models/currencies.tsv)
GLUED_ONLY = frozenset({"in", "m", "g"})
"""Units read only when glued to the digits: "5 in 10" is no length, "5in" is."""
GLUED = {"C": ("°C", "temperature"), "F": ("°F", "temperature"), "p": ("GBP", "money")}
"""Case-sensitive units written straight after the digits: "-5C", "41F", "50p"."""

_ALTERNATIVES = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(WORDS, key=len, reverse=True)
)
UNIT = re.compile(rf"(?:\s?)(?P<unit>{_ALTERNATIVES})(?![\w°])", re.IGNORECASE)
"""A unit from the table at a position (one optional space before it)."""
SPACED_UNIT = re.compile(rf"\s+(?P<unit>{_ALTERNATIVES})(?![\w°])", re.IGNORECASE)
GLUED_UNIT = re.compile(r"(?:\s?°\s?)?(?P<unit>[CF])(?![\w°])|(?P<pence>p)\b")
POUNDS = re.compile(r"(?:\s?)(?P<unit>pounds?)(?!\w)", re.IGNORECASE)

_MONEY_CUES = re.compile(
    r"£|\bsterling\b|\b(?:cost|costs|costing|paid|pay|pays|spent|spend|spending|worth|price"
    r"|priced|fine|fined|salary|wages?|budget|fund|funding|funds|raised|raise|donated|bill"
    r"|tax|taxes|prize|compensation|damages|loan|debt|deal|contract|bonus|fee|fees|sold|bought"
    r"|profit|profits|revenue|earn|earned|earns|income|invest|invested|investment|bank)\b",
    re.IGNORECASE,
)
_WEIGHT_CUES = re.compile(
    r"\b(?:weigh|weighs|weighed|weighing|weight|weights|heavy|heavier|lighter|lbs|lb|overweight"
    r"|obese|obesity|lost|gained|shed|stone|ounces|kg|scales|pounds? heavier)\b",
    re.IGNORECASE,
)


def pound_unit(sentence: str, context: str, scaled: bool) -> tuple[str, str]:
    """ "pounds" is sterling with a currency context (a scale: "5 million pounds", "sterling",
    money words in the sentence, "£" anywhere in the article) unless the sentence speaks of
    weight ("weighed 243 pounds"); a weight otherwise: news uses "£" for sterling amounts."""
    if scaled or "sterling" in sentence.lower():
        return "GBP", "money"
    if _WEIGHT_CUES.search(sentence):
        return "lb", "measure"
    if "£" in context or _MONEY_CUES.search(sentence):
        return "GBP", "money"
    return "lb", "measure"


def lookup(surface: str) -> tuple[str, str] | None:
    """(unit, kind) of a unit as written, or None."""
    return WORDS.get(re.sub(r"\s+", " ", surface.lower()))
