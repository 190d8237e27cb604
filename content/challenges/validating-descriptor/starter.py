class Bounded:
    def __init__(self, low=None, high=None, *, type=int) -> None:
        raise NotImplementedError
