"""Exporting races: animation frame writers, the animation driver, static
pictures and tables. ``writers`` and ``palette`` import no Qt."""
