"""Errors a user can act on. Each message names the thing and the problem."""


class QdawError(Exception):
    """Base class for every error qdaw reports to a user."""


class NotAProjectError(QdawError):
    """The file or database is not a qdaw project (the file is left untouched)."""


class ProjectExistsError(QdawError):
    """Project.create was asked to overwrite an existing file."""


class NewerFormatError(QdawError):
    """The project was written by a newer qdaw than this one."""


class ImportFailed(QdawError):
    """A source file could not be imported; nothing of it was stored."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotFoundError(QdawError, KeyError):
    """A named code, case, document or hypothesis does not exist."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ConflictError(QdawError, ValueError):
    """The change would break a rule (duplicate name, cycle, bad offsets)."""


class InvalidName(ConflictError):
    """A name that cannot be stored: blank, too long, with control characters or a lone
    surrogate, or a code name with the "/" that separates a code from its parent."""


class InvalidText(ConflictError):
    """A memo, description or statement holding what no database stores alike (NUL, a
    lone surrogate)."""


class MemoChanged(ConflictError):
    """A memo saved over a version that another writer changed meanwhile (set_memo's
    ``expected``): nothing was written; ``current`` is what the memo says now."""

    def __init__(self, message: str, current: str | None) -> None:
        super().__init__(message)
        self.current = current


class InvalidRuleFile(QdawError):
    """A rule file that cannot be applied: its message names the rule and the field."""


class NothingToUndo(QdawError):
    """undo() or redo() was called with an empty history."""


class DatabaseError(QdawError):
    """The database refused or failed a read or write; nothing of the step was stored."""


class DatabaseBusy(DatabaseError):
    """Another writer held the project longer than we could wait (retried first)."""


class ReadOnlyProject(DatabaseError):
    """The project file or database cannot be written (permissions, read-only media)."""


class DiskFull(DatabaseError):
    """The disk (or the database's quota) is full."""


class DatabaseUnavailable(DatabaseError):
    """The database cannot be reached or read (server gone, I/O error)."""


class IntegrityConflict(ConflictError, DatabaseError):
    """The database's own rules refused the change (a name taken, a row gone)."""
