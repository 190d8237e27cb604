from solution import Exporter


def _define(build):
    try:
        return ["ok", build().__name__]
    except (TypeError, ValueError) as exc:
        return [type(exc).__name__, str(exc)]


def _fresh():
    Exporter.registry.clear()


def test_subclasses_register_themselves():
    _fresh()

    class CsvExporter(Exporter, name="csv"):
        pass

    class JsonExporter(Exporter, name="json"):
        pass

    return [list(Exporter.registry), CsvExporter.name, Exporter.available()]


def test_lookup_by_name():
    _fresh()

    class XmlExporter(Exporter, name="xml"):
        pass

    try:
        Exporter.get("yaml")
    except KeyError as exc:
        missing = str(exc)
    return [Exporter.get("xml").__name__, missing]


def test_abstract_bases_are_not_registered():
    _fresh()

    class TextBase(Exporter, abstract=True):
        pass

    class Markdown(TextBase, name="markdown"):
        pass

    return [Exporter.available(), issubclass(Markdown, TextBase)]


def test_missing_name_fails_at_class_creation():
    _fresh()

    def build():
        class Nameless(Exporter):
            pass

        return Nameless

    return _define(build)


def test_duplicate_name_is_rejected():
    _fresh()

    class First(Exporter, name="pdf"):
        pass

    def build():
        class Second(Exporter, name="pdf"):
            pass

        return Second

    return [_define(build), Exporter.get("pdf").__name__]


def test_invalid_names():
    _fresh()
    results = []
    for bad in ("CSV!", "9lives", "", "csv!", "csv-2", "csv\n", "json "):

        def build(bad=bad):
            class Bad(Exporter, name=bad):
                pass

            return Bad

        results.append(_define(build))
    return results


def test_a_name_given_with_abstract_is_ignored():
    _fresh()
    bases = {}

    def build(label, name):
        cls = type(label, (Exporter,), {}, abstract=True, name=name)
        bases[label] = cls
        return cls

    seen = [_define(lambda: build("TextBase", "text")), _define(lambda: build("Broken", "Not Valid!"))]
    if "TextBase" in bases:
        seen.append(_define(lambda: type("Text", (bases["TextBase"],), {}, name="text")))
    names = [cls.__dict__.get("name") for cls in bases.values()]
    return [seen, Exporter.available(), names]


def test_other_class_keywords_reach_other_bases():
    _fresh()

    class Tagged:
        def __init_subclass__(cls, tag=None, **kwargs):
            super().__init_subclass__(**kwargs)
            cls.tag = tag

    class Html(Exporter, Tagged, name="html", tag="web"):
        pass

    return [Html.tag, Exporter.available()]


def generate(rng, n):
    """Fresh sequences of subclass definitions: valid, duplicate, badly named, nameless and abstract."""
    names = ["csv", "json", "xml", "csv", "Bad-Name", "9lives", None, "yaml_2", "csv-2", "xml!"]
    return [[(rng.choice(names), rng.random() < 0.15) for _ in range(rng.randint(1, 7))] for _ in range(n)]


def check(case):
    _fresh()
    seen = []
    for index, (name, abstract) in enumerate(case):
        options = {"abstract": True} if abstract else ({} if name is None else {"name": name})
        seen.append(_define(lambda index=index, options=options: type(f"Plugin{index}", (Exporter,), {}, **options)))
    lookups = []
    for name in ("csv", "json", "nothing"):
        try:
            lookups.append(Exporter.get(name).__name__)
        except KeyError as exc:
            lookups.append(str(exc))
    return [seen, Exporter.available(), lookups]
