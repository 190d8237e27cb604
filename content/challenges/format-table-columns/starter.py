def format_table(headers: list[str], rows: list[list]) -> str:
    """Lay out rows under headers as an aligned plain-text table."""
    raise NotImplementedError
