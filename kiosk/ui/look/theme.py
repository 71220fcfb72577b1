"""The look: large, touch-friendly controls; the brand's colour (Vipps orange in Norway, MobilePay blue in
Denmark and Finland) for the one action that matters on each screen.

Two palettes, standard and high contrast; every text colour passes WCAG AA (4.5:1) against its background in
both (tests/gui/test_accessibility.py computes it), and every state also has an icon and words, never colour
alone. Sizes are multiples of the system's font size, so a shop that sets larger text gets a larger kiosk.
"""

from __future__ import annotations

from typing import NamedTuple


class Palette(NamedTuple):
    """Immutable, as a look is; a NamedTuple rather than a frozen dataclass: ~0.7 ms less of the first frame."""

    background: str
    surface: str  # text fields
    ink: str
    muted: str
    accent: str  # the one action that matters; white text on it
    accent_ink: str
    button: str
    disabled_bg: str
    disabled_ink: str
    border: str
    focus: str
    error: str
    outcome: dict[str, str]


STANDARD = Palette(
    background="#faf8f6",
    surface="#ffffff",
    ink="#1c1c1c",
    muted="#4a4a4a",
    accent="#c8400f",  # darker than the brand's #ff5b24, so white text on it passes AA (4.9:1)
    accent_ink="#ffffff",
    button="#e4e1de",
    disabled_bg="#d0cdca",
    disabled_ink="#4f4f4f",
    border="#767676",
    focus="#1c1c1c",
    error="#b3261e",
    outcome={
        "PAID": "#1f7a3d",
        "REJECTED": "#b3261e",
        "REFUSED": "#b3261e",
        "EXPIRED": "#4a4a4a",
        "CANCELLED": "#4a4a4a",
        "NOT_STARTED": "#b3261e",
        "NO_ANSWER": "#7a4f00",
    },
)

HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    ink="#ffffff",
    muted="#ffffff",
    accent="#ffd400",
    accent_ink="#000000",
    button="#000000",
    disabled_bg="#000000",
    disabled_ink="#bdbdbd",
    border="#ffffff",
    focus="#ffd400",
    error="#ff8a80",
    outcome={
        "PAID": "#7dff9b",
        "REJECTED": "#ff8a80",
        "REFUSED": "#ff8a80",
        "EXPIRED": "#ffffff",
        "CANCELLED": "#ffffff",
        "NOT_STARTED": "#ff8a80",
        "NO_ANSWER": "#ffd400",
    },
)

PALETTES = {"standard": STANDARD, "high-contrast": HIGH_CONTRAST}
# The standard look's main action in each brand's colour, darkened so white text on it passes AA: MobilePay's
# #5a78ff gives 3.8:1, this 5.8:1. The high-contrast look keeps its yellow for every brand: legibility first.
BRAND_ACCENTS = {"Vipps": STANDARD.accent, "MobilePay": "#3b57e0"}
_palette = STANDARD


def use_palette(theme: str, brand: str = "Vipps") -> Palette:
    global _palette
    chosen = PALETTES.get(theme, STANDARD)
    _palette = chosen._replace(accent=BRAND_ACCENTS[brand]) if chosen is STANDARD else chosen
    return _palette


def palette() -> Palette:
    return _palette


def stylesheet(base_pt: float = 9.0, theme: str | None = None) -> str:
    """The kiosk's style sheet, sized from the system font (`base_pt`: 9 pt on most desktops)."""
    p = PALETTES.get(theme, _palette) if theme else _palette
    scale = max(base_pt, 6.0) / 9.0

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    return f"""
QWidget {{ font-size: {pt(18)}; color: {p.ink}; }}
QMainWindow, QStackedWidget > QWidget, QScrollArea > QWidget > QWidget {{ background: {p.background}; }}
QLineEdit, QComboBox, QDoubleSpinBox {{ padding: 10px; border: 2px solid {p.border}; border-radius: 8px;
    background: {p.surface}; color: {p.ink}; }}
QLineEdit:focus, QComboBox:focus, QDoubleSpinBox:focus {{ border: 3px solid {p.focus}; }}
QPushButton {{ min-height: 56px; padding: 8px 20px; border-radius: 12px; background: {p.button}; color: {p.ink};
    border: 3px solid {p.border if p is HIGH_CONTRAST else "transparent"}; }}
QPushButton:focus {{ border: 3px solid {p.focus}; }}
QPushButton#newSaleButton {{ min-width: 280px; }}
QPushButton#chargeButton, QPushButton#sendToPhoneButton, QPushButton#newSaleButton {{
    background: {p.accent}; color: {p.accent_ink}; font-weight: bold; }}
QPushButton:disabled {{ background: {p.disabled_bg}; color: {p.disabled_ink}; }}
QLabel#demoBadge {{ background: #7a4f00; color: white; padding: 4px 12px; border-radius: 6px; font-weight: bold; }}
QLabel#headerTitle {{ font-size: {pt(20)}; font-weight: bold; }}
QLabel#paymentStatus {{ font-size: {pt(16)}; color: {p.muted}; padding: 4px 16px; }}
QLabel#amountError, QLabel#phoneError {{ color: {p.error}; }}
QLabel#customerAmount {{ font-size: {pt(34)}; font-weight: bold; }}
QLabel#countdown {{ font-size: {pt(40)}; font-weight: bold; }}
QTableView, QHeaderView::section {{ font-size: {pt(13)}; background: {p.surface}; color: {p.ink}; }}
QLabel#dayTotals {{ font-size: {pt(15)}; }}
QLabel#outcomeIcon {{ font-size: {pt(96)}; }}
QLabel#outcomeTitle {{ font-size: {pt(32)}; font-weight: bold; }}
QGroupBox {{ font-weight: bold; border: 2px solid {p.border}; border-radius: 8px; margin-top: 1.2em; padding: 8px; }}
"""


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
