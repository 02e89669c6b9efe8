"""analysis area."""
