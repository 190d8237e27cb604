QUOTE = '"'


def split_fields(line: str, delimiter: str = ",") -> list[str]:
    if len(delimiter) != 1 or delimiter == QUOTE:
        raise ValueError("the delimiter must be one character other than a quote")
    fields: list[str] = []
    i, end = 0, len(line)
    while True:
        if i < end and line[i] == QUOTE:
            i += 1
            chars: list[str] = []
            while True:
                if i >= end:
                    raise ValueError("a quoted field is never closed")
                if line[i] == QUOTE:
                    if i + 1 < end and line[i + 1] == QUOTE:  # "" inside quotes is one quote
                        chars.append(QUOTE)
                        i += 2
                        continue
                    i += 1
                    break
                chars.append(line[i])
                i += 1
            if i < end and line[i] != delimiter:
                raise ValueError(f"text after a closing quote at position {i}")
            fields.append("".join(chars))
        else:
            stop = line.find(delimiter, i)
            if stop == -1:
                stop = end
            field = line[i:stop]
            if QUOTE in field:
                raise ValueError("a quote inside an unquoted field")
            fields.append(field)
            i = stop
        if i >= end:
            return fields
        i += 1  # step over the delimiter; a delimiter at the very end leaves one empty field to read
