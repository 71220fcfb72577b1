"""The frozen kiosk's entry point (PyInstaller runs this file as __main__); the same as `python -m kiosk`."""

from kiosk.commands.cli import main

raise SystemExit(main())
