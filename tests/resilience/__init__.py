"""The fault matrix: each row one sale through the counter screen (MainWindow offscreen, its real worker threads,
the real client, the simulator over loopback with its /_sim/faults injector), ending with the ledger, the
simulator and the screen telling the same story (`conftest.assert_three_agree`).

Every row runs on both Vipps APIs (the `api` fixture: `[psp-...]` and `[epayment-...]` in the test ids); a fault
names the call it hits ("init", "details", "capture", "cancel") and `tests.vipps_apis.PATHS` aims it at that
API's path. No row is left out on either API. Where the APIs differ, the row says how: an approval after staff
cancelled is refused by the PSP (error 85) on PSP, by Vipps itself on ePayment (the cancel ended the payment);
ePayment's rate limits are shrunk as the kiosk's schedule is (`conftest.SCHEDULE_SHRUNK_BY`).

 1. Token endpoint down at the start of a sale; recovers once it is back, and the next sale works:
    test_network.py::test_the_token_endpoint_down_says_vipps_cannot_be_reached_then_recovers
 2. A token expired mid-sale (revoked, or a 401): one fresh token, paid, captured once:
    test_network.py::test_a_token_expired_mid_sale_is_renewed_once_and_the_sale_is_paid
 3. init's answer lost after Vipps made the payment (too late, reset, garbled, reset on every try):
    test_init.py::test_an_init_answer_lost_finds_the_same_payment_and_never_makes_a_second
 4. init answered 500, 503, 429 with Retry-After:
    test_init.py::test_an_init_answered_with_an_error_is_retried_and_makes_one_payment
 5. Connection reset on init (before and after Vipps saw it) and on details:
    test_init.py::test_an_init_answer_lost_finds_the_same_payment_and_never_makes_a_second[reset ...],
    test_details.py::test_a_spoiled_details_answer_says_no_answer_then_pays[connection reset]
 6. Malformed JSON on details and on init:
    test_details.py::test_a_spoiled_details_answer_says_no_answer_then_pays[garbled JSON],
    test_init.py::test_an_init_answer_lost_finds_the_same_payment_and_never_makes_a_second[garbled ...]
 7. details slow (10 s against a 0.5 s timeout), once and until the network mends; details failing for a while:
    test_details.py::test_a_spoiled_details_answer_says_no_answer_then_pays[10 s late ...],
    test_details.py::test_details_slow_until_the_network_mends_never_guess,
    test_details.py::test_details_failing_for_a_while_say_no_answer_then_pay
 8. details 429 with Retry-After:
    test_details.py::test_details_429_waits_what_vipps_asks_then_pays
 9. The capture failing (PSP's updatestatus, ePayment's capture: 503s; applied but answers reset):
    test_status_updates.py::test_a_capture_without_an_answer_is_retried_until_it_lands_and_the_screen_stays_paid
10. The network gone for the whole approval window (the customer approved, or never answered):
    test_network.py::test_the_network_gone_past_the_window_never_guesses_and_learns_the_truth
11. The kiosk killed during each phase, on each API: tests/recovery/test_kill_at_every_phase.py (see
    test_kiosk_killed.py)
12. The disk full when recording (a real tmpfs; root only, skipped elsewhere):
    test_disk_full.py::test_a_full_disk_never_shows_an_unrecorded_sale_and_records_it_once_space_returns,
    test_disk_full.py::test_a_full_disk_before_the_sale_starts_says_so_and_sends_nothing_to_vipps
13. A late approval of a cancelled attempt (the cancel landed: refused, 85; it had not: reversed):
    test_status_updates.py::test_an_approval_after_staff_cancelled_is_never_charged
"""
