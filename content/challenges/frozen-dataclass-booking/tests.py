import dataclasses

from solution import Booking


def _show(booking):
    return [booking.start, booking.end, booking.room, list(booking.guests), type(booking.guests).__name__, booking.duration]


def test_fields_are_normalised():
    booking = Booking(540, 600, "  Blue Room ", ["ann", "bob", "ann"])
    return [_show(booking), repr(booking)]


def test_bookings_are_immutable():
    booking = Booking(540, 600, "a")
    outcomes = []
    for name, value in (("start", 0), ("room", "b"), ("duration", 5), ("extra", 1)):
        try:
            setattr(booking, name, value)
        except dataclasses.FrozenInstanceError:
            outcomes.append("frozen")
    return [outcomes, _show(booking)]


def test_defaults():
    booking = Booking(0, 1440, "hall")
    return [_show(booking), booking.notes, repr(booking)]


def test_equality_and_hash_ignore_guests_and_notes():
    a = Booking(60, 120, "A", ["x"], ["first"])
    b = Booking(60, 120, " a ", ["y", "z"])
    c = Booking(60, 121, "a")
    return [a == b, hash(a) == hash(b), a == c, len({a, b, c}), {a: "kept"}.get(b)]


def test_ordering_is_by_start_then_end_then_room():
    bookings = [Booking(600, 660, "b"), Booking(540, 700, "z"), Booking(600, 630, "c"), Booking(600, 660, "a"), Booking(540, 560, "y")]
    return [[_show(b)[:3] for b in sorted(bookings)], Booking(1, 2, "a") < Booking(1, 2, "b"), Booking(5, 6, "a") > Booking(1, 9, "z")]


def test_guests_may_be_any_iterable_and_are_deduplicated_in_order():
    return [
        list(Booking(0, 10, "r", ("c", "a", "c", "b", "a")).guests),
        list(Booking(0, 10, "r", (g for g in ["q", "p", "q"])).guests),
        list(Booking(0, 10, "r", "abca").guests),
        list(Booking(0, 10, "r", []).guests),
    ]


def test_each_booking_gets_its_own_notes_list():
    first, second = Booking(0, 10, "r"), Booking(0, 10, "r")
    first.notes.append("projector")
    return [first.notes, second.notes, first.notes is second.notes, first == second]


def test_bad_time_ranges():
    outcomes = []
    for start, end in ((600, 600), (601, 600), (-1, 10), (0, 1441), (1440, 1441)):
        try:
            Booking(start, end, "a")
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_bad_types_and_rooms():
    outcomes = []
    for args in ((1.0, 10, "a"), (0, "10", "a"), (True, 10, "a"), (0, 10, ""), (0, 10, "   "), (0, 10, None)):
        try:
            Booking(*args)
        except (TypeError, ValueError) as exc:
            outcomes.append([type(exc).__name__, str(exc)])
    return outcomes


def test_the_whole_day_and_the_edges_of_it():
    return [_show(Booking(0, 1440, "a")), _show(Booking(0, 1, "a")), _show(Booking(1439, 1440, "a"))]


def test_duration_is_not_an_argument():
    try:
        Booking(0, 10, "a", (), [], 10)
    except TypeError:
        return "refused"
    return "accepted"


def test_moved_returns_a_new_validated_booking():
    booking = Booking(540, 600, "Hall", ["ann"], ["bring cake"])
    later = booking.moved(90)
    earlier = booking.moved(-540)
    return [_show(later), later.notes, _show(earlier), _show(booking), later is booking, later == booking]


def test_moved_out_of_the_day_is_refused():
    booking = Booking(1400, 1430, "a")
    outcomes = []
    for minutes in (11, 40, -1401):
        try:
            booking.moved(minutes)
        except ValueError as exc:
            outcomes.append(str(exc))
    return [outcomes, _show(booking.moved(10))]


def test_a_moved_booking_has_its_own_notes():
    booking = Booking(0, 60, "a", notes=["one"])
    copy = booking.moved(5)
    copy.notes.append("two")
    return [booking.notes, copy.notes]


def test_dataclasses_replace_revalidates_and_recomputes():
    booking = Booking(100, 200, "a", ["g"])
    renamed = dataclasses.replace(booking, room="  NEW ")
    longer = dataclasses.replace(booking, end=400)
    outcomes = [_show(renamed), _show(longer)]
    try:
        dataclasses.replace(booking, end=50)
    except ValueError as exc:
        outcomes.append(str(exc))
    return outcomes


def test_fields_declared():
    return [[f.name, f.init, f.compare, f.repr] for f in dataclasses.fields(Booking)]


def generate(rng, n):
    """Fresh bookings (some invalid) with rooms in mixed case and spacing, guest lists with repeats, and moves."""
    cases = []
    for _ in range(n):
        start = rng.randint(-30, 1440)
        end = start + rng.randint(-5, 300)
        room = rng.choice([" a", "A", "b ", "B", "a", "  "])
        guests = [rng.choice("xyz") for _ in range(rng.randint(0, 4))]
        cases.append((start, end, room, guests, rng.randint(-600, 600)))
    return cases


def check(case):
    start, end, room, guests, minutes = case
    try:
        booking = Booking(start, end, room, guests)
    except ValueError as exc:
        return ["invalid", str(exc)]
    other = Booking(start, end, "b")
    try:
        moved = _show(booking.moved(minutes))
    except ValueError as exc:
        moved = str(exc)
    return [_show(booking), repr(booking), booking == other, booking < other, moved]
