import weakref
from collections import deque


class WeakCache:
    def __init__(self, factory, keep: int = 0) -> None:
        raise NotImplementedError

    def get(self, key):
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, key) -> bool:
        raise NotImplementedError
