"""requirements.lock (what `make install` installs, wheels only) agrees with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
# Packages that build C/C++ from source where no wheel fits (PyICU needs libicu-dev and g++):
# what rigour pulled in before issue 13.
_NEED_A_COMPILER = {"rigour", "normality", "pyicu"}


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", requirement).lower()


def _locked() -> dict[str, set[str]]:
    """Package -> its pinned versions (more than one only under exclusive markers)."""
    pins: dict[str, set[str]] = {}
    entries = re.split(r"\n(?=\S)", (ROOT / "requirements.lock").read_text(encoding="utf-8"))
    for entry in entries:
        if entry.startswith("#") or not entry.strip():
            continue
        match = _PIN.match(entry)
        assert match, f"not an exact pin: {entry.splitlines()[0]}"
        assert "--hash=sha256:" in entry, f"no hash for {match.group(1)}"
        pins.setdefault(_name(match.group(1)), set()).add(match.group(2))
    return pins


def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["dev"]]


def test_every_declared_dependency_is_locked_at_its_version() -> None:
    locked = _locked()
    for requirement in _declared():
        name, _, version = requirement.partition("==")
        assert version, f"pyproject.toml: {requirement} is not pinned with =="
        assert locked.get(_name(name)) == {version}, (
            f"{requirement}: requirements.lock has {locked.get(_name(name))}; run `make lock`"
        )


def test_lock_has_the_transitive_tree_and_nothing_that_needs_a_compiler() -> None:
    locked = _locked()
    assert len(locked) > len(_declared())
    assert "lxml-html-clean" in locked  # lxml[html_clean], for jusText under trafilatura
    assert not _NEED_A_COMPILER & set(locked)
