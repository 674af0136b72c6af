"""``cached_property`` for the report layer: :func:`functools.cached_property` without its lock.

Python 3.11's ``functools.cached_property`` takes an ``RLock`` on every first read of every property (removed in
3.12: it serialised all instances and never made the computation thread-safe).  A report reads some fifty facts
for the first time, each through that lock: ≈ 0.55 µs more a read than this descriptor, ≈ 1 % of a report's
check.  Reports are checked one per thread at most (``--jobs`` uses processes), so nothing needs the lock.
The value is stored in the instance's ``__dict__`` under the property's name, as functools does, so a later read
does not reach the descriptor at all; an exception leaves nothing stored (the next read computes again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):
    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.attrname = func.__name__  # (the name it is given in its class: __set_name__)
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | Self:
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value
