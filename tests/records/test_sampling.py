"""The draw is a pure function: reproducible from the seed and the population on any machine."""

import hashlib

import pytest

from records import sampling


def population(n=200, strata=("0 to 4", "5 to 11", "12 to 15", "16 to 17"), weights=(1, 2, 4, 3)):
    """n references spread over the strata in proportion to weights."""
    cycle = [s for s, w in zip(strata, weights, strict=True) for _ in range(w)]
    return {f"REF-{i:04d}": cycle[i % len(cycle)] for i in range(n)}


def test_same_seed_and_population_give_the_same_sample_and_reserve():
    first = sampling.draw(population(), 30, seed="abc123", reserve_size=10)
    second = sampling.draw(population(), 30, seed="abc123", reserve_size=10)
    assert first == second
    assert len(first.sample) == 30 and len(first.reserve) == 10


def test_order_of_the_upload_does_not_change_the_draw():
    people = population()
    shuffled = dict(reversed(list(people.items())))
    assert sampling.draw(people, 30, seed="s1").sample == sampling.draw(shuffled, 30, seed="s1").sample


def test_draw_matches_a_known_answer_so_it_repeats_on_any_machine():
    """Re-derived by hand from the documented rule: sort by SHA-256 of "seed:reference"."""
    refs = {f"R{i}": "" for i in range(10)}
    expected = sorted(refs, key=lambda r: hashlib.sha256(f"fixed:{r}".encode()).hexdigest())
    drawn = sampling.draw(refs, 3, seed="fixed", reserve_size=2)
    assert drawn.sample == expected[:3]
    assert drawn.reserve == expected[3:5]
    assert drawn.sample == ["R9", "R5", "R6"]  # pinned: a change of method must fail here


def test_different_seeds_give_different_samples():
    samples = {tuple(sampling.draw(population(), 30, seed=seed).sample) for seed in ["a", "b", "c", "d"]}
    assert len(samples) == 4


def test_sample_and_reserve_do_not_overlap():
    drawn = sampling.draw(population(), 30, seed="x", reserve_size=50)
    assert not set(drawn.sample) & set(drawn.reserve)


def test_population_hash_is_sha256_of_the_sorted_references():
    refs = {"B": "", "A": "", "C": ""}
    drawn = sampling.draw(refs, 1, seed="x")
    assert drawn.population_sha256 == hashlib.sha256(b"A\nB\nC").hexdigest()
    assert drawn.population_size == 3


def test_stratified_sample_keeps_the_proportions():
    people = population(200)  # strata of 20, 40, 80 and 60
    drawn = sampling.draw(people, 30, seed="strata", stratify=True)
    counts = {}
    for reference in drawn.sample:
        counts[people[reference]] = counts.get(people[reference], 0) + 1
    assert counts == {"0 to 4": 3, "5 to 11": 6, "12 to 15": 12, "16 to 17": 9}


@pytest.mark.parametrize("seed", ["one", "two", "three"])
def test_stratified_allocation_does_not_depend_on_the_seed(seed):
    people = population(200)
    drawn = sampling.draw(people, 30, seed=seed, stratify=True)
    assert sum(1 for r in drawn.sample if people[r] == "12 to 15") == 12


def test_largest_remainder_rounding_gives_the_leftover_to_the_largest_remainders():
    # 10 from 3 strata of 7, 7 and 6: exact shares 3.5, 3.5 and 3.0.
    assert sampling.allocate({"a": 7, "b": 7, "c": 6}, 10) == {"a": 4, "b": 3, "c": 3}
    # 4 from 1, 1 and 8: shares 0.4, 0.4 and 3.2; the tie goes to the stratum that sorts first.
    assert sampling.allocate({"b": 1, "a": 1, "c": 8}, 4) == {"a": 1, "b": 0, "c": 3}
    assert sum(sampling.allocate({"x": 13, "y": 29, "z": 58}, 30).values()) == 30


def test_drawing_more_than_the_population_is_refused():
    with pytest.raises(ValueError, match="Cannot draw 5 from 3"):
        sampling.draw({"A": "", "B": "", "C": ""}, 5, seed="x")


def test_reserve_is_cut_short_when_the_population_runs_out():
    drawn = sampling.draw({f"R{i}": "" for i in range(12)}, 10, seed="x", reserve_size=5)
    assert len(drawn.reserve) == 2
