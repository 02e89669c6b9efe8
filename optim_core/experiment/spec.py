"""The experiment: everything needed to reproduce one picture, as plain data.

``ExperimentSpec`` is what the GUI model edits, what ``*.optviz.json``
files hold (see ``optim_core.experiment.file``) and what the headless
exporter renders. It is pure data: building the surface and optimizers
from it is done by ``make_surface`` and ``make_optimizer``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from optim_core import optimizers, surfaces
from optim_core.experiment.many_starts import ManyStartsSpec, SearchSpec
from optim_core.surfaces.base import Surface

if TYPE_CHECKING:
    from optim_core.experiment.centre import StoredCentre

#: Colourblind-friendly run colours (Okabe–Ito, reordered for contrast on
#: viridis-like maps); new runs take the next unused one.
RUN_COLORS = (
    "#ff7f0e", "#ffffff", "#e41a1c", "#56b4e9", "#f0e442", "#cc79a7", "#00e5a0", "#9467bd",
)

CLASSIFIER = "classifier"
#: The surface name of a typed f(x, y) (``SurfaceSpec.expression`` holds it).
EXPRESSION = surfaces.EXPRESSION

#: Perceptually uniform colour maps a view may use (pyqtgraph ships them).
COLORMAPS = ("viridis", "magma", "inferno", "plasma", "cividis")

HyperValue = float | dict[str, Any]

#: λ range of a slice, in files and on the slider (0 switches the regularizer
#: off; the log slider starts at REG_SLIDER_MIN). Training W* is stable over
#: all of it (see ``classifier.train``).
REG_MAX = 1e3
REG_SLIDER_MIN = 1e-6
#: Largest mini-batch in files and on the panel; a batch at least as large as
#: the training set is the full batch.
BATCH_SIZE_MAX = 100_000
#: Each loss's default range ±extent about W* (filter-normalized directions): the
#: softmax bowl rises from 0.12 to 0.88 over ±1; the SVM, a sum of thousands of
#: hinges, looks smooth over ±1 and shows its kinks (facets) within ±0.25.
DEFAULT_EXTENT = {"softmax": 1.0, "svm": 0.25}


def default_extent(loss: str) -> float:
    """The default slice range of ``loss`` (1 for a loss not listed)."""
    return DEFAULT_EXTENT.get(loss, 1.0)


@dataclass
class SliceSpec:
    """A random plane L(W0 + a·D1 + b·D2) through a linear classifier's weights."""

    dataset: str = "digits"  # "digits" (bundled) or a path to .npz/.csv/CIFAR folder
    loss: str = "softmax"  # "softmax" | "svm"
    reg: float = 1e-3  # λ in λ‖W‖²
    center: str = "trained"  # "trained" (W* from training) | "init" (small random W)
    seed: int = 0  # seeds W0 and the directions
    normalize: bool = True  # filter-normalize the directions
    extent: float = DEFAULT_EXTENT["softmax"]  # a, b ∈ [−extent, extent]
    batch_size: int = 0  # 0: full-batch gradients; else mini-batch of this size


@dataclass
class ExpressionSpec:
    """A typed surface f(x, y) = ``text`` over ``bounds`` [[x0, x1], [y0, y1]];
    its named parameters' values are ``SurfaceSpec.params``."""

    text: str = "x**2 + 10*y**2"
    bounds: list[list[float]] = field(default_factory=lambda: [[-3.0, 3.0], [-3.0, 3.0]])


@dataclass
class SurfaceSpec:
    name: str = "rosenbrock"
    params: dict[str, float] = field(default_factory=dict)
    slice: SliceSpec = field(default_factory=SliceSpec)
    resolution: int = 256  # grid points per side of the drawn image
    expression: ExpressionSpec = field(default_factory=ExpressionSpec)


@dataclass
class RunSpec:
    kind: str
    label: str
    color: str
    enabled: bool = True
    #: hyper-parameter name -> float, or a schedule as ``schedules.Schedule.to_dict()``.
    hyper: dict[str, HyperValue] = field(default_factory=dict)
    #: Draw this run's internals at its heads (while ``ViewSpec.internals.shown``).
    internals: bool = True
    #: The run's one identity (race, signals, panels, CSV, files); "" until the
    #: experiment gives it one (``runs.RunList`` does, unique and stable).
    id: str = ""


#: The parts of an update the view can draw at each head: the step about to be
#: taken x_{t+1} − x_t, −ηg, the velocity v (or Adam's m̂), the adaptive
#: per-coordinate step η/(√c + ε) as a box, Newton's step, L-BFGS's direction.
INTERNAL_PIECES = ("step", "gradient_term", "velocity", "scale", "newton_step", "direction")


@dataclass
class InternalsSpec:
    shown: bool = False  # draw the internals at all (View ▸ Internals, key I)
    pieces: list[str] = field(default_factory=lambda: list(INTERNAL_PIECES))


@dataclass
class ViewSpec:
    colormap: str = "viridis"
    log_color: bool | None = None  # None: automatic (log where the range is wide)
    contours: int = 12
    internals: InternalsSpec = field(default_factory=InternalsSpec)


#: Where the gradient check looks: the head of a run, the start point, the slice centre W0.
CHECK_POINTS = ("head", "start", "centre")


@dataclass
class GradcheckSpec:
    """The gradient check's settings (``optim_core.analysis.gradcheck_targets``)."""

    at: str = "head"  # one of CHECK_POINTS
    run: str = ""  # the run id whose head is checked ("": the first enabled run)
    part: str = "data"  # "data" | "reg" | "total" (classifier slices)
    h: float = 1e-5  # finite-difference step
    centered: bool = True  # (f(x+h) − f(x−h)) / 2h, else (f(x+h) − f(x)) / h
    samples: int = 12  # coordinates of W checked (classifier slices)
    seed: int = 0  # which coordinates are drawn
    planted_bug: bool = False  # a classic mistake applied to the analytic gradient


@dataclass
class TrainingSpec:
    """Full-space classifier training: which runs train, and how long."""

    runs: list[str] | None = None  # run ids; None: every run that can train
    epochs: int = 10
    batch_size: int = 64  # 0: full batch
    seed: int = 0


@dataclass
class AnalysisSpec:
    gradcheck: GradcheckSpec = field(default_factory=GradcheckSpec)
    training: TrainingSpec = field(default_factory=TrainingSpec)
    many_starts: ManyStartsSpec = field(default_factory=ManyStartsSpec)
    search: SearchSpec = field(default_factory=SearchSpec)


@dataclass
class Lesson:
    """What an experiment teaches, in plain language (the Lesson panel shows it):
    what to look at, what to try next, and why it happens. Empty: no lesson."""

    look: str = ""
    try_next: str = ""
    why: str = ""

    def __bool__(self) -> bool:
        return bool(self.look or self.try_next or self.why)


@dataclass
class ExperimentSpec:
    version: int = 3
    title: str = ""
    notes: str = ""  # one line on what to look for (the Presets menu's tooltip)
    lesson: Lesson = field(default_factory=Lesson)
    surface: SurfaceSpec = field(default_factory=SurfaceSpec)
    runs: list[RunSpec] = field(default_factory=list)
    starts: list[list[float]] = field(default_factory=list)  # (S, 2)
    steps: int = 500  # maximum number of steps of the race
    steps_per_frame: int = 1
    view: ViewSpec = field(default_factory=ViewSpec)
    analysis: AnalysisSpec = field(default_factory=AnalysisSpec)
    #: The trained W* the slice was built on (``experiment.centre``): derived data,
    #: saved so that opening the file does not train it again; no setting, so
    #: comparisons of experiments leave it out.
    centre: StoredCentre | None = field(default=None, compare=False)

    def copy(self) -> ExperimentSpec:
        return copy.deepcopy(self)


def next_color(used: list[str]) -> str:
    """The first palette colour not in ``used`` (cycling when all are taken)."""
    for c in RUN_COLORS:
        if c not in used:
            return c
    return RUN_COLORS[len(used) % len(RUN_COLORS)]


def assign_run_ids(runs: list[RunSpec]) -> None:
    """Give every run without an id (or with one another run has) a new
    ``run<k>`` id, numbered past the highest taken; ids already unique stay."""
    taken: set[str] = set()
    for run in runs:
        if run.id and run.id not in taken:
            taken.add(run.id)
        else:
            run.id = ""
    numbers = [int(i[3:]) for i in taken if i.startswith("run") and i[3:].isdigit()]
    k = max(numbers, default=0)
    for run in runs:
        if not run.id:
            k += 1
            run.id = f"run{k}"


def default_run(kind: str, label: str | None = None, color: str | None = None,
                used_colors: list[str] | None = None, **hyper: HyperValue) -> RunSpec:
    """A run of ``kind`` with the optimizer's default hyper-parameters, overridden by ``hyper``."""
    values: dict[str, HyperValue] = {h.name: h.default for h in optimizers.hyper_specs(kind)}
    values.update(hyper)
    return RunSpec(kind=kind, label=label or kind, hyper=values,
                   color=color or next_color(used_colors or []))


def default_experiment() -> ExperimentSpec:
    """Rosenbrock with SGD, momentum, RMSprop and Adam: the race a new user sees."""
    runs: list[RunSpec] = []
    for kind, label, lr in (("sgd", "SGD", 1e-3), ("momentum", "Momentum", 1e-3),
                            ("rmsprop", "RMSprop", 1e-2), ("adam", "Adam", 5e-2)):
        runs.append(default_run(kind, label, used_colors=[r.color for r in runs], lr=lr))
    assign_run_ids(runs)
    start = surfaces.get("rosenbrock").default_start
    return ExperimentSpec(title="Rosenbrock race", runs=runs,
                          starts=[[float(start[0]), float(start[1])]], steps=1000,
                          steps_per_frame=2)


def make_optimizer(run: RunSpec) -> optimizers.Optimizer:
    """The optimizer a run describes; schedule dicts become schedules."""
    return optimizers.from_dict({"kind": run.kind, "hyper": run.hyper})


#: What ``make_surface`` reports while it works (the GUI translates it).
LOADING = "loading {dataset}"


def make_surface(spec: SurfaceSpec, progress: Callable[[float, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 centre: StoredCentre | None = None) -> Surface:
    """The surface ``spec`` names. For the classifier slice this loads data and,
    for a trained centre, takes W* from the session, else from ``centre`` (a
    file's) when it fits, else trains it (once a session for each dataset,
    loss, λ and seed): slow, so call it off the GUI thread."""
    if spec.name == EXPRESSION:
        e = spec.expression
        return surfaces.from_expression(e.text, tuple(map(tuple, e.bounds)), spec.params)
    if spec.name != CLASSIFIER:
        return surfaces.get(spec.name, **spec.params)
    from optim_core import classifier
    from optim_core.experiment.centre import trained_centre

    s = spec.slice
    if progress:
        progress(0.0, LOADING.format(dataset=s.dataset))
    ds = classifier.load_dataset(s.dataset)
    model = classifier.LinearClassifier(ds.X_train, ds.y_train, loss=s.loss, reg=s.reg)
    W0 = classifier.init_weights(ds.dim, ds.num_classes, seed=s.seed)
    if s.center == "trained":
        W0 = trained_centre(model, W0, s, centre, progress)
    D1, D2 = classifier.random_directions(W0, s.seed, normalize="filter" if s.normalize else None)
    plane = classifier.PlaneSlice(model, W0, D1, D2, extent=s.extent, dataset_name=ds.name)
    if 0 < s.batch_size < model.num_samples:
        return plane.minibatch(s.batch_size, seed=s.seed)
    return plane


def starts_array(spec: ExperimentSpec) -> np.ndarray:
    """The start points as a ``(S, 2)`` float array."""
    return np.asarray(spec.starts, dtype=float).reshape(-1, 2)
