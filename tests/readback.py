"""Read an exported animation back as RGB frames (for checks and tests).

GIF and PNG go through imageio. MP4 is decoded by imageio-ffmpeg's ffmpeg
directly: imageio's FFMPEG reader leaves its pipes to the garbage collector,
which our warnings-are-errors tests refuse.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import imageio.v3 as iio
import numpy as np

_PPM_HEADER = re.compile(rb"P6\s+(\d+)\s+(\d+)\s+255\s")


def read_frames(path: str | os.PathLike) -> list[np.ndarray]:
    """Every frame of an MP4, GIF, zip of PNGs or folder of PNGs, ``(H, W, 3) uint8``."""
    path = Path(path)
    if path.is_dir():
        return [_rgb(iio.imread(p)) for p in sorted(path.glob("frame_*.png"))]
    suffix = path.suffix.lower()
    if suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            names = sorted(n for n in z.namelist() if n.endswith(".png"))
            return [_rgb(iio.imread(z.read(n), extension=".png")) for n in names]
    if suffix == ".mp4":
        return _read_mp4(path)
    return [_rgb(f) for f in iio.imread(path, index=None)]


def _read_mp4(path: Path) -> list[np.ndarray]:
    """Decode with imageio-ffmpeg's ffmpeg into a stream of binary PPM images."""
    import imageio_ffmpeg

    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path),
           "-f", "image2pipe", "-c:v", "ppm", "-"]
    data = subprocess.run(cmd, capture_output=True, check=True).stdout
    frames, pos = [], 0
    while pos < len(data):
        header = _PPM_HEADER.match(data, pos)
        if header is None:
            raise ValueError(f"{path}: ffmpeg gave an unexpected frame header")
        w, h = int(header[1]), int(header[2])
        start, size = header.end(), w * h * 3
        frames.append(np.frombuffer(data, np.uint8, size, start).reshape(h, w, 3))
        pos = start + size
    return frames


def _rgb(frame: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(frame[..., :3])
