from __future__ import annotations

import codecs

import pytest

from extract.ingest import IngestError, decode_bytes

TEXT = "Hélène Dubois said the café’s owners were “not consulted”.\nSecond line."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_every_supported_encoding(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert text == TEXT
    assert found == encoding


def test_latin1_without_typographic_quotes() -> None:
    original = "Le café de la Saône a fermé ses portes après trente années de service à Lyon."
    text, _ = decode_bytes(original.encode("latin-1"))
    assert text == original


def test_windows_newlines_become_newlines() -> None:
    text, _ = decode_bytes(b"one\r\ntwo\rthree")
    assert text == "one\ntwo\nthree"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"%PDF-1.4\x00\x01\x02\x03 stream", "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa bad", "undecodable"),
    ],
)
def test_bad_bytes_raise_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        decode_bytes(data)
    assert caught.value.reason == reason
    assert caught.value.message
