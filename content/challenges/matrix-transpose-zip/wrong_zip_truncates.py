def transpose(matrix: list[list]) -> list[list]:
    # Plain zip stops at the shortest row: a ragged matrix loses items instead of raising.
    return [list(column) for column in zip(*matrix)]


def rotate_right(matrix: list[list]) -> list[list]:
    return [list(column) for column in zip(*reversed(matrix))]
