"""qdaw: a free, scriptable workbench for qualitative interview analysis."""

from qdaw.core.entities import Case, Code, Document, Hypothesis, Segment
from qdaw.errors import (
    ConflictError,
    DatabaseBusy,
    DatabaseError,
    DatabaseUnavailable,
    DiskFull,
    ImportFailed,
    IntegrityConflict,
    InvalidName,
    NotAProjectError,
    NotFoundError,
    QdawError,
    ReadOnlyProject,
)
from qdaw.project import Project

__version__ = "0.1.0"
__all__ = [
    "Case",
    "Code",
    "ConflictError",
    "DatabaseBusy",
    "DatabaseError",
    "DatabaseUnavailable",
    "DiskFull",
    "Document",
    "Hypothesis",
    "ImportFailed",
    "IntegrityConflict",
    "InvalidName",
    "NotAProjectError",
    "NotFoundError",
    "Project",
    "QdawError",
    "ReadOnlyProject",
    "Segment",
]
