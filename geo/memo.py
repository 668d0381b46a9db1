"""Memoising pure functions of (gazetteer, key): geoparse asks the same words of every article.

`@per_key` caches fn(gaz, key) by key for the gazetteer it was last called with (a new
gazetteer empties the cache), holding at most MEMO_SIZE answers (then it starts again).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")
MEMO_SIZE = 100_000


def per_key(fn: Callable[[Any, Any], T]) -> Callable[[Any, Any], T]:
    memo: dict[Hashable, T] = {}
    owner: list[Any] = [None]

    @wraps(fn)
    def cached(gaz: Any, key: Hashable) -> T:
        if owner[0] is not gaz:
            memo.clear()
            owner[0] = gaz
        try:
            return memo[key]
        except KeyError:
            pass
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        value = memo[key] = fn(gaz, key)
        return value

    cached.cache_clear = memo.clear  # type: ignore[attr-defined]
    return cached
