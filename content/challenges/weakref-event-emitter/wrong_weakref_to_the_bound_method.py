import weakref
from types import MethodType


class _Strong:
    """Holds a listener strongly but answers like a weak reference: calling it returns the listener."""

    __slots__ = ("target",)

    def __init__(self, target) -> None:
        self.target = target

    def __call__(self):
        return self.target


class Emitter:
    def __init__(self) -> None:
        self._listeners: dict = {}

    def on(self, event, listener) -> None:
        if not callable(listener):
            raise TypeError("listener must be callable")
        entries = self._listeners.setdefault(event, [])
        if self._index(entries, listener) is not None:
            return
        if isinstance(listener, MethodType):
            # The callback must not capture `listener` (it holds its object) nor this emitter strongly.
            emitter = weakref.ref(self)

            def forget(dead, event=event) -> None:
                alive = emitter()
                if alive is not None:
                    alive._discard(event, dead)

            entries.append(weakref.ref(listener, forget))
        else:
            entries.append(_Strong(listener))

    def off(self, event, listener) -> bool:
        entries = self._listeners.get(event, [])
        index = self._index(entries, listener)
        if index is None:
            return False
        del entries[index]
        return True

    def emit(self, event, *args, **kwargs) -> int:
        called = 0
        # a snapshot: listeners added or removed by a listener take effect from the next emit
        for entry in list(self._listeners.get(event, ())):
            listener = entry()
            if listener is None:
                continue  # its object died during this emit
            listener(*args, **kwargs)
            called += 1
        return called

    def count(self, event) -> int:
        return sum(1 for entry in self._listeners.get(event, ()) if entry() is not None)

    @staticmethod
    def _index(entries: list, listener):
        live = ((index, entry()) for index, entry in enumerate(entries))
        return next((index for index, target in live if target is not None and target == listener), None)

    def _discard(self, event, dead) -> None:
        # runs when a listener's object dies: without it, dead references would pile up for ever
        entries = self._listeners.get(event, [])
        entries[:] = [entry for entry in entries if entry is not dead]
