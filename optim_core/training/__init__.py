"""training area."""
