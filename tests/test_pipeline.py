"""The Python API and the spaCy component as a spaCy user sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import ArticleRecord, Pipeline, extract_article
from extract.errors import ModelNotFoundError
from extract.extractors.entities.component import COMPONENT_NAME, entities_of
from extract.modelname import DEFAULT_MODEL
from extract.models import Article
from extract.nlp import load_pipeline
from extract.pipeline import article_from_input

pytestmark = pytest.mark.model

TEXT = (
    "date 2023-03-14 Engineer Tomas Brandt, who led the project for the Halvorsen Group, "
    "told reporters in Oslo that the deck was replaced. Brandt’s team returns in spring."
)


def assert_offsets_hold(record: ArticleRecord) -> None:
    for entity in record.entities:
        for mention in entity.mentions:
            assert record.text[mention.start : mention.end] == mention.text
            sentence = record.sentences[mention.sentence]
            assert sentence.start <= mention.start and mention.end <= sentence.end


def test_extract_article_reads_the_header_and_indexes_the_body() -> None:
    record = extract_article(TEXT, title="Bridge")
    assert record.published == "2023-03-14"
    assert record.title == "Bridge"
    assert record.text.startswith("Engineer Tomas Brandt")
    assert_offsets_hold(record)
    brandt = next(e for e in record.entities if e.name == "Tomas Brandt")
    assert brandt.label == "PERSON"
    assert "engineer" in brandt.roles
    assert [m.text for m in brandt.mentions] == ["Tomas Brandt", "Brandt"]
    assert [d.text for d in record.dates] == ["spring"]
    [quote] = record.quotes
    assert (quote.kind, quote.text) == ("indirect", "that the deck was replaced")
    assert quote.speaker == brandt.id and quote.medium is not None
    assert all(record.text[c.start : c.end] == c.text for c in record.claims)


def test_arguments_override_the_header_and_bad_dates_are_refused() -> None:
    assert extract_article(TEXT, published="2020-01-02").published == "2020-01-02"
    with pytest.raises(ValueError, match="not a date"):
        extract_article(TEXT, published="someday")


def test_output_is_deterministic() -> None:
    first = extract_article(TEXT).model_dump_json()
    again = extract_article(TEXT).model_dump_json()
    fresh = Pipeline(DEFAULT_MODEL).extract(article_from_input(TEXT)).model_dump_json()
    assert first == again == fresh


def test_pipeline_batches_in_input_order() -> None:
    articles = [
        Article(id=f"a{i}", text=f"Mayor Ingrid Solberg{i} visited Kessel.") for i in range(5)
    ]
    records = list(Pipeline(DEFAULT_MODEL, batch_size=2).process(articles))
    assert [r.id for r in records] == [a.id for a in articles]


def test_component_plugs_into_a_users_pipeline() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe(COMPONENT_NAME)
    doc = nlp("Senator Paul Okoro met NASA officials in Houston.")
    assert {e.name for e in entities_of(doc)} >= {"Paul Okoro", "NASA", "Houston"}
    assert isinstance(doc._.entities, list) and isinstance(doc._.entities[0], dict)


def test_component_is_registered_through_the_entry_point() -> None:
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert COMPONENT_NAME in names


def test_component_config_is_validated(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="lexicon_path"):
        nlp.add_pipe(COMPONENT_NAME, config={"lexicon_path": str(tmp_path / "missing.tsv")})


def test_component_saves_and_loads_its_lexicon(tmp_path: Path) -> None:
    lexicon = tmp_path / "roles.tsv"
    lexicon.write_text("harbourmaster\tperson\n", encoding="utf-8")
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe(COMPONENT_NAME, config={"lexicon_path": str(lexicon)})
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    component = reloaded.get_pipe(COMPONENT_NAME)
    assert component.lexicon.is_role("harbourmaster")  # type: ignore[attr-defined]
    doc = reloaded("Harbourmaster Ole Berg closed the port.")
    berg = next(e for e in entities_of(doc) if e.name == "Ole Berg")
    assert berg.roles == ["harbourmaster"]


def test_two_processes_give_the_same_records() -> None:
    articles = [
        Article(id=f"a{i}", text=f"Engineer Tomas Brandt{i} met Mayor Ingrid Solberg in Oslo.")
        for i in range(4)
    ]
    pipeline = Pipeline(DEFAULT_MODEL, batch_size=2)
    one = [r.model_dump_json() for r in pipeline.process(articles, n_process=1)]
    two = [r.model_dump_json() for r in pipeline.process(articles, n_process=2)]
    assert one == two


def test_missing_model_error_says_how_to_install() -> None:
    with pytest.raises(ModelNotFoundError, match="not installed"):
        load_pipeline("no_such_model_xyz")


sentences = st.lists(
    st.sampled_from(
        [
            "Anna Smith’s company, Halvorsen Group, opened in Oslo.",
            "Dr. Jane Roe told the BBC that NASA was late.",
            "KESSEL BRIDGE REOPENS",
            "The European Research Council (ERC) paid 2 million euros.",
            "Actress Katya Morozova was there, said director Lars Holm.",
            "“We never closed it,” Brandt said.\n",
            "From left: Anna Smith, Lars Holm.",
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences, st.sampled_from([" ", "\n\n", "\n"]))
def test_every_mention_indexes_the_text(parts: list[str], joiner: str) -> None:
    record = extract_article(joiner.join(parts))
    assert_offsets_hold(record)
    ids = [e.id for e in record.entities]
    assert len(ids) == len(set(ids))
    for entity in record.entities:
        assert "’s" not in entity.name and "'s" not in entity.name
