"""Build `benchmarks/name_pairs.tsv`: labelled name pairs for `match_names` (issue 17).

Two parts, both written by this script so the file is reproducible (`random.Random(seed)`):

  * generated pairs: common given names and surnames (hand-listed below, invented or very
    common) turned into variants by rule (typos scaled by length, transpositions, initials,
    middle names, Jr./Sr., nicknames, Wikidata name variants, transliterations, honorifics in
    several languages, name order, glued names, diacritics, double surnames) and hard negatives
    (relatives, father/son, one-letter-apart real surnames, different middle initials, gendered
    endings, a woman's honorific against a man's name);
  * hand-written hard cases (`HAND`), modelled on real-news failures.

Each pair gets a split: "dev" (seed 17, used while changing the matcher) or "test" (seed 18,
a second draw of the same rules, read only to report); hand cases alternate.

    python benchmarks/make_name_pairs.py   # writes benchmarks/name_pairs.tsv
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).with_name("name_pairs.tsv")
MALE = "John James Robert Michael David Richard Thomas Daniel Paul Mark Steven Andrew Kevin "
MALE += "Brian George Edward Ronald Timothy Jason Jeffrey Ryan Gary Nicholas Eric Stephen "
MALE += "Jonathan Larry Frank Scott Raymond Gregory Samuel Patrick Dennis Peter Carl Arthur "
MALE += "Henry Walter Harold Douglas Klaus Jürgen Pierre François Carlos José Luis Sergei Ivan"
FEMALE = "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa "
FEMALE += "Margaret Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie "
FEMALE += "Rebecca Laura Sharon Cynthia Kathleen Helen Amy Angela Anna Brenda Pamela Nicole "
FEMALE += "Ruth Katherine Christine Monika Ursula Marie Hélène Carmen Lucía Olga Tatiana"
SURNAMES = "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas "
SURNAMES += "Moore Jackson Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen "
SURNAMES += "Wright Scott Green Adams Baker Nelson Hill Campbell Mitchell Roberts Phillips Evans "
SURNAMES += "Turner Collins Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Richardson "
SURNAMES += "Howard Bennett Gray Hughes Patterson Sanders Henderson Coleman Jenkins Fitzgerald "
SURNAMES += "Schneider Fischer Weber Wagner Becker Hoffmann Schulz Koch Richter Dubois Lefebvre "
SURNAMES += "Moreau Fernandez Gonzalez Rodriguez Martinez Lopez Hernandez Kowalczyk Wisniewski "
SURNAMES += "Nowakowski Lindqvist Johansson Halvorsen Christensen Vasquez Oyelaran Okonkwo"
NICKNAMES = [  # (nickname, full form): English usage
    ("Pat", "Patrick"), ("Bob", "Robert"), ("Bill", "William"), ("Jim", "James"),
    ("Mike", "Michael"), ("Dave", "David"), ("Dick", "Richard"), ("Tom", "Thomas"),
    ("Dan", "Daniel"), ("Steve", "Steven"), ("Andy", "Andrew"), ("Greg", "Gregory"),
    ("Tim", "Timothy"), ("Jeff", "Jeffrey"), ("Nick", "Nicholas"), ("Sam", "Samuel"),
    ("Ted", "Edward"), ("Larry", "Lawrence"), ("Ron", "Ronald"), ("Doug", "Douglas"),
    ("Liz", "Elizabeth"), ("Beth", "Elizabeth"), ("Peggy", "Margaret"), ("Kate", "Katherine"),
    ("Kathy", "Kathleen"), ("Becky", "Rebecca"), ("Deb", "Deborah"), ("Sue", "Susan"),
    ("Jenny", "Jennifer"), ("Chris", "Christine"), ("Pam", "Pamela"), ("Sandy", "Sandra"),
    ("Tony", "Anthony"), ("Chuck", "Charles"), ("Joe", "Joseph"), ("Alex", "Alexander"),
]  # fmt: skip
VARIANTS = [  # Wikidata name-variant groups: one name in several languages' spellings
    ("Yulia", "Julia"), ("Sergei", "Sergey"), ("Aleksandr", "Alexander"), ("Dmitry", "Dmitri"),
    ("Yevgeny", "Evgeny"), ("Mikhail", "Michael"), ("Giovanni", "John"), ("Juan", "John"),
    ("Pyotr", "Peter"), ("Katarzyna", "Katherine"), ("Mohammed", "Muhammad"),
    ("Andrei", "Andrey"), ("Natalia", "Natalya"), ("Tatiana", "Tatyana"), ("Yuri", "Yury"),
]  # fmt: skip
TRANSLIT = [  # surnames in two romanisations or with letters swapped by transliteration
    ("Shkaplerov", "Shkalperov"), ("Khodorkovsky", "Hodorkovskiy"), ("Zelensky", "Zelenskyy"),
    ("Tchaikovsky", "Chaikovsky"), ("Gorbachev", "Gorbachov"), ("Yeltsin", "Eltsin"),
    ("Kadhafi", "Gaddafi"), ("Shevchenko", "Shevtchenko"), ("Peresild", "Peressild"),
    ("Lavrov", "Lavrow"), ("Kovalyov", "Kovalev"), ("Abdullah", "Abdalla"),
    ("Yanukovych", "Yanukovich"), ("Medvedev", "Medwedew"), ("Hussein", "Husayn"),
]  # fmt: skip
HONORIFICS = {
    "male": ["Mr.", "Herr", "Sr.", "M.", "Monsieur", "Señor", "Signor", "Dr.", "Prof."],
    "female": ["Mrs.", "Ms.", "Frau", "Sra.", "Mme", "Madame", "Señora", "Signora", "Dr."],
}
ONE_APART = [  # different real surnames one letter apart: not typos of each other
    ("Dixon", "Nixon"), ("Cooper", "Hooper"), ("Powell", "Howell"), ("Porter", "Potter"),
    ("Parker", "Barker"), ("Carter", "Carver"), ("Walker", "Waller"), ("Butler", "Cutler"),
    ("Gordon", "Jordan"), ("Benson", "Henson"), ("Lawson", "Dawson"), ("Robson", "Dobson"),
    ("Morton", "Horton"), ("Barton", "Burton"), ("Walton", "Dalton"), ("Sutton", "Hutton"),
    ("Fenton", "Benton"), ("Hudson", "Judson"), ("Perry", "Berry"), ("Mason", "Macon"),
]  # fmt: skip
GENDERED = [("Petrov", "Petrova"), ("Ivanov", "Ivanova"), ("Sokolov", "Sokolova"),
            ("Kowalski", "Kowalska"), ("Lebedev", "Lebedeva"), ("Pushkin", "Pushkina"),
            ("Nowakowski", "Nowakowska"), ("Volkov", "Volkova")]  # fmt: skip
PREFIX_NAMES = [("Paul", "Paula"), ("Daniel", "Daniela"), ("Robert", "Roberta"),
                ("Anton", "Antonina"), ("Carl", "Carla"), ("Christian", "Christina"),
                ("Louis", "Louise"), ("Gabriel", "Gabriela")]  # fmt: skip
DIACRITICS = [("José", "Jose"), ("Müller", "Mueller"), ("Müller", "Muller"),
              ("François", "Francois"), ("Hélène", "Helene"), ("Łukasz", "Lukasz"),
              ("Jürgen", "Juergen"), ("Zoë", "Zoe"), ("Núñez", "Nunez"),
              ("Šťastná", "Stastna"), ("Gößmann", "Gossmann"), ("Dvořák", "Dvorak")]  # fmt: skip

Pair = tuple[str, str, str, str, str]  # a, b, same|different, category, entity label


def typo(word: str, rng: random.Random, edits: int) -> str:
    """`edits` substitutions, deletions or insertions inside the word (never its first letter:
    news typos keep it)."""
    letters = "aeioulnrst"
    for _ in range(edits):
        i = rng.randrange(1, len(word))
        kind = rng.choice("sdi")
        if kind == "s":
            word = word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1 :]
        elif kind == "d" and len(word) > 4:
            word = word[:i] + word[i + 1 :]
        else:
            word = word[:i] + rng.choice(letters) + word[i:]
    return word


def transpose(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    if word[i] == word[i + 1]:
        i = 1
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def generated(seed: int) -> list[Pair]:
    """Pairs drawn by rule with `seed`."""
    rng = random.Random(seed)
    male, female, surnames = MALE.split(), FEMALE.split(), SURNAMES.split()

    def person(gender: str | None = None) -> tuple[str, str, str]:
        gender = gender or rng.choice(["male", "female"])
        return rng.choice(male if gender == "male" else female), rng.choice(surnames), gender

    def other_given(given: str, gender: str) -> str:
        return rng.choice([g for g in (male if gender == "male" else female) if g != given])

    out: list[Pair] = []

    def add(count: int, make: Callable[[], tuple[str, str]], label: str, category: str) -> None:
        for _ in range(count):
            a, b = make()
            if rng.random() < 0.5:
                a, b = b, a
            out.append((a, b, label, category, "PERSON"))

    def typo_pair() -> tuple[str, str]:
        g, s, _ = person()
        s = rng.choice([w for w in surnames if len(w) >= 6])
        edits = 2 if len(s) >= 10 else 1
        return f"{g} {s}", f"{g} {typo(s, rng, edits)}"

    def transposed() -> tuple[str, str]:
        g, _, _ = person()
        s = rng.choice([w for w in surnames if len(w) >= 6])
        return f"{g} {s}", f"{g} {transpose(s, rng)}"

    def initial() -> tuple[str, str]:
        g, s, _ = person()
        return f"{g} {s}", f"{g[0]}. {s}"

    def middle_initial() -> tuple[str, str]:
        g, s, _ = person()
        return f"{g} {rng.choice('ABCDEFGHJKLMRST')}. {s}", f"{g} {s}"

    def middle_name() -> tuple[str, str]:
        g, s, gender = person()
        return f"{g} {other_given(g, gender)} {s}", f"{g} {s}"

    def suffix_one() -> tuple[str, str]:
        g, s, _ = person("male")
        return f"{g} {s} {rng.choice(['Jr.', 'Sr.', 'III', 'Jr', 'II'])}", f"{g} {s}"

    def nickname() -> tuple[str, str]:
        short, full = rng.choice(NICKNAMES)
        s = rng.choice(surnames)
        return f"{short} {s}", f"{full} {s}"

    def variant() -> tuple[str, str]:
        x, y = rng.choice(VARIANTS)
        s = rng.choice(surnames)
        return f"{x} {s}", f"{y} {s}"

    def translit() -> tuple[str, str]:
        x, y = rng.choice(TRANSLIT)
        g = rng.choice(["Anton", "Oleg", "Mikhail", "Ahmed", "Viktor", "Pavel"])
        return f"{g} {x}", f"{g} {y}"

    def honorific() -> tuple[str, str]:
        g, s, gender = person()
        title = rng.choice(HONORIFICS[gender])
        return f"{title} {g} {s}", f"{g} {s}" if rng.random() < 0.6 else f"{title} {s}"

    def name_order() -> tuple[str, str]:
        g, s, _ = person()
        if rng.random() < 0.5:
            return f"{s}, {g}", f"{g} {s}"
        return f"{s.upper()} {g}", f"{g} {s}"

    def glued() -> tuple[str, str]:
        g, s, _ = person()
        return f"{g}{s}", f"{g} {s}"

    def double_surname() -> tuple[str, str]:
        g, s, _ = person()
        t = rng.choice([w for w in surnames if w != s])
        form = rng.choice([f"{g} {s}-{t}", f"{g} {s} {t}"])
        return form, rng.choice([f"{g} {s}", f"{g} {s} {t}", f"{g} {s}-{t}"] if "-" not in form
                                else [f"{g} {s}", f"{g} {s} {t}"])  # fmt: skip

    def surname_only() -> tuple[str, str]:
        g, s, _ = person()
        return s, f"{g} {s}"

    def relatives() -> tuple[str, str]:
        g, s, gender = person()
        other = rng.choice(male if gender == "female" else female) if rng.random() < 0.5 else None
        return f"{g} {s}", f"{other or other_given(g, gender)} {s}"

    def father_son() -> tuple[str, str]:
        g, s, _ = person("male")
        x, y = rng.choice([("Jr.", "Sr."), ("II", "III"), ("Sr.", "III"), ("Jr.", "II")])
        return f"{g} {s} {x}", f"{g} {s} {y}"

    def one_apart() -> tuple[str, str]:
        g, _, _ = person()
        x, y = rng.choice(ONE_APART)
        return f"{g} {x}", f"{g} {y}"

    def middle_differs() -> tuple[str, str]:
        g, s, _ = person()
        x, y = rng.sample("ABCDEFGHJKLMRST", 2)
        return f"{g} {x}. {s}", f"{g} {y}. {s}"

    def gendered() -> tuple[str, str]:
        x, y = rng.choice(GENDERED)
        g = rng.choice(["Ivan", "Anna", "Olga", "Sergei", "Maria"])
        return f"{g} {x}", f"{g} {y}" if rng.random() < 0.5 else y

    def honorific_gender() -> tuple[str, str]:
        g, s, gender = person()
        title = rng.choice(HONORIFICS["female" if gender == "male" else "male"][:7])
        return f"{title} {s}", f"{g} {s}"

    def prefix_names() -> tuple[str, str]:
        x, y = rng.choice(PREFIX_NAMES)
        s = rng.choice(surnames)
        return f"{x} {s}", f"{y} {s}"

    def strangers() -> tuple[str, str]:
        g, s, _ = person()
        h, t, _ = person()
        return f"{g} {s}", f"{h} {t}"

    def shared_given() -> tuple[str, str]:
        g, s, _ = person()
        t = rng.choice([w for w in surnames if w[0] == s[0] and w != s] or ["Zeller"])
        return f"{g} {s}", f"{g} {t}"

    for make, n, category in (
        (typo_pair, 20, "typo"), (transposed, 14, "transposition"), (initial, 10, "initial"),
        (middle_initial, 12, "middle_initial"), (middle_name, 10, "middle_name"),
        (suffix_one, 10, "suffix_one_side"), (nickname, 18, "nickname"),
        (variant, 12, "wikidata_variant"), (translit, 14, "transliteration"),
        (honorific, 14, "honorific"), (name_order, 10, "name_order"), (glued, 8, "glued"),
        (double_surname, 10, "double_surname"), (surname_only, 8, "surname_only"),
    ):  # fmt: skip
        add(n, make, "same", category)
    for make, n, category in (
        (relatives, 16, "relatives"), (father_son, 10, "father_son"),
        (one_apart, 16, "one_letter_surnames"), (middle_differs, 10, "middle_initial_differs"),
        (gendered, 10, "gendered_ending"), (honorific_gender, 10, "honorific_gender"),
        (prefix_names, 8, "prefix_given_names"), (strangers, 10, "strangers"),
        (shared_given, 12, "shared_given_name"),
    ):  # fmt: skip
        add(n, make, "different", category)
    for x, y in DIACRITICS:
        out.append((f"Anna {x}" if x[0].isupper() else x, f"Anna {y}", "same", "diacritics",
                    "PERSON"))  # fmt: skip
    return out


HAND: list[Pair] = [
    # people: same
    ("Kim Jong Un", "Jong Un Kim", "same", "name_order", "PERSON"),
    ("Vladimir Vladimirovich Putin", "Vladimir Putin", "same", "patronymic", "PERSON"),
    ("Putin Vladimir Vladimirovich", "Vladimir Putin", "same", "patronymic", "PERSON"),
    ("Smith, John A.", "John Smith", "same", "name_order", "PERSON"),
    ("Gabriel García Márquez", "Gabriel García", "same", "double_surname", "PERSON"),
    ("Gabriel García Márquez", "Gabriel Garcia Marquez", "same", "diacritics", "PERSON"),
    ("Jean-Pierre Dupont", "Jean Pierre Dupont", "same", "hyphen_space", "PERSON"),
    ("Anna Smith-Jones", "Anna Smith Jones", "same", "hyphen_space", "PERSON"),
    ("Pat Cipollone", "Patrick Cipollone", "same", "nickname", "PERSON"),
    ("Pat Cipollone", "Patrick A. Cipollone", "same", "nickname", "PERSON"),
    ("Martin Luther King Jr.", "Martin Luther King", "same", "suffix_one_side", "PERSON"),
    ("Robert F. Kennedy Jr.", "Robert Kennedy Jr.", "same", "middle_initial", "PERSON"),
    ("JohnSmith", "John Smith", "same", "glued", "PERSON"),
    ("Herr Schneider", "Klaus Schneider", "same", "honorific", "PERSON"),
    ("Mme Lefebvre", "Hélène Lefebvre", "same", "honorific", "PERSON"),
    ("Sra. Fernández", "Carmen Fernández", "same", "honorific", "PERSON"),
    ("Dr. Sarah O'Connor", "Sarah OConnor", "same", "honorific", "PERSON"),
    ("Yulia Peresild", "Julia Peressild", "same", "wikidata_variant", "PERSON"),
    ("Muammar Gaddafi", "Moammar Kadhafi", "same", "transliteration", "PERSON"),
    ("Oleksandr Usyk", "Aleksandr Usyk", "same", "transliteration", "PERSON"),
    ("Christopher Wray", "Christopher Wary", "same", "transposition", "PERSON"),
    ("Alexandria Ocasio-Cortez", "Alexandria Ocasio Cortez", "same", "hyphen_space", "PERSON"),
    ("Alexandria Ocasio-Cortez", "Alexandria Ocasio", "same", "double_surname", "PERSON"),
    # people: different
    ("Jeffrey Wiesner", "Jeffrey Weisner", "different", "one_letter_surnames", "PERSON"),
    ("John Smith", "Jane Smith", "different", "relatives", "PERSON"),
    ("Donald Trump Jr.", "Donald Trump Sr.", "different", "father_son", "PERSON"),
    ("Ms. Kowalski", "Jan Kowalski", "different", "honorific_gender", "PERSON"),
    ("Mrs. Clinton", "Bill Clinton", "different", "honorific_gender", "PERSON"),
    ("Frau Weber", "Klaus Weber", "different", "honorific_gender", "PERSON"),
    ("Mr. Weber", "Ursula Weber", "different", "honorific_gender", "PERSON"),
    ("John F. Kennedy", "John R. Kennedy", "different", "middle_initial_differs", "PERSON"),
    ("George H. W. Bush", "George W. Bush", "different", "middle_initial_differs", "PERSON"),
    ("Anna Petrova", "Anna Petrov", "different", "gendered_ending", "PERSON"),
    ("Trump's network", "Tom Trump", "different", "possessive_initial", "PERSON"),
    ("Hillary Clinton", "Bill Clinton", "different", "relatives", "PERSON"),
    ("Jon Anderson", "John Andersen", "different", "strangers", "PERSON"),
    ("Anna Schmidt", "Anna Smith", "different", "strangers", "PERSON"),
    ("Kim Jong Un", "Kim Jong Il", "different", "relatives", "PERSON"),
    # places and organisations
    ("U.S.", "the United States", "same", "country_alias", "GPE"),
    ("US", "United States", "same", "country_alias", "GPE"),
    ("USA", "the United States of America", "same", "country_alias", "GPE"),
    ("America", "U.S.", "same", "country_alias", "GPE"),
    ("UK", "the United Kingdom", "same", "country_alias", "GPE"),
    ("Britain", "United Kingdom", "same", "country_alias", "GPE"),
    ("Russia", "the Russian Federation", "same", "country_alias", "GPE"),
    ("UAE", "the United Arab Emirates", "same", "country_alias", "GPE"),
    ("South Korea", "Republic of Korea", "same", "country_alias", "GPE"),
    ("North Korea", "South Korea", "different", "different_place", "GPE"),
    ("the Moon", "Asia", "different", "different_place", "LOC"),
    ("Moon", "Asia", "different", "different_place", "LOC"),
    ("Niger", "Nigeria", "different", "different_place", "GPE"),
    ("Austria", "Australia", "different", "different_place", "GPE"),
    ("Iran", "Iraq", "different", "different_place", "GPE"),
    ("New York", "York", "different", "different_place", "GPE"),
    ("Ukraine", "Bank of Ukraine", "different", "place_in_org", "ORG"),
    ("Russia", "Russia Today", "different", "place_in_org", "ORG"),
    ("Georgia", "University of Georgia", "different", "place_in_org", "ORG"),
    ("America", "Bank of America", "different", "place_in_org", "ORG"),
    ("Acme Holdings Inc.", "Acme", "same", "org_legal_form", "ORG"),
    ("International Space Station", "ISS", "same", "org_acronym", "ORG"),
]


def main() -> None:
    rows = [(*pair, "dev") for pair in generated(17)]
    rows += [(*pair, "test") for pair in generated(18)]
    rows += [(*pair, "dev" if i % 2 else "test") for i, pair in enumerate(HAND)]
    seen: set[tuple[str, str, str]] = set()
    lines = ["name_a\tname_b\tlabel\tcategory\tentity\tsplit"]
    for a, b, label, category, entity, split in rows:
        key = (a, b, entity)
        if a == b or key in seen:
            continue
        seen.add(key)
        lines.append(f"{a}\t{b}\t{label}\t{category}\t{entity}\t{split}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} pairs -> {OUT}")


if __name__ == "__main__":
    main()
