"""The PC the kiosk runs on: redacted, rotated logs; glibc told to give freed memory back; which system libraries
Qt's platform plugin lacks. It imports only the standard library, nothing of the kiosk, and no Qt (it asks the
dynamic loader about Qt's files without loading them)."""
