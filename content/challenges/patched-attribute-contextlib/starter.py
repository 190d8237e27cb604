import contextlib  # noqa: F401


def patched(obj, name: str, value):
    raise NotImplementedError
