import threading


class Singleton(type):
    _lock = threading.RLock()

    def __call__(cls, *args, **kwargs):
        instance = getattr(cls, "_singleton_instance", None)
        if instance is not None:
            return instance
        with Singleton._lock:
            instance = getattr(cls, "_singleton_instance", None)
            if instance is None:
                instance = super().__call__(*args, **kwargs)
                cls._singleton_instance = instance
        return instance

    def reset(cls):
        with Singleton._lock:
            if "_singleton_instance" in cls.__dict__:
                delattr(cls, "_singleton_instance")
