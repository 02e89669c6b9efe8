"""widgets area."""
