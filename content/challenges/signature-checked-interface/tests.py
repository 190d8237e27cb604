from solution import Interface, required


def define(build):
    """Run a class statement; return the class name or the message of the TypeError it raised."""
    try:
        return build().__name__
    except TypeError as exc:
        return ["TypeError", str(exc)]


def store_base():
    class Store(Interface, abstract=True):
        @required
        def save(self, key, value, *, ttl=None):
            raise NotImplementedError

        @required
        def load(self, key):
            raise NotImplementedError

        def describe(self):
            return "a store"

    return Store


def test_a_complete_implementation_is_accepted():
    Store = store_base()

    class Memory(Store):
        def save(self, key, value, *, ttl=None):
            self.data = {key: value}

        def load(self, key):
            return self.data[key]

    memory = Memory()
    memory.save("a", 1)
    marker = lambda self: None
    return [memory.load("a"), memory.describe(), required(marker) is marker]


def test_a_missing_method_is_refused_when_the_class_is_defined():
    Store = store_base()

    def build():
        class Partial(Store):
            def save(self, key, value, *, ttl=None):
                pass

        return Partial

    return define(build)


def test_a_different_signature_is_refused():
    Store = store_base()

    def build():
        class Sloppy(Store):
            def save(self, key, value):
                pass

            def load(self, key):
                pass

        return Sloppy

    return define(build)


def test_parameter_kinds_and_names_matter_but_defaults_do_not():
    Store = store_base()
    results = []
    for save in (
        lambda self, key, value, ttl=None: None,
        lambda self, key, data, *, ttl=None: None,
        lambda self, key, value, *, ttl=5: None,
        lambda self, value, key, *, ttl=None: None,
        lambda self, key, value, *, ttl=None, extra=1: None,
    ):

        def build(save=save):
            return type("Candidate", (Store,), {"save": save, "load": lambda self, key: None})

        results.append(define(build))
    return results


def test_abstract_subclasses_may_add_requirements():
    Store = store_base()

    class Searchable(Store, abstract=True):
        @required
        def search(self, text):
            raise NotImplementedError

    def missing_search():
        class Half(Searchable):
            def save(self, key, value, *, ttl=None):
                pass

            def load(self, key):
                pass

        return Half

    def complete():
        class Full(Searchable):
            def save(self, key, value, *, ttl=None):
                pass

            def load(self, key):
                pass

            def search(self, text):
                return []

        return Full

    return [define(missing_search), define(complete)]


def test_implementations_may_be_inherited_from_a_concrete_parent():
    Store = store_base()

    class Base(Store):
        def save(self, key, value, *, ttl=None):
            pass

        def load(self, key):
            return "base"

    class Child(Base):
        pass

    def bad_override():
        class Broken(Base):
            def load(self, key, default):
                pass

        return Broken

    return [Child().load("k"), define(bad_override)]


def test_a_redeclaration_in_a_subclass_replaces_the_signature():
    Store = store_base()

    def build():
        class Redeclared(Store, abstract=True):
            @required
            def load(self, key, default):
                raise NotImplementedError

        class Impl(Redeclared):
            def save(self, key, value, *, ttl=None):
                pass

            def load(self, key, default):
                pass

        return Impl

    def old_signature():
        class Redeclared(Store, abstract=True):
            @required
            def load(self, key, default):
                raise NotImplementedError

        class Old(Redeclared):
            def save(self, key, value, *, ttl=None):
                pass

            def load(self, key):
                pass

        return Old

    return [define(build), define(old_signature)]


def test_class_keywords_reach_other_bases():
    class Tagged:
        def __init_subclass__(cls, tag="none", **kwargs):
            super().__init_subclass__(**kwargs)
            cls.tag = tag

    class Thing(Interface, Tagged, tag="x"):
        pass

    class Abstract(Interface, Tagged, abstract=True, tag="y"):
        pass

    return [Thing.tag, Abstract.tag]


def test_no_requirements_means_anything_goes():
    class Plain(Interface):
        def whatever(self, *args, **kwargs):
            return len(args)

    return Plain().whatever(1, 2)


def generate(rng, n):
    """Fresh requirement signatures and implementations that match, miss or differ."""
    names = ["a", "b", "c"]
    kinds = ["plain", "star", "kwonly"]
    cases = []
    for _ in range(n):
        wanted = [(name, rng.choice(kinds)) for name in rng.sample(names, rng.randint(0, 3))]
        given = list(wanted)
        change = rng.choice(["same", "same", "drop", "kind", "swap", "missing"])
        if change == "drop" and given:
            given.pop(rng.randrange(len(given)))
        elif change == "kind" and given:
            at = rng.randrange(len(given))
            given[at] = (given[at][0], rng.choice(kinds))
        elif change == "swap" and len(given) > 1:
            given.reverse()
        cases.append((wanted, given, change == "missing", rng.random() < 0.3))
    return cases


def _function(params):
    plain = [name for name, kind in params if kind == "plain"]
    star = [name for name, kind in params if kind == "star"][:1]
    kwonly = [name for name, kind in params if kind == "kwonly"]
    text = ", ".join(["self"] + plain + [f"*{name}" for name in star] + ([] if star or not kwonly else ["*"]) + [f"{name}=None" for name in kwonly])
    namespace = {}
    exec(f"def method({text}):\n    return 'ran'", namespace)
    return namespace["method"]


def check(case):
    wanted, given, missing, abstract = case
    base = type("Base", (Interface,), {"run": required(_function(wanted))}, abstract=True)
    body = {} if missing else {"run": _function(given)}
    try:
        impl = type("Impl", (base,), body, abstract=abstract)
    except TypeError as exc:
        return ["TypeError", str(exc)]
    return [impl.__name__, "run" in vars(impl)]
