from __future__ import annotations


class _Node:
    __slots__ = ("children", "count", "is_word")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.is_word = False
        self.count = 0  # words ending at or below this node


class Trie:  # remove unmarks the word but leaves its nodes behind
    def __init__(self) -> None:
        self._root = _Node()

    def _find(self, prefix: str) -> _Node | None:
        node = self._root
        for char in prefix:
            node = node.children.get(char)
            if node is None:
                return None
        return node

    def __len__(self) -> int:
        return self._root.count

    def __contains__(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.is_word

    def insert(self, word: str) -> bool:
        if word in self:
            return False
        node = self._root
        node.count += 1
        for char in word:
            node = node.children.setdefault(char, _Node())
            node.count += 1
        node.is_word = True
        return True

    def remove(self, word: str) -> bool:
        if word not in self:
            return False
        node = self._root
        node.count -= 1
        for char in word:
            child = node.children[char]
            child.count -= 1
            node = child
        node.is_word = False
        return True

    def count_prefix(self, prefix: str) -> int:
        node = self._find(prefix)
        return node.count if node is not None else 0

    def starts_with(self, prefix: str, limit: int | None = None) -> list[str]:
        if limit is not None and limit < 0:
            raise ValueError("limit must be >= 0")
        start = self._find(prefix)
        found: list[str] = []
        stack = [(start, prefix)] if start is not None else []
        while stack and (limit is None or len(found) < limit):
            node, text = stack.pop()
            if node.is_word:
                found.append(text)
            for char in sorted(node.children, reverse=True):
                stack.append((node.children[char], text + char))
        return found

    def node_count(self) -> int:
        total = 0
        stack = [self._root]
        while stack:
            node = stack.pop()
            total += len(node.children)
            stack.extend(node.children.values())
        return total
