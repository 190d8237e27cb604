import threading


class Singleton(type):
    _instances: dict = {}
    _lock = threading.RLock()  # re-entrant: one singleton's __init__ may build another

    def __call__(cls, *args, **kwargs):
        instance = Singleton._instances.get(cls)
        if instance is not None:
            return instance
        with Singleton._lock:
            instance = Singleton._instances.get(cls)
            if instance is None:
                instance = super().__call__(*args, **kwargs)
                Singleton._instances[cls] = instance
        return instance

    @staticmethod
    def reset(cls) -> None:
        with Singleton._lock:
            Singleton._instances.pop(cls, None)
