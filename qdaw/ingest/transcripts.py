"""Timestamped transcripts: WebVTT (.vtt), SubRip (.srt), and the text or Word exports
of transcription services ("Speaker 1  00:01:23" or "00:01:23 Speaker 1: …" lines).

Stored as one turn a line, "Speaker 1: what they said", so that the speaker index
finds the turns; consecutive cues of one speaker are one turn, and each turn's start
time is a mark ("00:01:23"). A cue with no speaker is a line of its own.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from qdaw.ingest.limits import Unreadable
from qdaw.ingest.marks import Extracted, MarkKind, assemble

_CUE_TIME = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]*>")
# "Marie Dupont: bonjour" (Zoom writes the speaker so): a capital, at most five words,
# no sentence punctuation.
_NAME_PREFIX = re.compile(r"^(?P<speaker>[A-ZÀ-ÖØ-Þ][\w.'’ -]{0,60}?)\s*:\s+(?P<said>\S.*)$")
_SPACES = re.compile(r"\s+")


@dataclass
class Turn:
    speaker: str | None
    time: str | None
    said: list[str]


def clock(value: str) -> str:
    """'0:03' -> '00:00:03', '1:02:03.500' -> '01:02:03' (whole seconds, hours shown)."""
    parts = re.split(r"[.,]", value.strip())[0].split(":")
    numbers = [int(p) for p in parts]
    while len(numbers) < 3:
        numbers.insert(0, 0)
    hours, minutes, seconds = numbers[-3:]
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def _speaker_of(text: str) -> tuple[str | None, str]:
    voice = _VOICE.search(text)
    if voice:
        return voice.group(1).strip(), _clean(text)
    cleaned = _clean(text)
    named = _NAME_PREFIX.match(cleaned)
    if named and len(named.group("speaker").split()) <= 5:
        return named.group("speaker").strip(), named.group("said")
    return None, cleaned


def _clean(text: str) -> str:
    return _SPACES.sub(" ", html.unescape(_TAG.sub("", text))).strip()


def _merge(cues: list[tuple[str, str]]) -> list[Turn]:
    """Cues (start time, text) into turns: one speaker's consecutive cues are one."""
    turns: list[Turn] = []
    for start, text in cues:
        speaker, said = _speaker_of(text)
        if not said:
            continue
        if turns and speaker is not None and turns[-1].speaker == speaker:
            turns[-1].said.append(said)
        else:
            turns.append(Turn(speaker, clock(start), [said]))
    return turns


def _extracted(turns: list[Turn], preamble: list[str] | None = None) -> Extracted:
    pieces: list[tuple[MarkKind | None, str | None, str]] = [
        (None, None, line) for line in preamble or []
    ]
    for turn in turns:
        said = " ".join(turn.said)
        line = f"{turn.speaker}: {said}" if turn.speaker else said
        pieces.append(("time" if turn.time else None, turn.time, line))
    text, marks = assemble(pieces, "\n")
    return Extracted(text, None, marks)


def _cue_blocks(text: str) -> list[tuple[str, str]]:
    """(start, text) of each cue: a block with a timing line; others (NOTE, STYLE,
    REGION, the header) are left out."""
    cues = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.strip("\n").split("\n")
        for index, line in enumerate(lines):
            timing = _CUE_TIME.match(line)
            if timing:
                cues.append((timing.group("start"), " ".join(lines[index + 1 :])))
                break
    return cues


def read_vtt(text: str) -> Extracted:
    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise Unreadable("not a WebVTT file (it must start with 'WEBVTT')")
    cues = _cue_blocks(text)
    if not cues:
        raise Unreadable("no cues (no '00:00:01.000 --> 00:00:04.000' timing line)")
    return _extracted(_merge(cues))


def read_srt(text: str) -> Extracted:
    cues = _cue_blocks(text)
    if not cues:
        raise Unreadable("no subtitles (no '00:00:01,000 --> 00:00:04,000' timing line)")
    return _extracted(_merge(cues))


_TIME = r"\[?\(?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?\)?\]?"
_NAME = r"(?P<speaker>[^\W\d][^\t\n:]{0,60}?)"
# "Speaker 1  00:01:23", "Marie Dupont (0:03)": a name, then a time ending the line.
_NAME_THEN_TIME = re.compile(rf"^{_NAME}\s+{_TIME}\s*$")
# "00:01:23 Speaker 1: what they said", "[00:01:23] Marie:", "00:01:23 - Speaker 1".
_TIME_THEN_NAME = re.compile(rf"^{_TIME}\s*[-–—]?\s*{_NAME}\s*(?::\s*(?P<said>.*))?$")
#: Timestamped speaker lines needed before a text is taken for such an export.
MIN_HEADINGS = 2


def _heading(line: str) -> tuple[str, str, str] | None:
    """(speaker, time, what is said on the same line) of a turn's heading line."""
    found = _NAME_THEN_TIME.match(line) or _TIME_THEN_NAME.match(line)
    if found is None:
        return None
    speaker = found.group("speaker").strip()
    said = (found.groupdict().get("said") or "").strip()
    # Without a colon, "00:01:23 et alors on a continué" is speech, not a name.
    colon = found.re is _NAME_THEN_TIME or found.groupdict().get("said") is not None
    if len(speaker.split()) > (5 if colon else 3):
        return None
    return speaker, found.group("time"), said


def timestamped_turns(text: str) -> Extracted | None:
    """The turns of a transcription service's export, or None for another text."""
    lines = text.split("\n")
    headings = [_heading(line.strip()) for line in lines]
    count = sum(1 for h in headings if h is not None)
    non_empty = sum(1 for line in lines if line.strip())
    if count < MIN_HEADINGS or count * 5 < non_empty:
        return None
    preamble: list[str] = []
    turns: list[Turn] = []
    for line, heading in zip(lines, headings, strict=True):
        if heading is not None:
            speaker, time, said = heading
            if turns and turns[-1].speaker == speaker:
                turns[-1].said += [said] if said else []
            else:
                turns.append(Turn(speaker, clock(time), [said] if said else []))
        elif line.strip():
            (turns[-1].said if turns else preamble).append(line.strip())
    turns = [turn for turn in turns if turn.said]
    return _extracted(turns, preamble) if turns else None
