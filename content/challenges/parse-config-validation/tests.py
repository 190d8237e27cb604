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


def generate(rng, n):
    """Fresh config files mixing valid lines, comments, blanks, bad values, unknown and duplicate keys."""
    choices = [
        "host = example.test", "host =", "port = 8080", "port = 0", "port = eighty", "port = 65535",
        "debug = true", "debug = FALSE", "debug = maybe", "workers = 4", "workers = 0", "workers = x",
        "colour = blue", "no equals sign", "# comment", "", "  port=1  ", "host=db",
    ]
    return ["\n".join(rng.choice(choices) for _ in range(rng.randint(0, 9))) for _ in range(n)]


def check(case):
    return _parse(case)
