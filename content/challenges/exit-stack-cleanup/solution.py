import sys


def _chain_to(new, pending, handled):
    """Make the context chain of `new` end at `pending`, as nested `with` blocks would.

    Python already chained `new` (or the exception it was raised while handling) to `handled`; only that
    last link is replaced, so a context the cleanup's own error carried (a KeyError it caught and turned
    into a ValueError, say) is kept.
    """
    end = new
    while end.__context__ is not pending:
        if end.__context__ is None or end.__context__ is handled:
            end.__context__ = pending
            return
        end = end.__context__


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
        # what Python chains a new exception to while the exits run (the body's error under `with`)
        handled = sys.exc_info()[1]
        pending = exc
        while self._exits:
            exit_fn = self._exits.pop()
            details = (None, None, None) if pending is None else (type(pending), pending, pending.__traceback__)
            try:
                if exit_fn(*details):
                    pending = None
            except BaseException as new:
                if new is not pending:
                    _chain_to(new, pending, handled)
                pending = new
        if pending is not None and pending is not exc:
            context = pending.__context__
            try:
                raise pending
            except BaseException:
                # a `raise` inside `with`'s handling re-links the context to the body's error: put the chain back
                pending.__context__ = context
                raise
        return exc is not None and pending is None
