"""Per-owner figures read on every page (the nav's due count), kept in the shared cache until the owner acts.

The shared cache is seen by every process of the site (a file in var/, or Redis), so a rating in one web
worker is seen by the next page from any other. A stored figure also carries the day and the bank's version
stamp it was counted for: tomorrow, or after a question is published or archived, it is counted again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.db import transaction

from pyprep.bank.pagecache import bank_version
from pyprep.practice.ownership import Owner

# A figure nobody reads again (the visitor left) goes after a day; the next page counts it again.
TIMEOUT = 24 * 60 * 60


def _key(owner: Owner, name: str) -> str:
    who = f"u{owner.user_id}" if owner.user_id is not None else f"s{owner.session_key}"
    return f"practice:{name}:{who}"


def remembered(*, owner: Owner, name: str, day: str, compute: Callable[[], int]) -> int:
    """The owner's figure `name` for `day`, from the shared cache when it is still current; else computed."""
    cache = caches["shared"]
    key = _key(owner, name)
    stamp = (day, bank_version())
    found = cache.get(key)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == stamp:
        return int(found[1])
    value = compute()
    cache.set(key, (stamp, value), timeout=TIMEOUT)
    return value


def forget(*, owner: Owner, names: tuple[str, ...] = ("due",)) -> None:
    """Drop the owner's cached figures now and again at commit (another process may count the old state
    while the writing transaction is still open)."""
    keys = [_key(owner, name) for name in names]
    caches["shared"].delete_many(keys)
    transaction.on_commit(lambda: caches["shared"].delete_many(keys))


def card_changed(*, instance: Any, **_: Any) -> None:
    """Signal receiver: a card was saved or deleted, so its owner's due count may have moved."""
    if instance.user_id is not None or instance.session_key:
        forget(owner=Owner(user_id=instance.user_id, session_key=instance.session_key or ""))
