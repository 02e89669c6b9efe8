"""panels area."""
