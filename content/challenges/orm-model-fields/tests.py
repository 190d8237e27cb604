from solution import Field, Model


class Address(Model):
    city = Field(str)
    zip_code = Field(str, default="00000")


class User(Model):
    id = Field(int)
    name = Field(str)
    email = Field(str, nullable=True, default=None)
    tags = Field(list, default=list)
    address = Field(Address, nullable=True, default=None)


class Admin(User):
    level = Field(int, default=1)
    name = Field(str, default="root")  # redefined: keeps its place after id


class Guest(User):
    pass


class Point(Model):
    x = Field(int)
    y = Field(int)


class Pair(Model):
    x = Field(int)
    y = Field(int)


class Registered:
    """A cooperative mixin whose own __init_subclass__ must still run for models that use it."""

    names: list = []

    def __init_subclass__(cls, prefix="", **kwargs):
        super().__init_subclass__(**kwargs)
        Registered.names.append(prefix + cls.__name__)


class Product(Model, Registered, prefix="shop."):
    sku = Field(str)


class Timestamped:
    created = Field(int, default=0)


class Event(Timestamped, Model):
    title = Field(str)


def _outcome(action):
    try:
        return ["ok", action()]
    except (TypeError, ValueError, AttributeError) as exc:
        return [type(exc).__name__, str(exc)]


def test_fields_are_collected_in_definition_order():
    user = User(id=1, name="ann")
    return [User._fields, repr(user)]


def test_values_are_validated_on_every_assignment():
    user = User(id=1, name="ann")

    def rename():
        user.name = 42

    return [_outcome(lambda: User(id="1", name="ann")), _outcome(rename), user.name]


def test_each_instance_keeps_its_own_values():
    first, second = User(id=1, name="ann"), User(id=2, name="bob")
    first.name = "anna"
    return [first.name, second.name, first.id, second.id, vars(first) == vars(second)]


def test_the_class_attribute_is_the_field_and_knows_its_name():
    field = User.email
    return [type(field).__name__, field.name, field.kind.__name__, Admin.level.name, Address.zip_code.name]


def test_a_bool_is_not_an_int():
    def promote():
        Admin(id=1, name="x").level = False

    return [_outcome(lambda: User(id=True, name="x")), _outcome(promote)]


def test_none_is_accepted_only_by_nullable_fields():
    user = User(id=1, name="ann", email="a@example.com")
    user.email = None

    def clear_name():
        user.name = None

    return [user.email, _outcome(clear_name), user.name]


def test_defaults_fill_missing_values_and_callables_are_called_per_instance():
    first, second = User(id=1, name="a"), User(id=2, name="b")
    first.tags.append("x")
    return [first.tags, second.tags, first.tags is second.tags, second.email, Address(city="Oslo").zip_code]


def test_missing_and_unknown_fields_are_refused():
    return [
        _outcome(lambda: User(id=1)),
        _outcome(lambda: User(name="ann")),
        _outcome(lambda: User(id=1, name="ann", age=3)),
        _outcome(lambda: Address()),
    ]


def test_inherited_fields_come_first_and_a_redefined_field_keeps_its_place():
    admin = Admin(id=7)
    return [Admin._fields, repr(admin), User._fields]


def test_fields_from_a_mixin_are_collected_too():
    event = Event(title="launch")
    return [Event._fields, repr(event), event.to_dict()]


def test_an_error_names_the_class_of_the_instance():
    admin = Admin(id=1)

    def bad_id():
        admin.id = "one"

    return _outcome(bad_id)


def test_equality_needs_the_same_class_and_the_same_values():
    return [
        User(id=1, name="a") == User(id=1, name="a"),
        User(id=1, name="a") == User(id=1, name="b"),
        User(id=1, name="root") == Admin(id=1),
        Admin(id=1) == User(id=1, name="root"),
        User(id=1, name="a") == {"id": 1, "name": "a"},
        User(id=1, name="a") != User(id=1, name="a"),
        Address(city="x", zip_code="1") == Address(city="x", zip_code="2"),
        User(id=1, name="a").__eq__(5) is NotImplemented,
        Point(x=1, y=2) == Pair(x=1, y=2),
        Guest(id=1, name="a") == User(id=1, name="a"),
        User(id=1, name="a").__eq__(Guest(id=1, name="a")) is NotImplemented,
        Point(x=1, y=2) == Point(x=1, y=2),
    ]


def test_the_base_model_has_no_fields():
    return [Model._fields, repr(Model()), Model() == Model(), _outcome(lambda: Model(x=1))]


def test_an_unassigned_field_has_no_name_and_an_unset_value_is_an_attribute_error():
    bare = User.__new__(User)
    return [Field(int).name, _outcome(lambda: bare.name), Guest._fields == User._fields]


def test_init_subclass_cooperates_with_other_bases():
    return [Product._fields, repr(Product(sku="A1")), [name for name in Registered.names if name.startswith("shop.")]]


def test_models_are_not_hashable():
    return _outcome(lambda: hash(User(id=1, name="a")))


def test_to_dict_nests_models():
    user = User(id=3, name="cy", tags=["t"], address=Address(city="Rome"))
    data = user.to_dict()
    return [data, list(data), type(data["address"]).__name__]


def test_from_dict_round_trips_and_builds_nested_models():
    user = User(id=3, name="cy", email="c@example.com", tags=["t"], address=Address(city="Rome", zip_code="1"))
    copy = User.from_dict(user.to_dict())
    return [copy == user, copy is user, type(copy.address).__name__, repr(copy)]


def test_from_dict_uses_defaults_and_leaves_its_input_alone():
    data = {"id": 5, "name": "di", "address": {"city": "Lima"}}
    user = User.from_dict(data)
    return [repr(user), data, type(Admin.from_dict({"id": 9})).__name__, Admin.from_dict({"id": 9}).level]


def test_from_dict_refuses_unknown_keys_and_bad_values():
    return [
        _outcome(lambda: User.from_dict({"id": 1, "name": "a", "role": "x"})),
        _outcome(lambda: User.from_dict({"id": 1, "name": "a", "address": {"city": 4}})),
        _outcome(lambda: User.from_dict({"id": 1, "name": "a", "address": "Rome"})),
    ]


def test_a_value_of_a_subclass_is_accepted():
    class Tag(str):
        pass

    user = User(id=1, name=Tag("t"))
    return [type(user.name).__name__, str(user.name)]


def generate(rng, n):
    """Fresh sequences of constructions and assignments, valid and invalid, on the User model."""
    values = [0, 1, -4, True, "x", "", None, 2.5, ["a"], []]
    cases = []
    for _ in range(n):
        steps = []
        for _ in range(rng.randint(1, 8)):
            steps.append((rng.choice(["id", "name", "email", "tags"]), rng.randrange(len(values))))
        cases.append((rng.randint(-3, 50), rng.choice(["ann", "bo", ""]), steps))
    return cases


def check(case):
    values = [0, 1, -4, True, "x", "", None, 2.5, ["a"], []]
    user_id, name, steps = case
    user = User(id=user_id, name=name)
    seen = []
    for field, index in steps:
        try:
            setattr(user, field, values[index])
            seen.append("ok")
        except TypeError as exc:
            seen.append(str(exc))
    again = User.from_dict(user.to_dict())
    return [seen, repr(user), user.to_dict(), again == user]
