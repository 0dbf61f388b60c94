"""National-scale benchmarks: `make bench` runs bench.run."""
