def transpose(matrix: list[list]) -> list[list]:
    return [list(column) for column in zip(*matrix, strict=True)]


def rotate_right(matrix: list[list]) -> list[list]:
    # Reversing the columns after transposing turns the matrix counter-clockwise.
    return [list(column) for column in reversed(list(zip(*matrix, strict=True)))]
