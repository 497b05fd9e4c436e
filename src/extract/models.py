"""Record models: the shape every reviewer, script and later pipeline step relies on.

This module imports nothing else from the package, so anything may import it. Field names are
part of the public contract (see the README); add fields, never rename them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "5"
"""2: `ArticleRecord.warnings`; 3: `Quote.speaker_confidence`, `_reason`, `_evidence`;
4: `ArticleRecord.quantities`, `Quantity.kind` and `upper`; 5: `Quantity.kind` "age",
`Entity.gender`, `RegistryEntity.gender`."""

EntityLabel = Literal[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
]
"""Named-entity labels kept as entities (OntoNotes names, as spaCy's English models use).

Numeric and temporal labels (DATE, TIME, MONEY, CARDINAL, ...) are not entities here: dates and
quantities have their own steps.
"""

ENTITY_LABELS: tuple[str, ...] = EntityLabel.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base for every record: unknown fields are refused, so typos in readers fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Sentence(Record):
    """A sentence of the article body, as character offsets into `ArticleRecord.text`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Record):
    """One place in the text that names an entity; `text == article.text[start:end]`."""

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(ge=0, description="Index into ArticleRecord.sentences.")

    @model_validator(mode="after")
    def _span_is_consistent(self) -> Mention:
        if self.end - self.start != len(self.text):
            raise ValueError("mention end - start must equal len(text)")
        return self


class Entity(Record):
    """A cluster of mentions of one real-world thing within an article."""

    id: str = Field(description="Stable id derived from label and canonical name.")
    name: str = Field(description="Canonical surface form: the most complete, best-attested.")
    label: EntityLabel
    mentions: list[Mention]
    roles: list[str] = Field(default_factory=list, description="Descriptors the text gives it.")
    gender: Literal["female", "male"] | None = Field(
        default=None,
        description="For a person, the gender the article's own evidence gives: coreferring "
        "pronouns (two or more, all agreeing), honorifics, gendered role words; null when "
        "absent or conflicting, and never from a given name alone.",
    )


class DateMention(Record):
    """A temporal expression (filled by the dates step)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(ge=0)
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    anchor: str | None = None
    confidence: float = Field(ge=0.0, le=1.0, default=1.0)


class TextSpan(Record):
    """A bare span of the article text, used for cues, speakers and the like."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quote(Record):
    """A quote and who said it (filled by the quotes step)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: Literal["direct", "partial", "mixed", "indirect"]
    speaker: str | None = None
    speaker_mention: TextSpan | None = None
    speaker_confidence: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="How likely `speaker` is right (calibrated on held-apart annotated news); "
        "null when the text gives no source at all.",
    )
    speaker_reason: str | None = Field(
        default=None,
        description="Why this speaker, in words a reviewer checks: \"subject of 'said'\", "
        "\"'she' -> the nearest female subject, Jane Roe\"; when two candidates are too "
        "close, speaker is null and the reason names both.",
    )
    speaker_evidence: str | None = Field(
        default=None,
        description="The kind of evidence for the speaker (subject-name, pronoun-sole-known, "
        "continuation, spokesperson-for, ...): the key of the calibration table.",
    )
    cue: TextSpan | None = None
    medium: TextSpan | None = None
    sentence: int = Field(ge=0)


class Quantity(Record):
    """A number the text states, with its unit and modifier ("over 3,000 applicants")."""

    text: str
    value: float | None
    unit: str | None = None
    modifier: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: (
        Literal[
            "money",
            "percent",
            "measure",
            "count",
            "fraction",
            "ordinal",
            "temperature",
            "duration",
            "age",
            "other",
        ]
        | None
    ) = None
    upper: float | None = Field(
        default=None, description="Upper bound of a range ('10-20%'); `value` is the lower."
    )


class Claim(Record):
    """A check-worthy statement (filled by the claims step)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(ge=0)
    claimant: str | None = None
    claimant_mention: TextSpan | None = None
    quote: int | None = None
    types: list[str] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    hedged: bool = False
    hedges: list[str] = Field(default_factory=list)
    negated: bool = False
    checkworthiness: float = Field(ge=0.0, le=1.0, default=0.0)
    entities: list[str] = Field(default_factory=list)


class StepWarning(Record):
    """An item a step dropped instead of failing the article: which step, where, and why."""

    step: str = Field(description="The component that dropped the item (extract_dates, ...).")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    reason: str


class Article(Record):
    """An input article after ingestion: the body text and the metadata found around it."""

    id: str
    text: str = Field(min_length=1)
    source: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    title: str | None = None
    url: str | None = None
    author: str | None = None


class ArticleRecord(Record):
    """Everything extracted from one article. Offsets everywhere index `text`."""

    id: str
    source: str | None = Field(default=None, description="Path (and line) the article came from.")
    published: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD."
    )
    title: str | None = None
    url: str | None = None
    author: str | None = None
    text: str = Field(description="The article body; every offset in this record indexes it.")
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    warnings: list[StepWarning] = Field(
        default_factory=list,
        description="Items dropped because they could not be built; everything else is kept.",
    )


ErrorReason = Literal[
    "not_found",
    "unreadable",
    "empty",
    "binary",
    "undecodable",
    "malformed_json",
    "missing_text",
    "too_large",
    "duplicate_id",
    "unsupported",
    "extraction_failed",
]


class ErrorRecord(Record):
    """One input that could not be extracted, with a reason code and a sentence for people."""

    path: str
    line: int | None = None
    reason: ErrorReason
    message: str


class Variant(Record):
    """A spelling of a registry entity and how many mentions use it."""

    text: str
    count: int = Field(ge=0)


class Merge(Record):
    """Why two names are one entity: the evidence, in words, and its strength."""

    a: str
    b: str
    reason: str
    score: float


class Member(Record):
    """One article's entity that the registry entity stands for (its local id there)."""

    article: str
    entity: str


class RegistryEntity(Record):
    """One real-world entity across the corpus: a line of `entities.jsonl`."""

    id: str = Field(description="The corpus id every article uses for this entity.")
    name: str
    label: EntityLabel
    variants: list[Variant]
    articles: list[str]
    mention_count: int = Field(ge=0)
    gender: Literal["female", "male"] | None = Field(
        default=None,
        description="For a person, the gender its articles give (`Entity.gender`) when they "
        "agree; null when none gives one or they differ.",
    )
    merges: list[Merge] = Field(default_factory=list)
    members: list[Member] = Field(
        default_factory=list,
        description="The article entities it joins; the next run keeps ids by these.",
    )


class DecisionRecord(Record):
    """A reviewer's ruling, one line of `decisions.jsonl`, obeyed by the next run: `same` or
    `different` for two entities (`a`, `b`: corpus ids or spellings), `reject` for an item
    or an entity (`item`), `speaker` for who really said a quote (`item`, `entity`)."""

    decision: Literal["same", "different", "reject", "speaker"]
    a: str | None = None
    b: str | None = None
    item: str | None = None
    entity: str | None = None
    note: str | None = None


class Manifest(Record):
    """What a run did: versions, settings, counts and timings, for reproducing and auditing."""

    schema_version: str = SCHEMA_VERSION
    extract_version: str
    spacy_version: str
    model: str
    model_version: str
    settings: dict[str, str | int | float | bool | None]
    counts: dict[str, int]
    timings: dict[str, float]
    inputs_digest: str | None = Field(
        default=None,
        description="Digest of everything the outputs depend on; an equal digest on the next "
        "run (and untouched output files) means there is nothing to do.",
    )
    outputs: dict[str, str] = Field(
        default_factory=dict, description="sha256 of each output file as written."
    )
