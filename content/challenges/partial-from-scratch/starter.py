class Partial:
    def __init__(self, func, /, *args, **keywords):
        raise NotImplementedError

    def __call__(self, /, *args, **keywords):
        raise NotImplementedError


def make_handlers(actions, handle):
    """{action: a zero-argument callable that calls handle(action)}."""
    raise NotImplementedError
