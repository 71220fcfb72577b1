// The simulated customer's app (Vipps or MobilePay, by the number's country): the open payment requests for one
// phone number, with Pay and Reject. Opened as ?phone=NNNNNNNN (a Norwegian number's 8 digits) or with a mobile
// number and its country code (4521234567, 358401234567). Words and brand come from texts.js.
"use strict";
const phone = new URLSearchParams(location.search).get("phone") || "";
const $ = (id) => document.getElementById(id);
let result = null; // the last outcome, {key, values, className}, to word again when the language changes

function marketOfPhone(number) {
  if (/^[0-9]{8}$/.test(number)) return "NO";
  return Object.keys(MARKETS).find((country) => new RegExp(MARKETS[country].mobile).test(number)) || null;
}

function national(number) {
  const code = page.market.callingCode;
  const digits = number.length === 8 ? number : number.slice(code.length);
  if (page.country === "NO") return digits.slice(0, 3) + " " + digits.slice(3, 5) + " " + digits.slice(5);
  if (page.country === "DK") return digits.replace(/(\d\d)(?=\d)/g, "$1 ");
  return digits.slice(0, 2) + " " + digits.slice(2);
}

function say(key, values, className) {
  result = { key, values, className };
  $("result").textContent = t(key, values);
  $("result").className = "outcome " + className;
}

async function respond(request, action, card) {
  for (const b of card.querySelectorAll("button")) b.disabled = true;
  const response = await fetch("/_sim/app/respond", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ pspTransactionId: request.pspTransactionId, phone, action }),
  });
  const answer = await response.json();
  if (!response.ok) {
    result = null;
    $("result").textContent = answer.message;
    $("result").className = "outcome failed";
  } else if (answer.paid) {
    say("paidTo", { amount: money(request.amount, request.currency), merchant: request.merchant }, "paid");
  } else if (action === "reject") {
    say("rejected", {}, "cancelled");
  } else {
    const reason = answer.failure && answer.failure.errorText;
    say("payFailed", { reason: reason || t("refused") }, "failed");
  }
  card.remove();
}

function card(request) {
  const box = document.createElement("section");
  box.className = "request";
  box.dataset.id = request.pspTransactionId;
  const merchant = document.createElement("div");
  merchant.className = "merchant";
  merchant.textContent = request.merchant;
  const amount = document.createElement("div");
  amount.className = "amount";
  amount.textContent = money(request.amount, request.currency);
  const text = document.createElement("div");
  text.className = "note";
  text.textContent = request.paymentText || "";
  const actions = document.createElement("div");
  actions.className = "actions";
  const pay = document.createElement("button");
  pay.dataset.text = "pay";
  pay.textContent = t("pay");
  pay.addEventListener("click", () => respond(request, "approve", box));
  const reject = document.createElement("button");
  reject.dataset.text = "reject";
  reject.textContent = t("reject");
  reject.className = "secondary";
  reject.addEventListener("click", () => respond(request, "reject", box));
  actions.append(pay, reject);
  box.append(merchant, amount, text, actions);
  return box;
}

page.onLanguage = () => {
  if (result) $("result").textContent = t(result.key, result.values);
};

async function refresh() {
  const response = await fetch("/_sim/app/requests?phone=" + encodeURIComponent(phone));
  const requests = await response.json();
  const list = $("requests");
  const shown = new Set([...list.children].map((c) => c.dataset.id));
  const open = new Set(requests.map((r) => r.pspTransactionId));
  for (const child of [...list.children]) if (!open.has(child.dataset.id)) child.remove();
  for (const request of requests) if (!shown.has(request.pspTransactionId)) list.append(card(request));
  $("empty").classList.toggle("hidden", requests.length > 0);
}

const country = marketOfPhone(phone);
if (country === null) {
  $("bad-phone").classList.remove("hidden");
  $("empty").classList.add("hidden");
} else {
  setMarket(country);
  $("who").textContent = "+" + page.market.callingCode + " " + national(phone);
  // The customer's own code (for "merchant scan"): an image the counter's scanner reads off this screen.
  $("personal-qr-image").src = "/_sim/app/personal-qr.svg?phone=" + encodeURIComponent(phone);
  $("personal-qr").classList.remove("hidden");
  refresh();
  setInterval(refresh, 1000);
}
