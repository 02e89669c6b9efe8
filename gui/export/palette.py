"""One global GIF palette for a whole animation, and a fast mapping onto it.

The palette comes from a few sampled frames: the most frequent exact
colours (solid run colours, text, contour lines) get entries of their own,
and the rest is median-cut (Pillow) with each colour weighted by the square
root of its pixel count, so the large smooth surface image gets most
entries without a thin trail being merged into its background. Frames
are then mapped to the nearest palette entry through a lookup table over
18-bit colours (6 bits per channel), filled lazily, so mapping a frame is
one array gather instead of a per-pixel search.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image

_BITS = 6
_SHIFT = 8 - _BITS


def colour_codes(frame: np.ndarray) -> np.ndarray:
    """18-bit codes ``(r>>2)<<12 | (g>>2)<<6 | (b>>2)`` of ``frame: (..., 3) uint8``."""
    f = frame.astype(np.uint32) >> _SHIFT
    return (f[..., 0] << (2 * _BITS)) | (f[..., 1] << _BITS) | f[..., 2]


def code_colours(codes: np.ndarray) -> np.ndarray:
    """The centre colour of each 18-bit code's cell, ``(n, 3) float``."""
    mask = (1 << _BITS) - 1
    cells = np.stack([codes >> (2 * _BITS), (codes >> _BITS) & mask, codes & mask], axis=-1)
    return (cells.astype(float) * (1 << _SHIFT)) + (1 << _SHIFT) / 2


class GifQuantizer:
    """Maps RGB frames onto one fixed palette of at most 256 colours."""

    def __init__(self, palette: np.ndarray):
        """``palette: (n, 3) uint8`` with 1 ≤ n ≤ 256."""
        self.palette = np.asarray(palette, dtype=np.uint8).reshape(-1, 3)
        if not 1 <= len(self.palette) <= 256:
            raise ValueError("a GIF palette holds 1 to 256 colours")
        self._lut = np.full(1 << (3 * _BITS), -1, dtype=np.int16)
        #: the palette as Pillow wants it: r, g, b bytes of each entry
        self.palette_bytes = self.palette.tobytes()

    @classmethod
    def from_frames(cls, frames: Sequence[np.ndarray], colors: int = 256,
                    reserved: int = 48) -> GifQuantizer:
        """Palette for ``frames`` (each ``(H, W, 3) uint8``): the ``reserved`` most
        frequent colours exactly (run colours, text, lines: solid and repeated),
        the rest by median cut with √count weights."""
        codes = np.concatenate([colour_codes(f).ravel() for f in frames])
        uniq, counts = np.unique(codes, return_counts=True)
        colours = np.clip(code_colours(uniq), 0, 255).astype(np.uint8)
        if len(uniq) <= colors:
            return cls(colours)
        solid = np.argsort(counts)[::-1][:reserved]
        solid = solid[counts[solid] >= 8]
        rest = np.setdiff1d(np.arange(len(uniq)), solid)
        reps = np.ceil(np.sqrt(counts[rest])).astype(int)
        pixels = np.repeat(colours[rest], reps, axis=0)
        img = Image.fromarray(pixels.reshape(1, -1, 3), "RGB")
        quant = img.quantize(colors=colors - len(solid), method=Image.Quantize.MEDIANCUT,
                             dither=Image.Dither.NONE)
        used = np.unique(np.asarray(quant))
        pal = np.asarray(quant.getpalette(), dtype=np.uint8).reshape(-1, 3)[used]
        return cls(np.concatenate([colours[solid], pal]))

    def indices(self, frame: np.ndarray) -> np.ndarray:
        """Palette index of every pixel of ``frame: (H, W, 3) uint8`` -> ``(H, W) uint8``."""
        codes = colour_codes(frame)
        idx = self._lut[codes]
        missing = idx < 0
        if missing.any():
            new = np.unique(codes[missing])
            self._lut[new] = self._nearest(code_colours(new))
            idx = self._lut[codes]
        return idx.astype(np.uint8)

    def to_image(self, frame: np.ndarray) -> Image.Image:
        """``frame`` as a palette ("P") image carrying this palette."""
        img = Image.fromarray(self.indices(frame), "P")
        img.putpalette(self.palette_bytes)
        return img

    def _nearest(self, colours: np.ndarray, chunk: int = 4096) -> np.ndarray:
        """Index of the nearest palette colour (squared RGB distance) for ``(n, 3)``."""
        pal = self.palette.astype(float)
        out = np.empty(len(colours), dtype=np.int16)
        for i in range(0, len(colours), chunk):
            c = colours[i:i + chunk]
            d = ((c[:, None, :] - pal[None, :, :]) ** 2).sum(axis=-1)
            out[i:i + chunk] = d.argmin(axis=1)
        return out
