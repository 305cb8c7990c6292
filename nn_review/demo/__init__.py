"""Demo data: realistic application packages and PDFs for the demo store, tests and benchmarks."""
