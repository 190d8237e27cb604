def wrap(text: str, width: int) -> list[str]:
    if type(width) is not int or width < 1:
        raise ValueError("width must be a positive int")
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines
