import threading


class Singleton(type):
    _instances = {}
    _lock = threading.Lock()

    def __call__(cls, *args, **kwargs):
        if cls in Singleton._instances:
            return Singleton._instances[cls]
        with Singleton._lock:
            if cls not in Singleton._instances:
                Singleton._instances[cls] = super().__call__(*args, **kwargs)
        return Singleton._instances[cls]

    def reset(cls):
        with Singleton._lock:
            Singleton._instances.pop(cls, None)
