"""render area."""
