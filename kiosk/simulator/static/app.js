// The simulated Vipps app: the open payment requests for one phone number, with Pay and Reject.
"use strict";
const phone = new URLSearchParams(location.search).get("phone") || "";
const $ = (id) => document.getElementById(id);

function kroner(ore) {
  return (ore / 100).toLocaleString("nb-NO", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " kr";
}

async function respond(request, action, card) {
  for (const b of card.querySelectorAll("button")) b.disabled = true;
  const response = await fetch("/_sim/app/respond", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ pspTransactionId: request.pspTransactionId, phone, action }),
  });
  const answer = await response.json();
  const result = $("result");
  if (!response.ok) {
    result.textContent = answer.message;
    result.className = "outcome failed";
  } else if (answer.paid) {
    result.textContent = "Paid " + kroner(request.amount) + " to " + request.merchant;
    result.className = "outcome paid";
  } else if (action === "reject") {
    result.textContent = "You rejected the payment";
    result.className = "outcome cancelled";
  } else {
    result.textContent = "Payment failed: " + ((answer.failure && answer.failure.errorText) || "refused");
    result.className = "outcome failed";
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
  amount.textContent = kroner(request.amount);
  const text = document.createElement("div");
  text.className = "note";
  text.textContent = request.paymentText || "";
  const actions = document.createElement("div");
  actions.className = "actions";
  const pay = document.createElement("button");
  pay.textContent = "Pay";
  pay.addEventListener("click", () => respond(request, "approve", box));
  const reject = document.createElement("button");
  reject.textContent = "Reject";
  reject.className = "secondary";
  reject.addEventListener("click", () => respond(request, "reject", box));
  actions.append(pay, reject);
  box.append(merchant, amount, text, actions);
  return box;
}

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

if (!/^[0-9]{8}$/.test(phone)) {
  $("bad-phone").classList.remove("hidden");
  $("empty").classList.add("hidden");
} else {
  $("who").textContent = "+47 " + phone.slice(0, 3) + " " + phone.slice(3, 5) + " " + phone.slice(5);
  // The customer's own code (for "merchant scan"): an image the counter's scanner reads off this screen.
  $("personal-qr-image").src = "/_sim/app/personal-qr.svg?phone=" + encodeURIComponent(phone);
  $("personal-qr").classList.remove("hidden");
  refresh();
  setInterval(refresh, 1000);
}
