def bracket_error(text):
    depth = {"(": 0, "[": 0, "{": 0}
    closers = {")": "(", "]": "[", "}": "{"}
    first_open = {}
    for index, char in enumerate(text):
        if char in depth:
            if depth[char] == 0:
                first_open[char] = index
            depth[char] += 1
        elif char in closers:
            depth[closers[char]] -= 1
            if depth[closers[char]] < 0:
                return index
    unclosed = [first_open[kind] for kind, count in depth.items() if count > 0]
    return min(unclosed) if unclosed else None
