PAIRS = {")": "(", "]": "[", "}": "{"}
OPENERS = {"(", "[", "{"}


def bracket_error(text: str) -> int | None:
    stack = []  # (opener, its index), innermost last
    for index, char in enumerate(text):
        if char in OPENERS:
            stack.append((char, index))
        elif char in PAIRS:
            if not stack or stack[-1][0] != PAIRS[char]:
                return index
            stack.pop()
    if stack:
        return stack[0][1]
    return None
