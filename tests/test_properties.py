"""Property tests: every parser of outside input answers with a value or its own typed error, never a crash."""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.host.logs import RedactingFilter
from kiosk.settings.model import ConfigError
from kiosk.settings.reading import parse_settings
from kiosk.simulator import validation
from kiosk.simulator.faults import FaultRule, RuleError
from kiosk.vipps import MalformedResponse
from kiosk.vipps.models import AccessToken, InitiateResponse, PaymentDetails, StatusUpdateResponse, parse, parse_errors
from kiosk.vipps.retry import retry_after_s

json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=50)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=20), inner, max_size=6),
    max_leaves=25,
)
strange_digits = st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩０１２３４５６７８９ +-", max_size=12)
MODELS = [PaymentDetails, InitiateResponse, AccessToken, StatusUpdateResponse]


@pytest.mark.parametrize("model", MODELS)
@given(body=json_values)
def test_any_json_parses_or_is_malformed(model, body):
    try:
        parsed = parse(model, json.dumps(body).encode())
    except MalformedResponse as exc:
        assert "breaks the contract" in str(exc)
    else:
        assert isinstance(parsed, model)


@pytest.mark.parametrize("model", MODELS)
@given(body=st.binary(max_size=300))
def test_any_bytes_parse_or_are_malformed(model, body):
    try:
        parsed = parse(model, body)
    except MalformedResponse as exc:
        assert "breaks the contract" in str(exc)
    else:
        assert isinstance(parsed, model)


details_documents = st.fixed_dictionaries(
    {
        "pspTransactionId": st.text(alphabet="abcdef0123456789", min_size=1, max_size=36),
        "merchantOrderId": st.from_regex(r"[a-zA-Z0-9-]{1,50}", fullmatch=True),
        "transactionSummary": st.fixed_dictionaries(
            {
                k: st.integers(0, 2**31 - 1)
                for k in (
                    "capturedAmount",
                    "remainingAmountToCapture",
                    "refundedAmount",
                    "remainingAmountToRefund",
                )
            }
        ),
        "transactionLogHistory": st.lists(
            st.fixed_dictionaries(
                {
                    "amount": st.integers(0, 2**31 - 1),
                    "operation": st.sampled_from(["RESERVED", "CAPTURED", "CANCELLED", "REFUNDED"]),
                    "operationSuccess": st.booleans(),
                    "timeStamp": st.just("2018-06-13T18:34:25-07:00"),
                    "paymentText": st.text(max_size=40),
                }
            ),
            max_size=5,
        ),
    }
)


@given(document=details_documents)
def test_every_valid_details_document_keeps_its_values(document):
    details = parse(PaymentDetails, json.dumps(document).encode())
    assert details.transaction_summary.captured_amount == document["transactionSummary"]["capturedAmount"]
    assert [e.amount for e in details.transaction_log_history] == [
        e["amount"] for e in document["transactionLogHistory"]
    ]


@given(document=details_documents, data=st.data())
def test_a_details_answer_cut_short_anywhere_is_malformed(document, data):
    whole = json.dumps(document).encode()
    cut = data.draw(st.integers(0, len(whole) - 1))
    with pytest.raises(MalformedResponse):
        parse(PaymentDetails, whole[:cut])


@settings(max_examples=20, deadline=None)
@given(document=details_documents, size=st.integers(10_000, 2_000_000), field=st.sampled_from(["text", "id"]))
def test_huge_strings_in_a_details_answer_parse_or_are_malformed(document, size, field):
    if field == "text":
        document["transactionLogHistory"] = (
            [{**document["transactionLogHistory"][0], "paymentText": "å" * size}]
            if (document["transactionLogHistory"])
            else []
        )
    else:
        document["pspTransactionId"] = "a" * size
    try:
        details = parse(PaymentDetails, json.dumps(document).encode())
    except MalformedResponse as exc:
        assert len(str(exc)) < 2_000  # the message names the problem; it does not repeat the huge value
    else:
        assert details.psp_transaction_id == document["pspTransactionId"]


@given(document=details_documents, spoiler=st.sampled_from(["string", "float", "huge", "negative", "bool"]))
def test_amounts_of_the_wrong_kind_are_malformed(document, spoiler):
    bad = {"string": "100", "float": 100.5, "huge": 2**40, "negative": -1, "bool": True}[spoiler]
    document["transactionSummary"]["capturedAmount"] = bad
    with pytest.raises(MalformedResponse):
        parse(PaymentDetails, json.dumps(document).encode())


@given(expires_in=strange_digits)
def test_token_lifetimes_in_strange_digits_are_malformed_unless_ascii(expires_in):
    body = json.dumps({"token_type": "Bearer", "expires_in": expires_in, "access_token": "x"}).encode()
    try:
        token = parse(AccessToken, body)
    except MalformedResponse:
        assert not (expires_in.isascii() and expires_in.isdigit() and int(expires_in) > 0)
    else:
        assert token.expires_in == int(expires_in)


@given(body=st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_error_bodies_never_crash(body):
    assert isinstance(parse_errors(body), tuple)


@given(header=st.text(max_size=40))
def test_retry_after_is_a_number_or_nothing(header):
    value = retry_after_s(header)
    assert value is None or value >= 0


toml_values = st.recursive(
    st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=15), inner, max_size=4),
    max_leaves=15,
)
setting_keys = st.sampled_from(
    [
        "base_url",
        "client_id",
        "client_secret",
        "subscription_key",
        "merchant_serial_number",
        "psp_id",
        "make_payment_url",
        "make_payment_token",
        "system_name",
        "skip_landing_page",
        "request_timeout_s",
        "poll_interval_s",
        "poll_start_delay_s",
        "landing_window_s",
        "approval_window_s",
        "max_amount_kr",
        "host",
        "port",
        "other",
    ]
)


@given(
    raw=st.dictionaries(
        st.sampled_from(["vipps", "kiosk", "simulator", "extra"]),
        st.dictionaries(setting_keys, toml_values, max_size=8) | toml_values,
        max_size=4,
    )
)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_any_settings_document_loads_or_gives_clear_lines(raw):
    try:
        parse_settings(raw)
    except ConfigError as exc:
        assert exc.problems
        assert all("\n" not in str(line) and "Traceback" not in str(line) for line in exc.problems)


@given(body=json_values)
def test_simulator_request_checks_never_crash(body):
    for check in (validation.check_status_update, validation.check_force_approve):
        check(body)
    validation.check_initiate(body, skip_landing_page_allowed=True)


@given(body=json_values)
def test_fault_rules_are_accepted_or_refused_with_a_reason(body):
    try:
        FaultRule.from_json(body)
    except RuleError as exc:
        assert str(exc)


@given(
    prefix=st.text(max_size=20).filter(lambda s: not s[-1:].isalnum()),
    number=st.from_regex(r"[49][0-9]{7}", fullmatch=True),
    suffix=st.text(max_size=20).filter(lambda s: not s[:1].isalnum()),
)
def test_log_lines_never_carry_a_full_phone_number(prefix, number, suffix):
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "%s%s%s", (prefix, number, suffix), None)
    RedactingFilter(["demo-secret"]).filter(record)
    assert number not in record.getMessage()
    assert "******" + number[-2:] in record.getMessage()


@settings(max_examples=40, deadline=None)
@given(body=json_values)
def test_the_simulator_answers_any_init_body_with_a_vipps_answer(sim_http, body):
    answer = sim_http.post("/psp/v3/psppayments/init", json=body)
    assert answer.status_code in (200, 400)
    if answer.status_code == 400:
        assert answer.json()[0]["errorCode"]


@pytest.fixture(scope="module")
def sim_http(sim_server):
    from kiosk.settings.demo import demo_vipps_settings
    from kiosk.vipps.client import VippsClient

    settings = demo_vipps_settings(sim_server.base_url)
    with VippsClient(settings) as client:
        token = client.access_token()
    import httpx

    from tests.helpers import psp_headers

    headers = psp_headers(settings, token)
    with httpx.Client(base_url=sim_server.base_url, headers=headers, trust_env=False) as http:
        yield http
