def split_fields(line: str, delimiter: str = ",") -> list[str]:
    if len(delimiter) != 1 or delimiter == '"':
        raise ValueError("the delimiter must be one character other than a quote")
    fields = []
    field = []
    in_quotes = False
    at_start = True
    for char in line:
        if in_quotes:
            if char == '"':
                in_quotes = False  # every quote closes: "" is read as close-then-reopen
            else:
                field.append(char)
        elif char == '"':
            if not at_start and field:
                raise ValueError("a quote inside an unquoted field")
            in_quotes = True
        elif char == delimiter:
            fields.append("".join(field))
            field = []
            at_start = True
            continue
        else:
            field.append(char)
        at_start = False
    if in_quotes:
        raise ValueError("a quoted field is never closed")
    fields.append("".join(field))
    return fields
