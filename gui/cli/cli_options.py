"""Turning ``optviz export`` options into an experiment and recording options.

No window system here: every option is checked, with a message naming it
(in the interface language), before a window or a file is touched.
"""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import dataclass
from pathlib import Path

from gui.app.core_text import error_text
from gui.app.i18n import translate, translated
from gui.export.animation_options import MAX_ORBIT, AnimationOptions
from gui.export.frame_writer import (
    ExportError,
    check_export_size,
    check_frame_options,
    check_target_name,
    format_of,
)
from optim_core import optimizers, surfaces
from optim_core.experiment import file as ef
from optim_core.experiment.checks import MAX_RUNS, START_LIMIT
from optim_core.experiment.spec import (
    CLASSIFIER,
    COLORMAPS,
    EXPRESSION,
    ExperimentSpec,
    ExpressionSpec,
    RunSpec,
    SurfaceSpec,
    default_experiment,
    default_run,
)
from optim_core.surfaces.expression_parser import ExpressionError

#: ``--surface "f: EXPR"`` names a typed surface.
TYPED_PREFIX = "f:"


#: A comma-separated list of numbers that starts with a minus sign.
NEGATIVES = re.compile(r"-\.?\d[\d.eE+-]*(,[\d.eE+-]*)+")


def glue_negative_values(argv: list[str]) -> list[str]:
    """``--bounds -3,3,-2,2`` -> ``--bounds=-3,3,-2,2``: argparse (before Python
    3.13) reads a value like -3,3,-2,2 or -1.2,1 as an unknown option."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1].startswith("--") and "=" not in out[-1] and NEGATIVES.match(arg):
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


class OptionError(ValueError):
    """A bad command-line option; the message names it."""


@dataclass
class ExportRequest:
    spec: ExperimentSpec
    options: AnimationOptions
    out: Path


def parse_size(text: str) -> tuple[int, int]:
    """``"640x480"`` -> ``(640, 480)`` (argparse type)."""
    try:
        w, h = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "CommandLine", "{text} is not a size like 640x480").format(text=repr(text))) from None
    return w, h


def build_request(args: argparse.Namespace) -> ExportRequest:
    """The experiment and options ``args`` describe; ``OptionError`` when one is wrong."""
    if args.out is None:
        raise OptionError(translate("CommandLine", "--out is required (e.g. --out race.mp4)"))
    spec = _base(args.experiment)
    # "is not None": an empty --surface "" or --optimizers "" is a mistake to report,
    # not a request for the defaults.
    if args.surface is not None:
        _set_surface(spec, args.surface)
    _set_typed_surface(spec, args.bounds, args.param)
    if args.optimizers is not None:
        spec.runs = _runs(args.optimizers, spec.runs)
    if not spec.runs:
        raise OptionError(translate(
            "CommandLine", "no runs to record: give --optimizers (e.g. sgd,momentum,adam)"))
    for item in args.lr:
        _set_lr(spec.runs, item)
    if args.start:
        spec.starts = [_point(s) for s in args.start]
    if args.steps is not None:
        spec.steps = _bounded("--steps", args.steps, 1, ef.MAX_STEPS)
    if args.colormap is not None:
        if args.colormap not in COLORMAPS:
            raise OptionError(translate("CommandLine", "--colormap: unknown {name}; one of "
                                        "{names}").format(name=repr(args.colormap),
                                                          names=", ".join(COLORMAPS)))
        spec.view.colormap = args.colormap
    options = _options(args, spec)
    try:
        check_frame_options(format_of(args.out), options.width, options.height, options.fps)
        check_target_name(args.out)
        frames = options.resolved(spec).frames
        check_export_size(args.out, options.width, options.height, frames)
    except ExportError as e:
        message = error_text(e)
        raise OptionError(message if "--out" in message else f"--out: {message}") from None
    return ExportRequest(spec, options, args.out)


def listing() -> str:
    """What ``--list`` prints: surfaces, optimizers and colour maps."""
    lines = [translate("CommandLine", "surfaces:")]
    lines += [f"  {n:<15} {translated('core', surfaces.get(n).description)}"
              for n in surfaces.names()]
    lines.append(f"  {CLASSIFIER:<15} " + translate(
        "CommandLine", "a random plane through a linear classifier's weights (bundled digits, "
        "softmax)"))
    typed = f'"{TYPED_PREFIX} EXPR"'
    lines.append(f"  {typed:<15} " + translate(
        "CommandLine", "a typed surface f(x, y), e.g. {example}").format(
        example=f'"{TYPED_PREFIX} x**2 + 10*y**2" --bounds -3,3,-2,2'))
    lines.append(translate("CommandLine", "optimizers:"))
    lines += [f"  {k:<20} {translated('core', optimizers.summary(k))}"
              for k in optimizers.names()]
    lines.append(translate("CommandLine", "colour maps:") + "  " + ", ".join(COLORMAPS))
    return "\n".join(lines)


def _base(path: Path | None) -> ExperimentSpec:
    if path is None:
        return default_experiment()
    try:
        return ef.load(path)
    except ef.ExperimentFileError as e:
        raise OptionError(f"--experiment: {error_text(e)}") from None


def _set_surface(spec: ExperimentSpec, name: str) -> None:
    if name.startswith(TYPED_PREFIX):
        text = name.removeprefix(TYPED_PREFIX).strip()
        spec.surface = SurfaceSpec(name=EXPRESSION, slice=spec.surface.slice,
                                   expression=ExpressionSpec(text=text))
        spec.starts = []
        return
    valid = [*surfaces.names(), CLASSIFIER]
    if name not in valid:
        raise OptionError(translate(
            "CommandLine", "--surface: unknown {name}; one of {names}, or a typed surface "
            "{example}").format(name=repr(name), names=", ".join(valid),
                                example=f'"{TYPED_PREFIX} x**2 + 10*y**2"'))
    if name != spec.surface.name:
        spec.surface = SurfaceSpec(name=name, slice=spec.surface.slice)
        spec.starts = []  # the surface's own start point, chosen when it is built


def _set_typed_surface(spec: ExperimentSpec, bounds: str | None, params: list[str]) -> None:
    """Apply --bounds and --param to a typed surface, then check it all: the
    reason and column of a bad expression, or the option that is wrong."""
    typed = spec.surface.name == EXPRESSION
    if not typed:
        if bounds is not None or params:
            raise OptionError(translate(
                "CommandLine", "{option}: only for a typed surface ({example})").format(
                option="--bounds" if bounds is not None else "--param",
                example=f'--surface "{TYPED_PREFIX} EXPR"'))
        return
    if bounds is not None:
        try:
            x0, x1, y0, y1 = (float(v) for v in bounds.split(","))
        except ValueError:
            raise OptionError(translate(
                "CommandLine", "--bounds {value}: expected X0,X1,Y0,Y1 such as -3,3,-2,2")
                .format(value=repr(bounds))) from None
        spec.surface.expression.bounds = [[x0, x1], [y0, y1]]
    for item in params:
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError(item)
            spec.surface.params[name.strip()] = float(value)
        except ValueError:
            raise OptionError(translate(
                "CommandLine", "--param {value}: expected NAME=VALUE such as a=1")
                .format(value=repr(item))) from None
    e = spec.surface.expression
    try:
        surfaces.from_expression(e.text, tuple(map(tuple, e.bounds)), spec.surface.params)
    except ValueError as err:
        option = f"--surface {e.text!r}" if isinstance(err, ExpressionError) else (
            "--bounds" if str(err).startswith("bounds") else "--param")
        raise OptionError(f"{option}: {error_text(str(err).removeprefix('bounds: '))}") from None


def _runs(text: str, base: list[RunSpec]) -> list[RunSpec]:
    kinds = [k.strip() for k in text.split(",")]
    if len(kinds) > MAX_RUNS:
        raise OptionError(translate("CommandLine", "--optimizers: {count} runs; at most {limit}")
                          .format(count=len(kinds), limit=MAX_RUNS))
    runs: list[RunSpec] = []
    for kind in kinds:
        if kind not in optimizers.names():
            raise OptionError(translate("CommandLine", "--optimizers: unknown {name}; one of "
                                        "{names}").format(name=repr(kind),
                                                          names=", ".join(optimizers.names())))
        same = next((r for r in base if r.kind == kind), None)
        labels = {r.label for r in runs}
        label = same.label if same else kind
        if label in labels:
            label = next(f"{label} {i}" for i in range(2, MAX_RUNS + 2)
                         if f"{label} {i}" not in labels)
        hyper = dict(same.hyper) if same else {}
        runs.append(default_run(kind, label, used_colors=[r.color for r in runs], **hyper))
    return runs


def _set_lr(runs: list[RunSpec], item: str) -> None:
    target, _, rate = item.rpartition("=")
    try:
        lr = float(rate)
    except ValueError:
        raise OptionError(translate("CommandLine", "--lr {value}: {rate} is not a number")
                          .format(value=repr(item), rate=repr(rate))) from None
    chosen = [r for r in runs if not target or target.lower() in (r.kind, r.label.lower())]
    if target and not chosen:
        names = sorted({r.kind for r in runs} | {r.label for r in runs})
        raise OptionError(translate("CommandLine", "--lr {value}: no run {run}; runs: {runs}")
                          .format(value=repr(item), run=repr(target), runs=", ".join(names)))
    for run in chosen:
        spec = next((h for h in optimizers.hyper_specs(run.kind) if h.name == "lr"), None)
        if spec is None:
            if target:
                raise OptionError(translate("CommandLine", "--lr {value}: {kind} has no "
                                            "learning rate").format(value=repr(item),
                                                                    kind=run.kind))
            continue
        if not (math.isfinite(lr) and spec.min <= lr <= spec.max):
            raise OptionError(translate("CommandLine", "--lr {value}: must be in [{lo}, {hi}]")
                              .format(value=repr(item), lo=f"{spec.min:g}", hi=f"{spec.max:g}"))
        run.hyper["lr"] = lr


def _point(text: str) -> list[float]:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise OptionError(translate("CommandLine", "--start {value}: expected X,Y such as -1.2,1")
                          .format(value=repr(text))) from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise OptionError(translate("CommandLine", "--start {value}: must be finite")
                          .format(value=repr(text)))
    if max(abs(x), abs(y)) > START_LIMIT:  # as in experiment files
        raise OptionError(translate("CommandLine", "--start {value}: coordinates must be in "
                                    "[{lo}, {hi}]").format(value=repr(text),
                                                           lo=f"{-START_LIMIT:g}",
                                                           hi=f"{START_LIMIT:g}"))
    return [x, y]


def _bounded(name: str, value: int, lo: int, hi: int) -> int:
    if not lo <= value <= hi:
        raise OptionError(translate("CommandLine", "{option} {value}: must be in [{lo}, {hi}]")
                          .format(option=name, value=value, lo=lo, hi=hi))
    return value


def _options(args: argparse.Namespace, spec: ExperimentSpec) -> AnimationOptions:
    width, height = args.size
    frames = _bounded("--frames", args.frames, 1, 100_000) if args.frames is not None else 0
    spf = 0
    if args.steps_per_frame is not None:
        spf = _bounded("--steps-per-frame", args.steps_per_frame, 1, 100_000)
    elif frames:
        spf = max(1, math.ceil(spec.steps / max(frames - 1, 1)))
    orbit = float(getattr(args, "orbit", 0.0) or 0.0)
    view = getattr(args, "view", "2d")
    if not (math.isfinite(orbit) and abs(orbit) <= MAX_ORBIT):
        raise OptionError(translate("CommandLine", "--orbit {value}: must be within ±{limit} "
                                    "degrees").format(value=f"{orbit:g}", limit=f"{MAX_ORBIT:g}"))
    if orbit and view == "2d":
        raise OptionError(translate("CommandLine", "--orbit turns the 3-D camera: use it with "
                                    "--view 3d or --view both"))
    return AnimationOptions(width=width, height=height, fps=args.fps, frames=frames,
                            steps_per_frame=spf, title=args.title or "", curves=args.curves,
                            view=view, orbit=orbit)
