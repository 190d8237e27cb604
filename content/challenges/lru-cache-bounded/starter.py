from collections import OrderedDict  # noqa: F401


class LRUCache:
    def __init__(self, capacity: int) -> None:
        raise NotImplementedError
