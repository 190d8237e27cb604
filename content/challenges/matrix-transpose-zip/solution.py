def transpose(matrix: list[list]) -> list[list]:
    # zip(*matrix) pairs the rows' first items, then their second items...; strict=True (3.10+)
    # raises ValueError when a row is shorter or longer, where plain zip would quietly stop.
    return [list(column) for column in zip(*matrix, strict=True)]


def rotate_right(matrix: list[list]) -> list[list]:
    # Turning 90 degrees clockwise: the bottom row becomes the first column.
    return [list(column) for column in zip(*reversed(matrix), strict=True)]
