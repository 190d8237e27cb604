class rollback:
    def __init__(self, target: dict) -> None:
        self.target = target
        self.committed = 0
        self.rolled_back = 0
        self._snapshot = None

    def __enter__(self):
        self._snapshot = dict(self.target)
        return self.target

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.committed += 1
        else:
            self.target = self._snapshot
            self.rolled_back += 1
        return False
