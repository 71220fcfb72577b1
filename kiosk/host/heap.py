"""glibc's malloc, told to hand freed memory back to the system: a kiosk runs all day.

glibc starts by serving blocks of 128 KiB or more with mmap (returned to the system when freed) and trimming
the heap's top once 128 KiB of it is free. But each time such a block is freed it raises both limits, up to
32 MiB and 64 MiB: from then on large temporary buffers are carved from the heap, and freed space stays with the
process. Measured over 1,000 sales that looked like a leak of 14 KB a sale (+17.6 MB resident), while the live
heap after a garbage collection did not grow at all. Fixing the two limits at glibc's own starting values keeps
the kiosk's footprint where its live data is (+5.5 MB over the same 1,000 sales).
"""

from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1  # from glibc's malloc.h
M_MMAP_THRESHOLD = -3
GLIBC_DEFAULT_BYTES = 128 * 1024


def return_freed_memory_to_the_system() -> bool:
    """Fix glibc's mmap and trim thresholds (setting them turns their growth off). True if glibc took them;
    False elsewhere (Windows, macOS, musl), where there is nothing to do."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, GLIBC_DEFAULT_BYTES)) and bool(mallopt(M_TRIM_THRESHOLD, GLIBC_DEFAULT_BYTES))
