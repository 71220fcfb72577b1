"""The simulator's HTTP surface: the real Vipps paths at the root, simulator-only controls under /_sim/."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from kiosk.simulator import epayment, markets, personal_qr, psp_backend
from kiosk.simulator.access import ControlsOnThisPc
from kiosk.simulator.auth import TokenIssuer
from kiosk.simulator.demo import SalesUnit, SimulatorSettings
from kiosk.simulator.engine import Answer, CustomerPayment, VippsSimulator
from kiosk.simulator.faults import FaultBook, FaultInjector, FaultRule, RuleError
from kiosk.simulator.payments import Stage
from kiosk.simulator.validation import error

JSON_TYPE = "application/json;charset=UTF-8"
BAD_APP_PHONE = "phone must be 8 digits (a Norwegian number) or a mobile number with its country code"
STATIC = resources.files("kiosk.simulator") / "static"


def _reply(answer: Answer, headers: dict[str, str] | None = None) -> Response:
    status, body = answer
    return JSONResponse(body, status_code=status, media_type=JSON_TYPE, headers=headers)


async def _json_body(request: Request) -> tuple[Any, Response | None]:
    try:
        return json.loads(await request.body()), None
    except (ValueError, UnicodeDecodeError):
        return None, _reply((400, [error("51", "Invalid request: the body is not valid JSON")]))


def _idempotency_key(request: Request) -> str | None:
    return request.headers.get("idempotency-key") or request.headers.get("request-id")


def build_app(settings: SimulatorSettings | None = None) -> ControlsOnThisPc:
    """The ASGI app, wrapped in its fault injector, and that in the rule that the controls answer this PC only
    (kiosk/simulator/access.py sorts the paths)."""
    settings = settings or SimulatorSettings()
    sim = VippsSimulator(settings)
    tokens = TokenIssuer(settings.sales_units, settings.token_ttl_s)
    faults = FaultBook()

    def public_base(request: Request) -> str:
        return settings.public_url or str(request.base_url)

    def psp_call(
        handler: Callable[[Request, Any], Awaitable[Answer]], *, has_body: bool = True
    ) -> Callable[[Request], Awaitable[Response]]:
        """Access checks, JSON parsing and idempotent replay shared by every PSP API write and read."""

        async def endpoint(request: Request) -> Response:
            denied = tokens.check(request.headers)
            if denied:
                return _reply(denied)
            body: Any = None
            if has_body:
                body, bad = await _json_body(request)
                if bad:
                    return bad
            key = _idempotency_key(request)
            earlier = sim.replay(key, request.url.path)
            if earlier:
                return _reply(earlier)
            return _reply(sim.remember(key, request.url.path, await handler(request, body)))

        return endpoint

    async def access_token(request: Request) -> Response:
        return _reply(tokens.issue(request.headers))

    async def initiate(request: Request, body: Any) -> Answer:
        return sim.initiate(body, public_base(request))

    async def details(request: Request, _body: Any) -> Answer:
        return sim.details(request.path_params["tx_id"])

    async def update_status(request: Request, body: Any) -> Answer:
        return sim.update_status(body)

    async def force_approve(request: Request, body: Any) -> Answer:
        return await sim.force_approve(request.path_params["tx_id"], body)

    async def make_payment(request: Request) -> Response:
        body, bad = await _json_body(request)
        return bad or _reply(psp_backend.make_payment(sim, request.headers, body))

    async def psp_transaction(request: Request) -> Response:
        return _reply(psp_backend.transaction(sim, request.path_params["tx_id"]))

    # ---- simulator controls -------------------------------------------------------------------------------------

    async def list_payments(request: Request) -> Response:
        every = [*sim.payments.values(), *sim.epayments.values()]  # "api" says which: "psp" or "epayment"
        return JSONResponse([p.sim_json() for p in every])

    async def fault_rules(request: Request) -> Response:
        if request.method == "DELETE":
            faults.clear()
        elif request.method == "POST":
            body, bad = await _json_body(request)
            if bad:
                return bad
            try:
                faults.add(FaultRule.from_json(body))
            except (RuleError, TypeError) as exc:
                return JSONResponse({"message": f"Bad fault rule: {exc}"}, status_code=400)
        return JSONResponse(faults.as_json())

    async def reset(request: Request) -> Response:
        sim.reset()
        faults.clear()
        tokens.forget()
        return JSONResponse({"reset": True})

    async def token_requests(request: Request) -> Response:
        if request.method == "DELETE":
            tokens.revoke_all()
            return JSONResponse({"revoked": True})
        return JSONResponse(tokens.counts())

    async def run_batch(request: Request) -> Response:
        raw = await request.body()
        body, bad = await _json_body(request) if raw else ({}, None)  # optional {"refuse": [pspTransactionId]}
        if bad:
            return bad
        refuse = body.get("refuse") if isinstance(body, dict) else None
        return _reply(sim.run_batch(frozenset(refuse) if isinstance(refuse, list) else frozenset()))

    # ---- the customer's pages -----------------------------------------------------------------------------------

    def landing_payment(request: Request) -> CustomerPayment | None:
        return sim.by_landing_token(request.query_params.get("token", ""))

    async def landing_page(request: Request) -> Response:
        return _static_page("landing.html")

    async def landing_state(request: Request) -> Response:
        payment = landing_payment(request)
        if payment is None:
            return JSONResponse({"message": "This payment link is not valid."}, status_code=404)
        return JSONResponse(_customer_view(payment, settings))

    async def landing_phone(request: Request) -> Response:
        payment = landing_payment(request)
        body, bad = await _json_body(request)
        if bad:
            return bad
        if payment is None:
            return JSONResponse({"message": "This payment link is not valid."}, status_code=404)
        phone = body.get("phone") if isinstance(body, dict) else None
        status, answer = sim.enter_phone(payment, phone if isinstance(phone, str) else "")
        return JSONResponse(answer, status_code=status)

    async def app_page(request: Request) -> Response:
        return _static_page("app.html")

    async def app_requests(request: Request) -> Response:
        phone = markets.app_key_of_param(request.query_params.get("phone", "")) or ""
        views = [_customer_view(p, settings) for p in sim.app_requests(phone)]
        return JSONResponse(views)

    def customer_phone(request: Request) -> str | None:
        return markets.app_key_of_param(request.query_params.get("phone", ""))

    async def app_personal_qr(request: Request) -> Response:
        """The customer's own code, as their app shows it: an image to hold to the counter's scanner."""
        phone = customer_phone(request)
        if phone is None:
            return JSONResponse({"message": BAD_APP_PHONE}, status_code=400)
        svg = personal_qr.svg_of(sim.personal_qrs.code_for(phone))
        return Response(svg, media_type="image/svg+xml", headers={"cache-control": "no-store"})

    async def personal_qr_content(request: Request) -> Response:
        """A control: the content of a customer's code as text, for tests and scripts that play the scanner."""
        phone = customer_phone(request)
        if phone is None:
            return JSONResponse({"message": BAD_APP_PHONE}, status_code=400)
        return JSONResponse({"phone": phone, "personalQr": sim.personal_qrs.code_for(phone)})

    async def app_respond(request: Request) -> Response:
        body, bad = await _json_body(request)
        if bad:
            return bad
        if not isinstance(body, dict) or body.get("action") not in ("approve", "reject"):
            return JSONResponse({"message": "action must be approve or reject"}, status_code=400)
        phone = markets.app_key_of_param(str(body.get("phone", ""))) or ""
        answer = await sim.respond_in_app(str(body.get("pspTransactionId", "")), phone, body["action"] == "approve")
        return JSONResponse(answer[1], status_code=answer[0])

    async def static_file(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "markets.js":
            return _markets_script()
        if name not in ("sim.css", "landing.js", "app.js", "texts.js"):
            return Response(status_code=404)
        return _static_page(name)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        await sim.aclose()

    psp = "/psp/v3/psppayments"
    routes = [
        Route("/accesstoken/get", access_token, methods=["POST"]),
        Route(f"{psp}/init", psp_call(initiate), methods=["POST"]),
        Route(f"{psp}/updatestatus", psp_call(update_status), methods=["POST"]),
        Route(f"{psp}/{{tx_id}}/details", psp_call(details, has_body=False), methods=["GET"]),
        Route("/psp/v3/integration-test/psppayments/{tx_id}/approve", psp_call(force_approve), methods=["POST"]),
        Route("/_sim/psp/makepayment", make_payment, methods=["POST"]),
        Route("/_sim/psp/transactions/{tx_id}", psp_transaction, methods=["GET"]),
        Route("/_sim/payments", list_payments, methods=["GET"]),
        Route("/_sim/faults", fault_rules, methods=["GET", "POST", "DELETE"]),
        Route("/_sim/reset", reset, methods=["POST"]),
        Route("/_sim/tokens", token_requests, methods=["GET", "DELETE"]),
        Route("/_sim/batch/run", run_batch, methods=["POST"]),
        Route("/_sim/landing", landing_page, methods=["GET"]),
        Route("/_sim/landing/state", landing_state, methods=["GET"]),
        Route("/_sim/landing/phone", landing_phone, methods=["POST"]),
        Route("/_sim/app", app_page, methods=["GET"]),
        Route("/_sim/app/requests", app_requests, methods=["GET"]),
        Route("/_sim/app/respond", app_respond, methods=["POST"]),
        Route("/_sim/app/personal-qr.svg", app_personal_qr, methods=["GET"]),
        Route("/_sim/personal-qr", personal_qr_content, methods=["GET"]),
        Route("/_sim/static/{name}", static_file, methods=["GET"]),
        *epayment.routes(sim, tokens, public_base),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    return ControlsOnThisPc(FaultInjector(app, faults))


def _static_page(name: str) -> Response:
    media = {"html": "text/html", "css": "text/css", "js": "text/javascript"}[name.rsplit(".", 1)[1]]
    with resources.as_file(STATIC / name) as path:
        return FileResponse(path, media_type=f"{media}; charset=utf-8", headers={"cache-control": "no-store"})


def _markets_script() -> Response:
    """The markets table for the pages' scripts, made from the simulator's own (markets.py): one table, not two."""
    script = f'"use strict";\nconst MARKETS = {json.dumps(markets.pages_table(), indent=1)};\n'
    return Response(script, media_type="text/javascript; charset=utf-8", headers={"cache-control": "no-store"})


def _customer_view(payment: CustomerPayment, settings: SimulatorSettings) -> dict[str, Any]:
    """What the landing page and the app show, for a PSP or an ePayment payment alike: no ids beyond the one the
    app answers with (under the name `pspTransactionId`, which an ePayment payment's pspReference fills), and the
    market, which the pages are branded and worded by."""
    unit: SalesUnit | None = settings.unit_by_msn(payment.merchant_serial_number)
    now = time.monotonic()
    deadline = payment.app_deadline if payment.stage is Stage.AWAITING_APP else payment.landing_deadline
    seconds_left = max(0.0, deadline - now) if payment.pending_for_customer and deadline else 0.0
    return {
        "pspTransactionId": payment.request_id,
        "merchant": unit.name if unit else "",
        "country": payment.country,
        "currency": payment.currency,
        "amount": payment.amount,
        "paymentText": payment.payment_text,
        "stage": payment.stage.value,
        "state": payment.state,
        "phoneKnown": payment.phone is not None,
        "secondsLeft": round(seconds_left, 1),
        "outcome": payment.customer_outcome(),
        "failureText": payment.failure_text,
    }
