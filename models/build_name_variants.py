"""Build `models/name_variants.tsv.gz`: the Wikidata name-variant and nickname groups of name
words, derived once from OpenSanctions' rigour package so that extract does not depend on it.

rigour (MIT) compiles its person-name data into its Rust extension as zstd frames: the corpus
`person_names.txt` ("form1, form2 => Q123": name variants grouped by Wikidata id, CC0) and
`symbols.json` (`person_name_parts`, `person_nick`: hand-made NAME and NICK groups). This script
finds those frames in the installed extension, takes every word extract could look up for them
(each alias put through extract's own `name_key`, then rigour's tokenizer, as
`extract.reconcile.variants.name_tokens` does at run time), and asks rigour's own
`analyze_names` which NAME and NICK groups each word gets, exactly as `variant_groups` did when
it called rigour. Words that get no group are left out.

Run it with rigour installed (not a dependency of extract), from the checkout's root:

    python -m venv /tmp/rigour-venv
    /tmp/rigour-venv/bin/pip install rigour==2.6.1 && /tmp/rigour-venv/bin/pip install -e .
    /tmp/rigour-venv/bin/python models/build_name_variants.py

It needs the `zstd` command (Debian/Ubuntu: `apt-get install zstd`; macOS: `brew install zstd`).
The output is byte-for-byte reproducible for one rigour version (sorted, gzip without a time
stamp). File format (UTF-8, gzip): a first line `<groups> <words>`, then one group id per line
("NAME:Q1712302", "NICK:BILL"), then the words sorted, one per line, then for each word, in the
same order, its groups as space-separated base-36 indexes into the group lines.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from rigour.names import NameTypeTag, analyze_names
from rigour.names.tokenize import tokenize_name

from extract.reconcile.names import name_key

OUT = Path(__file__).resolve().parent / "name_variants.tsv.gz"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def rigour_frames() -> tuple[str, dict[str, dict[str, list[str]]]]:
    """The person-name corpus and the symbols table compiled into rigour's extension."""
    import rigour

    package = Path(rigour.__file__).parent
    extensions = sorted(p for p in package.glob("_core*") if p.suffix in {".so", ".pyd"})
    if not extensions:
        sys.exit(f"no rigour._core extension in {package}")
    blob = extensions[0].read_bytes()
    corpus, symbols = None, None
    start = blob.find(_ZSTD_MAGIC)
    while start >= 0:
        # zstd decodes the first frame and complains about the bytes after it: keep its output.
        result = subprocess.run(["zstd", "-dcq"], input=blob[start:], capture_output=True)
        text = result.stdout.decode("utf-8", errors="replace")
        if " => Q" in text[:2000]:
            corpus = text
        elif text.lstrip().startswith("{") and '"person_nick"' in text:
            symbols = json.loads(text)
        start = blob.find(_ZSTD_MAGIC, start + 4)
    if corpus is None or symbols is None:
        sys.exit("could not find person_names.txt and symbols.json in rigour's extension")
    return corpus, symbols


def aliases(corpus: str, symbols: dict[str, dict[str, list[str]]]) -> set[str]:
    """Every name form rigour's person tagger knows in a NAME or NICK group."""
    forms: set[str] = set()
    for line in corpus.splitlines():
        line = line.strip()
        if " => " in line:
            forms.update(line.rsplit(" => ", 1)[0].split(", "))
    for key in ("person_name_parts", "person_nick"):
        for group in symbols[key].values():
            forms.update(group)
    return forms


def candidate_words(forms: set[str]) -> set[str]:
    """The words `variant_groups` can be asked about that may hit one of these forms."""
    words: set[str] = set()
    for form in forms:
        for word in name_key(form).replace("-", " ").split():
            words.update(tokenize_name(word.casefold()))
        # rigour drops apostrophes and dots where name_key splits ("da'd" -> "dad"): its own
        # tokens, when extract can produce them (no accent that name_key would strip).
        words.update(t for t in tokenize_name(form.casefold()) if name_key(t) == t)
    return words


def rigour_groups(word: str) -> list[str]:
    """What `variant_groups` returned when it called rigour (extract before this file)."""
    groups: set[str] = set()
    for name in analyze_names(NameTypeTag.PER, [word]):
        for span in name.spans:
            category = str(span.symbol.category).rsplit(".", 1)[-1]
            if category in {"NAME", "NICK"}:
                groups.add(f"{category}:{span.symbol.id}")
    return sorted(groups)


def base36(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _DIGITS[rest] + digits
        if not number:
            return digits


def serialise(table: dict[str, list[str]]) -> bytes:
    counts = Counter(group for groups in table.values() for group in groups)
    order = sorted(counts, key=lambda group: (-counts[group], group))  # short common indexes
    index = {group: base36(i) for i, group in enumerate(order)}
    words = sorted(table)
    lines = [f"{len(order)} {len(words)}", *order, *words]
    lines += [" ".join(index[group] for group in table[word]) for word in words]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0)


def check(path: Path, texts: list[Path]) -> None:
    """Compare the table with rigour on every candidate word, every word of `texts` and those
    words with a letter dropped, doubled or swapped; print the words that differ."""
    from extract.reconcile.variants import VariantTable

    table = VariantTable.from_bytes(path.read_bytes())
    corpus, symbols = rigour_frames()
    words = candidate_words(aliases(corpus, symbols))
    read: set[str] = set()
    for text in texts:
        read.update(
            name_key(text.read_text(encoding="utf-8", errors="replace")).replace("-", " ").split()
        )
    for word in list(read):
        for i in range(len(word)):
            read.add(word[:i] + word[i + 1 :])
            read.add(word[: i + 1] + word[i:])
            read.add(word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :])
    differ, several = 0, 0  # several: words rigour splits ("a_b"), where it also matched phrases
    for word in sorted(words | read):
        old, new = frozenset(rigour_groups(word)), table.groups(word)
        if old != new:
            if len(tokenize_name(word.casefold())) > 1:
                several += 1
            else:
                differ += 1
                print(f"differs: {word!r} rigour {sorted(old)} table {sorted(new)}")
    print(
        f"checked {len(words):,} candidate words and {len(read):,} words from {len(texts)} "
        f"files: {differ} one-token words differ; {several} words of several tokens differ"
    )
    sys.exit(1 if differ else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--check",
        nargs="*",
        type=Path,
        metavar="TEXT",
        help="instead of building, compare --out with rigour on its words and these texts' words",
    )
    args = parser.parse_args()
    if args.check is not None:
        check(args.out, args.check)
        return
    from importlib.metadata import version

    corpus, symbols = rigour_frames()
    forms = aliases(corpus, symbols)
    words = candidate_words(forms)
    table = {word: groups for word in sorted(words) if (groups := rigour_groups(word))}
    data = serialise(table)
    args.out.write_bytes(data)
    memberships = sum(len(groups) for groups in table.values())
    print(
        f"rigour {version('rigour')}: {len(forms):,} forms, {len(words):,} candidate words, "
        f"{len(table):,} with a group, {memberships:,} memberships -> {args.out} "
        f"({len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()})"
    )


if __name__ == "__main__":
    main()
