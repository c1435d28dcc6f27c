"""A façade method that is one service's method, with its signature and its docstring:

    class Project:
        rename_code = forward("codebook", Codebook.rename_code)

``p.rename_code(...)`` calls ``p.codebook.rename_code(...)``; type checkers see the
service's signature. On the class, the name gives the service's function (so help()
and introspection read its code)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")


class forward(Generic[S, P, R]):
    def __init__(self, service: str, method: Callable[Concatenate[S, P], R]) -> None:
        self.service = service
        self.method = method
        self.name = method.__name__
        self.__doc__ = method.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Callable[Concatenate[S, P], R]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> Callable[P, R]: ...
    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self.method
        bound = getattr(getattr(obj, self.service), self.method.__name__)
        obj.__dict__[self.name] = bound  # later calls go straight to the service
        return bound
