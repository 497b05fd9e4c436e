"""Two more label cues, read off the words around and inside a name.

* `before_an_address`: "Jiffy Lube Live, Bristow, VA" or "... Arena, Uncasville, Connecticut":
  a name followed by a town and a state (or a country) is a venue in a tour or event list.
* `is_common_phrase`: "Help Shape", "Tomb Raider": a name made only of common English words,
  none of them a known given or family name; a re-cased headline, a product or a title.
  `labels` lets the model's PERSON count for such a name only with evidence of a person.
"""

from __future__ import annotations

from spacy.tokens import Span

from extract.extractors.entities.cues import Lexicons, is_wikidata_name, known_places
from extract.extractors.entities.lines import token_words
from extract.extractors.sentences import doc_text
from extract.reconcile.lexicons import given_gender
from extract.reconcile.names import name_key

MAX_TOWN_WORDS = 3
MAX_CUT_WORDS = 2


def before_an_address(span: Span, lex: Lexicons) -> bool:
    """The name, a comma, a town of capitalised words, a comma, then a state code ("VA") or a
    known state or country: the first item of an address, which only places have."""
    texts = token_words(span.doc)[0]
    index = span.end
    while index < min(len(texts), span.end + MAX_CUT_WORDS) and texts[index][:1].isupper():
        index += 1  # "Mohegan Sun [Arena], ...": the rest of a name the model cut short
    if index >= len(texts) or texts[index] != ",":
        return False
    index += 1
    town = 0
    while index < len(texts) and texts[index][:1].isupper() and town < MAX_TOWN_WORDS:
        index += 1
        town += 1
    if not town or index + 1 >= len(texts) or texts[index] != ",":
        return False
    region = texts[index + 1]
    if len(region) == 2 and region.isalpha() and region.isupper():
        return True
    words = [region]
    for word in texts[index + 2 : index + 4]:
        if not word[:1].isupper():
            break
        words.append(word)
    places = known_places()
    return any(name_key(" ".join(words[:n])) in places for n in range(len(words), 0, -1))


def is_common_phrase(span: Span, lex: Lexicons) -> bool:
    """Two or more words in title case, every one a common English word and none a given or
    family name Wikidata knows ("Help Shape", "Tomb Raider"; not "Holly Dale", "Magic Box":
    the English word list holds Kazan and Holly, Wikidata holds Magic). Needs the English word
    list: off without it."""
    if not lex.english or len(span) < 2:
        return False
    words = doc_text(span.doc)[span.start_char : span.end_char].split()
    if len(words) < 2:
        return False
    return all(
        word[:1].isupper()
        and not word.isupper()
        and word.lower() in lex.english
        and given_gender(word.lower()) is None
        and not is_wikidata_name(word)
        for word in words
    )
