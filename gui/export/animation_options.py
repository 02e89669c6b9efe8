"""What an animation export records: size, rate, frames, banner, side panel.

Plain data (no Qt), shared by the export dialog, the command line and the
recorder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from gui.export import export_messages as m
from gui.export.frame_writer import ExportError
from optim_core.experiment.spec import ExperimentSpec

#: What can draw the surface of a frame: the 2-D view, the 3-D view, both side by side.
VIEWS = ("2d", "3d", "both")
#: Largest camera orbit an export may ask for, in degrees (ten turns).
MAX_ORBIT = 3600.0


@dataclass(frozen=True)
class AnimationOptions:
    """What to record: ``frames`` frames (0: as many as reach ``spec.steps``),
    ``steps_per_frame`` steps apart (0: the experiment's own), at
    ``width × height`` and ``fps``; ``title`` as a banner ("" for none);
    ``curves`` puts the training curves beside the surface; ``view`` is what draws
    the surface: ``2d``, ``3d`` or ``both`` side by side, with the 3-D camera
    turning ``orbit`` degrees over the animation."""

    width: int = 640
    height: int = 480
    fps: float = 30.0
    frames: int = 0
    steps_per_frame: int = 0
    title: str = ""
    curves: bool = False
    view: str = "2d"
    orbit: float = 0.0

    def resolved(self, spec: ExperimentSpec) -> AnimationOptions:
        """Concrete ``frames`` and ``steps_per_frame`` for ``spec``."""
        spf = self.steps_per_frame or spec.steps_per_frame
        frames = self.frames or math.ceil(spec.steps / spf) + 1
        if frames < 1 or spf < 1:
            raise ExportError(m.FRAMES.format(frames=frames, spf=spf))
        return replace(self, frames=frames, steps_per_frame=spf)

    def last_step(self, spec: ExperimentSpec) -> int:
        """The step the last frame shows. Frames past ``spec.steps`` keep the race
        going, except that a last frame which alone would overshoot shows
        ``spec.steps`` itself (frame k shows step min(k·spf, last))."""
        o = self.resolved(spec)
        needed = (o.frames - 1) * o.steps_per_frame
        return needed if needed - o.steps_per_frame >= spec.steps else min(needed, spec.steps)
