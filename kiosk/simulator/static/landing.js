// The simulated Vipps landing page: phone entry, then a waiting view with a live countdown, then the outcome.
"use strict";
const token = new URLSearchParams(location.search).get("token") || "";
const $ = (id) => document.getElementById(id);
const OUTCOMES = {
  paid: "Payment approved",
  expired: "The payment expired",
  cancelled: "The payment was cancelled",
  failed: "The payment failed",
};
let secondsLeft = 0;
let lastTick = performance.now();

function kroner(ore) {
  return (ore / 100).toLocaleString("nb-NO", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " kr";
}

function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

function show(view) {
  for (const id of ["entry", "waiting", "done"]) $(id).classList.toggle("hidden", id !== view);
}

function render(state) {
  $("merchant").textContent = state.merchant;
  $("amount").textContent = kroner(state.amount);
  $("payment-text").textContent = state.paymentText || "";
  secondsLeft = state.secondsLeft;
  lastTick = performance.now();
  if (state.outcome) {
    show("done");
    $("outcome").textContent = OUTCOMES[state.outcome];
    $("outcome").className = "outcome " + state.outcome;
    $("outcome-detail").textContent = state.outcome === "failed" ? state.failureText || "" : "";
  } else if (state.stage === "AWAITING_PHONE") {
    show("entry");
  } else {
    show("waiting");
  }
}

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
  const phone = $("phone").value.trim();
  if (!/^[0-9]{8}$/.test(phone)) {
    $("phone-error").textContent = "Enter the 8 digits of your Norwegian mobile number.";
    return;
  }
  $("phone-error").textContent = "";
  $("next").disabled = true;
  try {
    const response = await fetch("/_sim/landing/phone?token=" + encodeURIComponent(token), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    if (!response.ok) {
      $("phone-error").textContent = (await response.json()).message;
      return;
    }
    if ($("remember").checked) localStorage.setItem("vipps-sim-phone", phone);
    else localStorage.removeItem("vipps-sim-phone");
    $("open-vipps").href = "/_sim/app?phone=" + phone;
    await refresh();
  } finally {
    $("next").disabled = false;
  }
});

const remembered = localStorage.getItem("vipps-sim-phone");
if (remembered) {
  $("phone").value = remembered;
  $("remember").checked = true;
}

refresh().then((ok) => {
  if (!ok) return;
  setInterval(tick, 250);
  setInterval(refresh, 1000);
});
