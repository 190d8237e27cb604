from solution import rotate_right, transpose


def test_rows_become_columns():
    return transpose([[1, 2, 3], [4, 5, 6]])


def test_rotating_right_turns_clockwise():
    return rotate_right([[1, 2, 3], [4, 5, 6]])


def test_a_square_matrix_and_back_again():
    square = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    return [transpose(square), transpose(transpose(square)), rotate_right(square)]


def test_single_row_and_single_column():
    return [transpose([[1, 2, 3]]), transpose([[1], [2], [3]]), rotate_right([[1, 2, 3]]), rotate_right([[1], [2]])]


def test_empty_matrix_and_empty_rows():
    return [transpose([]), transpose([[], []]), rotate_right([]), rotate_right([[]])]


def test_rows_are_new_lists():
    result = transpose([[1, 2], [3, 4], [5, 6]])
    rotated = rotate_right([[1, 2], [3, 4]])
    return [[type(row).__name__ for row in result], [type(row).__name__ for row in rotated], type(result).__name__]


def test_result_rows_are_independent():
    result = transpose([[1, 2, 3], [4, 5, 6]])
    result[0].append("x")
    result[1][0] = "y"
    rotated = rotate_right([[1, 2], [3, 4]])
    rotated[0][0] = "z"
    return [result, rotated]


def test_input_is_left_unchanged():
    square = [[1, 2], [3, 4]]
    single = [[7]]
    out = [transpose(square), rotate_right(square), transpose(single)]
    return [square, single, out[2][0] is single[0]]


def test_tuples_and_strings_as_rows():
    return [transpose([(1, 2), (3, 4)]), transpose(["abc", "def"]), rotate_right(["ab", "cd"])]


def test_ragged_rows_are_refused():
    return [_outcome(transpose, rows) for rows in ([[1, 2], [3]], [[1], [2, 3]], [[], [1]], [[1, 2], [3, 4], [5]])]


def test_ragged_rows_are_refused_when_rotating():
    return [_outcome(rotate_right, rows) for rows in ([[1, 2], [3]], [[1], [2, 3]], [[1, 2], [3, 4], [5, 6, 7]])]


def test_a_large_matrix():
    big = [[r * 1000 + c for c in range(600)] for r in range(500)]
    flipped = transpose(big)
    turned = rotate_right(big)
    return [len(flipped), len(flipped[0]), flipped[599][499], turned[0][0], turned[599][499], len(turned[0])]


def _outcome(function, rows):
    try:
        return function(rows)
    except ValueError:
        return "ValueError"


def generate(rng, n):
    """Fresh rectangles from 0x0 to 5x6, some with one row made shorter or longer."""
    cases = []
    for _ in range(n):
        rows, cols = rng.randint(0, 5), rng.randint(0, 6)
        matrix = [[rng.randint(-9, 9) for _ in range(cols)] for _ in range(rows)]
        if rows > 1 and rng.random() < 0.25:
            victim = matrix[rng.randrange(rows)]
            if victim and rng.random() < 0.5:
                victim.pop()
            else:
                victim.append(0)
        cases.append(matrix)
    return cases


def check(case):
    original = [list(row) for row in case]
    matrix = [list(row) for row in case]
    return [_outcome(transpose, matrix), _outcome(rotate_right, matrix), matrix == original]
