class rollback:
    def __init__(self, target: dict) -> None:
        raise NotImplementedError
