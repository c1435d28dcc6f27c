"""Server addresses as the workbench shows and remembers them: never with a password."""

from __future__ import annotations

from qdaw.core import storage


def without_password(url: str) -> str:
    """The URL with no password at all (for the recent list and settings)."""
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return storage.shown(url)
    # (URL.set(password=None) would keep the password: set ignores None.)
    bare = URL.create(
        parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database,
        parsed.query,
    )  # fmt: skip
    return bare.render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    """The URL to connect with, the password typed in a dialog put in (in memory only)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).set(password=password).render_as_string(hide_password=False)
    except ArgumentError:  # (opening it says what is wrong with it)
        return url


def server_name(url: str) -> str:
    """Who is connected to which server, as a title shows it: user@host:port."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = parsed.host or "localhost"
    where = f"{host}:{parsed.port}" if parsed.port else host
    return f"{parsed.username}@{where}" if parsed.username else where
