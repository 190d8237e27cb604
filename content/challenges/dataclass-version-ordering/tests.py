from solution import Version


def test_parse_and_compare():
    return [Version.parse("1.9.0") < Version.parse("1.10.0"), Version.parse("2.0.0") > Version.parse("1.99.99")]


def test_sorting():
    texts = ["1.10.0", "1.2.0", "1.9.3", "0.9.12", "1.9.10"]
    return [str(v) for v in sorted(Version.parse(t) for t in texts)]


def test_release_candidates_come_first():
    texts = ["2.0.0", "2.0.0-rc2", "1.9.9", "2.0.0-rc1", "2.0.1-rc1"]
    return [str(v) for v in sorted(map(Version.parse, texts))]


def test_equal_versions_and_hashing():
    a, b = Version.parse("3.1.4"), Version.parse("03.1.4")
    return [a == b, len({a, b}), str(b)]


def test_max_picks_newest():
    return str(max(map(Version.parse, ["0.1.0", "0.10.0", "0.9.0"])))


def test_immutable():
    version = Version.parse("1.0.0")
    try:
        version.major = 2
    except AttributeError as exc:
        return type(exc).__name__
    return "changed"


def test_garbage_is_rejected():
    return Version.parse("1.2")


def test_rc_zero_is_rejected():
    return Version.parse("1.2.3-rc0")


def test_release_candidates_compare_as_numbers():
    texts = ["1.0.0-rc10", "1.0.0-rc2", "1.0.0", "1.0.0-rc9"]
    return [str(v) for v in sorted(map(Version.parse, texts))]


def test_surrounding_spaces_and_signs_are_rejected():
    outcomes = []
    for text in (" 1.2.3", "1.2.3 ", "1.2.3\n", "v1.2.3", "1.-2.3", "+1.2.3", "1.2.3-rc", "1.2.3-RC1", "1.2.3.4", ""):
        try:
            outcomes.append(str(Version.parse(text)))
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_only_ascii_digits_are_accepted():
    outcomes = []
    for text in ("\u0661.\u0662.\u0663", "\uff11.2.3", "1.2.3-rc\u0663", "1.\u09e8.3"):
        try:
            outcomes.append(str(Version.parse(text)))
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def generate(rng, n):
    """Fresh version strings, with multi-digit parts, leading zeros and release candidates, to sort."""
    cases = []
    for _ in range(n):
        texts = []
        for _ in range(rng.randint(1, 8)):
            parts = [str(rng.choice([0, 1, 2, 9, 10, 11, 99])) for _ in range(3)]
            if rng.random() < 0.2:
                parts[0] = "0" + parts[0]
            text = ".".join(parts)
            if rng.random() < 0.35:
                text += f"-rc{rng.randint(1, 12)}"
            texts.append(text)
        cases.append(texts)
    return cases


def check(case):
    versions = [Version.parse(text) for text in case]
    return [[str(v) for v in sorted(versions)], str(max(versions)), len(set(versions)), versions[0] <= versions[-1]]
