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
from pathlib import Path

from qdaw.ingest import limits
from qdaw.ingest.limits import TextBudget, Unreadable

# Runs are bounded: the regex engine keeps state for every repetition of a group.
_TOKEN = re.compile(
    # 1: \uN escapes, each with a stand-in character: a whole line of Cyrillic in one match
    rb"((?:\\u-?[0-9]{1,10} ?(?:\\'[0-9a-fA-F]{2}|[^\\{}\r\n])?){2,4096})|"
    rb"((?:\\(?!bin(?![a-zA-Z]))[a-zA-Z]{1,32}(?:-?[0-9]{1,10})? ?){1,256})"  # 2: words
    rb"|\\bin(-?[0-9]{1,10})? ?"  # 3: raw bytes follow, as many as the parameter says
    rb"|((?:\\'[0-9a-fA-F]{2}){1,4096})"  # 4: bytes in the code page
    rb"|\\([^a-zA-Z])"  # 5: control symbol
    rb"|([{}])"  # 6: group
    rb"|([^\\{}\r\n]+)"  # 7: text
    rb"|[\r\n]+|\\"  # line breaks in the file mean nothing; a lone backslash at the end
)
_UNICODE, _WORDS, _BIN, _HEX, _SYMBOL, _BRACE, _TEXT = range(1, 8)
_UNICODE_PARTS = re.compile(rb"\\u(-?[0-9]{1,10}) ?|\\'([0-9a-fA-F]{2})|([^\\{}\r\n])")
_WORD = re.compile(rb"\\([a-zA-Z]{1,32})(-?[0-9]{1,10})? ?")
_NAMES = re.compile(rb"\\([a-zA-Z]{1,32})")
# Inside a skipped destination only braces and \bin matter: one match eats the rest.
_SKIPPED_RUN = re.compile(
    rb"(?:[^\\{}]+|\\(?!bin(?![a-zA-Z]))[a-zA-Z]{1,32}(?:-?[0-9]{1,10})? ?|\\[^a-zA-Z]){1,4096}"
)

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
_STATE_WORDS = frozenset((b"u", b"uc", b"row", b"nestrow", b"ansicpg", b"f", b"deleted", b"plain"))
# Words that change the text or the state; the hundreds of others are formatting.
_RELEVANT = _SKIPPED | _SYMBOLS.keys() | _STATE_WORDS


def _code_page(number: int, fallback: str) -> str:
    name = "utf-8" if number == 65001 else f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return fallback
    return name


def _character(number: int) -> str:
    """The character of \\uN, N a signed 16-bit value. Surrogates pass as they are:
    normalise() pairs them, or replaces lone ones."""
    if number < 0:
        number += 65536
    return chr(number) if 0 <= number <= 0x10FFFF else "\ufffd"


def _too_many_tokens() -> Unreadable:
    return Unreadable(
        f"refused: more than {limits.millions(limits.MAX_RTF_TOKENS)} RTF groups,"
        " control words and text runs"
    )


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.budget = TextBudget()
        self.out: list[str] = []
        self.pending = bytearray()  # bytes in the current code page, not yet decoded
        # The group's state, saved on "{" and restored on "}".
        self.skipped = False  # a destination that is not the text
        self.deleted = False  # \deleted: text removed under tracked changes
        self.encoding = "cp1252"
        self.uc = 1  # bytes after \uN that stand in for it in older readers
        self.fonts = False  # inside the font table
        self.stack: list[tuple[bool, bool, str, int, bool]] = []
        self.default_encoding = "cp1252"
        self.font_encodings: dict[int, str] = {}
        self.defining_font: int | None = None
        self.skip = 0  # characters still to skip after a \uN

    def emit(self, text: str) -> None:
        if self.pending:
            self.flush()
        if not (self.skipped or self.deleted):
            self.budget.spend(len(text))
            self.out.append(text)

    def flush(self) -> None:
        self.decode(self.pending, self.encoding)
        self.pending.clear()

    def decode(self, raw: bytearray, encoding: str) -> None:
        text = raw.decode("ascii" if raw.isascii() else encoding, errors="replace")
        self.budget.spend(len(text))
        self.out.append(text)

    def add_bytes(self, raw: bytes) -> None:
        if self.skip:
            dropped = min(self.skip, len(raw))
            self.skip -= dropped
            raw = raw[dropped:]
        if raw and not (self.skipped or self.deleted):
            self.pending += raw
            if len(self.pending) > 65536:
                self.flush()

    def run(self) -> str:
        data, position, end = self.data, 0, len(self.data)
        match_token, match_skipped = _TOKEN.match, _SKIPPED_RUN.match
        names, words = _NAMES.findall, _WORD.findall
        stack, depth_limit = self.stack, limits.MAX_RTF_DEPTH
        tokens, token_limit = 0, limits.MAX_RTF_TOKENS
        while position < end:
            tokens += 1  # counted here, not in a call: this loop is the reader's cost
            if tokens > token_limit:
                raise _too_many_tokens()
            if self.skipped and not self.fonts:
                fast = match_skipped(data, position)
                if fast:
                    position = fast.end()
                    continue
            match = match_token(data, position)
            assert match is not None  # the last alternatives match any single byte
            position = match.end()
            kind = match.lastindex
            if kind == _TEXT:
                self.add_bytes(match.group(kind))
            elif kind == _BRACE:
                self.skip = 0
                if match.group(kind) == b"{":
                    if len(stack) >= depth_limit:
                        raise Unreadable(f"refused: groups nested more than {depth_limit:,} deep")
                    stack.append((self.skipped, self.deleted, self.encoding, self.uc, self.fonts))
                    continue
                if not stack:
                    break
                encoding = self.encoding
                self.skipped, self.deleted, self.encoding, self.uc, self.fonts = stack.pop()
                if self.encoding != encoding and self.pending:
                    self.pending, pending = bytearray(), self.pending
                    self.decode(pending, encoding)
                if not stack:
                    break  # the document's outer group closed; anything after is not text
            elif kind == _WORDS:
                run = match.group(kind)
                tokens += len(run) >> 5  # formatting costs little, but not nothing
                # Most words are formatting: a run without one that matters is passed over.
                if self.skip or self.fonts or not _RELEVANT.isdisjoint(names(run)):
                    for word, parameter in words(run):
                        tokens += 1
                        self.word(word, int(parameter) if parameter else None)
            elif kind == _UNICODE:
                for code, hex_byte, character in _UNICODE_PARTS.findall(match.group(kind)):
                    if code:
                        self.word(b"u", int(code))
                    else:
                        self.add_bytes(bytes.fromhex(hex_byte.decode()) if hex_byte else character)
            elif kind == _HEX:
                self.add_bytes(bytes.fromhex(match.group(kind).replace(b"\\'", b"").decode()))
            elif kind == _SYMBOL:
                self.symbol(match.group(kind).decode("latin-1"))
            elif kind == _BIN and match.group(kind):
                position += max(0, int(match.group(kind)))  # skip them whatever they are
        else:
            if stack:
                raise Unreadable(
                    "damaged document: the RTF ends before its groups close (truncated?)"
                )
        if tokens > token_limit:
            raise _too_many_tokens()
        if self.pending:
            self.flush()
        return "".join(self.out)

    def set_encoding(self, encoding: str) -> None:
        if self.pending:
            self.flush()
        self.encoding = encoding

    def word(self, word: bytes, number: int | None) -> None:
        if self.skip and word not in (b"u", b"uc"):
            self.skip -= 1
        elif word in _SKIPPED:
            if self.pending:
                self.flush()
            self.skipped = True
            self.fonts = word == b"fonttbl"
        elif self.fonts:
            self.font_table(word, number)
        elif word == b"u" and number is not None:
            self.unicode(number)
        elif word in _SYMBOLS:
            self.emit(_SYMBOLS[word])
        elif word in (b"row", b"nestrow"):
            if self.pending:
                self.flush()
            if self.out and self.out[-1] == "\t":
                self.out.pop()
            self.emit("\n")
        elif word == b"uc" and number is not None:
            self.uc = max(0, min(number, 16))
        elif word == b"ansicpg" and number is not None:
            self.default_encoding = _code_page(number, "cp1252")
            self.set_encoding(self.default_encoding)
        elif word == b"f" and number is not None:
            self.set_encoding(self.font_encodings.get(number, self.default_encoding))
        elif word in (b"deleted", b"plain"):
            if self.pending:
                self.flush()
            self.deleted = word == b"deleted" and number != 0

    def font_table(self, word: bytes, number: int | None) -> None:
        if word == b"f":
            self.defining_font = number
        elif word == b"fcharset" and number is not None and self.defining_font is not None:
            encoding = _CHARSETS.get(number)
            if encoding is not None:
                self.font_encodings[self.defining_font] = encoding

    def unicode(self, number: int) -> None:
        self.emit(_character(number))
        self.skip = self.uc

    def symbol(self, symbol: str) -> None:
        if self.skip:
            self.skip -= 1
        elif symbol == "*":
            if self.pending:
                self.flush()
            self.skipped = True
        elif symbol in _CONTROL_SYMBOLS:
            self.emit(_CONTROL_SYMBOLS[symbol])
        # Others (\- an optional hyphen, \: an index entry…) print nothing.


def read_rtf(path: Path) -> str:
    data = path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("not an RTF file (no {\\rtf header)")
    return _Reader(data[data.index(b"{") :]).run()
