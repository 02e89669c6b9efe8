"""experiment area."""
