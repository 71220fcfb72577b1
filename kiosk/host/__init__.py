"""The PC the kiosk runs on: redacted, rotated logs; glibc told to give freed memory back; which system libraries
Qt's platform plugin lacks. It imports the standard library and kiosk.domain (the phone numbers a log must not
hold), nothing else of the kiosk, and no Qt (it asks the dynamic loader about Qt's files without loading them)."""
