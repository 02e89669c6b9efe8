"""app area."""
