"""RTF: a tokenizer over the file's bytes, with the document's code pages and limits.

Kept: text, code-page (\\'e9) and Unicode (\\u339?) escapes, paragraph and line breaks,
tabs, table cells (tab-separated, a row a line). Left out: destinations that are not
the text (font and style tables, pictures, fields' instructions, headers, footnotes,
comments, document properties), text deleted under tracked changes, list numbers.
Surrogate escapes are combined into pairs when valid, replaced (U+FFFD) when lone.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from qdaw.ingest import limits
from qdaw.ingest.limits import TextBudget, Unreadable

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?"  # 1, 2: control word and parameter
    rb"|\\'([0-9a-fA-F]{2})"  # 3: a byte in the code page
    rb"|\\([^a-zA-Z])"  # 4: control symbol
    rb"|([{}])"  # 5: group
    rb"|[\r\n]+"  # line breaks in the file mean nothing
    rb"|([^\\{}\r\n]+)"  # 6: text
    rb"|\\"  # a lone backslash at the very end
)
# Inside a skipped destination only braces and \bin matter: one match eats the rest.
_SKIPPED_RUN = re.compile(rb"(?:[^\\{}]+|\\(?!bin)[a-zA-Z]{1,32}(?:-?[0-9]{1,10})? ?|\\[^a-zA-Z])+")

_SKIPPED = frozenset(
    b"""fonttbl colortbl stylesheet listtable listoverridetable rsidtbl revtbl info pict
    object objdata header headerl headerr headerf footer footerl footerr footerf footnote
    annotation atnid atnauthor atndate atnref atnparent atrfstart atrfend fldinst xe tc txe
    bkmkstart bkmkend generator themedata colorschememapping datastore latentstyles
    xmlnstbl pgdsctbl filetbl shpinst nonshppict pntext listtext template userprops docvar
    wgrffmtfilter passwordhash comment title subject author operator keywords company
    doccomm creatim revtim printim buptim ftnsep ftnsepc aftnsep aftnsepc ftncn aftncn
    panose falt fontemb fontfile picprop blipuid sp sn sv formfield datafield mailmerge
    background private protusertbl""".split()
)
_SYMBOLS = {
    b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"tab": "\t",
    b"cell": "\t", b"nestcell": "\t", b"emdash": "\u2014", b"endash": "\u2013",
    b"bullet": "\u2022", b"lquote": "\u2018", b"rquote": "\u2019",
    b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"emspace": "\u2003",
    b"enspace": "\u2002", b"qmspace": "\u2005",
}  # fmt: skip
_CONTROL_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\xa0", "_": "-", "\n": "\n", "\r": "\n"}
# \fcharsetN: the Windows code page of a font (the RTF specification's table).
_CHARSETS = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 134: "gbk", 136: "cp950", 161: "cp1253",
    162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
    204: "cp1251", 222: "cp874", 238: "cp1250",
}  # fmt: skip


@dataclass(frozen=True)
class _Group:
    skipped: bool = False
    deleted: bool = False  # \deleted: text removed under tracked changes
    encoding: str = "cp1252"
    uc: int = 1  # bytes after \uN that stand in for it in older readers
    fonts: bool = False  # inside the font table


def _code_page(number: int, fallback: str) -> str:
    name = "utf-8" if number == 65001 else f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return fallback
    return name


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.budget = TextBudget()
        self.out: list[str] = []
        self.pending = bytearray()  # bytes in the current code page, not yet decoded
        self.group = _Group()
        self.stack: list[_Group] = []
        self.default_encoding = "cp1252"
        self.font_encodings: dict[int, str] = {}
        self.defining_font: int | None = None
        self.skip = 0  # characters still to skip after a \uN

    def emit(self, text: str) -> None:
        self.flush()
        if not (self.group.skipped or self.group.deleted):
            self.budget.spend(len(text))
            self.out.append(text)

    def flush(self) -> None:
        if self.pending:
            text = bytes(self.pending).decode(self.group.encoding, errors="replace")
            self.pending.clear()
            self.budget.spend(len(text))
            self.out.append(text)

    def add_bytes(self, raw: bytes) -> None:
        if self.skip:
            dropped = min(self.skip, len(raw))
            self.skip -= dropped
            raw = raw[dropped:]
        if raw and not (self.group.skipped or self.group.deleted):
            self.pending += raw
            if len(self.pending) > 65536:
                self.flush()

    def run(self) -> str:
        data, position, end = self.data, 0, len(self.data)
        while position < end:
            if self.group.skipped and not self.group.fonts:
                fast = _SKIPPED_RUN.match(data, position)
                if fast:
                    position = fast.end()
                    continue
            match = _TOKEN.match(data, position)
            assert match is not None  # the last alternative matches any single byte
            position = match.end()
            word, parameter, hex_byte, symbol, brace, text = match.groups()
            if text is not None:
                self.add_bytes(text)
            elif hex_byte is not None:
                self.add_bytes(bytes.fromhex(hex_byte.decode()))
            elif brace is not None:
                if self.brace(brace):
                    break
            elif word is not None:
                number = int(parameter) if parameter is not None else None
                position = self.word(word, number, position)
            elif symbol is not None:
                self.symbol(symbol.decode("latin-1"))
        else:
            if self.stack:
                raise Unreadable(
                    "damaged document: the RTF ends before its groups close (truncated?)"
                )
        self.flush()
        return "".join(self.out)

    def brace(self, brace: bytes) -> bool:
        """Open or close a group; True when the document's outer group closes."""
        self.flush()
        self.skip = 0
        if brace == b"{":
            if len(self.stack) >= limits.MAX_RTF_DEPTH:
                raise Unreadable(f"refused: groups nested more than {limits.MAX_RTF_DEPTH:,} deep")
            self.stack.append(self.group)
            return False
        if not self.stack:
            return True
        self.group = self.stack.pop()
        return not self.stack

    def word(self, word: bytes, number: int | None, position: int) -> int:
        if word == b"bin":  # raw bytes follow: skip them whatever they are
            return position + max(0, number or 0)
        if self.skip and word not in (b"u", b"uc"):
            self.skip -= 1
            return position
        group = self.group
        if word in _SKIPPED:
            self.flush()
            self.group = replace(group, skipped=True, fonts=word == b"fonttbl")
        elif group.fonts:
            self.font_table(word, number)
        elif word == b"u" and number is not None:
            self.unicode(number)
        elif word in _SYMBOLS:
            self.emit(_SYMBOLS[word])
        elif word in (b"row", b"nestrow"):
            self.flush()
            if self.out and self.out[-1] == "\t":
                self.out.pop()
            self.emit("\n")
        elif word == b"uc" and number is not None:
            self.group = replace(group, uc=max(0, min(number, 16)))
        elif word == b"ansicpg" and number is not None:
            self.default_encoding = _code_page(number, "cp1252")
            self.flush()
            self.group = replace(group, encoding=self.default_encoding)
        elif word == b"f" and number is not None:
            self.flush()
            encoding = self.font_encodings.get(number, self.default_encoding)
            self.group = replace(group, encoding=encoding)
        elif word == b"deleted":
            self.flush()
            self.group = replace(group, deleted=number != 0)
        elif word == b"plain":
            self.flush()
            self.group = replace(group, deleted=False)
        return position

    def font_table(self, word: bytes, number: int | None) -> None:
        if word == b"f":
            self.defining_font = number
        elif word == b"fcharset" and number is not None and self.defining_font is not None:
            encoding = _CHARSETS.get(number)
            if encoding is not None:
                self.font_encodings[self.defining_font] = encoding

    def unicode(self, number: int) -> None:
        if number < 0:
            number += 65536  # a signed 16-bit value
        # Surrogates pass as they are: normalise() pairs them, or replaces lone ones.
        self.emit(chr(number) if 0 <= number <= 0x10FFFF else "\ufffd")
        self.skip = self.group.uc

    def symbol(self, symbol: str) -> None:
        if self.skip:
            self.skip -= 1
        elif symbol == "*":
            self.flush()
            self.group = replace(self.group, skipped=True)
        elif symbol in _CONTROL_SYMBOLS:
            self.emit(_CONTROL_SYMBOLS[symbol])
        # Others (\- an optional hyphen, \: an index entry…) print nothing.


def read_rtf(path: Path) -> str:
    data = path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("not an RTF file (no {\\rtf header)")
    return _Reader(data[data.index(b"{") :]).run()
