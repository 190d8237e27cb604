def _cell(value: object) -> tuple[str, str]:
    """The text of one cell and its alignment character for the format spec."""
    if value is None:
        return "", "<"
    if isinstance(value, bool):  # before int: bool is a subclass of int
        return ("yes" if value else "no"), "<"
    if isinstance(value, int):
        return f"{value:,}", ">"
    if isinstance(value, float):
        return f"{value:,.2f}", ">"
    return str(value), "<"


def format_table(headers: list[str], rows: list[list]) -> str:
    cells = []
    for number, row in enumerate(rows):
        if len(row) != len(headers):
            raise ValueError(f"row {number} has {len(row)} cells, expected {len(headers)}")
        cells.append([_cell(value) for value in row])
    widths = [max([len(header)] + [len(row[column][0]) for row in cells]) for column, header in enumerate(headers)]
    lines = [" | ".join(f"{header:^{width}}" for header, width in zip(headers, widths))]
    lines.append("-+-".join("-" * width for width in widths))
    for row in cells:
        lines.append(" | ".join(f"{text:{align}{width}}" for (text, align), width in zip(row, widths)))
    return "\n".join(line.rstrip() for line in lines)
