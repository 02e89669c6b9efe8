"""A real linear classifier (multiclass SVM / softmax on real data) and exact,
fast 2-D and 1-D slices of its loss.

``load_dataset`` -> ``LinearClassifier`` -> ``PlaneSlice(model, W0, D1, D2)``,
with ``init_weights``, ``train`` (a trained centre W*) and
``random_directions``; docs/architecture.md describes the data and the slices.
"""

from optim_core.classifier.data import Dataset, load_dataset
from optim_core.classifier.directions import random_directions
from optim_core.classifier.losses import LOSSES, LinearClassifier, init_weights
from optim_core.classifier.minibatch import MiniBatchSlice
from optim_core.classifier.slices import GridCancelled, LineSlice, PlaneSlice
from optim_core.classifier.train import train

__all__ = ["LOSSES", "Dataset", "GridCancelled", "LineSlice", "LinearClassifier",
           "MiniBatchSlice", "PlaneSlice", "init_weights", "load_dataset", "random_directions",
           "train"]
