"""Formal checks (形式审查): guide rules, consortium conditions, cross-package checks."""
