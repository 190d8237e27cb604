from solution import ConfigError, parse_config


def _parse(text):
    try:
        return parse_config(text)
    except ConfigError as exc:
        return {"errors": exc.errors, "message": str(exc), "is_value_error": isinstance(exc, ValueError)}


def test_valid_file():
    return _parse("# service\nhost = example.test\nport = 8080\n\ndebug = TRUE\n")


def test_errors_name_their_lines():
    return _parse("host = db\nport = eighty\ncolour = blue\n")


def test_defaults_apply():
    return _parse("port=1\nhost=h")


def test_every_error_is_reported_in_order():
    text = "\n".join(
        [
            "# all wrong",
            "host =",
            "nonsense line",
            "colour = red",
            "port = 70000",
            "debug = yes",
            "workers = 0",
            "host = again",
        ]
    )
    return _parse(text)


def test_missing_required_keys():
    return _parse("debug = false\n")


def test_port_bounds():
    return [_parse("host=a\nport=0"), _parse("host=a\nport=65535")]


def test_equals_sign_inside_value():
    return _parse("host = a=b\nport = 22")


def test_workers_lower_bound_is_inclusive():
    return [_parse("host = h\nport = 1\nworkers = 1\n"), _parse("host = h\nport = 1\nworkers = 0\n")]


def test_indented_comments_empty_keys_and_hashes_in_values():
    return [
        _parse("   # indented comment\n\thost = a # not a comment\nport = 1\n"),
        _parse("host = h\n= 5\nport = 2\n"),
    ]


def test_a_key_whose_first_value_was_invalid_is_still_taken():
    return [_parse("port = eighty\nhost = h\nport = 80\n"), _parse("host =\nhost = h\nport = 1\n")]


def test_integers_are_read_like_int():
    return [_parse("host = h\nport = +80\nworkers = 007\n"), _parse("host = h\nport = -1\nworkers = -0\n")]


def generate(rng, n):
    """Fresh config files mixing valid lines, comments, blanks, bad values, unknown and duplicate keys."""
    choices = [
        "host = example.test", "host =", "port = 8080", "port = 0", "port = eighty", "port = 65535",
        "debug = true", "debug = FALSE", "debug = maybe", "workers = 4", "workers = 0", "workers = x",
        "colour = blue", "no equals sign", "# comment", "", "  port=1  ", "host=db",
        "  # indented", "= 5", "port = +80", "host = a # b",
    ]
    return ["\n".join(rng.choice(choices) for _ in range(rng.randint(0, 9))) for _ in range(n)]


def check(case):
    return _parse(case)
