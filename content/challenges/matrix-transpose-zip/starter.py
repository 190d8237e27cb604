def transpose(matrix: list[list]) -> list[list]:
    """Rows become columns: transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]."""
    raise NotImplementedError


def rotate_right(matrix: list[list]) -> list[list]:
    """Turn the matrix 90 degrees clockwise."""
    raise NotImplementedError
