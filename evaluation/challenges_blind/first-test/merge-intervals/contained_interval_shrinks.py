def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged = []
    for start, end in sorted(intervals):
        if merged:
            last_start, last_end = merged[-1]
            if start <= last_end:
                merged[-1] = [last_start, end]
                continue
        merged.append([start, end])
    return [tuple(iv) for iv in merged]
