"""optviz entry point: ``python main.py [experiment.optviz.json]`` opens the app.

Sub-commands (``python main.py <command> ...``) run headless. Each lives in
its own module, listed in ``COMMANDS`` as ``name -> (module, add_parser,
run)``: ``add_parser(subparsers)`` adds its ``argparse`` sub-parser and
``run(args) -> int`` does the work and returns the exit code. The GUI keeps
its own parser because its one positional argument (a file) is optional.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable

COMMANDS: dict[str, tuple[str, str, str]] = {
    "export": ("gui.cli.cli_export", "add_export_parser", "run_export"),
}


def command_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[..., int]]]:
    """The parser of every headless sub-command, and each one's ``run``."""
    from gui.cli.cli_language import LocalizedParser

    parser = LocalizedParser(prog="optviz")
    sub = parser.add_subparsers(dest="command", metavar="command")
    runners = {}
    for name, (module, add, run) in COMMANDS.items():
        mod = importlib.import_module(module)
        getattr(mod, add)(sub)
        runners[name] = getattr(mod, run)
    return parser, runners


def build_parser() -> argparse.ArgumentParser:
    """The GUI's options; the epilog lists the sub-commands."""
    from gui.app.i18n import translate
    from gui.cli.cli_language import LocalizedParser, add_language_argument

    commands = "".join(f"\n  python main.py {name} --help" for name in COMMANDS)
    parser = LocalizedParser(
        prog="optviz",
        description=translate("CommandLine", "See gradient-based optimizers race across real "
                              "loss surfaces."),
        epilog=translate("CommandLine", "headless commands:") + commands,
    )
    parser.add_argument("experiment", nargs="?", help=translate(
        "CommandLine", "an experiment file (*.optviz.json) to open"))
    parser.add_argument("--paused", action="store_true",
                        help=translate("CommandLine", "open without starting the race"))
    add_language_argument(parser, translate("CommandLine", "interface language"))
    return parser


def build_window(model):
    """The full application window over ``model``: the main window, experiment
    files (open/save/recent/presets) and the analysis docks, with the user's
    remembered layout applied last."""
    from gui.app.analysis_docks import install_panels
    from gui.app.language_menu import install_language_menu
    from gui.app.main_window import MainWindow
    from gui.export.static_menu import install_static_exports

    window = MainWindow(model)
    window.panels = install_panels(window, model)
    install_static_exports(window)
    install_language_menu(window)
    window.restore_layout()
    return window


def run_gui(args: argparse.Namespace) -> int:
    if args.experiment and (problem := experiment_problem(args.experiment)):
        # Said on stderr before any window: a modal dialog here would hang a
        # script (and with no window behind it, explain nothing on screen).
        from gui.app.i18n import translate

        print(translate("CommandLine", "optviz: error: {message}").format(message=problem),
              file=sys.stderr)
        return 2
    from gui.app.app import create_application
    from gui.model.experiment import ExperimentModel

    app = create_application(sys.argv[:1], lang=args.lang)
    model = ExperimentModel()
    window = build_window(model)
    if args.experiment and not window.open_path(args.experiment):
        return 2
    window.show()
    if not args.paused:
        model.play()
    return _leave(app.exec())


def _leave(code: int) -> int:
    """Exit with ``code`` once the window has closed and the settings are written,
    skipping the interpreter's teardown of the remaining Qt objects, where
    PySide6 could crash (a segmentation fault on quit, after all was saved)."""
    from PySide6.QtCore import QSettings

    QSettings().sync()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def experiment_problem(path: str) -> str | None:
    """Why the experiment file at ``path`` cannot be opened, or None."""
    from optim_core.experiment import file as ef

    try:
        ef.load(path)
    except ef.ExperimentFileError as e:
        from gui.app.core_text import error_text

        return error_text(e)
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from gui.cli.cli_language import use_language

    use_language(argv)  # before any parser: their help texts are fixed when made
    if argv and argv[0] in COMMANDS:
        parser, runners = command_parser()
        from gui.cli.cli_options import glue_negative_values

        args = parser.parse_args(glue_negative_values(argv))
        return runners[args.command](args)
    return run_gui(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
