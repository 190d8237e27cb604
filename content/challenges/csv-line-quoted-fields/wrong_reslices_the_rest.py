def split_fields(line: str, delimiter: str = ",") -> list[str]:
    if len(delimiter) != 1 or delimiter == '"':
        raise ValueError("the delimiter must be one character other than a quote")
    fields = []
    rest = line
    while True:
        if rest.startswith('"'):
            rest = rest[1:]
            value = ""
            while True:
                if not rest:
                    raise ValueError("a quoted field is never closed")
                if rest.startswith('""'):
                    value += '"'
                    rest = rest[2:]  # copies the whole rest of the line: O(n) per character
                elif rest[0] == '"':
                    rest = rest[1:]
                    break
                else:
                    value += rest[0]
                    rest = rest[1:]
            if rest and rest[0] != delimiter:
                raise ValueError("text after a closing quote")
            fields.append(value)
        else:
            stop = rest.find(delimiter)
            value = rest if stop == -1 else rest[:stop]
            if '"' in value:
                raise ValueError("a quote inside an unquoted field")
            fields.append(value)
            rest = "" if stop == -1 else rest[stop:]
        if not rest:
            return fields
        rest = rest[1:]
        if not rest:
            fields.append("")
            return fields
