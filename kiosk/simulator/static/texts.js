// The customer pages' words and brand, per market: each page is worded in its market's language, with English.
// MARKETS (markets.js) is made by the simulator from its own table (kiosk/simulator/markets.py).
"use strict";
const BRANDS = {
  Vipps: { logo: "vipps", colour: "#ff5b24" },
  MobilePay: { logo: "MobilePay", colour: "#5a78ff" },
};
const LANGUAGE_NAMES = { en: "English", nb: "Norsk", da: "Dansk", fi: "Suomi" };
// Norway's pages open in English, as they always have; Danish and Finnish ones in the market's language.
const FIRST_LANGUAGE = { NO: "en", DK: "da", FI: "fi" };
// A key may have a variant per market ("badPhone.DK"), looked up first; {name}s are filled in by t().
const TEXTS = {
  en: {
    payTitle: "{brand} – pay",
    simNote: "simulator – no real money moves",
    invalidLink: "This payment link is not valid.",
    enterNumber: "Enter your mobile number",
    mobileNumber: "Mobile number",
    "phoneAria.NO": "Mobile number, 8 digits",
    "phoneAria.DK": "Mobile number, 8 digits",
    "phoneAria.FI": "Mobile number, like 040 1234567",
    "badPhone.NO": "Enter the 8 digits of your Norwegian mobile number.",
    "badPhone.DK": "Enter the 8 digits of your Danish mobile number.",
    "badPhone.FI": "Enter your Finnish mobile number, like 040 1234567.",
    notWaiting: "This payment is no longer waiting for a phone number.",
    remember: "Remember my number",
    next: "Next",
    timeLeft: "Time left:",
    confirmInApp: "Confirm the payment in {brand}",
    sentToApp: "We sent the payment request to your {brand} app.",
    openApp: "Open {brand}",
    paid: "Payment approved",
    expired: "The payment expired",
    cancelled: "The payment was cancelled",
    failed: "The payment failed",
    appTitle: "{brand} app (simulated)",
    appHeader: "{brand} app",
    badAppPhone: "Open this page as /_sim/app?phone=NNNNNNNN (8 digits), or with a mobile number and its country code.",
    qrAlt: "Your personal QR code: show it at the counter to pay",
    qrCaption: "Your code: show it at the counter, and the payment comes here.",
    noRequests: "No payment requests right now. New ones appear here by themselves.",
    pay: "Pay",
    reject: "Reject",
    paidTo: "Paid {amount} to {merchant}",
    rejected: "You rejected the payment",
    payFailed: "Payment failed: {reason}",
    refused: "refused",
  },
  nb: {
    payTitle: "{brand} – betal",
    simNote: "simulator – ingen ekte penger flyttes",
    invalidLink: "Denne betalingslenken er ikke gyldig.",
    enterNumber: "Skriv inn mobilnummeret ditt",
    mobileNumber: "Mobilnummer",
    phoneAria: "Mobilnummer, 8 sifre",
    badPhone: "Skriv inn de 8 sifrene i det norske mobilnummeret ditt.",
    notWaiting: "Denne betalingen venter ikke lenger på et telefonnummer.",
    remember: "Husk nummeret mitt",
    next: "Neste",
    timeLeft: "Tid igjen:",
    confirmInApp: "Bekreft betalingen i {brand}",
    sentToApp: "Vi har sendt betalingsforespørselen til {brand}-appen din.",
    openApp: "Åpne {brand}",
    paid: "Betalingen er godkjent",
    expired: "Betalingen er utløpt",
    cancelled: "Betalingen ble avbrutt",
    failed: "Betalingen mislyktes",
    appTitle: "{brand}-appen (simulert)",
    appHeader: "{brand}-appen",
    qrAlt: "Din personlige QR-kode: vis den i kassen for å betale",
    qrCaption: "Koden din: vis den i kassen, så kommer betalingen hit.",
    noRequests: "Ingen betalingsforespørsler akkurat nå. Nye dukker opp her av seg selv.",
    pay: "Betal",
    reject: "Avvis",
    paidTo: "Betalt {amount} til {merchant}",
    rejected: "Du avviste betalingen",
    payFailed: "Betalingen mislyktes: {reason}",
    refused: "avvist",
  },
  da: {
    payTitle: "{brand} – betal",
    simNote: "simulator – ingen rigtige penge flyttes",
    invalidLink: "Dette betalingslink er ikke gyldigt.",
    enterNumber: "Indtast dit mobilnummer",
    mobileNumber: "Mobilnummer",
    phoneAria: "Mobilnummer, 8 cifre",
    badPhone: "Indtast de 8 cifre i dit danske mobilnummer.",
    notWaiting: "Denne betaling venter ikke længere på et telefonnummer.",
    remember: "Husk mit nummer",
    next: "Næste",
    timeLeft: "Tid tilbage:",
    confirmInApp: "Godkend betalingen i {brand}",
    sentToApp: "Vi har sendt betalingsanmodningen til din {brand}-app.",
    openApp: "Åbn {brand}",
    paid: "Betalingen er godkendt",
    expired: "Betalingen er udløbet",
    cancelled: "Betalingen blev annulleret",
    failed: "Betalingen mislykkedes",
    appTitle: "{brand}-appen (simuleret)",
    appHeader: "{brand}-appen",
    qrAlt: "Din personlige QR-kode: vis den ved kassen for at betale",
    qrCaption: "Din kode: vis den ved kassen, så kommer betalingen her.",
    noRequests: "Ingen betalingsanmodninger lige nu. Nye dukker op her af sig selv.",
    pay: "Betal",
    reject: "Afvis",
    paidTo: "Betalt {amount} til {merchant}",
    rejected: "Du afviste betalingen",
    payFailed: "Betalingen mislykkedes: {reason}",
    refused: "afvist",
  },
  fi: {
    payTitle: "{brand} – maksa",
    simNote: "simulaattori – oikeaa rahaa ei siirry",
    invalidLink: "Tämä maksulinkki ei ole voimassa.",
    enterNumber: "Syötä puhelinnumerosi",
    mobileNumber: "Puhelinnumero",
    phoneAria: "Puhelinnumero, esimerkiksi 040 1234567",
    badPhone: "Syötä suomalainen matkapuhelinnumerosi, esimerkiksi 040 1234567.",
    notWaiting: "Tämä maksu ei enää odota puhelinnumeroa.",
    remember: "Muista numeroni",
    next: "Seuraava",
    timeLeft: "Aikaa jäljellä:",
    confirmInApp: "Hyväksy maksu {brand}-sovelluksessa",
    sentToApp: "Lähetimme maksupyynnön {brand}-sovellukseesi.",
    openApp: "Avaa {brand}",
    paid: "Maksu hyväksytty",
    expired: "Maksu vanhentui",
    cancelled: "Maksu peruttiin",
    failed: "Maksu epäonnistui",
    appTitle: "{brand}-sovellus (simuloitu)",
    appHeader: "{brand}-sovellus",
    qrAlt: "Henkilökohtainen QR-koodisi: näytä se kassalla maksaaksesi",
    qrCaption: "Koodisi: näytä se kassalla, niin maksu tulee tänne.",
    noRequests: "Ei maksupyyntöjä juuri nyt. Uudet ilmestyvät tähän itsestään.",
    pay: "Maksa",
    reject: "Hylkää",
    paidTo: "Maksoit {amount} saajalle {merchant}",
    rejected: "Hylkäsit maksun",
    payFailed: "Maksu epäonnistui: {reason}",
    refused: "hylätty",
  },
};

const page = { country: "NO", market: MARKETS.NO, language: FIRST_LANGUAGE.NO, onLanguage: () => {} };

function t(key, values = {}) {
  const words = TEXTS[page.language] || TEXTS.en;
  let text = words[key + "." + page.country] || words[key] || TEXTS.en[key + "." + page.country] || TEXTS.en[key];
  const filled = { brand: page.market.brand, ...values };
  for (const [name, value] of Object.entries(filled)) text = text.split("{" + name + "}").join(value);
  return text;
}

// The amount in its currency, written as the market writes it ("49,95 kr.", "4,95 €", "149,50 kr").
function money(minor, currency) {
  const format = new Intl.NumberFormat(page.market.locale, { style: "currency", currency: currency });
  return format.format(minor / 100);
}

// Every element marked data-text (its words), data-aria (its aria-label), data-alt; and the page's title.
function applyTexts() {
  document.documentElement.lang = page.language;
  for (const el of document.querySelectorAll("[data-text]")) el.textContent = t(el.dataset.text);
  for (const el of document.querySelectorAll("[data-aria]")) el.setAttribute("aria-label", t(el.dataset.aria));
  for (const el of document.querySelectorAll("[data-alt]")) el.alt = t(el.dataset.alt);
  const title = document.querySelector("title[data-title]");
  if (title) document.title = t(title.dataset.title);
  for (const b of document.querySelectorAll("#languages button")) {
    b.setAttribute("aria-pressed", String(b.dataset.lang === page.language));
  }
  page.onLanguage();
}

function chooseLanguage(language) {
  page.language = language;
  localStorage.setItem("sim-language", language);
  applyTexts();
}

// Brand the page for `country` and offer its language and English.
function setMarket(country) {
  if (!MARKETS[country] || (country === page.country && document.querySelector("#languages button"))) return;
  page.country = country;
  page.market = MARKETS[country];
  const brand = BRANDS[page.market.brand];
  document.documentElement.style.setProperty("--brand", brand.colour);
  const logo = document.getElementById("brand");
  if (logo) logo.textContent = brand.logo;
  const offered = [...new Set([page.market.language, "en"])];
  const saved = localStorage.getItem("sim-language");
  page.language = offered.includes(saved) ? saved : FIRST_LANGUAGE[country];
  const nav = document.getElementById("languages");
  nav.replaceChildren();
  for (const language of offered) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "language";
    button.dataset.lang = language;
    button.lang = language;
    button.textContent = LANGUAGE_NAMES[language];
    button.addEventListener("click", () => chooseLanguage(language));
    nav.append(button);
  }
  applyTexts();
}
