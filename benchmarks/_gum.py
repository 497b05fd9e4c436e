"""GUM reader shared by the names and labels benchmarks: the text of a CoNLL-U document
(tokens joined as written, paragraphs on new lines) and its proper-name mentions with their
GUM entity type, coreference id and Wikipedia identity."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_OPEN = re.compile(r"\((\d+)-([a-z]+)([^()]*)")
_CLOSE = re.compile(r"(?:^|[^\d(])(\d+)\)")
_IDENTITY_FIELDS = 6
"""An opening bracket carries this many dash-separated fields before the identity:
"(12-person-giv:act-cf1-1-sgl-Wikipedia_Name)"."""


@dataclass
class GoldMention:
    doc: str
    start: int
    end: int
    entity: str
    identity: str
    text: str
    kind: str = ""
    """GUM's entity type: person, organization, place, ..."""


def is_name(tags: list[str]) -> bool:
    """A proper name: apart from a leading article, inner "of"/"and" and punctuation, proper
    nouns only ("the United States", "International Brotherhood of Magicians"), not a noun
    phrase that merely contains one ("president of the ...")."""
    core = tags[1:] if tags and tags[0] == "DET" else tags
    if not core or core[0] != "PROPN" or core[-1] != "PROPN":
        return False
    return all(tag in {"PROPN", "ADP", "CCONJ", "PUNCT", "DET", "PART"} for tag in core)


def _identity(rest: str) -> str:
    """The Wikipedia identity at the end of an opening bracket, or "" when it has none."""
    fields = rest.split("-")
    if len(fields) <= _IDENTITY_FIELDS:
        return ""
    return fields[-1]


def read_gum(path: Path, kinds: set[str]) -> tuple[str, list[GoldMention]]:
    """The document text and its proper-name mentions of the given GUM entity types."""
    parts: list[str] = []
    offset = 0
    mentions: list[GoldMention] = []
    stack: dict[str, list[tuple[int, str, str, list[str]]]] = {}
    doc = path.stem
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and parts:
            parts.append("\n")
            offset += 1
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        token, upos, misc = cols[1], cols[3], cols[9]
        start = offset
        parts.append(token)
        offset += len(token)
        if "SpaceAfter=No" not in misc:
            parts.append(" ")
            offset += 1
        field = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for match in _OPEN.finditer(field):
            opened = (start, match.group(2), _identity(match.group(3)), [])
            stack.setdefault(match.group(1), []).append(opened)
        for frames in stack.values():
            for frame in frames:
                frame[3].append(upos)
        for closing in _CLOSE.findall(field.replace(")", ") ")):
            frames = stack.get(closing)
            if not frames:
                continue
            begin, kind, identity, tags = frames.pop()
            if kind in kinds and is_name(tags):
                end = start + len(token)
                mention = GoldMention(doc, begin, end, f"{doc}:{closing}", identity, "", kind)
                mentions.append(mention)
    text = "".join(parts)
    for mention in mentions:
        mention.text = text[mention.start : mention.end]
    return text, mentions
