import contextlib


def patched(obj, name: str, value):
    raise NotImplementedError
