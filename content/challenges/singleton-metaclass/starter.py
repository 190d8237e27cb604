import threading  # noqa: F401


class Singleton(type):
    pass
