"""The race: many optimizers stepped in lockstep over many start points.

``runner`` (``run``, ``Race``, ``Run``; also importable as ``optim_core.runner``)
records the samples; ``engine`` steps every kind's runs with one call of its
rule per step; ``groups`` stacks a kind's runs; ``divergence`` stops runs
that blow up; ``history`` keeps a bounded, decimated trail of a long race.
"""
