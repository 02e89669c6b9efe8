"""model area."""
