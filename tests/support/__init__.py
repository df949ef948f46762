"""Helpers shared by the tests: generated files, hostile inputs, bounds, fuzzing, Qt helpers."""
