import contextlib

_MISSING = object()


@contextlib.contextmanager
def patched(obj, name: str, value):
    original = getattr(obj, name, _MISSING)
    # only an attribute stored on obj itself is put back with setattr; an inherited one (a class attribute
    # seen through an instance, a base class's attribute seen through a subclass) shows through again once
    # the patch is deleted, so restoring it with setattr would leave a shadowing copy behind
    own = name in getattr(obj, "__dict__", {})
    setattr(obj, name, value)
    try:
        yield value
    finally:
        if own:
            setattr(obj, name, original)
        else:
            delattr(obj, name)
            if original is not _MISSING and not hasattr(obj, name):
                setattr(obj, name, original)  # a slot, say: deleting it did not bring the original back
