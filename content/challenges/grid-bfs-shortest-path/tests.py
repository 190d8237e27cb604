from solution import shortest_path


def test_open_grid():
    return shortest_path(["S...", "....", "...G"])


def test_walls_force_a_detour():
    return shortest_path(["S.#", ".##", "..G"])


def test_unreachable_goal():
    return shortest_path(["S#.", "##.", "..G"])


def test_start_next_to_goal():
    return shortest_path(["SG"])


def test_maze_with_dead_ends():
    return shortest_path(
        [
            "S.....#...",
            "####.##.#.",
            "...#....#.",
            ".#.######.",
            ".#......#G",
            ".######...",
        ]
    )


def test_large_open_grid():
    size = 300
    grid = ["." * size for _ in range(size)]
    grid[0] = "S" + grid[0][1:]
    grid[-1] = grid[-1][:-1] + "G"
    return shortest_path(grid)


def test_large_grid_with_long_wall():
    size = 200
    grid = ["." * size for _ in range(size)]
    grid[100] = "#" * (size - 1) + "."
    grid[0] = "S" + grid[0][1:]
    grid[-1] = "G" + grid[-1][1:]
    return shortest_path(grid)


def generate(rng, n):
    """Fresh grids with random walls, a start and a goal; some goals are walled off."""
    cases = []
    for _ in range(n):
        rows, cols = rng.randint(1, 9), rng.randint(2, 9)
        cells = [["#" if rng.random() < 0.3 else "." for _ in range(cols)] for _ in range(rows)]
        spots = rng.sample([(r, c) for r in range(rows) for c in range(cols)], 2)
        (sr, sc), (gr, gc) = spots
        cells[sr][sc], cells[gr][gc] = "S", "G"
        cases.append(["".join(row) for row in cells])
    return cases


def check(case):
    return shortest_path(list(case))
