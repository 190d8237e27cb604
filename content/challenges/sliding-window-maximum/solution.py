from collections import deque


def window_max(values, k: int) -> list:
    if type(k) is not int or k < 1:
        raise ValueError("k must be a positive int")
    result = []
    candidates: deque = deque()  # indices whose values decrease from left to right
    for index, value in enumerate(values):
        while candidates and values[candidates[-1]] <= value:
            candidates.pop()
        candidates.append(index)
        if candidates[0] <= index - k:
            candidates.popleft()
        if index >= k - 1:
            result.append(values[candidates[0]])
    return result
