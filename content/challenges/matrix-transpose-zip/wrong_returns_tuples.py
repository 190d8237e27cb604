def transpose(matrix: list[list]) -> list[list]:
    # zip yields tuples: the rows of the result are tuples, not lists.
    return list(zip(*matrix, strict=True))


def rotate_right(matrix: list[list]) -> list[list]:
    return list(zip(*reversed(matrix), strict=True))
