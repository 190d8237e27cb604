class CleanupStack:
    def __init__(self) -> None:
        raise NotImplementedError

    def push(self, exit_fn):
        raise NotImplementedError

    def enter(self, cm):
        raise NotImplementedError

    def callback(self, fn, /, *args, **kwargs):
        raise NotImplementedError

    def pop_all(self) -> "CleanupStack":
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "CleanupStack":
        raise NotImplementedError

    def __exit__(self, exc_type, exc, tb) -> bool:
        raise NotImplementedError
