import contextlib


@contextlib.contextmanager
def patched(obj, name: str, value):
    original = getattr(obj, name, None)
    setattr(obj, name, value)
    try:
        yield value
    finally:
        setattr(obj, name, original)
