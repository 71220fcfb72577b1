// The simulated landing page (Vipps or MobilePay, by the payment's market): phone entry, then a waiting view
// with a live countdown, then the outcome. Words and brand come from texts.js.
"use strict";
const token = new URLSearchParams(location.search).get("token") || "";
const $ = (id) => document.getElementById(id);
let secondsLeft = 0;
let lastTick = performance.now();
let shown = null; // the last state, to word again when the language changes
let phoneError = null; // the key of the message under the number field, if any

function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

function show(view) {
  for (const id of ["entry", "waiting", "done"]) $(id).classList.toggle("hidden", id !== view);
}

function sayPhoneError(key) {
  phoneError = key;
  $("phone-error").textContent = key ? t(key) : "";
}

function render(state) {
  shown = state;
  setMarket(state.country);
  $("calling-code").textContent = "+" + page.market.callingCode;
  $("phone").maxLength = { NO: 8, DK: 11, FI: 14 }[page.country]; // room for the spaces people type
  $("merchant").textContent = state.merchant;
  $("amount").textContent = money(state.amount, state.currency);
  $("payment-text").textContent = state.paymentText || "";
  secondsLeft = state.secondsLeft;
  lastTick = performance.now();
  if (state.outcome) {
    show("done");
    $("outcome").textContent = t(state.outcome);
    $("outcome").className = "outcome " + state.outcome;
    $("outcome-detail").textContent = state.outcome === "failed" ? state.failureText || "" : "";
  } else if (state.stage === "AWAITING_PHONE") {
    show("entry");
  } else {
    show("waiting");
  }
}

page.onLanguage = () => {
  if (shown && shown.outcome) $("outcome").textContent = t(shown.outcome);
  if (phoneError) $("phone-error").textContent = t(phoneError);
};

async function refresh() {
  const response = await fetch("/_sim/landing/state?token=" + encodeURIComponent(token));
  if (!response.ok) {
    $("panels").classList.add("hidden");
    $("invalid").classList.remove("hidden");
    return false;
  }
  render(await response.json());
  return true;
}

function tick() {
  const left = secondsLeft - (performance.now() - lastTick) / 1000;
  $("countdown").textContent = clock(left);
  $("landing-countdown").textContent = clock(left);
}

$("phone-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const phone = $("phone").value.replace(/\s+/g, "");
  if (!new RegExp(page.market.national).test(phone)) {
    sayPhoneError("badPhone");
    return;
  }
  sayPhoneError(null);
  $("next").disabled = true;
  try {
    const response = await fetch("/_sim/landing/phone?token=" + encodeURIComponent(token), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    const answer = await response.json();
    if (!response.ok) {
      const key = { "bad-phone": "badPhone", "not-waiting": "notWaiting" }[answer.code];
      if (key) sayPhoneError(key);
      else $("phone-error").textContent = answer.message;
      return;
    }
    const remembered = "sim-phone-" + page.country;
    if ($("remember").checked) localStorage.setItem(remembered, phone);
    else localStorage.removeItem(remembered);
    $("open-vipps").href = "/_sim/app?phone=" + answer.appPhone;
    await refresh();
  } finally {
    $("next").disabled = false;
  }
});

refresh().then((ok) => {
  if (!ok) return;
  const remembered = localStorage.getItem("sim-phone-" + page.country);
  if (remembered) {
    $("phone").value = remembered;
    $("remember").checked = true;
  }
  setInterval(tick, 250);
  setInterval(refresh, 1000);
});
