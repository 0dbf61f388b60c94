"""Hard and soft checks on a section's answers."""

from annual_returns.checks import hard_problems, warnings


def test_leavers_cannot_exceed_headcount_plus_starters():
    answers = {"nurses__headcount": 5, "nurses__starters": 2, "nurses__leavers": 8, "nurses__wte": 4}
    problems = hard_problems("staffing", answers)
    assert [p.field for p in problems] == ["nurses__leavers"]
    assert "cannot be more than the headcount plus starters (7)" in problems[0].message


def test_leavers_equal_to_headcount_plus_starters_is_allowed():
    answers = {"nurses__headcount": 5, "nurses__starters": 2, "nurses__leavers": 7, "nurses__wte": 4}
    assert hard_problems("staffing", answers) == []


def test_whole_time_equivalent_cannot_exceed_headcount():
    answers = {
        "care_staff__headcount": 10,
        "care_staff__wte": 10.5,
        "care_staff__starters": 0,
        "care_staff__leavers": 0,
    }
    assert [p.field for p in hard_problems("staffing", answers)] == ["care_staff__wte"]


def test_age_bands_must_add_up_to_the_number_of_people():
    problems = hard_problems("people", {"people_total": 10, "age_18_to_64": 3, "age_65_plus": 6})
    assert "add up to 9" in problems[0].message


def test_respite_places_cannot_exceed_registered_places():
    assert hard_problems("capacity", {"registered_places": 10, "respite_places": 11, "occupied_places": 9})


def test_turnover_above_60_percent_is_a_warning_not_an_error():
    answers = {"care_staff__headcount": 10, "care_staff__starters": 7, "care_staff__leavers": 7, "care_staff__wte": 8}
    assert hard_problems("staffing", answers) == []
    assert [w.code for w in warnings("staffing", answers)] == ["turnover"]


def test_turnover_of_exactly_60_percent_is_not_flagged():
    answers = {"care_staff__headcount": 10, "care_staff__starters": 6, "care_staff__leavers": 6, "care_staff__wte": 8}
    assert warnings("staffing", answers) == []


def test_occupancy_above_capacity_is_a_warning():
    assert [w.code for w in warnings("capacity", {"registered_places": 40, "occupied_places": 41})] == ["occupancy"]
    assert warnings("capacity", {"registered_places": 40, "occupied_places": 40}) == []
