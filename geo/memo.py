"""Speed helpers of the parse's hot path: memoised per-word answers, and no GC pauses.

`@per_key` caches fn(gaz, key) by key for the gazetteer it was last called with (a new
gazetteer empties the cache), holding at most MEMO_SIZE answers (then it starts again):
geoparse asks the same words of every article; `fn.memo_for(gaz)` hands a hot loop the memo. `@per_list` caches fn(gaz, candidates) by the
candidate list's identity (the lookup memo shares one list per name). `no_gc_pauses()` keeps Python's cycle
collector off while one article is parsed (eventmap.text.pipeline, geo.parse).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
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

    def memo_for(gaz: Any) -> dict[Hashable, T]:
        """The memo itself, for `gaz` (emptied when the gazetteer changed): a hot loop reads
        it with dict.get and calls the function on a miss, saving a call per hit."""
        if owner[0] is not gaz:
            memo.clear()
            owner[0] = gaz
        return memo

    cached.cache_clear = memo.clear  # type: ignore[attr-defined]
    cached.memo_for = memo_for  # type: ignore[attr-defined]
    return cached


def per_list(fn: Callable[[Any, list], T]) -> Callable[[Any, list], T]:
    """Caches fn(gaz, items) by the identity of the list `items`: the gazetteer's lookup memo
    hands every mention of a name the same candidate list. The cache keeps the list, so its
    id never stands for another list; at most MEMO_SIZE answers (then it starts again)."""
    memo: dict[int, tuple[list, Any, T]] = {}

    @wraps(fn)
    def cached(gaz: Any, items: list) -> T:
        hit = memo.get(id(items))
        if hit is not None and hit[0] is items and hit[1] is gaz:
            return hit[2]
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        value = fn(gaz, items)
        memo[id(items)] = (items, gaz, value)
        return value

    cached.cache_clear = memo.clear  # type: ignore[attr-defined]
    return cached


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Python's cyclic garbage collector stays off while one article is parsed.

    Parsing allocates many small short-lived objects (tokens, mentions, matches): each batch
    of 700 allocations would start a collection that also walks long-lived objects of the
    process (the lexicons, the memos, a caller's own data), which cost a fifth of the parse
    time in bench/parse_speed.py. Nothing a parse allocates needs the cycle collector
    (reference counting frees it); it runs again, as it was, when the article is done (the
    gazetteer's loader does the same, geo/gazetteer.py). Nested uses are free. Building many
    objects at once, none of them garbage (100,000 events read from a store, the page built
    from them), gains the same way (eventmap/corpus/store.py, dashboard/app/factory.py).
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
