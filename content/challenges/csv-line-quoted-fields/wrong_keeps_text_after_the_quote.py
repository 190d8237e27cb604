QUOTE = '"'


def split_fields(line: str, delimiter: str = ",") -> list[str]:
    if len(delimiter) != 1 or delimiter == QUOTE:
        raise ValueError("the delimiter must be one character other than a quote")
    fields = []
    i, end = 0, len(line)
    while True:
        chars = []
        if i < end and line[i] == QUOTE:
            i += 1
            while True:
                if i >= end:
                    raise ValueError("a quoted field is never closed")
                if line[i] == QUOTE:
                    if i + 1 < end and line[i + 1] == QUOTE:
                        chars.append(QUOTE)
                        i += 2
                        continue
                    i += 1
                    break
                chars.append(line[i])
                i += 1
        # Lenient, like the csv module by default: text after the closing quote joins the field.
        stop = line.find(delimiter, i)
        if stop == -1:
            stop = end
        rest = line[i:stop]
        if QUOTE in rest and not chars:
            raise ValueError("a quote inside an unquoted field")
        fields.append("".join(chars) + rest)
        i = stop
        if i >= end:
            return fields
        i += 1
