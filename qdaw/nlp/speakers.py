"""Speaker turns: 'Q :', 'R :', 'Enquêteur :', 'Interviewer:', 'Référent 2 :' …"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_PATTERN = (
    r"^(?P<speaker>Q|R|I|E|P\d*|Enquêt(?:eur|rice)|Intervieweu?r|Interviewer|Chercheu(?:r|se)"
    r"|Animat(?:eur|rice)|Répondant(?:e)?(?: \d+)?|Référent(?:e)?(?: \d+)?|Respondent(?: \d+)?"
    r"|Participant(?:e)?(?: \d+)?|Interviewee"
    # as transcription services name the voices they cannot name
    r"|Speaker(?: \d+)?|Locut(?:eur|rice)(?: \d+)?|Intervenant(?:e)?(?: \d+)?)\s*:\s*"
)
INTERVIEWER_LABELS = frozenset(
    "q i e enquêteur enquêtrice intervieweur interviewer chercheur chercheuse animateur "
    "animatrice".split()
)


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    speaker: str
    role: str  # interviewer | respondent


def detect_turns(
    text: str, pattern: str = DEFAULT_PATTERN, interviewers: frozenset[str] = INTERVIEWER_LABELS
) -> list[Turn]:
    """Each labelled line opens a turn that lasts until the next label. Text before the
    first label (a header) belongs to no turn."""
    regex = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    labels = list(regex.finditer(text))
    turns = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        while end > match.start() and text[end - 1].isspace():
            end -= 1
        speaker = match.group("speaker")
        role = "interviewer" if speaker.casefold() in interviewers else "respondent"
        turns.append(Turn(match.start(), end, speaker, role))
    return turns


def label_spans(text: str, pattern: str = DEFAULT_PATTERN) -> list[tuple[int, int]]:
    """(start, end) of each speaker label with the spaces after it ("R : ")."""
    regex = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    return [(match.start(), match.end()) for match in regex.finditer(text)]


def without_labels(
    sentences: list[tuple[int, int]], labels: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentences that open a turn start after its label: coding a sentence never takes
    "R : " along, and a label alone is no sentence."""
    starts = {start: end for start, end in labels}
    trimmed = []
    for start, end in sentences:
        if start in starts:
            start = starts[start]
        if start < end:
            trimmed.append((start, end))
    return trimmed
