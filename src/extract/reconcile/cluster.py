"""Within-article clustering of name mentions into entities (first pass).

Mentions are linked when they have the same name key, when an acronym spells a full name's
initials, when a single word is the surname of exactly one full person name in the article, or
when an organisation is named by the last words of exactly one longer name ("the Press").
Ambiguity (two full names sharing the surname) leaves the short form unlinked: merging wrongly
is worse than not merging. Pure: `MentionName`s in, groups of indices out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from extract.reconcile.lexicons import given_gender, is_nickname, names_institution, nickname_forms
from extract.reconcile.match import LEGAL_FORMS, PLACE_LABELS, match_names
from extract.reconcile.names import acronym_of, completeness, is_acronym, name_key
from extract.reconcile.person_names import name_parts
from extract.reconcile.words import variant_groups
from extract.resources import default_role_lexicon

LABEL_PRIORITY = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "WORK_OF_ART",
    "EVENT",
    "PRODUCT",
    "LAW",
    "LANGUAGE",
)


@dataclass(frozen=True)
class MentionName:
    """What clustering needs of a mention: its words, the model's label, its position."""

    text: str
    label: str
    position: int


class _Groups:
    """Union-find over mention indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            found.setdefault(self.find(item), []).append(item)
        return sorted(found.values(), key=lambda members: members[0])


def cluster_mentions(mentions: Sequence[MentionName]) -> list[list[int]]:
    """Group mention indices that name the same thing; groups ordered by first mention."""
    groups = _Groups(len(mentions))
    by_key: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        key = name_key(mention.text)
        if key in by_key:
            groups.union(by_key[key], index)
        else:
            by_key[key] = index
    _link_close_spellings(mentions, groups)
    _link_acronyms(mentions, groups)
    _link_surnames(mentions, groups)
    _link_short_forms(mentions, groups)
    return groups.groups()


def _link_close_spellings(mentions: Sequence[MentionName], groups: _Groups) -> None:
    """Full person names that `match_names` accepts: Katia Morozova ~ Katya Morozova, Pierre /
    Peter L'Enfant (the curated tables; the Wikidata groups are left to the corpus step)."""
    full: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        if mention.label == "PERSON" and len(mention.text.split()) >= 2:
            full.setdefault(mention.text, index)
    names = sorted(full, key=lambda name: full[name])
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if match_names(a, b, name_groups=False).same:
                groups.union(full[a], full[b])


def _link_acronyms(mentions: Sequence[MentionName], groups: _Groups) -> None:
    expansions: dict[str, set[int]] = {}
    for index, mention in enumerate(mentions):
        if len(mention.text.split()) >= 2 and mention.label not in PLACE_LABELS - {"GPE"}:
            expansions.setdefault(acronym_of(mention.text), set()).add(groups.find(index))
    for index, mention in enumerate(mentions):
        if not is_acronym(mention.text):
            continue
        targets = expansions.get(mention.text.replace(".", "").upper(), set())
        roots = {groups.find(t) for t in targets}
        if len(roots) == 1:
            groups.union(index, roots.pop())


def _link_surnames(mentions: Sequence[MentionName], groups: _Groups) -> None:
    """A single word ("Gordon", "General Gordon", "Mary") links to the one person in the
    article it names: whose surname or given name it is, else whose given name it is a
    curated nickname of ("Mike" for Michael Roe). Never when two people compete for the word,
    as surname or given name ("Taylor" beside Taylor Roe and Ann Taylor stays alone). A word
    the model calls a person may also be the given name of a full name it labelled ORG that
    reads as a person's ("Rose-Lynn" for "Rose-Lynn Harlan": the model's label slips on rare
    names), never its last word ("Moon" is no part of the lander "Blue Moon")."""
    by_surname: dict[str, set[int]] = {}
    by_given: dict[str, set[int]] = {}
    for index, mention in enumerate(mentions):
        person = mention.label == "PERSON"
        parts = name_parts(mention.text) if person or _person_like(mention) else ()
        if len(parts) >= 2 and _is_word(parts[-1]):
            if person:
                by_surname.setdefault(parts[-1], set()).add(index)
            if _is_word(parts[0]):
                by_given.setdefault(parts[0], set()).add(index)
    for index, mention in enumerate(mentions):
        parts = name_parts(mention.text)
        if len(parts) != 1 or mention.label in PLACE_LABELS or not _is_word(parts[0]):
            continue
        word = parts[0]
        named = set(by_surname.get(word, set()))
        titled = len(mention.text.split()) > 1  # "General Gordon", "King Charles"
        if not titled:
            named |= by_given.get(word, set())
        if not named and not titled and mention.label == "PERSON":
            nicknamed = [found for given, found in by_given.items() if is_nickname(word, given)]
            named = {full for found in nicknamed for full in found}
        if mention.label != "PERSON":
            named = {full for full in named if mentions[full].label == "PERSON"}
        roots = {groups.find(full) for full in named}
        roots.discard(groups.find(index))
        if len(roots) == 1:
            groups.union(index, roots.pop())


def _person_like(mention: MentionName) -> bool:
    """An ORG label on two or three capitalised words that are all people's names (Wikidata's
    given and family names, the curated given names) and none an organisation's word
    ("agency", "Inc."): a person's name the model may have mislabelled ("Rose-Lynn Harlan")."""
    words = mention.text.split()
    if mention.label != "ORG" or not 2 <= len(words) <= 3 or is_acronym(words[0]):
        return False
    lexicon = default_role_lexicon()
    for word in words:
        if not (word[:1].isupper() and word[1:2].islower()) or "org" in lexicon.kinds_of(word):
            return False
        key = name_key(word)
        if key in LEGAL_FORMS or not all(_known_name(part) for part in key.split("-")):
            return False
    return True


def _known_name(word: str) -> bool:
    if given_gender(word) or nickname_forms(word):
        return True
    return any(group.startswith("NAME:") for group in variant_groups(word))


def _is_word(part: str) -> bool:
    """A name word, not an initial ("P.") that two people may share by chance."""
    return len(part.rstrip(".")) > 1


_ORG_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _link_short_forms(mentions: Sequence[MentionName], groups: _Groups) -> None:
    """ "the Press" after "New York Press": an organisation named by the last words of exactly
    one longer name in the article, or by the words before its "of" ("the Society"), never
    two ("the Times" stays alone beside two Timeses), and not the surname of a person in the
    article (a "Fenwick" labelled ORG beside Idris Fenwick is no short form of an ORG-labelled
    "Mona Fenwick")."""
    longer: dict[tuple[str, ...], set[int]] = {}
    surnames: set[tuple[str, ...]] = set()
    for index, mention in enumerate(mentions):
        words = tuple(name_key(mention.text).split())
        if mention.label in _ORG_LABELS and len(words) >= 2:
            for cut in range(1, len(words)):
                longer.setdefault(words[cut:], set()).add(index)
                if words[cut] == "of":  # "the Society" for "the Society of the Cincinnati"
                    longer.setdefault(words[:cut], set()).add(index)
        elif mention.label == "PERSON" and len(words) >= 2:
            surnames.add(words[-1:])
    for index, mention in enumerate(mentions):
        words = tuple(name_key(mention.text).split())
        if mention.label not in _ORG_LABELS or not words or is_acronym(mention.text):
            continue
        if words in surnames:
            continue  # a person's surname the model called an organisation, not a short form
        if len(words) == 1 and names_institution(words[0]):
            continue  # "the House" (of Representatives) is no short form of "White House"
        roots = {groups.find(full) for full in longer.get(words, set())}
        roots.discard(groups.find(index))
        if len(roots) == 1:
            groups.union(index, roots.pop())


def vote_label(labels: Sequence[tuple[str, float]]) -> str:
    """The label with the most weight; ties go to the earlier label in LABEL_PRIORITY."""
    weights: dict[str, float] = {}
    for label, weight in labels:
        weights[label] = weights.get(label, 0.0) + weight
    return min(weights, key=lambda label: (-weights[label], _priority(label)))


def canonical_name(names: Sequence[str]) -> str:
    """The most complete, best-attested form: most full words (initials do not count), most
    words, then most frequent, then first."""
    counts = Counter(names)
    order = {name: position for position, name in reversed(list(enumerate(names)))}

    def rank(name: str) -> tuple[int, int, int, int]:
        full, words = completeness(name)
        return (-full, -words, -counts[name], order[name])

    return min(counts, key=rank)


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)
