"""Injected faults: an outermost ASGI layer that makes any path slow, failing, garbled or dropped.

A rule with `status` answers in place of the simulator, which never sees the request. A rule without one lets
the request through first and then delays, garbles or drops the answer: the worst case for a client, because
the work was done (a payment created, a capture applied) but the answer never arrived intact.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

FAULTS_PATH = "/_sim/faults"
_RULE_KEYS = {
    "path",
    "method",
    "status",
    "delay_s",
    "drop",
    "retry_after",
    "malformed",
    "count",
    "body",
    "content_type",
    "headers",
}


class RuleError(ValueError):
    """A posted rule that cannot be used; the message says which field and why."""


@dataclass
class FaultRule:
    path: str = ""
    method: str | None = None
    status: int | None = None
    delay_s: float = 0.0
    drop: bool = False
    retry_after: int | None = None
    malformed: bool = False
    count: int | None = None  # None: until cleared
    # With `status`: the answer's body in place of the API's usual error (JSON: any value; text: sent as it is),
    # its media type, and headers to add (a redirect's Location). How a gateway, a proxy or a Vipps that answers
    # unlike the simulator would.
    body: Any = None
    content_type: str | None = None
    headers: dict[str, str] | None = None

    @classmethod
    def from_json(cls, raw: Any) -> FaultRule:
        if not isinstance(raw, dict):
            raise RuleError("a rule is a JSON object")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise RuleError(f"unknown fields: {', '.join(sorted(unknown))}")
        rule = cls(**raw)
        if not isinstance(rule.path, str):
            raise RuleError("path must be a regular expression in a string")
        try:
            re.compile(rule.path)
        except re.error as exc:
            raise RuleError(f"path is not a valid regular expression: {exc}") from None
        if rule.method is not None and not isinstance(rule.method, str):
            raise RuleError("method must be a string like GET")
        if rule.status is not None and not (_is_int(rule.status) and 100 <= rule.status <= 599):
            raise RuleError("status must be an HTTP status from 100 to 599")
        if isinstance(rule.delay_s, bool) or not isinstance(rule.delay_s, int | float) or not 0 <= rule.delay_s <= 600:
            raise RuleError("delay_s must be seconds from 0 to 600")
        if rule.retry_after is not None and not (_is_int(rule.retry_after) and rule.retry_after >= 0):
            raise RuleError("retry_after must be a whole number of seconds")
        if rule.count is not None and not (_is_int(rule.count) and rule.count >= 1):
            raise RuleError("count must be a whole number of 1 or more")
        if not isinstance(rule.drop, bool) or not isinstance(rule.malformed, bool):
            raise RuleError("drop and malformed must be true or false")
        if (rule.body is not None or rule.content_type or rule.headers) and rule.status is None:
            raise RuleError("body, content_type and headers need a status: they replace the answer")
        if rule.content_type is not None and not isinstance(rule.content_type, str):
            raise RuleError("content_type must be a media type like text/html")
        headers = rule.headers or {}
        if not isinstance(headers, dict) or not all(isinstance(v, str) for v in [*headers, *headers.values()]):
            raise RuleError("headers must be an object of header names and text values")
        return rule

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method.upper() != method:
            return False
        return re.search(self.path, path) is not None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class FaultBook:
    """The rules in force, first match wins; a rule with a count is spent after that many requests."""

    def __init__(self) -> None:
        self.rules: list[FaultRule] = []

    def add(self, rule: FaultRule) -> None:
        self.rules.append(rule)

    def clear(self) -> None:
        self.rules.clear()

    def take(self, method: str, path: str) -> FaultRule | None:
        if path.startswith(FAULTS_PATH):
            return None  # the control itself must always answer
        for rule in self.rules:
            if rule.matches(method, path):
                if rule.count is not None:
                    rule.count -= 1
                    if rule.count == 0:
                        self.rules.remove(rule)
                return rule
        return None

    def as_json(self) -> list[dict[str, Any]]:
        return [asdict(rule) for rule in self.rules]


def _abort_connection(send: Send) -> None:
    """Reset the TCP connection without a byte of answer.

    ASGI has no word for this. uvicorn's `send` is a bound method of its request cycle, which holds the
    transport; aborting it is exactly what a dropped connection looks like to the client.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        raise RuntimeError("injected drop: this server offers no transport to abort")
    transport.abort()


class FaultInjector:
    def __init__(self, app: ASGIApp, book: FaultBook) -> None:
        self.app = app
        self.book = book

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rule = self.book.take(scope["method"], scope["path"])
        if rule is None:
            await self.app(scope, receive, send)
        elif rule.status is not None:
            await self._answer_instead(rule, scope["path"], send)
        else:
            await self._spoil_answer(rule, scope, receive, send)

    async def _answer_instead(self, rule: FaultRule, path: str, send: Send) -> None:
        if rule.delay_s:
            await asyncio.sleep(rule.delay_s)
        if rule.drop:
            _abort_connection(send)
            return
        assert rule.status is not None
        body, media = _fault_body(rule.status, path)
        if rule.body is not None:
            text = rule.body if isinstance(rule.body, str) else json.dumps(rule.body)
            body, media = text.encode(), b"application/json"
        if rule.content_type:
            media = rule.content_type.encode()
        if rule.malformed:
            body = body[: len(body) // 2]
        headers = [(b"content-type", media)]
        headers += [(name.lower().encode(), value.encode()) for name, value in (rule.headers or {}).items()]
        if rule.retry_after is not None:
            headers.append((b"retry-after", str(rule.retry_after).encode()))
        await _send_whole(send, rule.status, headers, body)

    async def _spoil_answer(self, rule: FaultRule, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {}
        chunks: list[bytes] = []

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, hold)
        if rule.delay_s:
            await asyncio.sleep(rule.delay_s)
        if rule.drop:
            _abort_connection(send)
            return
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        if rule.malformed:
            body = body[: max(1, len(body) // 2)] if body else b"{"
        if rule.retry_after is not None:
            headers.append((b"retry-after", str(rule.retry_after).encode()))
        await _send_whole(send, start.get("status", 500), headers, body)


def _fault_body(status: int, path: str) -> tuple[bytes, bytes]:
    """The injected answer in the shape the API at `path` answers errors in: a problem body for ePayment, the
    PSP API's error list elsewhere. Either way its message is "Injected fault"."""
    trace = str(uuid.uuid4())
    if path.startswith("/epayment/"):
        problem = {
            "type": "https://vipps-simulator.invalid/problems/injected-fault",
            "title": "Injected fault",
            "detail": "Injected fault",
            "status": status,
            "traceId": trace,
            "instance": path,
        }
        return json.dumps(problem).encode(), b"application/problem+json"
    errors = [{"errorCode": str(status), "errorMessage": "Injected fault", "contextId": trace}]
    return json.dumps(errors).encode(), b"application/json;charset=UTF-8"


async def _send_whole(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
