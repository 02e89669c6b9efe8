"""Static exports: the view as PNG/SVG, trajectories and curves as CSV, curves as PNG/SVG.

Pictures go through pyqtgraph's exporters (``ImageExporter``, ``SVGExporter``)
on the live widgets' own scenes, so they show exactly what is drawn. Tables
come from the race's record (``runner.Run``), the numbers the views draw.
Every file is written to a temporary file beside the target and renamed
into place, like the animations.
"""

from __future__ import annotations

import csv
import io
import math
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from gui.export import export_messages as m
from gui.export.frame_writer import ExportError, make_temp, remove_output, replace_onto
from optim_core.analysis import curves
from optim_core.temp_files import write_target

TRAJECTORY_COLUMNS = ("run", "start", "step", "x", "y", "loss", "grad_norm", "lr")
CURVE_FIELDS = ("loss", "grad_norm", "lr", "effective_lr", "distance")


def save_picture(layout_item, path: str | os.PathLike, width: int | None = None) -> Path:
    """A pyqtgraph scene item (e.g. ``view.canvas.ci``) as ``.png`` (``width`` pixels
    wide, default its size on screen) or ``.svg``."""
    from pyqtgraph.exporters import ImageExporter, SVGExporter

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ExportError(m.PICTURE_FORMAT.format(name=repr(path.name)))
    exporter = SVGExporter(layout_item) if suffix == ".svg" else ImageExporter(layout_item)
    if width is not None and suffix == ".png":
        exporter.parameters()["width"] = int(width)
    target = write_target(path)  # a link is written through
    tmp = make_temp(target, is_dir=False)
    try:
        with _svg_close_path_fix():
            exporter.export(str(tmp))
        if tmp.stat().st_size == 0:
            raise ExportError(m.NOTHING_DRAWN.format(name=path.name))
        replace_onto(tmp, target)
    except BaseException:
        remove_output(tmp)
        raise
    return path


@contextmanager
def _svg_close_path_fix():
    """pyqtgraph 0.14's SVG exporter reads every path token as "x,y" and fails on
    the "Z" (close path) that Qt 6's SVG generator writes (pyqtgraph issue
    #3485). While exporting, close-path tokens are dropped before its
    coordinate pass: SVG fills close paths anyway, and Qt's closed paths end
    on their first point, so the picture is the same."""
    module = sys.modules["pyqtgraph.exporters.SVGExporter"]
    original = module.correctCoordinates

    def correct(node, defs, item, options):
        for path in node.getElementsByTagName("path"):
            d = path.getAttribute("d")
            if "Z" in d or "z" in d:
                path.setAttribute("d", " ".join(t for t in d.split() if t not in ("Z", "z")))
        return original(node, defs, item, options)

    module.correctCoordinates = correct
    try:
        yield
    finally:
        module.correctCoordinates = original


def run_histories(model) -> list[tuple[str, object]]:
    """``[(label, runner.Run)]`` of every enabled run in the race, in the panel's order."""
    out = []
    for index, run in enumerate(model.spec.runs):
        history = model.history(index)
        if history is not None:
            out.append((run.label, history))
    return out


def trajectories_table(model) -> list[list]:
    """One row per run, start point and kept step: ``TRAJECTORY_COLUMNS``.

    ``lr`` is the scheduled learning rate of the step that led there (empty
    at the start, and for kinds without one)."""
    rows = []
    for label, run in run_histories(model):
        for s in range(run.points.shape[1]):
            for k, step in enumerate(run.steps):
                x, y = run.points[k, s]
                rows.append([label, s, int(step), x, y, run.values[k, s], run.grad_norms[k, s],
                             run.lrs[k]])
    return rows


def curves_table(model, start: int = 0) -> tuple[list[str], list[list]]:
    """The training curves of start point ``start`` side by side: a ``step`` column,
    then ``<run> <field>`` for every run and ``CURVE_FIELDS`` (the distance to
    the nearest known minimum only where one is known). Steps one run lacks
    stay empty."""
    surface = model.surface
    columns, series = ["step"], []
    for label, run in run_histories(model):
        c = curves.run_curves(run, surface, min(start, run.points.shape[1] - 1))
        for field in CURVE_FIELDS:
            values = getattr(c, field)
            if values is not None:
                columns.append(f"{label} {field}")
                series.append(dict(zip(c.steps.tolist(), np.asarray(values).tolist(),
                                       strict=True)))
    steps = sorted(set().union(*series)) if series else []
    return columns, [[step, *(s.get(step, "") for s in series)] for step in steps]


def write_csv(path: str | os.PathLike, columns, rows) -> Path:
    """``rows`` under a header of ``columns``; numbers in full precision (repr),
    non-finite and missing values as empty cells."""
    path = Path(path)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return write_text(path, buf.getvalue())


def write_text(path: str | os.PathLike, text: str) -> Path:
    """``text`` into ``path`` atomically (a temporary file beside it, renamed over
    the target) with an ordinary file's permissions; ``ExportError`` otherwise."""
    path = Path(path)
    target = write_target(path)  # a link is written through
    tmp = make_temp(target, is_dir=False)
    try:
        tmp.write_text(text, encoding="utf-8")
        replace_onto(tmp, target)
    except OSError as e:
        remove_output(tmp)
        raise ExportError(m.CANNOT_WRITE.format(path=repr(str(path)),
                                                reason=e.strerror or e)) from None
    return path


def _cell(v) -> str:
    if isinstance(v, (float, np.floating)):
        return repr(float(v)) if math.isfinite(v) else ""
    if isinstance(v, np.integer):
        return str(int(v))
    return str(v)
