import threading


class Singleton(type):
    pass
