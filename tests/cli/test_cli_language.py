"""``export --lang zh_CN`` draws the frame's text in Chinese: the surface title,
the step counter and the legend's run labels differ from the English frame."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from tests.readback import read_frames

ROOT = Path(__file__).resolve().parents[2]
RACE = ["--surface", "rosenbrock", "--optimizers", "sgd,momentum,adam", "--steps", "20",
        "--frames", "1", "--size", "480x360", "--quiet"]


def export_frame(tmp_path: Path, *lang: str) -> np.ndarray:
    out = tmp_path / f"frames{'_'.join(lang)}"
    # A settings folder of its own and the C locale: no remembered or system language.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C", "LC_ALL": "C",
           "OPTVIZ_SETTINGS_DIR": str(tmp_path / "settings")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", *RACE, *lang,
                           "--out", str(out)], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    (frame,) = read_frames(out)
    return frame.astype(int)


def changed(a: np.ndarray, b: np.ndarray, rows: slice, cols: slice) -> float:
    """The share of pixels in ``rows × cols`` that differ visibly between a and b."""
    return float((np.abs(a[rows, cols] - b[rows, cols]).sum(-1) > 60).mean())


def test_chinese_frame_differs_in_title_and_legend(tmp_path):
    english, chinese = export_frame(tmp_path, "--lang", "en"), export_frame(tmp_path, "--lang",
                                                                             "zh_CN")
    h, w = english.shape[:2]
    title = slice(0, h // 12), slice(w // 4, 3 * w // 4)
    assert changed(english, chinese, *title) > 0.01
    # The legend moves to where it hides least of the surface, so look for it row by
    # row: its label "Momentum" / "动量法" (and the step counter) differ, only text does.
    legend_rows = [r for r in range(h // 12, h) if changed(english, chinese, slice(r, r + 1),
                                                           slice(0, w)) > 0.02]
    assert legend_rows, "no row below the title differs"
    assert changed(english, chinese, slice(h // 12, h), slice(0, w)) < 0.05  # text, not the map


def test_default_language_of_an_export_is_english_here(tmp_path):
    """With no --lang, no remembered choice and the C locale, the frame is the English one."""
    assert np.array_equal(export_frame(tmp_path), export_frame(tmp_path, "--lang", "en"))
