import contextvars
from contextlib import contextmanager
from types import MappingProxyType


@contextmanager
def request_context(**values):
    raise NotImplementedError
    yield


def set_value(key: str, value) -> None:
    raise NotImplementedError


def get(key: str, default=None):
    raise NotImplementedError


def current() -> dict:
    raise NotImplementedError


def submit_with_context(executor, fn, *args):
    raise NotImplementedError
