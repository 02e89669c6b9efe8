"""optviz's numerical core: pure numpy, never imports Qt or pyqtgraph.

Use the submodules: ``from optim_core import surfaces, optimizers,
schedules, runner, classifier, gradcheck``.
"""
