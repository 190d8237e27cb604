class cached_attribute:
    def __init__(self, func) -> None:
        raise NotImplementedError
