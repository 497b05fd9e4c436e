"""Roles: the descriptors a text gives a person or organisation.

Three sources, all read off the spaCy parse around a clean name:
  * role words in front of the name: "director and cameraman Holm", "cosmonaut Anton X";
  * appositions either side: "Jane Roe, head of the agency," / "The head of ..., Jane Roe,";
  * a descriptor the name modifies: "the Halvorsen shipping group" (an organisation's kind).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extract.resources import RoleLexicon

MAX_ROLE_TOKENS = 12
_CONJUNCTIONS = frozenset({"and", "&", ",", "or"})
_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"})


def roles_for(span: Span, lexicon: RoleLexicon, label: str) -> list[str]:
    """Every role the text gives the named thing at this mention, in reading order."""
    root = span.root  # worked out once: `Span.root` walks the span's heads on each access
    found = preceding_roles(span, lexicon, label, root)
    found += appositive_roles(span, root)
    if label != "PERSON":
        found += head_noun_roles(span, root)
    return _unique([role for role in found if not _is_address(role)])


def preceding_roles(
    span: Span, lexicon: RoleLexicon, label: str, root: Token | None = None
) -> list[str]:
    """Role words right before the name, split at "and" and commas (`root`: the span's,
    when the caller has it)."""
    doc = span.doc
    chunks: list[list[Token]] = [[]]
    index = span.start - 1
    while index >= 0:
        token = doc[index]
        if token.lower_ in _CONJUNCTIONS and chunks[-1]:
            chunks.append([])
        elif _is_role_token(token, span, lexicon, label, root):
            chunks[-1].insert(0, token)
        else:
            break
        index -= 1
    roles = [_role_text(chunk, lexicon) for chunk in reversed(chunks) if chunk]
    return [role for role in roles if role]


def appositive_roles(span: Span, root: Token | None = None) -> list[str]:
    """Noun phrases in apposition to the name, on either side."""
    root = span.root if root is None else root
    roles: list[str] = []
    if root.dep_ == "appos" and _is_descriptor_head(root.head, span):
        roles.append(_phrase_without(root.head, span))
    for child in root.children:
        if child.dep_ == "appos" and _is_descriptor_head(child, span):
            roles.append(_phrase_without(child, span))
    return [role for role in roles if role]


def head_noun_roles(span: Span, root: Token | None = None) -> list[str]:
    """The kind an organisation name modifies: "the Halvorsen shipping group" -> shipping group."""
    root = span.root if root is None else root
    head = root.head
    if root.dep_ != "compound" or head.i < span.end or head.pos_ != "NOUN":
        return []
    between = span.doc[span.end : head.i + 1]
    if len(between) > 3 or any(t.pos_ not in {"NOUN", "PROPN"} or t.ent_type_ for t in between):
        return []
    return [" ".join(t.lower_ for t in between)]


def _is_role_token(
    token: Token, span: Span, lexicon: RoleLexicon, label: str, root: Token | None = None
) -> bool:
    if token.ent_type_ and token.ent_type_ not in {"NORP"}:
        return False
    if lexicon.is_role(token.text) and "honorific" not in lexicon.kinds_of(token.text):
        return True
    if token.pos_ == "NOUN" and token.is_lower:
        # A common noun attached into the name (or the name into it, or into a descriptor
        # already taken: "action superstar X") is a descriptor; a free-standing one
        # ("yesterday morning John said") is not.
        root = span.root if root is None else root
        attached = token.head.i in range(span.start, span.end) or root.head.i == token.i
        return attached or (token.dep_ == "compound" and token.head.i in range(token.i, span.start))
    return token.pos_ in {"ADJ", "PROPN"} and token.ent_type_ == "NORP"


def _role_text(chunk: list[Token], lexicon: RoleLexicon) -> str:
    # Drop nationality adjectives and determiners: "the Russian actress" -> "actress".
    words = [t for t in chunk if t.ent_type_ != "NORP" and t.pos_ != "DET"]
    if not words or not any(t.pos_ == "NOUN" or lexicon.is_role(t.text) for t in words):
        return ""
    return " ".join(_display(t, lexicon) for t in words)


def _is_descriptor_head(token: Token, span: Span) -> bool:
    """A common-noun phrase (not another name) that describes the span."""
    if token.i in range(span.start, span.end) or token.pos_ != "NOUN":
        return False
    return not token.ent_type_


def _phrase_without(head: Token, span: Span) -> str:
    """The descriptor phrase headed by `head`, leaving out the name and trailing clauses."""
    doc = head.doc
    root = span.root
    keep = {head.i}
    for child in head.children:
        if child.dep_ in _STOP_DEPS or child.i in range(span.start, span.end):
            continue
        if child.i == root.i or child.is_ancestor(root):
            continue  # the name hangs below this child (not `in child.subtree`: a long walk)
        keep.update(t.i for t in child.subtree)
    indices = sorted(keep)
    # Contiguous run around the head only; leading determiners and possessive pronouns go.
    start, end = head.i, head.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    tokens = [doc[i] for i in range(start, end + 1) if i in indices]
    while tokens and (
        tokens[0].pos_ == "DET" or tokens[0].tag_ == "PRP$" or tokens[0].ent_type_ == "NORP"
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_ROLE_TOKENS:
        return ""
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    return text[0].lower() + text[1:] if tokens[0].pos_ != "PROPN" else text


_ADDRESS = re.compile(r"(^|\s)[@#]\w|https?:|www\.|\.(com|org|net)\b|://", re.IGNORECASE)


def _is_address(role: str) -> bool:
    """A URL or @handle read as a descriptor ("Jane Roe, @janeroe,"): never a role."""
    return bool(_ADDRESS.search(role))


def _display(token: Token, lexicon: RoleLexicon) -> str:
    return token.lower_ if token.pos_ != "PROPN" or lexicon.is_role(token.text) else token.text


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.lower()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out
