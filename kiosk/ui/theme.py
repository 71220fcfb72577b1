"""The look: large, touch-friendly controls; Vipps orange for the one action that matters on each screen.

Colours pass WCAG AA against their backgrounds; every state also has an icon and words, never colour alone.
"""

VIPPS_ORANGE = "#c8400f"  # darker than the brand's #ff5b24, so white text on it passes AA (4.9:1)
INK = "#1c1c1c"
MUTED = "#4a4a4a"

OUTCOME_COLOURS = {
    "PAID": "#1f7a3d",
    "REJECTED": "#b3261e",
    "REFUSED": "#b3261e",
    "EXPIRED": "#4a4a4a",
    "CANCELLED": "#4a4a4a",
    "NOT_STARTED": "#b3261e",
    "NO_ANSWER": "#7a4f00",
}

STYLE = f"""
QWidget {{ font-size: 18pt; color: {INK}; }}
QMainWindow, QStackedWidget > QWidget {{ background: #faf8f6; }}
QLineEdit {{ padding: 10px; border: 2px solid #8a8a8a; border-radius: 8px; background: white; }}
QLineEdit:focus {{ border-color: {VIPPS_ORANGE}; }}
QPushButton {{ min-height: 56px; padding: 8px 20px; border-radius: 12px; background: #e4e1de; }}
QPushButton {{ border: 3px solid transparent; }}
QPushButton:focus {{ border: 3px solid {INK}; }}
QPushButton#newSaleButton {{ min-width: 280px; }}
QPushButton#chargeButton, QPushButton#sendToPhoneButton, QPushButton#newSaleButton {{
    background: {VIPPS_ORANGE}; color: white; font-weight: bold; }}
QPushButton:disabled {{ background: #d0cdca; color: #5a5a5a; }}
QLabel#demoBadge {{ background: #7a4f00; color: white; padding: 4px 12px; border-radius: 6px; font-weight: bold; }}
QLabel#headerTitle {{ font-size: 20pt; font-weight: bold; }}
QLabel#paymentStatus {{ font-size: 16pt; color: {MUTED}; padding: 4px 16px; }}
QLabel#amountError, QLabel#phoneError {{ color: #b3261e; }}
QLabel#customerAmount {{ font-size: 34pt; font-weight: bold; }}
QLabel#countdown {{ font-size: 40pt; font-weight: bold; }}
QTableView, QHeaderView::section {{ font-size: 13pt; }}
QLabel#dayTotals {{ font-size: 15pt; }}
QLabel#outcomeIcon {{ font-size: 96pt; }}
QLabel#outcomeTitle {{ font-size: 32pt; font-weight: bold; }}
"""
