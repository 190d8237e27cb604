def delegate(iterable):
    """Behave exactly like `return (yield from iterable)`, without using `yield from`."""
    inner = iter(iterable)
    try:
        value = next(inner)
    except StopIteration as stop:
        return stop.value
    while True:
        try:
            sent = yield value
        except GeneratorExit:
            # close() of the delegator closes the inner iterator first, then finishes closing itself
            close = getattr(inner, "close", None)
            if close is not None:
                close()
            raise
        except BaseException as exc:
            throw = getattr(inner, "throw", None)
            if throw is None:
                raise
            value = throw(exc)
        else:
            try:
                value = next(inner) if sent is None else inner.send(sent)
            except StopIteration as stop:
                return stop.value
