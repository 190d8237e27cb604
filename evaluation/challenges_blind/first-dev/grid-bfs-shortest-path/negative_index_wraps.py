from collections import deque


def _find(grid, ch):
    for r, row in enumerate(grid):
        c = row.find(ch)
        if c != -1:
            return r, c
    raise ValueError(f"no {ch!r} in grid")


def shortest_path(grid: list[str]) -> int:
    rows, cols = len(grid), len(grid[0])
    start = _find(grid, "S")
    goal = _find(grid, "G")
    dist = {start: 0}
    queue = deque([start])
    while queue:
        r, c = queue.popleft()
        if (r, c) == goal:
            return dist[(r, c)]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            try:
                cell = grid[nr][nc]
            except IndexError:  # off the grid
                continue
            if cell != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                queue.append((nr, nc))
    return -1
