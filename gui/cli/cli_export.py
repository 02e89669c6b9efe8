"""``python main.py export``: record a race to MP4, GIF or PNG frames, headless.

    python main.py export --surface rosenbrock --optimizers sgd,momentum,adam \\
        --steps 200 --fps 30 --size 640x480 --out race.mp4
    python main.py export --experiment lesson.optviz.json --out lesson.gif

main.py calls ``add_export_parser(subparsers)`` and, for the sub-command,
``run_export(args)``; ``python -m gui.cli.cli_export …`` works alone too.
Exit codes: 0 done, 1 the export failed (e.g. an unwritable folder or a
full disk), 2 bad options, a bad experiment file or a bad dataset, 130 /
143 / 129 stopped by Ctrl+C / TERM / HUP. Each failure is one line on
stderr; only a bug in optviz prints a traceback, and says it is one. A
failed or stopped export leaves no file behind (and an older file at the
same path untouched, its mode included).
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.app.core_text import error_text
from gui.app.i18n import translate
from gui.cli.cli_language import LocalizedParser, add_language_argument, sentence, use_language
from gui.cli.cli_options import (
    ExportRequest,
    OptionError,
    build_request,
    glue_negative_values,
    parse_size,
)
from gui.export.animation_options import VIEWS

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DESCRIPTION = QT_TRANSLATE_NOOP("CommandLine", "Record a race to MP4, GIF or PNG frames, headless")
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def add_export_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``export`` sub-command to ``subparsers`` (from ``add_subparsers``)."""
    description = translate("CommandLine", DESCRIPTION)
    p = subparsers.add_parser("export", help=description, description=sentence(description),
                              epilog=translate("CommandLine", EPILOG))
    add_export_arguments(p)
    return p


EPILOG = QT_TRANSLATE_NOOP(
    "CommandLine",
    """The format follows --out: .mp4 (H.264, yuv420p; even sizes), .gif (one global
palette, looping; at most 50 fps), .zip (numbered PNG frames) or a folder name
without a suffix (numbered PNG frames in a new folder).

Frames: frame 0 shows the start; each next frame is --steps-per-frame steps on.
Without --frames, the animation runs until --steps (ceil(steps / spf) + 1 frames).
With --frames but no --steps-per-frame, the steps are spread over the frames.

Learning rates: each optimizer kind takes the hyper-parameters of the same kind in
the base experiment (the saved one, or the built-in Rosenbrock race), else the
optimizer's defaults; --lr overrides them.

Examples:
  python main.py export --surface rosenbrock --optimizers sgd,momentum,adam \\
      --lr sgd=0.001 --lr momentum=0.001 --lr adam=0.05 --steps 600 --out race.mp4
  python main.py export --experiment resources/presets/saddle_escape.optviz.json \\
      --size 480x360 --fps 20 --out saddle.gif
  python main.py export --surface "f: a*x**2 + 10*y**2" --param a=1 --bounds -3,3,-2,2 \\
      --optimizers sgd,momentum --out typed.gif
""")


def add_export_arguments(p: argparse.ArgumentParser) -> None:
    what = p.add_argument_group(translate("CommandLine", "what to record"))
    what.add_argument("--experiment", metavar="FILE", type=Path, help=translate(
        "CommandLine", "a saved *.optviz.json experiment (the options below override it)"))
    what.add_argument("--bounds", metavar="X0,X1,Y0,Y1", help=translate(
        "CommandLine", 'the box of a typed surface --surface "f: EXPR" (default -3,3,-3,3)'))
    what.add_argument("--param", metavar="NAME=VALUE", action="append", default=[],
                      help=translate("CommandLine", "a named parameter of a typed surface; "
                                     "repeat for several"))
    what.add_argument("--surface", metavar="NAME", help=translate(
        "CommandLine", 'a surface by name (see --list), or a typed one "f: EXPR" in x, y '
        "(+ - * / **, sin cos tan exp log sqrt abs tanh sinh cosh arctan min max, pi, e); "
        "default: the experiment's, or rosenbrock"))
    what.add_argument("--optimizers", metavar="KIND,KIND,...", help=translate(
        "CommandLine", "comma-separated optimizer kinds, one run each (e.g. sgd,momentum,adam); "
        "default: the experiment's runs"))
    what.add_argument("--lr", metavar="[RUN=]RATE", action="append", default=[],
                      help=translate("CommandLine", "learning rate of runs of that kind or "
                                     "label (adam=0.05), or of every run (0.01); repeat for "
                                     "several"))
    what.add_argument("--start", metavar="X,Y", action="append", default=[],
                      help=translate("CommandLine", "a start point; repeat for several "
                                     "(default: the surface's own)"))
    what.add_argument("--steps", metavar="N", type=int, help=translate(
        "CommandLine", "optimizer steps to record (default: the experiment's)"))
    what.add_argument("--list", action="store_true", help=translate(
        "CommandLine", "list surfaces, optimizers and colour maps, then exit"))
    _add_animation_arguments(p)


def _add_animation_arguments(p: argparse.ArgumentParser) -> None:
    out = p.add_argument_group(translate("CommandLine", "the animation"))
    out.add_argument("--out", "-o", metavar="PATH", type=Path, help=translate(
        "CommandLine", "output file (.mp4, .gif, .zip) or a new folder for PNG frames"))
    out.add_argument("--fps", metavar="F", type=float, default=30.0,
                     help=translate("CommandLine", "frames per second (default 30)"))
    out.add_argument("--size", metavar="WxH", type=parse_size, default=(640, 480),
                     help=translate("CommandLine", "frame size in pixels (default 640x480)"))
    out.add_argument("--frames", metavar="N", type=int,
                     help=translate("CommandLine", "number of frames"))
    out.add_argument("--steps-per-frame", metavar="N", type=int, help=translate(
        "CommandLine", "optimizer steps between frames (default: the experiment's)"))
    out.add_argument("--title", metavar="TEXT", help=translate(
        "CommandLine", "a title banner on every frame (default: none)"))
    out.add_argument("--curves", action="store_true", help=translate(
        "CommandLine", "draw the training curves (loss, |∇f|, step size, distance to the "
        "minimum) beside the surface"))
    out.add_argument("--colormap", metavar="NAME",
                     help=translate("CommandLine", "surface colour map (see --list)"))
    out.add_argument("--view", choices=VIEWS, default="2d", help=translate(
        "CommandLine", "draw the surface in 2-D (default), 3-D, or both side by side; 3-D "
        "needs OpenGL and a display (DISPLAY, e.g. under xvfb-run)"))
    out.add_argument("--orbit", metavar="DEGREES", type=float, default=0.0, help=translate(
        "CommandLine", "turn the 3-D camera this many degrees about the vertical over the "
        "animation (default 0)"))
    out.add_argument("--quiet", "-q", action="store_true",
                     help=translate("CommandLine", "no progress line on stderr"))
    add_language_argument(out, translate("CommandLine", "language of the text drawn into the "
                                         "frames and of these messages"))


def run_export(args: argparse.Namespace) -> int:
    """Do what ``args`` (from the export parser) asks; returns the exit code."""
    if args.list:
        from gui.cli.cli_options import listing

        print(listing())
        return EXIT_OK
    try:
        request = build_request(args)
    except OptionError as e:
        print(error_line(e), file=sys.stderr)
        return EXIT_USAGE
    return _record(request, quiet=args.quiet, lang=args.lang)


def _record(request: ExportRequest, quiet: bool, lang: str | None = None) -> int:
    view = request.options.view
    if view != "2d" and "QT_QPA_PLATFORM" not in os.environ and os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"  # OpenGL needs the display; nothing is shown
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # 2-D never needs a screen
    from gui.app.app import create_application

    app = create_application([sys.argv[0]], lang=lang)
    quiet_offscreen_notices()
    if view != "2d" and (problem := gl_problem()):
        print(error_line(f"--view {view}: {problem}"), file=sys.stderr)
        return EXIT_USAGE
    return _run_export(app, request, quiet)


def _run_export(app, request: ExportRequest, quiet: bool) -> int:
    """The export itself, stopped cleanly by Ctrl+C or a TERM; the exit status."""
    from gui.export.animation import export_animation
    from gui.export.frame_writer import ExportCancelled, ExportError, ExportInputError

    progress = _ProgressLine(request.out, quiet)
    t0 = time.perf_counter()
    # Ctrl+C or a TERM only raise a flag: an exception thrown from inside a Qt
    # callback would be swallowed (or crash); the export checks the flag between
    # frames and removes its partial file.
    received: list[int] = []
    previous = {s: signal.signal(s, lambda signum, _: received.append(signum))
                for s in STOP_SIGNALS}
    try:
        path = export_animation(request.spec, request.out, request.options, progress,
                                cancelled=lambda: bool(received))
    except (KeyboardInterrupt, ExportCancelled):
        return _stopped(progress, received)
    except ExportError as e:
        if received:  # e.g. ffmpeg gone with the terminal: the stop is the news
            return _stopped(progress, received)
        progress.end()
        print(error_line(error_text(e)), file=sys.stderr)
        return EXIT_USAGE if isinstance(e, ExportInputError) else EXIT_FAILED
    except Exception:
        progress.end()
        print(translate("CommandLine", "optviz export: internal error (a bug in optviz, please "
                        "report it):"), file=sys.stderr)
        traceback.print_exc()
        return EXIT_FAILED
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        app.processEvents()
    progress.end()
    _report_written(request, path, time.perf_counter() - t0)
    return EXIT_OK


def _report_written(request: ExportRequest, path, took: float) -> None:
    """The closing line: what was written, how much of the race, in how long."""
    o = request.options.resolved(request.spec)
    print(translate("CommandLine", "wrote {path} ({frames} frames, steps 0 to {last}, {size}, "
                    "{seconds} s at {fps} fps) in {took} s").format(
        path=path, frames=o.frames, last=o.last_step(request.spec), size=f"{o.width}x{o.height}",
        seconds=f"{o.frames / o.fps:.1f}", fps=f"{o.fps:g}", took=f"{took:.1f}"))


def error_line(message) -> str:
    """``optviz export: error: …``, the one line a failure prints, in the language."""
    return translate("CommandLine", "optviz export: error: {message}").format(message=message)


def gl_problem() -> str | None:
    """Why this process cannot draw the 3-D view (one line), or None."""
    from PySide6.QtGui import QGuiApplication

    from gui.surface3d import gl_probe

    reason = gl_probe.unavailable_reason()
    if reason is None:
        return None
    hint = translate("CommandLine", "; give it a display (DISPLAY, e.g. xvfb-run)") if (
        QGuiApplication.platformName() in ("offscreen", "minimal")) else ""
    return translate("CommandLine", "the 3-D view needs OpenGL: {reason}").format(
        reason=error_text(reason)) + hint


def _stopped(progress: _ProgressLine, received: list[int]) -> int:
    progress.end()
    print(translate("CommandLine", "optviz export: stopped; nothing was written"),
          file=sys.stderr)
    return 128 + received[0] if received else EXIT_INTERRUPTED


def quiet_offscreen_notices() -> None:
    """The offscreen platform says it cannot propagate size hints whenever a hidden
    view is laid out; that is expected here, so only other Qt messages are shown."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


class _ProgressLine:
    """``export race.mp4  [#####-----]  48%  frame 97/201`` on stderr: rewritten in
    place on a terminal, one line per tenth otherwise (logs stay short)."""

    def __init__(self, out: Path, quiet: bool):
        self.name, self.quiet = Path(out).name, quiet
        self.tty = sys.stderr.isatty()
        self._last = -1

    def __call__(self, fraction: float, message: str) -> None:
        if self.quiet:
            return
        pct = int(100 * fraction)
        bar = "#" * (pct // 5) + "-" * (20 - pct // 5)
        line = translate("CommandLine", "export {name}").format(name=self.name) + (
            f"  [{bar}] {pct:3d}%  {message}")
        if self.tty:
            sys.stderr.write("\r" + line.ljust(78)[:120])
            sys.stderr.flush()
        elif math.floor(pct / 10) != self._last:
            self._last = math.floor(pct / 10)
            print(line, file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.tty and not self.quiet:
            sys.stderr.write("\n")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_language(argv)
    parser = LocalizedParser(prog="optviz export",
                             description=sentence(translate("CommandLine", DESCRIPTION)),
                             epilog=translate("CommandLine", EPILOG))
    add_export_arguments(parser)
    return run_export(parser.parse_args(glue_negative_values(argv)))


if __name__ == "__main__":
    sys.exit(main())
