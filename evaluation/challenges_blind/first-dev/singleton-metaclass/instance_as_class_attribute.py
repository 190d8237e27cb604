import threading


class Singleton(type):
    _lock = threading.RLock()

    def __call__(cls, *args, **kwargs):
        if getattr(cls, "_instance", None) is None:
            with Singleton._lock:
                if getattr(cls, "_instance", None) is None:
                    cls._instance = super().__call__(*args, **kwargs)
        return cls._instance

    def reset(cls):
        with Singleton._lock:
            cls._instance = None
