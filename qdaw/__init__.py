"""qdaw: a free, scriptable workbench for qualitative interview analysis."""

from qdaw.core.entities import Case, Code, Document, Hypothesis, Segment
from qdaw.core.errors import (
    ConflictError,
    ImportFailed,
    NotAProjectError,
    NotFoundError,
    QdawError,
)
from qdaw.core.project import Project

__version__ = "0.1.0"
__all__ = [
    "Case",
    "Code",
    "ConflictError",
    "Document",
    "Hypothesis",
    "ImportFailed",
    "NotAProjectError",
    "NotFoundError",
    "Project",
    "QdawError",
    "Segment",
]
