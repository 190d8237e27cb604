import contextvars
from contextlib import contextmanager
from types import MappingProxyType

# One variable holding a read-only mapping: a changed scope is a new mapping, never an edit of a shared one.
_values: contextvars.ContextVar = contextvars.ContextVar("request_values", default=MappingProxyType({}))


@contextmanager
def request_context(**values):
    scope = MappingProxyType({**_values.get(), **values})
    token = _values.set(scope)
    try:
        yield scope
    finally:
        _values.reset(token)


def set_value(key: str, value) -> None:
    _values.set(MappingProxyType({**_values.get(), key: value}))


def get(key: str, default=None):
    return _values.get().get(key, default)


def current() -> dict:
    return dict(_values.get())


def submit_with_context(executor, fn, *args):
    # executor threads do not see the caller's context variables: run fn inside a copy of it
    return executor.submit(contextvars.copy_context().run, fn, *args)
