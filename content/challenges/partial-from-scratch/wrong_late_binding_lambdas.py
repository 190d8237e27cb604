from collections.abc import Callable, Iterable
from typing import Any


class Partial:
    # The "/" makes func and self positional-only, so callers may still pass keywords named "func" or "self".
    def __init__(self, func: Callable[..., Any], /, *args: Any, **keywords: Any) -> None:
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, Partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args: Any, **keywords: Any) -> Any:
        # A new dict per call: the call's keywords win, and the stored ones are never changed.
        return self.func(*self.args, *args, **{**self.keywords, **keywords})


def make_handlers(actions: Iterable[str], handle: Callable[[str], Any]) -> dict[str, Callable[[], Any]]:
    # Each lambda looks `action` up when it is CALLED, after the loop ended: all of them see the last action.
    return {action: (lambda: handle(action)) for action in list(actions)}
