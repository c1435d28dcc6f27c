"""What a REFI-QDA file holds, as far as qdaw reads it (plain data, no storage)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RefiCode:
    guid: str
    name: str
    parent: str | None  # the parent code's guid
    color: str | None
    description: str | None
    codable: bool = True
    notes: list[str] = field(default_factory=list)  # guids of Notes about it


@dataclass
class RefiCoding:
    code: str  # guid
    user: str | None


@dataclass
class RefiSelection:
    guid: str
    start: int
    end: int
    user: str | None
    codings: list[RefiCoding]
    description: str | None
    notes: list[str] = field(default_factory=list)
    region: tuple[int, int, int, int] | None = None  # x, y, width, height: a picture's


@dataclass
class RefiSource:
    guid: str
    name: str
    path: str | None  # plainTextPath (internal://…, relative:///…, absolute://…, a name)
    content: str | None  # inline PlainTextContent
    description: str | None
    selections: list[RefiSelection] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # variable guid → value
    notes: list[str] = field(default_factory=list)
    text: str = ""  # filled in once read and normalised
    picture: bool = False  # a PictureSource: ``image`` once read, no text
    image: tuple[str, int, int, bytes] | None = None  # format, width, height, bytes


@dataclass
class RefiCase:
    guid: str
    name: str | None  # unnamed: attributes of its one source (MAXQDA, Quirkos)
    description: str | None
    sources: list[str]  # guids
    values: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class RefiVariable:
    guid: str
    name: str
    kind: str  # qdaw's: text, integer, decimal, date, boolean, categorical
    levels: list[str] | None = None  # a categorical variable's, in order


@dataclass
class RefiSet:
    guid: str
    name: str
    description: str | None
    codes: list[str]
    sources: list[str]
    notes: list[str] = field(default_factory=list)


@dataclass
class RefiProject:
    origin: str
    name: str
    description: str | None = None
    users: dict[str, str] = field(default_factory=dict)  # guid → name
    codes: list[RefiCode] = field(default_factory=list)  # parents before children
    sources: list[RefiSource] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    variables: list[RefiVariable] = field(default_factory=list)
    sets: list[RefiSet] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # guid → text
    project_notes: list[str] = field(default_factory=list)
    #: What qdaw cannot hold, by kind ("PDF source", "video selection", "graph"…).
    unsupported: dict[str, int] = field(default_factory=dict)
    remarks: list[str] = field(default_factory=list)  # what the reader had to decide

    def skip(self, kind: str, count: int = 1) -> None:
        if count:
            self.unsupported[kind] = self.unsupported.get(kind, 0) + count
