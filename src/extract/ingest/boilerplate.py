"""Page furniture that survives main-text extraction, removed from the body of an HTML article.

trafilatura keeps the article's blocks but some blocks inside the article container are not the
article: "Read more: ..." teasers, share and newsletter prompts, broadcast listings, standalone
photo credits, "Advertisement", reporter credit and contact lines, bare datelines, and hover
cards whose text is spliced into a sentence ("Rep. Jane RoeJane RoeTech Valley: ... MORE").
Everything here is a pure function over text. Precision comes first: every rule needs a strong
cue (a fixed prompt, a "Label:" prefix, a glued name) and a length cap, so a real sentence that
merely uses "more", "share" or "newsletter" is kept.
"""

from __future__ import annotations

import re

MAX_PROMPT_WORDS = 30
"""Lines longer than this are never dropped by the prompt and teaser rules: they are prose."""
DATELINE_WITHIN = 2
"""A bare date line is dropped only while fewer paragraphs than this have been kept."""

_WORD = re.compile(r"\w[\w’'-]*")
_FURNITURE = re.compile(
    r"(advertisement|advertising|ad|sponsored( content)?|skip advertisement|"
    r"story continues below( advertisement)?|continue reading( the main story| below)?|"
    r"scroll to continue( with content)?|loading( \.\.\.|…)?|enlarge this image|toggle caption)"
    r"[\s.:…]*",
    re.I,
)
_CREDIT = re.compile(
    r"\(?\s*(photos?|images?|pictures?|video|photograph|illustration|credit)"
    r"( credits?)?\s*:\s*[^.!?()]{1,80}\)?\.?",
    re.I,
)
_TEASER_PREFIX = re.compile(
    r"(read more|see more|related|related (stories|articles|content|coverage|links?|"
    r"reading|news|video)|also read|read also|also see|see also|recommended reading|"
    r"watch more|more from [\w .'’&-]{1,30}|more on this( story)?|don[’']?t miss|"
    r"must read|top stories|editor[’']?s picks?|you (might|may) also like|"
    r"further reading)\s*[:|»>]\s*\S",
    re.I,
)
_WEAK_TEASER_PREFIX = re.compile(
    r"(more|also|watch|listen|previously|trending|recommended)\s*[:|»>]\s*[^\"“'‘]\S*", re.I
)
"""Prefixes that could open a sentence in a list-like story: the line must not end as one."""
_TEASER_HEADER = re.compile(
    r"(read more|see more|related|related (stories|articles|content|coverage|links?|reading|"
    r"news)|see also|recommended( for you| reading)?|more stories|more from [\w .'’&-]{1,30}|"
    r"more on this story|don[’']?t miss|must read|most (read|popular|viewed|shared)"
    r"( in [\w .'’&-]{1,30})?|trending( now)?|top stories|latest news|you (might|may) also like|"
    r"what to read next|up next|further reading|editor[’']?s picks?|"
    r"(more|related|recommended|popular|trending|latest|top|other)( [\w'’&-]+){0,3} "
    r"(stories|articles|reads|links|videos))\s*:?",
    re.I,
)
_SHARE_BAR = re.compile(
    r"(?:(?:share|shares|sharing|this|on|via|with|facebook|twitter|x|e-?mail|linkedin|whatsapp|"
    r"pinterest|reddit|print|copy|link|article|story|messenger|tweet|comments?|save|flipboard|"
    r"sms)\b[\W_]*)+",
    re.I,
)
"""A row of share buttons: nothing but share words and service names."""
_SHARE_PROMPT = re.compile(
    r"(like|love|enjoy(ed)?) this (story|article|post)\?|"
    r"share (it|this( story| article| post)?) with (a friend|your friends|friends)|"
    r"^(click|tap) (here )?to share\b",
    re.I,
)
_SHARE_START = re.compile(r"share (this|on|via)\b", re.I)
_NEWSLETTER = re.compile(r"newsletters?\b|\binbox\b", re.I)
_NEWSLETTER_ACTION = re.compile(
    r"\b(sign(ing)? up|subscribe|subscribing|delivered to your|your inbox|enter your e-?mail|"
    r"thanks? (you )?for signing up|keep an eye on your inbox)\b",
    re.I,
)
_NEWSLETTER_HEADING = re.compile(r"[\w’'&+ .-]{0,40}\bnewsletters?:?", re.I)
_IMPERATIVE = re.compile(r"(get|sign up|subscribe|receive|enter|join|stay)\b", re.I)
_READER = re.compile(r"\b(you|your|our)\b", re.I)
_SCHEDULE_LABEL = re.compile(
    r"(?:^|[|•·;,]|\s)\s*(date|time|location|venue|tv|tv channel|stream|streaming|live stream|"
    r"channel|radio|kickoff|kick-off|tip-off|where|when|odds)\s*:",
    re.I,
)
_BROADCAST_LABELS = frozenset(["tv", "tv channel", "stream", "streaming", "live stream", "radio"])
_BROADCAST_START = re.compile(
    r"(tv|tv channel|stream|streaming|live stream|channel|radio)\s*:|how to (watch|stream)\b",
    re.I,
)
_CLICK_HERE = re.compile(r"(click|tap) here\b", re.I)
_LABEL_URL = re.compile(r"[\w .'’&-]{1,30}:\s*(https?://|www\.)\S+", re.I)
_CREDIT_LINE = re.compile(
    r"\(?(additional )?(reporting|writing|editing|research|compiled|graphics)"
    r"( and (reporting|writing|editing))? by\b",
    re.I,
)
_CREDIT_FILLER = frozenset(
    ["by", "and", "in", "from", "with", "of", "the", "additional", "de", "van", "von"]
)
_CONTRIBUTED = re.compile(r"contributed (to )?(this|the) (report|story|article)\.?\)?$", re.I)
_CONTACT = re.compile(
    r"\bfollow (him|her|them|us|me) on (twitter|facebook|instagram)\b.*@\w|"
    r"\b(may|can) be reached at \S+@|^(e-?mail|contact|reach) [\w .'’-]{1,40} at \S+@|"
    r"^have a (news )?tip\?",
    re.I,
)
_CONTACT_TOKEN = re.compile(
    r"\S+@\S+\.\w+|@\w+|(https?://)?(www\.)?(twitter|x|facebook|instagram|linkedin)\.com/\S+",
    re.I,
)
_DATE_PART = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|"
    r"\b\d{1,4}([/.:-]\d{1,4}){0,2}(st|nd|rd|th)?\b|\b[ap]\.?m\.?\b|"
    r"\b(updated|published|posted|modified|last|on|at|ago|hours?|minutes?)\b|"
    r"(?-i:\b[A-Z]{1,4}T\b)|\bGMT|\bUTC",
    re.I,
)
_MONTH_OR_NUMERIC_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.I,
)
_BYLINE_TAIL = re.compile(r"\s+by\s+([A-Z][\w.'’-]*\s*){1,4}$")
_HEADLINE_END = re.compile(r"[.!?…\"”’:;,]$")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]* ){0,3}[A-Z][\w'’.-]*$")
_NO_SPACE_BEFORE = frozenset(" \n.,;:)!?'’\"”")
_MORE = re.compile(r".{0,400}?\bMORE\b ?", re.S)


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def repair_hover_cards(text: str) -> str:
    """Remove hover-card text spliced after a name ("Jane RoeJane RoeCard text ... MORE").

    A card is recognised only where a capitalised name is glued (no space) to a copy of itself
    ("Jane RoeJane Roe"), or to a longer name ending in the same surname ("TrumpDonald John
    Trump") followed by an upper-case "MORE" within 400 characters. The card text up to MORE
    goes; a glued copy without MORE is only collapsed.
    """
    out: list[str] = []
    position = 0
    for glue in _GLUE.finditer(text):
        at = glue.start()
        if at < position:
            continue
        before = _NAME_BEFORE.search(text, max(position, at - 80), at)
        found = _card_end(before.group(0).split(), text[at:]) if before else None
        if found is None:
            continue
        end, is_card = found
        out.append(text[position:at])
        position = at + end
        if is_card and position < len(text) and text[position] not in _NO_SPACE_BEFORE:
            out.append(" ")
    out.append(text[position:])
    return "".join(out)


def _card_end(name_words: list[str], rest: str) -> tuple[int, bool] | None:
    """(length, is a card) of the echo or card opening `rest`; None when it is neither."""
    more = _MORE.match(rest)
    for size in range(len(name_words), 0, -1):
        name = " ".join(name_words[-size:])
        if size >= 2 and rest.startswith(name) and not rest[len(name) : len(name) + 1].islower():
            return (more.end(), True) if more else (len(name), False)
        if size == 1 and len(name) > 2 and more is not None:
            echo = re.match(r"(?:[A-Z][\w'’.-]* ){1,3}" + re.escape(name) + r"(?![a-z])", rest)
            if echo is not None:
                return more.end(), True
    return None


def boilerplate_kind(line: str) -> str | None:
    """Which furniture rule `line` matches ("teaser", "share", ...), or None for article text."""
    text = line.strip().lstrip("-•*· ").strip()
    if not text:
        return None
    tokens = words(text)
    count = len(tokens)
    if count > 60:
        return None
    if _FURNITURE.fullmatch(text):
        return "advertisement"
    if count <= 12 and _CREDIT.fullmatch(text):
        return "credit"
    if count <= 12 and "share" in text.lower() and _SHARE_BAR.fullmatch(text):
        return "share"
    if count <= MAX_PROMPT_WORDS and _SHARE_PROMPT.search(text):
        return "share"
    if count <= 8 and _SHARE_START.match(text):
        return "share"
    if count <= MAX_PROMPT_WORDS and _TEASER_PREFIX.match(text):
        return "teaser"
    weak = count <= MAX_PROMPT_WORDS and _WEAK_TEASER_PREFIX.match(text)
    if weak and not re.search(r"[.!?\"”]$", text):
        return "teaser"
    if _is_newsletter_prompt(text, count):
        return "newsletter"
    if _is_schedule(text, count):
        return "schedule"
    if count <= 25 and _CLICK_HERE.match(text):
        return "prompt"
    if count <= 12 and _LABEL_URL.fullmatch(text):
        return "link"
    if _is_credit_line(text, tokens) or (count <= 20 and _CONTRIBUTED.search(text)):
        return "credit"
    if _is_contact_line(text, count):
        return "contact"
    return None


def _is_newsletter_prompt(text: str, count: int) -> bool:
    """A sign-up prompt speaks to the reader ("Sign up", "your inbox", "our newsletter");
    a sentence reporting that someone signed up for a newsletter does not."""
    if count > 40 or not _NEWSLETTER.search(text):
        return False
    if count <= 5 and _NEWSLETTER_HEADING.fullmatch(text):
        return True
    to_reader = bool(_IMPERATIVE.match(text) or _READER.search(text))
    return to_reader and bool(_NEWSLETTER_ACTION.search(text))


def _is_schedule(text: str, count: int) -> bool:
    """A broadcast listing: "TV: ... | Stream: ...", or two listing labels in a short line."""
    if count > 40:
        return False
    if count <= 25 and _BROADCAST_START.match(text):
        return True
    labels = {label.lower() for label in _SCHEDULE_LABEL.findall(text)}
    return len(labels) >= 2 and bool(labels & _BROADCAST_LABELS)


def _is_credit_line(text: str, tokens: list[str]) -> bool:
    """ "Reporting by Ann Lee; Editing by Bo Ray": after the cue, only names and fillers."""
    if len(tokens) > 40 or not _CREDIT_LINE.match(text):
        return False
    cue_words = {"reporting", "writing", "editing", "research", "compiled", "graphics"}
    return all(
        t[0].isupper() or t.lower() in _CREDIT_FILLER or t.lower() in cue_words for t in tokens
    )


def _is_contact_line(text: str, count: int) -> bool:
    """An author's contact or bio line: "Follow him on Twitter @x", "may be reached at ..."."""
    if count <= 60 and _CONTACT.search(text):
        return True
    if count > 12 or not _CONTACT_TOKEN.search(text):
        return False
    remainder = words(_CONTACT_TOKEN.sub(" ", text))
    return len(remainder) <= 4 and all(t[0].isupper() for t in remainder)


def is_dateline(line: str) -> bool:
    """Only a date and time, perhaps "by Name": "5:45 AM PST 11/19/2019 by Jo Doe". Dropped
    only near the top (see `clean_paragraphs`): in a timeline a bare date is a heading."""
    text = line.strip()
    if len(words(text)) > 14:
        return False
    if not _MONTH_OR_NUMERIC_DATE.search(text) or not re.search(r"\d", text):
        return False
    stripped = _BYLINE_TAIL.sub("", text)
    return not words(_DATE_PART.sub(" ", stripped))


def is_teaser_header(line: str) -> bool:
    """A heading that opens a block of links: "Related stories", "DON'T MISS", "Most read"."""
    text = line.strip().strip("-•*· ")
    return 0 < len(words(text)) <= 8 and bool(_TEASER_HEADER.fullmatch(text))


def _is_headline(line: str) -> bool:
    """A teaser headline in a link block: short, no closing punctuation (or a [TAG])."""
    text = line.strip().rstrip("|").strip()
    if re.search(r"\[[A-Z]+\]$", text):
        return True
    return 0 < len(words(text)) <= 20 and not _HEADLINE_END.search(text)


def drop_headline(lines: list[str], leading: list[tuple[str, str]], title: str | None) -> list[str]:
    """`lines` without the headline block(s) trafilatura keeps at the top of the body;
    `leading` holds the body's first blocks as (kind: "h1".."h6" for headings, else the tag,
    text).

    Dropped: headings before the first paragraph (headline, standfirst, teaser headings);
    among the first three blocks, an h1 heading or a line equal to the page title (with or
    without a " - Site" suffix), which some layouts place after the lead paragraph. Only
    lines that are exactly those blocks' text go, so the lead paragraph stays.
    """
    drop: set[str] = set()
    for kind, block_text in leading:
        if not re.fullmatch(r"h[1-6]|head", kind):
            break
        drop.add(block_text)
    drop.update(text for kind, text in leading[:3] if kind == "h1")
    titles = _title_variants(title)
    kept: list[str] = []
    for index, line in enumerate(lines):
        normal = " ".join(line.split())
        if index < len(drop) + 3 and (normal in drop or normal in titles):
            continue
        kept.append(line)
    return kept


def _title_variants(title: str | None) -> set[str]:
    if not title:
        return set()
    normal = " ".join(title.split())
    variants = {normal}
    for separator in (" - ", " | ", " – ", " — ", " :: "):
        if separator in normal:
            variants.add(normal.rsplit(separator, 1)[0].strip())
    return variants


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """The paragraphs without furniture, hover cards repaired; a link-block header ("DON'T
    MISS", "Most read") goes with the headline-like lines right after it (at most ten), a
    newsletter heading with the sign-up line after it, a bare date line near the top."""
    kept: list[str] = []
    skipping_headlines = 0
    drop_next_imperative = False
    for paragraph in paragraphs:
        text = repair_hover_cards(paragraph).strip()
        if not text:
            continue
        if skipping_headlines and _is_headline(text):
            skipping_headlines -= 1
            continue
        skipping_headlines = 0
        if drop_next_imperative and len(words(text)) <= MAX_PROMPT_WORDS:
            drop_next_imperative = False
            if _IMPERATIVE.match(text):
                continue
        drop_next_imperative = False
        if is_teaser_header(text):
            skipping_headlines = 10
            continue
        if len(kept) < DATELINE_WITHIN and is_dateline(text):
            continue
        kind = boilerplate_kind(text)
        if kind is None:
            kept.append(text)
        elif kind == "newsletter" and len(words(text)) <= 5:
            drop_next_imperative = True
    return kept


def clean_text(text: str) -> str:
    """`clean_paragraphs` over a text with one paragraph per line (blank lines ignored),
    joined back with blank lines between paragraphs."""
    return "\n\n".join(clean_paragraphs([line for line in text.split("\n") if line.strip()]))
