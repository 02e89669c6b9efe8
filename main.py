"""optviz entry point: ``python main.py [experiment.optviz.json]`` opens the app.

Sub-commands (``python main.py <command> ...``) run headless; each lives in
its own module and registers itself in ``COMMANDS`` with
``register_command(name, help, configure, run)``: ``configure(parser)`` adds
its options to an ``argparse`` sub-parser and ``run(args) -> int`` does the
work and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NamedTuple


class Command(NamedTuple):
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}

#: Modules that register sub-commands when imported (missing ones are skipped).
COMMAND_MODULES = ("gui.export.cli",)


def register_command(name: str, help: str, configure, run) -> None:
    """Add sub-command ``name`` (``configure(parser)``, ``run(args) -> int``)."""
    COMMANDS[name] = Command(help, configure, run)


def _load_commands() -> None:
    import importlib

    for module in COMMAND_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # the module exists but is broken: say so
                raise


def build_parser() -> argparse.ArgumentParser:
    """The GUI's own options (sub-commands have their parsers, see ``COMMANDS``)."""
    commands = "".join(f"\n  {name:<10} {c.help}" for name, c in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="optviz",
        description="See gradient-based optimizers race across real loss surfaces.",
        epilog=(f"commands (python main.py <command> --help):{commands}" if commands else None),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("experiment", nargs="?",
                        help="an experiment file (*.optviz.json) to open")
    parser.add_argument("--paused", action="store_true",
                        help="open without starting the race")
    return parser


def command_parser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"optviz {name}", description=COMMANDS[name].help)
    COMMANDS[name].configure(parser)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from gui.app import create_application
    from gui.experiment import ExperimentModel
    from gui.main_window import MainWindow

    app = create_application(sys.argv[:1])
    model = ExperimentModel()
    window = MainWindow(model)
    if args.experiment and not window.open_path(args.experiment):
        return 2
    window.show()
    if not args.paused:
        model.play()
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _load_commands()
    if argv and argv[0] in COMMANDS:
        args = command_parser(argv[0]).parse_args(argv[1:])
        return COMMANDS[argv[0]].run(args)
    return run_gui(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
