"""Screens plugged in and pulled out of Qt's offscreen platform while the kiosk runs, as a monitor's cable is.

Qt's offscreen plugin builds its screens from a JSON configuration (`-platform offscreen:configfile=...`) and
applies a new one at run time through its native interface's "setConfiguration" (qoffscreenintegration.cpp:
screens whose name is new are added with QWindowSystemInterface::handleScreenAdded, those gone are removed with
handleScreenRemoved, exactly as a real platform reports a monitor coming and going). PySide6 does not bind
QGuiApplication::platformNativeInterface(), so the call is made through ctypes: the native interface's
nativeResourceForIntegration (its first virtual after QObject's twelve) hands out the function, and the JSON is
made a QJsonObject by QtCore's own QJsonDocument::fromJson.
"""

from __future__ import annotations

import ctypes
import json
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtGui import QGuiApplication

# The offscreen platform's one screen when no configuration is given (qoffscreenintegration.cpp's default):
# the staff's screen in the tests. Kept as it is, so every window already on it stays.
STAFF = {"name": "", "x": 0, "y": 0, "width": 800, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}
# A small customer-facing monitor beside it, named as Linux names an HDMI output.
CUSTOMER = {"name": "HDMI-1", "x": 800, "y": 0, "width": 1024, "height": 600, "logicalDpi": 96, "logicalBaseDpi": 96}

_QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
_NATIVE_RESOURCE_FOR_INTEGRATION = 12  # vtable slot: QObject has 12 virtuals (two destructors among them)


class _QByteArray(ctypes.Structure):
    """Qt 6's QByteArray over bytes it does not own (its data pointer null, as QByteArray::fromRawData makes)."""

    _fields_ = [("d", ctypes.c_void_p), ("ptr", ctypes.c_char_p), ("size", ctypes.c_ssize_t)]


def _raw(data: bytes) -> _QByteArray:
    return _QByteArray(None, data, len(data))


def set_screens(screens: list[dict[str, Any]]) -> None:
    """The offscreen platform's screens become `screens` (a name new to it is plugged in, a name left out is
    pulled out). Qt's screenAdded/screenRemoved come before this returns."""
    platform = QGuiApplication.platformName()
    if platform != "offscreen":
        raise RuntimeError(f"screens can be plugged in only on the offscreen platform (not {platform})")
    gui = ctypes.CDLL(str(_QT_LIB / "libQt6Gui.so.6"))
    core = ctypes.CDLL(str(_QT_LIB / "libQt6Core.so.6"))
    native = gui._ZN15QGuiApplication23platformNativeInterfaceEv
    native.restype = ctypes.c_void_p
    interface = native()
    vtable = ctypes.cast(interface, ctypes.POINTER(ctypes.POINTER(ctypes.c_void_p)))[0]
    resource = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(_QByteArray))(
        vtable[_NATIVE_RESOURCE_FOR_INTEGRATION]
    )
    name = _raw(b"setConfiguration")
    function = resource(interface, ctypes.byref(name))
    if not function:
        raise RuntimeError("the offscreen platform offers no setConfiguration")
    set_configuration = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(function)
    from_json = core._ZN13QJsonDocument8fromJsonERK10QByteArrayP15QJsonParseError
    from_json.argtypes = [ctypes.c_void_p, ctypes.POINTER(_QByteArray), ctypes.c_void_p]
    to_object = core._ZNK13QJsonDocument6objectEv
    to_object.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    document = ctypes.create_string_buffer(64)  # room for a QJsonDocument (one pointer) and a QJsonObject
    configuration = ctypes.create_string_buffer(64)
    text = json.dumps({"screens": screens}).encode()
    from_json(document, ctypes.byref(_raw(text)), None)
    to_object(configuration, document)
    set_configuration(configuration, interface)
    # The two small JSON values are left to the process's end: freeing them needs their inline destructors.


def plug_in_customer_screen(screen: dict[str, Any] | None = None) -> None:
    set_screens([STAFF, screen or CUSTOMER])


def pull_out_customer_screen() -> None:
    set_screens([STAFF])
