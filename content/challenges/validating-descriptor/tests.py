from solution import Bounded


class Order:
    quantity = Bounded(1, 100)
    price = Bounded(0, type=float)

    def __init__(self, quantity, price):
        self.quantity = quantity
        self.price = price


def _assign(order, name, value):
    try:
        setattr(order, name, value)
        return ["ok", getattr(order, name)]
    except (TypeError, ValueError) as exc:
        return [type(exc).__name__, str(exc), getattr(order, name)]


def test_valid_values_are_stored():
    order = Order(3, 9.5)
    return [order.quantity, order.price]


def test_out_of_range_is_rejected():
    order = Order(3, 1.0)
    return [_assign(order, "quantity", 0), _assign(order, "quantity", 101), _assign(order, "price", -0.5)]


def test_wrong_types_are_rejected():
    order = Order(3, 1.0)
    return [_assign(order, "quantity", "7"), _assign(order, "quantity", True), _assign(order, "quantity", 2.0)]


def test_bool_is_not_a_float_either():
    order = Order(3, 1.0)
    return [_assign(order, "price", True), _assign(order, "price", False), _assign(order, "quantity", False)]


def test_int_is_accepted_for_float():
    order = Order(1, 4)
    return [order.price, type(order.price).__name__]


def test_instances_do_not_share_values():
    first, second = Order(1, 1.0), Order(50, 2.0)
    return [first.quantity, second.quantity, first.price, second.price]


def test_class_access_returns_descriptor():
    return [isinstance(Order.quantity, Bounded), Order.quantity.name, Order.price.name]


def test_unset_attribute():
    order = Order.__new__(Order)
    try:
        return order.quantity
    except AttributeError as exc:
        return str(exc)


def generate(rng, n):
    """Fresh orders and assignments: in and out of range, wrong types, ints for floats, two instances."""
    values = [0, 1, 50, 100, 101, -1, 2.5, 0.0, -0.5, "3", True, None, 7]
    cases = []
    for _ in range(n):
        steps = [(rng.randint(0, 1), rng.choice(["quantity", "price"]), rng.choice(values)) for _ in range(rng.randint(1, 8))]
        cases.append(steps)
    return cases


def check(case):
    orders = [Order(3, 1.5), Order(7, 2.0)]
    seen = [_assign(orders[which], name, value) for which, name, value in case]
    return [seen, [[order.quantity, order.price] for order in orders]]
