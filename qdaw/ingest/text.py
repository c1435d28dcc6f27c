"""Decoding and normalising plain text."""

from __future__ import annotations

import codecs
import re
import unicodedata

_LINE_ENDINGS = re.compile(r"\r\n?|\u2028|\u2029")
# C0 controls other than tab and newline never belong in a transcript.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableText(ValueError):
    pass


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode transcript bytes; returns (text, encoding name).

    A byte-order mark decides; otherwise UTF-8 if it decodes, else Windows-1252 (the
    encoding of most older French Word/Notepad exports). UTF-16 without a mark is
    recognised by its zero bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"invalid {encoding} text at byte {exc.start}") from exc
    if b"\x00" in data:
        sample = data[:4096]
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        guess = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        if max(even_zeros, odd_zeros) > len(sample) // 4:
            try:
                return data.decode(guess), guess
            except UnicodeDecodeError:
                pass
        raise UndecodableText("binary data, not text (contains zero bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as exc:
        raise UndecodableText(
            f"not UTF-8, UTF-16 or Windows-1252 text (byte 0x{data[exc.start]:02x} at {exc.start})"
        ) from exc


def pair_surrogates(text: str) -> str:
    """Valid surrogate pairs (as RTF's \\u escapes give them) become their character;
    lone surrogates, which cannot be stored or encoded, become U+FFFD."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def normalise(text: str) -> str:
    """The stored form: no BOM, '\\n' line endings, NFC accents, no control characters,
    no lone surrogates.

    NFC matters for French: a Mac export may spell "é" as "e" + combining accent, and
    search and offsets must treat both as one character.
    """
    text = pair_surrogates(text.lstrip("\ufeff"))
    text = _LINE_ENDINGS.sub("\n", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)
