PAIRS = {")": "(", "]": "[", "}": "{"}


def bracket_error(text):
    stack = []
    for index, char in enumerate(text):
        if char in "([{":
            stack.append((char, index))
        elif char in PAIRS:
            opener, _ = stack.pop()
            if opener != PAIRS[char]:
                return index
    return stack[0][1] if stack else None
