"""The look and sound of the window: both themes (standard and high contrast), the text size, the sounds for an
outcome. Qt only: it imports nothing of the kiosk."""
