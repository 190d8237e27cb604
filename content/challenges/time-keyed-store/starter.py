from bisect import bisect_left, bisect_right


class TimeMap:
    def __init__(self) -> None:
        raise NotImplementedError
