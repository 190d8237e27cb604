"""The one-machine shared cache: Django's file cache, whose writes list the directory only now and then."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import filecache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> filecache.FileCache:
    monkeypatch.setattr(filecache, "_next_look", {})
    return filecache.FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})


def _files(cache: filecache.FileCache) -> int:
    return len(list(Path(cache.directory).glob("*.djcache")))


def test_writes_between_two_looks_do_not_list_the_directory(
    cache: filecache.FileCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed: list[str] = []
    real = filecache.FileBasedCache._list_cache_files  # type: ignore[attr-defined]  # private in Django

    def listing(self: filecache.FileCache) -> list[str]:
        listed.append(self.directory)
        return list(real(self))

    monkeypatch.setattr("django.core.cache.backends.filebased.FileBasedCache._list_cache_files", listing)
    for n in range(25):
        cache.set(f"key-{n}", n)
    assert len(listed) == 1  # the first write looked; the next 24 did not
    assert _files(cache) == 25  # over MAX_ENTRIES until the next look
    assert cache.get("key-24") == 24
    assert cache.get("key-0") == 0


def test_the_next_look_after_the_interval_culls_as_django_does(
    cache: filecache.FileCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(filecache.time, "monotonic", lambda: clock[0])
    for n in range(25):
        cache.set(f"key-{n}", n)
    assert _files(cache) == 25
    clock[0] += filecache.CULL_EVERY
    cache.set("one-more", 1)
    assert (
        _files(cache) == 25 - 25 // 2 + 1
    )  # half the entries dropped at random (CULL_FREQUENCY 2), then the write
    assert cache.get("one-more") == 1


def test_every_instance_in_a_process_shares_one_clock_per_directory(
    cache: filecache.FileCache, tmp_path: Path
) -> None:
    cache.set("a", 1)
    other = filecache.FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    elsewhere = filecache.FileCache(str(tmp_path / "elsewhere"), {"OPTIONS": {"MAX_ENTRIES": 10}})
    other.set("b", 2)
    elsewhere.set("c", 3)
    assert set(filecache._next_look) == {cache.directory, elsewhere.directory}
