"""What an export says when it cannot be done, in one place.

The writers run without Qt (the command line, the GUI and tests share them),
so they raise ``ExportError(TEMPLATE.format(...))`` in English; the window
and the command line translate a message where they show it, a template and
its fields apart (``gui.app.core_text.error_text``), so every message here is
listed in ``TEMPLATES`` or ``FIXED``.
"""

from __future__ import annotations

# Formats, sizes and targets.
ONE_PICTURE = ("{path} names one picture: for PNG frames use a .zip or a folder name without "
               "a suffix (e.g. race_frames)")
UNKNOWN_TARGET = "cannot tell the format of {path}: use .mp4, .gif, .zip or a folder"
TOO_BIG = ("{frames} frames of {size} would make a {format} of about {need}; the limit is "
           "{limit} (fewer frames, a smaller size, or MP4)")
NO_ROOM = "the export needs about {need} and the folder {folder} has {free} free"
SIZE = "size {size} is out of range (16 to 8192 pixels a side)"
FPS = "fps {fps} is out of range (0.1 to 240)"
MP4_EVEN = "MP4 (H.264, yuv420p) needs even sizes, got {size}"
GIF_FPS = "GIF cannot play faster than {limit} fps (got {fps})"
FRAMES = "need at least 1 frame and 1 step per frame (got {frames} frames, {spf} steps per frame)"
UNKNOWN_FORMAT = "unknown format {format}; one of {formats}"
PICTURE_FORMAT = "cannot tell the picture format of {name}: use .png or .svg"
NOTHING_DRAWN = "nothing was drawn into {name}"
# Writing.
CANNOT_WRITE = "cannot write {path}: {reason}"
NAME_TOO_LONG = "cannot write {name}…: a file name of {size} bytes; at most {limit}"
IS_FOLDER = "cannot write {path}: it is a folder"
FOLDER_READ_ONLY = "cannot write {path}: folder {folder} is not writable ({reason})"
NO_FOLDER = "cannot write {path}: folder {folder} does not exist"
NOT_A_FOLDER = "cannot write {path}: {folder} is not a folder"
CANNOT_MOVE = "cannot move the finished file onto {path}: {reason}"
NOT_EMPTY = "{path} already exists and is not an empty folder"
FRAME = "cannot write frame {frame}: {reason}"
NO_FRAMES = "no frames to write"
# ffmpeg.
FFMPEG_START = "cannot start ffmpeg: {reason}"
FFMPEG_STOPPED = "ffmpeg stopped while writing {name}: {reason}"
FFMPEG_FAILED = "ffmpeg failed on {name}: {reason}"
FFMPEG_SILENT = "no message"

TEMPLATES = (ONE_PICTURE, UNKNOWN_TARGET, TOO_BIG, NO_ROOM, SIZE, FPS, MP4_EVEN, GIF_FPS, FRAMES,
             UNKNOWN_FORMAT, PICTURE_FORMAT, NOTHING_DRAWN, CANNOT_WRITE, NAME_TOO_LONG,
             IS_FOLDER, FOLDER_READ_ONLY, NO_FOLDER, NOT_A_FOLDER, CANNOT_MOVE, NOT_EMPTY, FRAME,
             FFMPEG_START, FFMPEG_STOPPED, FFMPEG_FAILED)
FIXED = (NO_FRAMES, FFMPEG_SILENT)
