def bracket_error(text: str) -> int | None:
    raise NotImplementedError
