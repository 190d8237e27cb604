import contextvars
from contextlib import contextmanager
from types import MappingProxyType

_values: contextvars.ContextVar = contextvars.ContextVar("request_values")


def _scope() -> dict:
    try:
        return _values.get()
    except LookupError:
        scope: dict = {}
        _values.set(scope)
        return scope


@contextmanager
def request_context(**values):
    scope = _scope()
    saved = dict(scope)
    scope.update(values)  # edits the dict in place: every context that holds this dict sees it
    try:
        yield MappingProxyType(scope)
    finally:
        scope.clear()
        scope.update(saved)


def set_value(key: str, value) -> None:
    _scope()[key] = value


def get(key: str, default=None):
    return _scope().get(key, default)


def current() -> dict:
    return dict(_scope())


def submit_with_context(executor, fn, *args):
    return executor.submit(contextvars.copy_context().run, fn, *args)
