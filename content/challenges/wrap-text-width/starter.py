def wrap(text: str, width: int) -> list[str]:
    raise NotImplementedError
