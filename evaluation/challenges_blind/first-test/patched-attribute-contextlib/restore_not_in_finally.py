import contextlib

_MISSING = object()


@contextlib.contextmanager
def patched(obj, name: str, value):
    original = getattr(obj, name, _MISSING)
    setattr(obj, name, value)
    yield value
    if original is _MISSING:
        delattr(obj, name)
    else:
        setattr(obj, name, original)
