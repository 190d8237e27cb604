import threading


class Singleton(type):
    _instances = {}
    _lock = threading.RLock()

    def __call__(cls, *args, **kwargs):
        with Singleton._lock:
            instance = Singleton._instances.get(cls)
            if instance is None:
                instance = cls.__new__(cls)
            instance.__init__(*args, **kwargs)
            Singleton._instances[cls] = instance
            return instance

    def reset(cls):
        with Singleton._lock:
            Singleton._instances.pop(cls, None)
