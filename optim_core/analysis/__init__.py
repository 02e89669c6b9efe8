"""Analysis of optimizers on a surface: gradient-check targets, training-curve
series, basin maps and learning-rate sweeps."""

from optim_core.analysis.basin_map import BasinMap, basins
from optim_core.analysis.lr_sweep import LRSweep, best_lr, lr_sweep, sweep

__all__ = ["BasinMap", "LRSweep", "basins", "best_lr", "lr_sweep", "sweep"]
