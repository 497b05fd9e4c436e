from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.reconcile.names import acronym_of, is_acronym, name_key


def test_name_key_strips_case_accents_possessive_and_the() -> None:
    assert name_key("The Kremlin’s") == "kremlin"
    assert name_key("  Zoë  Šťastná ") == "zoe stastna"
    assert name_key("U.S.") == "u s"


def test_acronyms() -> None:
    assert acronym_of("International Space Station") == "ISS"
    assert acronym_of("Federal Bureau of Investigation") == "FBI"
    assert is_acronym("ISS") and is_acronym("U.N.") and not is_acronym("Iss")


names = st.text(alphabet=st.characters(categories=["L", "Zs", "Pd", "Po"]), max_size=30)


@given(names)
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)
