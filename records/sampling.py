"""Drawing a reproducible random sample of records, optionally stratified, with an ordered reserve.

Why a hash ordering rather than random.Random(seed).shuffle: Python guarantees only that
Random.random() repeats for a seed across versions; shuffle() and sample() have changed before.
Ordering each reference by SHA-256(seed + ":" + reference) depends on nothing but SHA-256, so
anyone can re-derive a draw on any machine, in any language, even in a spreadsheet, from the seed
and the case list. The population is sorted first, so the order of rows in the upload never matters.

Stratification allocates the sample to the strata of one field in proportion to their size,
rounding with the largest-remainder method (ties go to the stratum that sorts first), then takes
each stratum's first records in hash order. The reserve is the rest of the population in hash
order, so a replacement never depends on which stratum needs it.
"""

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Draw:
    """The result of a draw: the sample and the reserve, each in order, and what re-derives them."""

    sample: list
    reserve: list
    seed: str
    population_sha256: str
    population_size: int


def new_seed():
    """A fresh seed for a draw: 16 hexadecimal characters from the operating system's generator."""
    return secrets.token_hex(8)


def population_hash(references):
    """SHA-256 of the sorted references, one per line (UTF-8, "\\n" between them, none at the end)."""
    return hashlib.sha256("\n".join(sorted(references)).encode("utf-8")).hexdigest()


def draw_key(seed, reference):
    return hashlib.sha256(f"{seed}:{reference}".encode()).hexdigest()


def hash_order(seed, references):
    """The references in draw order for this seed (ties, impossible in practice, fall back to the reference)."""
    return sorted(references, key=lambda reference: (draw_key(seed, reference), reference))


def allocate(stratum_sizes: Mapping[str, int], size: int) -> dict:
    """Split `size` across strata in proportion to their sizes, by largest remainder."""
    total = sum(stratum_sizes.values())
    if size > total:
        raise ValueError(f"Cannot draw {size} from {total} records")
    if total == 0:
        return {}
    quotas = {name: size * count // total for name, count in stratum_sizes.items()}
    remainders = {name: size * count % total for name, count in stratum_sizes.items()}
    left = size - sum(quotas.values())
    for name in sorted(stratum_sizes, key=lambda name: (-remainders[name], name))[:left]:
        quotas[name] += 1
    return quotas


def draw(population: Mapping[str, str], size: int, *, seed: str, reserve_size: int = 0, stratify=False) -> Draw:
    """Draw `size` references from `population` (reference -> stratum value) plus an ordered reserve.

    stratify: when true, the sample keeps the proportions of the stratum values; otherwise the
    values are ignored. The sample is returned in hash order; the reserve too.
    """
    references = sorted(population)
    if len(set(references)) != len(references):
        raise ValueError("References must be unique")
    if size > len(references):
        raise ValueError(f"Cannot draw {size} from {len(references)} records")
    ordered = hash_order(seed, references)
    if stratify:
        strata = {}
        for reference in ordered:
            strata.setdefault(population[reference], []).append(reference)
        quotas = allocate({name: len(members) for name, members in strata.items()}, size)
        chosen = {reference for name, members in strata.items() for reference in members[: quotas[name]]}
        sample = [reference for reference in ordered if reference in chosen]
    else:
        sample = ordered[:size]
    taken = set(sample)
    reserve = [reference for reference in ordered if reference not in taken][:reserve_size]
    return Draw(sample, reserve, seed, population_hash(references), len(references))
