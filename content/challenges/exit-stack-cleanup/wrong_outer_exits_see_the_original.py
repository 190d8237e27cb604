class CleanupStack:
    def __init__(self) -> None:
        self._exits: list = []

    def push(self, exit_fn):
        """Register `exit_fn(exc_type, exc, tb)`; a true result suppresses the exception."""
        self._exits.append(exit_fn)
        return exit_fn

    def enter(self, cm):
        cls = type(cm)
        # like the `with` statement, look the methods up on the type, not the instance
        try:
            enter_method, exit_method = cls.__enter__, cls.__exit__
        except AttributeError:
            raise TypeError(f"{cls.__name__!r} object is not a context manager") from None
        result = enter_method(cm)
        self.push(lambda exc_type, exc, tb: exit_method(cm, exc_type, exc, tb))
        return result

    def callback(self, fn, /, *args, **kwargs):
        def run_callback(exc_type, exc, tb):
            fn(*args, **kwargs)

        self.push(run_callback)
        return fn

    def pop_all(self) -> "CleanupStack":
        moved = CleanupStack()
        moved._exits, self._exits = self._exits, []
        return moved

    def close(self) -> None:
        self.__exit__(None, None, None)

    def __enter__(self) -> "CleanupStack":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        pending = exc
        while self._exits:
            exit_fn = self._exits.pop()
            details = (exc_type, exc, tb)
            try:
                if exit_fn(*details):
                    pending = None
            except BaseException as new:
                if new is not pending:
                    # chain to what was being handled, as nested `with` blocks would
                    new.__context__ = pending
                pending = new
        if pending is not None and pending is not exc:
            raise pending
        return exc is not None and pending is None
