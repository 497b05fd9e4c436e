"""Bytes to text: BOMs, UTF-8, UTF-16 and legacy 8-bit encodings, with binary input refused.

Decoding is where most bad input shows itself, so every failure raises `IngestError` with a
reason code the batch writes to errors.jsonl instead of a traceback.
"""

from __future__ import annotations

import codecs

from charset_normalizer import CharsetMatch, from_bytes

from extract.ingest.errors import IngestError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text files (tab, newline, CR, form feed, ESC excepted).
_BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))
_SNIFF_BYTES = 8192
PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


def looks_binary(data: bytes) -> bool:
    """True when the start of `data` holds NULs or many control bytes (images, archives, PDFs)."""
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _BINARY_BYTES)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` to text and return `(text, encoding)`.

    Order: a byte-order mark decides; then strict UTF-8; then charset-normalizer's best guess
    for legacy 8-bit encodings. Line endings are normalised to newline so that offsets are the
    same whichever platform wrote the file.
    """
    if not data.strip():
        raise IngestError("empty", "the file is empty or holds only white space")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(
                    "undecodable", f"starts with a {encoding} byte-order mark but is not {encoding}"
                ) from exc
    if looks_binary(data):
        raise IngestError("binary", "the file looks binary (NUL or control bytes), not text")
    try:
        return _normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    results = list(from_bytes(data))
    if not results:
        raise IngestError("undecodable", "no text encoding decodes this file")
    best = _prefer_western(results)
    return _normalise_newlines(str(best)), best.encoding


def _prefer_western(results: list[CharsetMatch]) -> CharsetMatch:
    """Among equally good guesses, take the Western encoding English news is mostly written in:
    charset-normalizer cannot tell cp1250 from cp1252 on "café", and ranks cp1250 first."""
    best = results[0]
    tied = [r for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
    for preferred in PREFERRED_LEGACY:
        for result in tied:
            if result.encoding == preferred:
                return result
    return best


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
