from solution import split_fields


def test_plain_fields():
    return split_fields("id,name,city")


def test_a_quoted_field_can_hold_the_delimiter():
    return split_fields('7,"Smith, Jane",Paris')


def test_doubled_quotes_inside_quotes_are_one_quote():
    return [_outcome('"say ""hi""",x'), _outcome('""""'), _outcome('"a""b"')]


def test_empty_fields_everywhere():
    return [split_fields(""), split_fields(","), split_fields("a,,b"), split_fields("a,"), split_fields(",a")]


def test_empty_quoted_fields():
    return [_outcome(line) for line in ('""', '"",""', 'a,""', '"",')]


def test_spaces_are_kept():
    return [split_fields(" a , b ,c "), split_fields('" padded ",  x')]


def test_other_delimiters():
    return [split_fields('a;"b;c";d', ";"), split_fields('x\t"y\tz"', "\t"), split_fields("a,b;c", ";")]


def test_quoted_field_at_the_end_and_alone():
    return [split_fields('a,"b,c"'), split_fields('"only, one"')]


def test_unclosed_quote_is_refused():
    return [_outcome(line) for line in ('"abc', 'a,"b', '"a""', '"', 'x,"y""z')]


def test_text_after_a_closing_quote_is_refused():
    return [_outcome(line) for line in ('"ab"c', '"ab" ,x', 'x,"y"z', '""a')]


def test_a_quote_inside_an_unquoted_field_is_refused():
    return [_outcome(line) for line in ('ab"c', 'a,b"', ' "a"', 'x,y"z",w')]


def test_bad_delimiters_are_refused():
    return [_outcome("a,b", delimiter) for delimiter in ("", ",,", '"', ";")]


def test_a_long_line():
    line = ",".join(f'"f{n}, ""q"""' if n % 2 else f"plain{n}" for n in range(60_000))
    fields = _outcome(line)
    return [len(fields), fields[:3], fields[-2:]]


def _outcome(line, delimiter=","):
    try:
        return split_fields(line, delimiter)
    except ValueError:
        return "ValueError"


def _encode(rng, field, delimiter):
    if delimiter in field or '"' in field or rng.random() < 0.3:
        return '"' + field.replace('"', '""') + '"'
    return field


def generate(rng, n):
    """Fresh lines of fields holding delimiters, quotes and spaces, encoded and sometimes corrupted."""
    cases = []
    for _ in range(n):
        delimiter = rng.choice([",", ",", ";", "\t"])
        fields = ["".join(rng.choice(['a', 'b', ' ', '"', delimiter, 'z']) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 6))]
        line = delimiter.join(_encode(rng, field, delimiter) for field in fields)
        roll = rng.random()
        if roll < 0.15 and line:
            spot = rng.randrange(len(line) + 1)
            line = line[:spot] + '"' + line[spot:]
        elif roll < 0.25 and line:
            spot = rng.randrange(len(line))
            line = line[:spot] + line[spot + 1 :]
        cases.append((line, delimiter))
    return cases


def check(case):
    line, delimiter = case
    return _outcome(line, delimiter)
