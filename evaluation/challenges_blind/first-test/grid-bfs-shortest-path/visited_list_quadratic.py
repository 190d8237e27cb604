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
    visited = [start]
    queue = deque([(start, 0)])
    while queue:
        (r, c), d = queue.popleft()
        if (r, c) == goal:
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in visited:
                visited.append((nr, nc))
                queue.append(((nr, nc), d + 1))
    return -1
