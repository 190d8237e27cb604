import threading


class Singleton(type):
    _instances = {}
    _lock = threading.RLock()

    def __call__(cls, *args, **kwargs):
        with Singleton._lock:
            if cls in Singleton._instances:
                return Singleton._instances[cls]
            instance = cls.__new__(cls)
            Singleton._instances[cls] = instance
            instance.__init__(*args, **kwargs)
            return instance

    def reset(cls):
        with Singleton._lock:
            Singleton._instances.pop(cls, None)
