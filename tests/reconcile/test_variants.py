"""Name-variant groups from models/name_variants.tsv.gz, against what rigour 2.6.1 returned."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import pytest

from extract.reconcile.match import match_names, variant_groups
from extract.reconcile.variants import (
    VARIANTS_FILE,
    VariantTable,
    default_variant_table,
    name_tokens,
)
from extract.resources import models_dir

# `variant_groups` of these words when it called rigour 2.6.1's analyze_names (recorded before
# the table replaced it): the table must give the same groups.
RIGOUR_2_6_1 = {
    "yulia": {"NAME:Q115728722", "NAME:Q1712302"},
    "julia": {"NAME:Q15731614", "NAME:Q1712302", "NAME:Q2737173", "NAME:Q59162239"},
    "sergei": {"NAME:Q106455137", "NAME:Q12902079", "NAME:Q18946921"},
    "sergey": {"NAME:Q12902079", "NAME:Q18946707", "NAME:Q25768251"},
    "bill": {"NAME:Q18245781", "NICK:BILL"},
    "william": {"NAME:Q108649147", "NAME:Q12344159", "NICK:BILL", "NICK:WILL"},
    "john": {"NAME:Q104552334", "NAME:Q4925477", "NAME:Q5281981", "NICK:JACK"},
    "ʼjohn": {"NAME:Q104552334", "NAME:Q4925477", "NAME:Q5281981", "NICK:JACK"},
    "alex": {
        "NAME:Q13258171",
        "NAME:Q21722953",
        "NAME:Q30090768",
        "NAME:Q97933419",
        "NICK:ALEX",
        "NICK:ALEXA",
    },
    "putin": {"NAME:KHUYLO"},
    "dad": {"NAME:Q123436341"},  # rigour's form "da'd", apostrophe dropped
    "peresild": {"NAME:Q133731092"},
    "zzqx": set(),
}


@pytest.mark.parametrize("word", sorted(RIGOUR_2_6_1))
def test_groups_are_those_rigour_gave(word: str) -> None:
    assert variant_groups(word) == frozenset(RIGOUR_2_6_1[word])


def test_variants_and_nicknames_share_a_group() -> None:
    assert variant_groups("yulia") & variant_groups("julia")
    assert variant_groups("sergei") & variant_groups("sergey")
    assert "NICK:BILL" in variant_groups("bill") & variant_groups("william")
    assert not variant_groups("yulia") & variant_groups("sergey")
    nickname = match_names("Bill Gates", "William Gates")
    assert nickname.same and "nickname" in nickname.reason


@pytest.mark.parametrize(
    ("word", "tokens"),
    [
        ("Julia", ["julia"]),
        ("o'brien", ["obrien"]),
        ("ʼjohn", ["john"]),  # modifier letter apostrophe dropped
        ("jo_hn", ["jo", "hn"]),  # connector punctuation splits
        ("n\u0308", ["n"]),  # combining mark dropped
        ("佐々木", ["佐々木"]),  # kept Lm
        ("a\u200db", ["ab"]),  # format character dropped
        ("", []),
    ],
)
def test_name_tokens_follow_rigour_tokenizer(word: str, tokens: list[str]) -> None:
    assert name_tokens(word) == tokens


def test_word_of_several_tokens_gets_each_tokens_groups() -> None:
    table = default_variant_table()
    assert table.groups("yulia_bill") == table.groups("yulia") | table.groups("bill")


def test_table_round_trips_and_rejects_a_truncated_file() -> None:
    text = "2 2\nNAME:Q1\nNICK:BILL\nbill\nwilliam\n0 1\n0\n"
    table = VariantTable.from_bytes(gzip.compress(text.encode()))
    assert len(table) == 2
    assert table.groups("Bill") == {"NAME:Q1", "NICK:BILL"}
    assert table.groups("william") == {"NAME:Q1"}
    assert table.groups("will") == frozenset()
    with pytest.raises(ValueError, match="expected"):
        VariantTable.from_bytes(gzip.compress(text.rsplit("\n", 2)[0].encode()))


def test_shipped_table_is_the_one_models_readme_describes() -> None:
    """A rebuilt table must come with its new hash in models/README.md (provenance)."""
    path: Path = models_dir() / VARIANTS_FILE
    readme = (models_dir() / "README.md").read_text(encoding="utf-8")
    recorded = re.search(rf"`{re.escape(VARIANTS_FILE)}`.*?sha256 `([0-9a-f]{{64}})`", readme)
    assert recorded, "models/README.md gives no sha256 for the table"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded.group(1)
    assert len(default_variant_table()) > 400_000
