"""The claims component on texts written for these tests (real model)."""

from __future__ import annotations

import pytest

from extract import extract_article

pytestmark = pytest.mark.model


def test_claims_carry_quantities_claimants_entities_and_flags() -> None:
    record = extract_article(
        "The Halvorsen Group won the harbour contract over 40 rival bidders on Monday. "
        "“Nobody has ever built a bridge this long in the region,” engineer Tomas Brandt said. "
        "The company is keeping the final cost secret.",
        published="2023-03-14",
    )
    names = {e.id: e.name for e in record.entities}
    by_start = {record.text[c.start : c.start + 12]: c for c in record.claims}
    contract = by_start["The Halvorse"]
    assert [(q.value, q.unit, q.modifier) for q in contract.quantities] == [(40, "bidders", "over")]
    assert "Halvorsen Group" in {names[e] for e in contract.entities}
    assert contract.claimant is None  # the article itself asserts it
    bridge = next(c for c in record.claims if "bridge this long" in c.text)
    assert names[bridge.claimant or ""] == "Tomas Brandt"
    assert bridge.quote is not None and record.quotes[bridge.quote].speaker == bridge.claimant
    assert bridge.negated and "comparison" in bridge.types
    for claim in record.claims:
        assert record.text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0


def test_questions_headings_and_pleasantries_are_not_claims() -> None:
    record = extract_article(
        "Good evening everyone\n\n"
        "Why did the council wait so long?\n\n"
        "Thank you all so much for coming tonight, it is lovely to see you."
    )
    assert record.claims == []


def test_hedges_are_reported() -> None:
    record = extract_article(
        "The factory reportedly lost 2 million euros last year, according to union officials."
    )
    [claim] = record.claims
    assert claim.hedged and "reportedly" in claim.hedges


@pytest.mark.xfail(
    strict=True,
    reason="issue 18: the calibrated ClaimBuster model gives 'the factory closed because the new "
    "tariffs doubled its costs' 0.346 < threshold 0.35 (the noisy-or used to add the cause); "
    "a known recall miss on news text, see the framed-quantity twin below",
)
def test_a_statement_framed_by_i_think_is_judged_on_the_statement_and_hedged() -> None:
    record = extract_article(
        "“I think the weather is lovely this week,” the mayor said. "
        "“But I think the factory closed because the new tariffs doubled its costs,” she added.",
        published="2023-03-14",
    )
    texts = [c.text for c in record.claims]
    assert not any("weather" in t for t in texts)  # an opinion about the weather
    [factory] = [c for c in record.claims if "factory closed" in c.text]
    assert factory.hedged and "i think" in factory.hedges


def test_picture_captions_are_not_claims_but_dated_statements_are() -> None:
    record = extract_article(
        "Actress Mira Solberg attends the premiere of the film in Oslo on March 3, 2019.\n\n"
        "From left to right: actress Mira Solberg, director Jon Vik and producer Ada Lund.\n\n"
        "The report shows that unemployment rose to 7 percent on March 3, 2019.\n\n"
        "Ingrid Solberg (pictured) has led the council since 2015.",
        published="2022-01-01",
    )
    texts = [claim.text for claim in record.claims]
    assert texts == [
        "The report shows that unemployment rose to 7 percent on March 3, 2019.",
        "Ingrid Solberg (pictured) has led the council since 2015.",
    ]


def test_article_quantities_are_records_and_claims_refer_to_them() -> None:
    record = extract_article(
        "The council paid £5m for the site on Monday. "
        "The 34-year-old boxer weighed 243 pounds before the fight. "
        "Two-thirds of the 1,200 residents opposed the plan, a survey found.",
        published="2023-03-14",
    )
    found = {q.text: q for q in record.quantities}
    assert (found["£5m"].value, found["£5m"].unit, found["£5m"].kind) == (5e6, "GBP", "money")
    assert found["243 pounds"].unit == "lb"  # weighed: a weight, though "£" is in the article
    assert found["Two-thirds"].kind == "fraction"
    for quantity in record.quantities:
        assert record.text[quantity.start : quantity.end] == quantity.text
    for claim in record.claims:
        inside = [q for q in record.quantities if claim.start <= q.start and q.end <= claim.end]
        assert claim.quantities == inside


def test_calibrated_scores_and_furniture_on_a_small_article() -> None:
    record = extract_article(
        "The city council cut the library budget by 12 percent in 2023, the largest cut in a "
        "decade. Mayor Ada Lund signed the order on Friday.\n\n"
        "Associated Press writers Jane Roe and Ian Poe contributed to this report.\n\n"
        "Share this article with your friends and family today.",
        published="2024-01-10",
    )
    texts = [c.text for c in record.claims]
    assert any("12 percent" in t for t in texts)
    assert not any("contributed" in t or "Share this" in t for t in texts)
    budget = next(c for c in record.claims if "12 percent" in c.text)
    assert 0.5 < budget.checkworthiness <= 1.0


def test_a_framed_statement_with_a_quantity_is_a_hedged_claim() -> None:
    record = extract_article(
        "“I think the weather is lovely this week,” the mayor said. "
        "“But I think the factory closed because the new tariffs doubled its costs to "
        "4 million euros a year,” she added.",
        published="2023-03-14",
    )
    assert not any("weather" in c.text for c in record.claims)
    [factory] = [c for c in record.claims if "factory closed" in c.text]
    assert factory.hedged and "i think" in factory.hedges
