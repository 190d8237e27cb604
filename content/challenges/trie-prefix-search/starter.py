from __future__ import annotations


class Trie:
    def insert(self, word: str) -> bool:
        raise NotImplementedError

    def remove(self, word: str) -> bool:
        raise NotImplementedError

    def __contains__(self, word: str) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def count_prefix(self, prefix: str) -> int:
        raise NotImplementedError

    def starts_with(self, prefix: str, limit: int | None = None) -> list[str]:
        raise NotImplementedError

    def node_count(self) -> int:
        raise NotImplementedError
