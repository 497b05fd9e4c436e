"""Two people's names aligned part by part: given name with given name, surname with surname,
middle names and initials where both give one, with a reason naming each part's evidence
("given names Pat/Patrick (nickname ...), surname equal").

Evidence against, besides a part that disagrees: different generational suffixes when both
carry one (Jr./Sr.), different middle initials, a gender shown by both that differs (Frau
against Klaus), a possessive phrase ("Trump's network") that is no name.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations, islice, permutations

from extract.reconcile.person_names import PersonName, is_patronymic, surname_gender
from extract.reconcile.words import NameMatch, transliterate, word_match
from extract.resources import default_role_lexicon

_Part = tuple[str, str, str, bool]  # role, word of a, word of b, surname?


def match_people(a: PersonName, b: PersonName, groups: bool) -> NameMatch:
    """The decision on two parsed person names."""
    if not a.words or not b.words:
        return NameMatch(False, 0.0, "empty name")
    if a.possessive or b.possessive:
        return NameMatch(False, 0.0, "a possessive phrase (X's ...), not a person's name")
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return NameMatch(False, 0.0, f"generational suffixes {a.suffix}/{b.suffix} differ")
    words_a, words_b, dropped = _without_patronymic(list(a.words), list(b.words))
    found = _match_words(words_a, words_b, groups)
    if not found.same:
        return found
    if dropped:
        found = NameMatch(True, found.score, f"{found.reason}, patronymic {dropped} omitted")
    gender_a, why_a = _gender(a)
    gender_b, why_b = _gender(b)
    if gender_a and gender_b and gender_a != gender_b:
        return NameMatch(False, 0.0, f"gender differs: {why_a} vs {why_b}")
    if a.suffix != b.suffix:
        suffix = a.suffix or b.suffix
        return NameMatch(
            True,
            round(0.9 * found.score, 4),
            f"{found.reason}; generational suffix {suffix} on one side only",
        )
    if a.suffix:
        return NameMatch(True, found.score, f"{found.reason}; both {a.suffix}")
    return found


def holds_both_ways(a: PersonName, b: PersonName, groups: bool) -> bool:
    """Whether a match of `a` to `b` is known to hold from `b` to `a` without trying it:
    word matches agree both ways, so only name orders tried on two names of equal length
    can differ (the surname flag follows `a`'s positions); when the plain order matches,
    it matches both ways. `match_names` checks the other way only where this says no."""
    words_a, words_b, _ = _without_patronymic(list(a.words), list(b.words))
    if len(words_a) != len(words_b) or len(words_a) == 1 or words_a == words_b:
        return True
    return _aligned(_roles(words_a, words_b), groups, 1.0, "").same


def _without_patronymic(a: list[str], b: list[str]) -> tuple[list[str], list[str], str]:
    """The names with a patronymic left out when only one of them gives one ("Sergey
    Viktorovich Lavrov" ~ "Sergey Lavrov"); two different patronymics stay evidence against."""
    for one, other, flip in ((a, b, False), (b, a, True)):
        found = [w for w in one if is_patronymic(w)] if len(one) > 2 else []
        kept = [w for w in one if not is_patronymic(w)]
        # A name of patronymic-looking words only keeps them: nothing would be left to match.
        if found and len(kept) >= 2 and not any(is_patronymic(w) for w in other):
            return (other, kept, found[0].title()) if flip else (kept, other, found[0].title())
    return a, b, ""


@lru_cache(maxsize=1 << 18)
def _gender(name: PersonName) -> tuple[str | None, str]:
    gender, why = name.gender()
    if gender is None and surname_gender(name.words[-1]):
        return "f", f"feminine surname ending ({name.words[-1]})"
    return gender, why


def _match_words(a: list[str], b: list[str], groups: bool) -> NameMatch:
    if a == b:
        return NameMatch(True, 1.0, "same name (titles or order dropped)")
    if len(a) == 1 or len(b) == 1:
        return _partial(a, b, groups)
    if abs(len(a) - len(b)) == 1:
        glued = _glued(a, b, groups)
        if glued is not None:
            return glued
        leading = _leading_initial(a, b, groups)
        if leading is not None:
            return leading
    best: NameMatch | None = None
    first_failure: NameMatch | None = None
    for parts, penalty, note in _alignments(a, b):
        found = _aligned(parts, groups, penalty, note)
        first_failure = first_failure or (None if found.same else found)
        if found.same and (best is None or found.score > best.score):
            best = found
    return best or first_failure or NameMatch(False, 0.0, "names do not align")


def _glued(a: list[str], b: list[str], groups: bool) -> NameMatch | None:
    """Two parts of the longer name written as one in the shorter ("Jean Claude Juncker" ~
    "Jeanclaude Juncker", "Abdel Aziz" ~ "Abdelaziz"), the rest aligned as usual."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    spelled = {transliterate(word) for word in short}
    for i in range(len(long) - 1):
        joined = long[i] + long[i + 1]
        if transliterate(joined) not in spelled:
            continue
        glued = [*long[:i], joined, *long[i + 2 :]]
        found = _match_words(glued, short, groups)
        if found.same:
            reason = f"{found.reason}, {long[i].title()} {long[i + 1].title()} written as one"
            return NameMatch(True, round(0.95 * found.score, 4), reason)
    return None


def _leading_initial(a: list[str], b: list[str], groups: bool) -> NameMatch | None:
    """A first initial the other name leaves out, the person going by the second name ("M.
    Nicholas Rogers" ~ "Nicholas Rogers", "J. Edgar Hoover" ~ "Edgar Hoover")."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if len(long[0].rstrip(".")) != 1 or len(long[1].rstrip(".")) == 1:
        return None
    found = _match_words(long[1:], short, groups)
    if not found.same:
        return None
    reason = f"{found.reason}, leading initial {long[0][0].upper()}. omitted"
    return NameMatch(True, round(0.9 * found.score, 4), reason)


def _alignments(a: list[str], b: list[str]) -> list[tuple[list[_Part], float, str]]:
    """Ways to pair the parts of two names, the plain one first; each with a score factor and
    a note ("name order", "middle name omitted", "second surname omitted")."""
    out: list[tuple[list[_Part], float, str]] = []
    if len(a) == len(b):
        others = (list(p) for p in permutations(b) if list(p) != b)
        for index, order in enumerate([b, *islice(others, 5)]):
            out.append((_roles(a, order), 1.0 if index == 0 else 0.95, "name order" * (index > 0)))
        return out
    long, short, flip = (a, b, False) if len(a) > len(b) else (b, a, True)
    longs = [(long, "")]
    longs += [(long[1:] + long[:1], "name order"), (long[-1:] + long[:-1], "name order")]
    for order, note in longs:
        # the shorter's surname is the longer's, or the first part of a double surname
        cuts = ((len(order) - 1, "middle name omitted"), (len(order) - 2, "second surname omitted"))
        for cut, why in cuts:
            if cut < 1 or (cut < len(order) - 1 and not _second_surname(order[cut], order[-1])):
                continue
            middles_long, middles_short = order[1:cut], short[1:-1]
            if len(middles_short) > len(middles_long):
                continue
            # the shorter's middle names are some of the longer's, in order
            for kept in _kept_middles(middles_long, len(middles_short)):
                parts = [("given names", order[0], short[0], False)]
                middles = zip([middles_long[i] for i in kept], middles_short, strict=True)
                parts += [("middle names", x, y, False) for x, y in middles]
                parts.append(("surnames", order[cut], short[-1], True))
                if flip:
                    parts = [(role, y, x, s) for role, x, y, s in parts]
                omitted = len(order) - len(short)
                notes = ", ".join(n for n in (note, why if omitted else "") if n)
                out.append((parts, 0.9 if why.startswith("middle") else 0.8, notes))
    return out


def _second_surname(first: str, second: str) -> bool:
    """Whether `first second` can be a double surname of which news gives only the first:
    neither an initial ("George W. Bush" is not "George Wallace") nor a role or an
    organisation's word ("Donald J. Trump Foundation" is not Donald Trump)."""
    if min(len(first.rstrip(".")), len(second.rstrip("."))) == 1:
        return False
    return not default_role_lexicon().is_role(second)


def _kept_middles(middles: list[str], count: int) -> list[tuple[int, ...]]:
    """Which of the longer name's middle names the shorter one gives, in order: the first
    ones, else any other choice that leaves out only full middle names when the shorter
    gives middles of its own (George H. W. Bush is not George W. Bush)."""
    out = [tuple(range(count))]  # the plain alignment, as before
    for kept in combinations(range(len(middles)), count):
        skipped = [middles[i] for i in range(len(middles)) if i not in kept]
        if count and any(len(word.rstrip(".")) == 1 for word in skipped):
            continue
        if kept not in out:
            out.append(kept)
    return out[:6]


def _roles(a: list[str], b: list[str]) -> list[_Part]:
    last = len(a) - 1
    return [
        ("surnames" if i == last else "given names" if i == 0 else "middle names", x, y, i == last)
        for i, (x, y) in enumerate(zip(a, b, strict=True))
    ]


def _aligned(parts: list[_Part], groups: bool, penalty: float, note: str) -> NameMatch:
    reasons: list[str] = []
    score = penalty
    for role, x, y, surname in parts:
        found = word_match(x, y, surname=surname, groups=groups)
        if surname and found.same and found.reason.startswith("initial"):
            # "P.J. Fleck" read backwards is no "Juan Perez": a surname is never an initial
            return NameMatch(False, 0.0, f"surnames {x.title()}/{y.title()}: only an initial")
        if not found.same:
            if role == "middle names" and min(len(x.rstrip(".")), len(y.rstrip("."))) == 1:
                initials = f"{x[0].upper()}./{y[0].upper()}."
                return NameMatch(False, 0.0, f"different middle initials {initials}")
            return NameMatch(False, 0.0, f"{role} {x.title()}/{y.title()}: {found.reason}")
        score *= found.score
        singular = role[:-1]
        if found.reason == "same name":
            reasons.append(f"{singular} equal")
        else:
            reasons.append(f"{role} {x.title()}/{y.title()} ({found.reason})")
    if note:
        reasons.append(note)
    return NameMatch(True, round(score, 4), ", ".join(reasons))


def _partial(a: list[str], b: list[str], groups: bool) -> NameMatch:
    """One side is a single word: the other's surname, a part of a double surname, or the
    other's words glued together ("johnsmith")."""
    single, full = (a, b) if len(a) == 1 else (b, a)
    word = single[0]
    if len(word.rstrip(".")) <= 1 or len(full[-1].rstrip(".")) <= 1:
        # a lone letter ("Group A") is no name, and "Andrew" is not the "A." of "Path A"
        return NameMatch(False, 0.0, "an initial alone is no surname")
    if len(full) == 1:
        found = word_match(word, full[0], surname=True, groups=groups)
        return found if not found.reason.startswith("initial") else _NO_SURNAME
    if transliterate(word) == transliterate("".join(full)):
        return NameMatch(True, 0.9, f"glued name ({' '.join(full)})")
    surname = word_match(word, full[-1], surname=True, groups=groups)
    if surname.same and not surname.reason.startswith("initial"):
        reason = "surname of" if surname.reason == "same name" else f"surname of ({surname.reason})"
        return NameMatch(True, round(0.8 * surname.score, 4), reason)
    first_part = full[-2] if len(full) >= 3 and len(full[-2].rstrip(".")) > 1 else ""
    if first_part and word_match(word, first_part, surname=True, groups=groups).same:
        return NameMatch(True, 0.7, "surname of (first part of a double surname)")
    return _NO_SURNAME


_NO_SURNAME = NameMatch(False, 0.0, "a single word that is not the surname")
