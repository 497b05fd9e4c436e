"""A person's name taken apart for matching: words, generational suffix and gender evidence.

Why a parse first: the evidence that two names are *different* people lives in the parts
(Jr. against Sr., Frau against a man's given name, "Smith, John" order), and `name_key` alone
loses it. Honorifics of several languages are dropped but their gender kept; "Smith, John" is
turned around; a glued "JohnSmith" is split at its capital; "X's network" is no name at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.reconcile.lexicons import given_gender
from extract.reconcile.names import name_key
from extract.resources import default_role_lexicon

GENERATIONAL = {"jr": "Jr.", "junior": "Jr.", "sr": "Sr.", "senior": "Sr.", "ii": "II"}
GENERATIONAL |= {"iii": "III", "iv": "IV", "2nd": "II", "3rd": "III"}
MALE_TITLES = frozenset(
    [
        *["mr", "mister", "herr", "monsieur", "senor", "señor", "signor", "sr", "sir"],
        *["lord", "king", "prince", "emir", "sultan", "gospodin"],
    ]
)
FEMALE_TITLES = frozenset(
    [
        "mrs",
        "ms",
        "miss",
        "frau",
        "fraulein",
        "madame",
        "mme",
        "mlle",
        "mademoiselle",
        "senora",
        "señora",
        "senorita",
        "sra",
        "srta",
        "signora",
        "sig.ra",
        "lady",
        "dame",
        "queen",
        "princess",
        "sheikha",
        "dona",
        "doña",
        "pani",
        "smt",
        "shrimati",
        "begum",
        "datin",
    ]
)
OTHER_TITLES = frozenset(
    [
        *["dr", "prof", "rev", "hon", "sen", "rep", "gov", "pres", "gen", "col"],
        *["capt", "shri", "datuk", "dato", "seri", "sheikh", "shaikh", "haji", "hajji", "sayyid"],
        *["seyyed", "ayatollah", "mullah", "maulana", "mufti", "imam", "rabbi", "pastor", "bishop"],
    ]
)
"""Honorifics and titles of several languages, dropped from the front of a name."""
TITLE_MODIFIERS = frozenset(["prime", "vice", "deputy", "acting", "former", "crown", "grand"])
"""Words that open a title ("Prime Minister"): dropped only when a title follows."""
PARTICLES = frozenset(["al", "el"])
"""Arabic articles inside a name ("Abdel Fattah al-Sisi", "el-Sisi"): spelled either way or
left out, so they carry no evidence and are dropped (never a name's first word: Al Gore)."""
COMPOUND_HEADS = frozenset(["abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdur"])
"""Arabic given names of two words written as one ("Abdul Rahman" = "Abdulrahman")."""
PATRONYMIC_ENDINGS = tuple(
    [
        *["ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna"],
        *["ichna", "oglu", "ogly", "uly", "kyzy", "qizi"],
    ]
)
FEMALE_ENDINGS = ("ova", "eva", "skaya", "ska", "cka", "ovna", "evna")
_GLUED = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")
_GLUE_PREFIXES = frozenset({"Mac", "Van", "Von", "Del", "Della", "Les", "Las", "Los", "Dos"})
_POSSESSIVE_INSIDE = re.compile(r"\w['’ʼ]s?\s+\w")


@dataclass(frozen=True)
class PersonName:
    """Words of a person's name (lower case, given names first, no titles or suffix)."""

    words: tuple[str, ...]
    suffix: str | None
    """"Jr.", "Sr.", "II", … when the name carries one."""
    title_gender: str | None
    """"m" or "f" from an honorific (Herr, Frau, Mrs., Sra.)."""
    possessive: bool = False
    """"Trump's network": a phrase about a person, not a person's name."""

    def gender(self) -> tuple[str | None, str]:
        """The gender the name shows and what shows it: title, given name or surname ending."""
        if self.title_gender:
            return self.title_gender, "honorific"
        for word in self.words[:-1]:  # the given name, else a middle name ("Jean Pierre")
            found = given_gender(word)
            if found:
                return found, f"given name {word.title()}"
        return None, ""


@lru_cache(maxsize=1 << 18)
def parse_person(name: str) -> PersonName:
    """Parse a surface name: "Frau Dr. Weber" -> (weber), gender f; "Smith, John A." -> (john
    a smith); "John Smith Jr." -> (john smith), Jr.; "JohnSmith" -> (john smith)."""
    return _parse(name, split_hyphens=True)


@lru_cache(maxsize=1 << 17)
def name_parts(name: str) -> tuple[str, ...]:
    """The words a text calls a person by, each written word one part: "General Gordon" ->
    (gordon), "James P. Kennedy Jr." -> (james, p, kennedy), "Mary-Kate" -> (mary-kate),
    "Conan O'Brien" -> (conan, obrien), "al-Sisi" -> (sisi). Within an article a surname or a
    given name alone is matched against these."""
    return _parse(name, split_hyphens=False).words


def _parse(name: str, *, split_hyphens: bool) -> PersonName:
    possessive = bool(_POSSESSIVE_INSIDE.search(name))
    text = name.strip()
    glued = _GLUED.match(text)
    if glued and glued.group(1) not in _GLUE_PREFIXES:
        text = f"{glued.group(1)} {glued.group(2)}"
    if text.count(",") == 1:
        last, first = (part.strip() for part in text.split(","))
        first_words = name_key(first).split()
        if first_words and not all(w in GENERATIONAL for w in first_words):
            text = f"{first} {last}"  # "Smith, John" (but not "Smith, Jr.")
    if split_hyphens:
        words = name_key(text).replace("-", " ").split()
    else:
        words = [_particle_free(name_key(word).replace(" ", "")) for word in text.split()]
        words = [word for word in words if word][int(text.lower().startswith("the ")) :]
    head = text.split()[0] if text.split() else ""
    if len(words) > 1 and len(head) > 2 and _capitals(head) and not text.isupper():
        words = words[1:] + words[:1]  # "SMITH John": surname in capitals first
    gender: str | None = None
    lexicon = default_role_lexicon()
    while len(words) > 1 and (
        _is_title(words[0])
        or lexicon.is_role(words[0])
        or (words[0] in TITLE_MODIFIERS and len(words) > 2 and lexicon.is_role(words[1]))
    ):
        if words[0] in MALE_TITLES:
            gender = "m"
        elif words[0] in FEMALE_TITLES:
            gender = "f"
        words = words[1:]
    suffix = None
    while len(words) > 1 and words[-1] in GENERATIONAL:
        suffix = GENERATIONAL[words[-1]]
        words = words[:-1]
    words = _joined(words)
    return PersonName(tuple(words), suffix, gender, possessive)


def _particle_free(word: str) -> str:
    """ "al-sisi" -> "sisi": the article of an Arabic name, written or not."""
    head, _, rest = word.partition("-")
    return rest if head in PARTICLES and rest else word


def _capitals(word: str) -> bool:
    """A surname written in capitals ("SMITH"), not initials ("P.J. Fleck")."""
    return word.isalpha() and word.isupper()


def _joined(words: list[str]) -> list[str]:
    """Articles dropped ("al-Sisi" -> "sisi") and two-word Arabic given names joined."""
    out: list[str] = []
    for index, word in enumerate(words):
        if index and word in PARTICLES and index < len(words) - 1:
            continue
        if out and out[-1] in COMPOUND_HEADS:
            out[-1] += word
            continue
        out.append(word)
    return out


def is_patronymic(word: str) -> bool:
    """A Slavic or Turkic patronymic ("Vladimirovich", "Abishuly"): a middle name that news
    often leaves out."""
    return len(word) > 6 and word.endswith(PATRONYMIC_ENDINGS)


def _is_title(word: str) -> bool:
    return word in MALE_TITLES or word in FEMALE_TITLES or word in OTHER_TITLES


def surname_gender(word: str) -> str | None:
    """ "f" for a Slavic feminine surname ending (-ova, -ska), else None: only that side is
    reliable (-ov is also the ending of many non-Slavic names)."""
    return "f" if len(word) > 5 and word.endswith(FEMALE_ENDINGS) else None
