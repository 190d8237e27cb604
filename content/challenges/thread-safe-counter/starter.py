import threading


class AtomicCounter:
    def __init__(self, initial: int = 0) -> None:
        raise NotImplementedError
