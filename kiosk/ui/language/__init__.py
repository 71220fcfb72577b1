"""The language on screen: Qt's translator, money and dates the language's way (i18n.py), and messages made
below the UI rendered through it (messages.py). It may import kiosk.domain (the messages), nothing else of the
kiosk."""
