"""surface area."""
