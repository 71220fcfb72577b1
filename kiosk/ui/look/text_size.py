"""Larger text for a few labels of a screen, sized from the system's font as the kiosk's style sheet is
(kiosk.ui.look.theme): a shop that asks for larger text gets these larger too."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def larger(points_by_name: dict[str, float]) -> str:
    """A style sheet giving each QLabel named in `points_by_name` that size (in points at a 9 pt system font), bold."""
    scale = max(QApplication.font().pointSizeF(), 6.0) / 9.0
    return "\n".join(
        f"QLabel#{name} {{ font-size: {size * scale:.1f}pt; font-weight: bold; }}"
        for name, size in points_by_name.items()
    )
