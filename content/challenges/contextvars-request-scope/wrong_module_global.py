from contextlib import contextmanager
from types import MappingProxyType

_values: dict = {}


@contextmanager
def request_context(**values):
    global _values
    saved = _values
    _values = {**saved, **values}
    try:
        yield MappingProxyType(_values)
    finally:
        _values = saved


def set_value(key: str, value) -> None:
    global _values
    _values = {**_values, key: value}


def get(key: str, default=None):
    return _values.get(key, default)


def current() -> dict:
    return dict(_values)


def submit_with_context(executor, fn, *args):
    return executor.submit(fn, *args)
