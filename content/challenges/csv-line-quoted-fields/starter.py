def split_fields(line: str, delimiter: str = ",") -> list[str]:
    """Split one CSV-style line into its fields, honouring double quotes."""
    raise NotImplementedError
