import contextlib

_MISSING = object()
_saved = {}


@contextlib.contextmanager
def patched(obj, name: str, value):
    key = (id(obj), name)
    _saved[key] = getattr(obj, name, _MISSING)
    setattr(obj, name, value)
    try:
        yield value
    finally:
        original = _saved.get(key, _MISSING)
        if original is _MISSING:
            if hasattr(obj, name):
                delattr(obj, name)
        else:
            setattr(obj, name, original)
