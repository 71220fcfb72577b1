<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name></name>
    <message>
        <source>Refunding…</source>
        <translation>Refunderer …</translation>
    </message>
    <message>
        <source>Checking with Vipps…</source>
        <translation>Sjekker med Vipps …</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer …</translation>
    </message>
    <message>
        <source>Something went wrong. It is recorded in the log.</source>
        <translation>Noe gikk galt. Det er skrevet i loggen.</translation>
    </message>
    <message>
        <source>Ready. Type the amount and press Enter.</source>
        <translation>Klar. Skriv inn beløpet og trykk Enter.</translation>
    </message>
    <message>
        <source>Starting the payment…</source>
        <translation>Starter betalingen …</translation>
    </message>
    <message>
        <source>Sending the payment to the customer&apos;s phone…</source>
        <translation>Sender betalingen til kundens mobil …</translation>
    </message>
    <message>
        <source>Sending the payment to the customer&apos;s app…</source>
        <translation>Sender betalingen til kundens app …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter …</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>Venter på kunden</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starter …</translation>
    </message>
    <message>
        <source>Manager PIN needed</source>
        <translation>Leder-PIN trengs</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Administrasjon</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Leser innstillingene …</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>This sale has already ended.</source>
        <translation>Dette salget er allerede avsluttet.</translation>
    </message>
    <message>
        <source>Payment cancelled.</source>
        <translation>Betalingen er kansellert.</translation>
    </message>
    <message>
        <source>The payment was cancelled.</source>
        <translation>Betalingen ble kansellert.</translation>
    </message>
    <message>
        <source>Nobody approved the payment in time.</source>
        <translation>Ingen godkjente betalingen i tide.</translation>
    </message>
    <message>
        <source>The customer rejected the payment in {brand}.</source>
        <translation>Kunden avviste betalingen i {brand}.</translation>
    </message>
    <message>
        <source>The payment was not approved (rejected in Vipps or refused by the card).</source>
        <translation>Betalingen ble ikke godkjent (avvist i Vipps eller av kortet).</translation>
    </message>
    <message>
        <source>The customer rejected the payment in Vipps.</source>
        <translation>Kunden avviste betalingen i Vipps.</translation>
    </message>
    <message>
        <source>The card was refused.</source>
        <translation>Kortet ble avvist.</translation>
    </message>
    <message>
        <source>The card&apos;s bank is unknown.</source>
        <translation>Banken til kortet er ukjent.</translation>
    </message>
    <message>
        <source>The card&apos;s bank refused the payment.</source>
        <translation>Banken til kortet avviste betalingen.</translation>
    </message>
    <message>
        <source>The payment is over the card&apos;s limit.</source>
        <translation>Betalingen er over grensen på kortet.</translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation>Kortet er utløpt.</translation>
    </message>
    <message>
        <source>The card is not valid.</source>
        <translation>Kortet er ikke gyldig.</translation>
    </message>
    <message>
        <source>Credit cards cannot be used here.</source>
        <translation>Kredittkort kan ikke brukes her.</translation>
    </message>
    <message>
        <source>There is not enough money on the card.</source>
        <translation>Det er ikke dekning på kortet.</translation>
    </message>
    <message>
        <source>The approval came after the payment was cancelled.</source>
        <translation>Godkjenningen kom etter at betalingen var kansellert.</translation>
    </message>
    <message>
        <source>Vipps&apos; PSP API takes payments in Norway only, not in {country}: set [vipps] api = &quot;epayment&quot;.</source>
        <translation>Vipps&apos; PSP-API tar bare imot betalinger i Norge, ikke i {country}: sett [vipps] api = &quot;epayment&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>Settled %n sale(s) left unfinished.</source>
        <translation>
            <numerusform>Gjorde opp %n uferdig salg.</numerusform>
            <numerusform>Gjorde opp %n uferdige salg.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) checking in the back office.</source>
        <translation>
            <numerusform>%n må sjekkes i administrasjonen.</numerusform>
            <numerusform>%n må sjekkes i administrasjonen.</numerusform>
        </translation>
    </message>
    <message>
        <source>{settled} {checks}</source>
        <translation>{settled} {checks}</translation>
    </message>
    <message>
        <source>Needs checking: Vipps could not be asked after a restart.</source>
        <translation>Må sjekkes: Vipps kunne ikke spørres etter omstarten.</translation>
    </message>
    <message>
        <source>The kiosk restarted before the customer paid.</source>
        <translation>Kiosken startet på nytt før kunden betalte.</translation>
    </message>
    <message>
        <source>Vipps could not be asked. Try again later.</source>
        <translation>Vipps kunne ikke spørres. Prøv igjen senere.</translation>
    </message>
    <message>
        <source>Vipps says the payment is pending: settle it with the customer.</source>
        <translation>Vipps sier at betalingen venter: gjør den opp med kunden.</translation>
    </message>
    <message>
        <source>Vipps says the payment is failed: settle it with the customer.</source>
        <translation>Vipps sier at betalingen mislyktes: gjør den opp med kunden.</translation>
    </message>
    <message>
        <source>Vipps says the payment is cancelled: settle it with the customer.</source>
        <translation>Vipps sier at betalingen er kansellert: gjør den opp med kunden.</translation>
    </message>
    <message>
        <source>Vipps says the payment is {state}: settle it with the customer.</source>
        <translation>Vipps sier at betalingen har status «{state}»: gjør den opp med kunden.</translation>
    </message>
    <message>
        <source>Needs checking: {problem}.</source>
        <translation>Må sjekkes: {problem}.</translation>
    </message>
    <message>
        <source>Scanning a customer&apos;s code needs the ePayment API ([vipps] api = &quot;epayment&quot;).</source>
        <translation>Skanning av kundens kode krever ePayment-API-et ([vipps] api = &quot;epayment&quot;).</translation>
    </message>
    <message>
        <source>That is not a customer&apos;s {brand} code.</source>
        <translation>Det er ikke en {brand}-kode fra en kunde.</translation>
    </message>
    <message>
        <source>made through Vipps&apos; {api} API, and {problem}</source>
        <translation>gjort gjennom Vipps&apos; {api}-API, og {problem}</translation>
    </message>
    <message>
        <source>the settings have no psp_id, which the PSP API needs: add psp_id = &quot;...&quot; to [vipps]</source>
        <translation>innstillingene mangler psp_id, som PSP-API-et trenger: legg til psp_id = &quot;...&quot; i [vipps]</translation>
    </message>
    <message>
        <source>this kiosk does not know Vipps&apos; &quot;{api}&quot; API; update the kiosk</source>
        <translation>denne kiosken kjenner ikke Vipps&apos; «{api}»-API; oppdater kiosken</translation>
    </message>
    <message>
        <source>This sale was paid through Vipps&apos; {api} API, and {problem}.</source>
        <translation>Dette salget ble betalt gjennom Vipps&apos; {api}-API, og {problem}.</translation>
    </message>
    <message>
        <source>This sale was paid elsewhere: {problem}.</source>
        <translation>Dette salget ble betalt et annet sted: {problem}.</translation>
    </message>
    <message>
        <source>Vipps&apos; answer does not prove that it never had the payment: {seen}</source>
        <translation>Svaret fra Vipps beviser ikke at Vipps aldri hadde betalingen: {seen}</translation>
    </message>
    <message>
        <source>Vipps says it has no such payment, but it had answered for it before</source>
        <translation>Vipps sier at betalingen ikke finnes, men Vipps har svart om den tidligere</translation>
    </message>
    <message>
        <source>Vipps says it has no such payment, but the attempt was made before the kiosk recorded its sales unit, so it may have been made with other settings: check it in Vipps&apos; portal</source>
        <translation>Vipps sier at betalingen ikke finnes, men forsøket ble gjort før kiosken begynte å lagre salgsenheten, så det kan være gjort med andre innstillinger: sjekk det i Vipps-portalen</translation>
    </message>
    <message>
        <source>made with merchant_serial_number {made} at {made_address}, not {now} at {address} as the settings now say: set them back to settle the sale</source>
        <translation>gjort med merchant_serial_number {made} på {made_address}, ikke {now} på {address} slik innstillingene sier nå: sett dem tilbake for å gjøre opp salget</translation>
    </message>
    <message>
        <source>made with merchant_serial_number {made}, not {now} as the settings now say: set it back to settle the sale</source>
        <translation>gjort med merchant_serial_number {made}, ikke {now} slik innstillingene sier nå: sett det tilbake for å gjøre opp salget</translation>
    </message>
    <message>
        <source>made at {made}, not {now} as the settings now say: set base_url back to settle the sale</source>
        <translation>gjort på {made}, ikke {now} slik innstillingene sier nå: sett base_url tilbake for å gjøre opp salget</translation>
    </message>
    <message>
        <source>Vipps refused the capture: settle it with the customer.</source>
        <translation>Vipps avviste belastningen: gjør den opp med kunden.</translation>
    </message>
    <message>
        <source>Paid; Vipps has not applied the capture yet.</source>
        <translation>Betalt; Vipps har ikke gjennomført belastningen ennå.</translation>
    </message>
    <message>
        <source>Only a paid sale can be refunded.</source>
        <translation>Bare et betalt salg kan refunderes.</translation>
    </message>
    <message>
        <source>A refund must be more than 0.</source>
        <translation>En refusjon må være mer enn 0.</translation>
    </message>
    <message>
        <source>Only {remaining} remains to refund.</source>
        <translation>Bare {remaining} gjenstår å refundere.</translation>
    </message>
    <message>
        <source>The shop database cannot be reached, so this till can refund only its own sales until it is back; this sale was made at till {till}.</source>
        <translation>Butikkdatabasen kan ikke nås, så denne kassen kan bare refundere sine egne salg til den er tilbake; dette salget ble gjort i kasse {till}.</translation>
    </message>
    <message>
        <source>The ledger at {path} is from an older version of the kiosk, and it is not updated from here. Start the kiosk once (it updates the ledger), then try again.</source>
        <translation>Salgsloggen i {path} er fra en eldre versjon av kiosken, og den oppdateres ikke herfra. Start kiosken én gang (da oppdateres salgsloggen), og prøv så på nytt.</translation>
    </message>
    <message>
        <source>The ledger cannot be written: {problem}</source>
        <translation>Kan ikke skrive til salgsloggen: {problem}</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>databasen eller disken er full</translation>
    </message>
    <message>
        <source>There is no ledger at {path}.</source>
        <translation>Det finnes ingen salgslogg i {path}.</translation>
    </message>
    <message>
        <source>The ledger at {path} cannot be opened: {problem}</source>
        <translation>Salgsloggen i {path} kan ikke åpnes: {problem}</translation>
    </message>
    <message>
        <source>The ledger at {path} is damaged or unreadable ({problem}). It was left untouched: move it aside and keep it for the manager, then start the kiosk again.</source>
        <translation>Salgsloggen i {path} er skadet eller kan ikke leses ({problem}). Den er ikke endret: flytt den til et annet sted og ta vare på den for lederen, og start så kiosken igjen.</translation>
    </message>
    <message>
        <source>The ledger at {path} holds sales from before a crash that are not saved into it yet, and they cannot be read from here. Start the kiosk once (it saves them), then export again.</source>
        <translation>Salgsloggen i {path} har salg fra før et krasj som ikke er lagret i den ennå, og de kan ikke leses herfra. Start kiosken én gang (da lagres de), og eksporter så på nytt.</translation>
    </message>
    <message>
        <source>it is from a newer kiosk (schema {version}); update the kiosk to open it</source>
        <translation>den er fra en nyere kiosk (skjema {version}); oppdater kiosken for å åpne den</translation>
    </message>
    <message>
        <source>The export could not be written to {path}: {problem}</source>
        <translation>Eksporten kunne ikke skrives til {path}: {problem}</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {problem}</source>
        <translation>Rapporten kunne ikke skrives til {path}: {problem}</translation>
    </message>
    <message>
        <source>the file cannot be created there</source>
        <translation>filen kan ikke opprettes der</translation>
    </message>
    <message>
        <source>nothing was written (is the disk full?)</source>
        <translation>ingenting ble skrevet (er disken full?)</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s)</source>
        <translation>
            <numerusform>%n salg</numerusform>
            <numerusform>%n salg</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the amount to charge.</source>
        <translation>Skriv inn beløpet du vil ta betalt.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Beløpet kan ikke være negativt.</translation>
    </message>
    <message>
        <source>Use the digits 0-9 only.</source>
        <translation>Bruk bare sifrene 0–9.</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>Beløpet må være mer enn 0.</translation>
    </message>
    <message>
        <source>{brand} takes payments of {minimum} or more.</source>
        <translation>{brand} tar bare betalinger på {minimum} eller mer.</translation>
    </message>
    <message>
        <source>That is not an amount. Type it like 149,50.</source>
        <translation>Det er ikke et beløp. Skriv det slik: 149,50.</translation>
    </message>
    <message>
        <source>The amount must be more than 0 kr.</source>
        <translation>Beløpet må være mer enn 0 kr.</translation>
    </message>
    <message>
        <source>Vipps takes payments of 1 kr or more.</source>
        <translation>Vipps tar bare betalinger på 1 kr eller mer.</translation>
    </message>
    <message>
        <source>That is over this till&apos;s limit of {limit}.</source>
        <translation>Det er over grensen for denne kassen, som er {limit}.</translation>
    </message>
    <message>
        <source>&quot;{typed}&quot; is unclear: is it {thousands}? Type euros and cents with two decimals (12.50), or thousands without the separator (12500).</source>
        <translation>«{typed}» er uklart: er det {thousands}? Skriv euro og cent med to desimaler (12,50), eller tusener uten skilletegnet (12500).</translation>
    </message>
    <message>
        <source>&quot;{typed}&quot; is unclear: is it {thousands}? Type kroner and øre with two decimals (12.50), or thousands without the separator (12500).</source>
        <translation>«{typed}» er uklart: er det {thousands}? Skriv kroner og øre med to desimaler (12,50), eller tusener uten skilletegnet (12500).</translation>
    </message>
    <message>
        <source>Type your mobile number.</source>
        <translation>Skriv inn mobilnummeret ditt.</translation>
    </message>
    <message>
        <source>Only Norwegian numbers (+47) can pay with Vipps here.</source>
        <translation>Bare norske numre (+47) kan betale med Vipps her.</translation>
    </message>
    <message>
        <source>A Norwegian mobile number has 8 digits.</source>
        <translation>Et norsk mobilnummer har 8 sifre.</translation>
    </message>
    <message>
        <source>Norwegian mobile numbers start with 4 or 9.</source>
        <translation>Norske mobilnumre begynner med 4 eller 9.</translation>
    </message>
    <message>
        <source>Only Danish numbers (+45) can pay with MobilePay here.</source>
        <translation>Bare danske numre (+45) kan betale med MobilePay her.</translation>
    </message>
    <message>
        <source>A Danish mobile number has 8 digits.</source>
        <translation>Et dansk mobilnummer har 8 sifre.</translation>
    </message>
    <message>
        <source>Danish numbers do not start with 0 or 1.</source>
        <translation>Danske numre begynner ikke med 0 eller 1.</translation>
    </message>
    <message>
        <source>Only Finnish numbers (+358) can pay with MobilePay here.</source>
        <translation>Bare finske numre (+358) kan betale med MobilePay her.</translation>
    </message>
    <message>
        <source>Finnish mobile numbers start with 04 or 050.</source>
        <translation>Finske mobilnumre begynner med 04 eller 050.</translation>
    </message>
    <message>
        <source>A Finnish mobile number has 10 or 11 digits, the 0 in front included.</source>
        <translation>Et finsk mobilnummer har 10 eller 11 sifre, med 0 foran.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits (0-9).</source>
        <translation>En PIN-kode har 4 til 8 sifre (0–9).</translation>
    </message>
    <message>
        <source>No manager PIN is set yet.</source>
        <translation>Ingen leder-PIN er valgt ennå.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in {seconds} s.</source>
        <translation>For mange feil forsøk. Prøv igjen om {seconds} s.</translation>
    </message>
    <message>
        <source>The PIN file {path} cannot be read ({problem}); remove it to set a new PIN.</source>
        <translation>PIN-filen {path} kan ikke leses ({problem}); fjern den for å velge en ny PIN-kode.</translation>
    </message>
    <message>
        <source>Vipps refused the credentials: check client_id, client_secret and subscription_key</source>
        <translation>Vipps avviste påloggingsopplysningene: sjekk client_id, client_secret og subscription_key</translation>
    </message>
    <message>
        <source>Vipps answered {status}: {hint}</source>
        <translation>Vipps svarte {status}: {hint}</translation>
    </message>
    <message>
        <source>check subscription_key and merchant_serial_number</source>
        <translation>sjekk subscription_key og merchant_serial_number</translation>
    </message>
    <message>
        <source>check subscription_key, psp_id and merchant_serial_number</source>
        <translation>sjekk subscription_key, psp_id og merchant_serial_number</translation>
    </message>
    <message>
        <source>check subscription_key and merchant_serial_number, and that the sales unit may use ePayment</source>
        <translation>sjekk subscription_key og merchant_serial_number, og at salgsenheten har tilgang til ePayment</translation>
    </message>
    <message>
        <source>Vipps answered {status}</source>
        <translation>Vipps svarte {status}</translation>
    </message>
    <message>
        <source>Vipps&apos; certificate is not trusted: {problem}</source>
        <translation>Sertifikatet til Vipps er ikke klarert: {problem}</translation>
    </message>
    <message>
        <source>cannot reach Vipps: {error}</source>
        <translation>får ikke kontakt med Vipps: {error}</translation>
    </message>
    <message>
        <source>Vipps did not accept the connection in time</source>
        <translation>Vipps godtok ikke tilkoblingen i tide</translation>
    </message>
    <message>
        <source>Vipps did not answer {method} in time</source>
        <translation>Vipps svarte ikke på {method} i tide</translation>
    </message>
    <message>
        <source>the connection to Vipps failed: {error}</source>
        <translation>tilkoblingen til Vipps brøt: {error}</translation>
    </message>
    <message>
        <source>Vipps asks us to slow down (429)</source>
        <translation>Vipps ber oss sende færre forespørsler (429)</translation>
    </message>
    <message>
        <source>the call was cancelled</source>
        <translation>kallet ble avbrutt</translation>
    </message>
    <message>
        <source>Vipps allows {count} {operation} calls a minute for one payment; the next is allowed in {seconds} s</source>
        <translation>Vipps tillater {count} {operation}-kall i minuttet for én betaling; det neste er tillatt om {seconds} s</translation>
    </message>
    <message>
        <source>Vipps refused the request: {reason} (errorCode {code})</source>
        <translation>Vipps avviste forespørselen: {reason} (errorCode {code})</translation>
    </message>
    <message>
        <source>Vipps sent {what} that breaks the contract at {where}: {problem}</source>
        <translation>Vipps sendte {what} som bryter kontrakten ved {where}: {problem}</translation>
    </message>
    <message>
        <source>Vipps answered updatestatus with HTTP {status} and no responseInfo, so the update is not known to be accepted</source>
        <translation>Vipps svarte på updatestatus med HTTP {status} uten responseInfo, så det er ikke kjent at oppdateringen ble godtatt</translation>
    </message>
    <message>
        <source>Vipps&apos; address answered with a redirect (HTTP {status}), which the kiosk does not follow</source>
        <translation>Vipps-adressen svarte med en videresending (HTTP {status}), som kiosken ikke følger</translation>
    </message>
    <message>
        <source>Ready. Type the amount and press Enter. {notice}</source>
        <translation>Klar. Skriv inn beløpet og trykk Enter. {notice}</translation>
    </message>
    <message>
        <source>The demo simulator could not start on {host}:{port}: {problem}</source>
        <translation>Demosimulatoren kunne ikke starte på {host}:{port}: {problem}</translation>
    </message>
    <message>
        <source>Unfinished sales could not be settled: {problem}</source>
        <translation>Uferdige salg kunne ikke gjøres opp: {problem}</translation>
    </message>
    <message>
        <source>The sale could not be recorded: {problem}</source>
        <translation>Salget kunne ikke lagres: {problem}</translation>
    </message>
    <message>
        <source>The sale could not be recorded: {problem}. Still trying.</source>
        <translation>Salget kunne ikke lagres: {problem}. Prøver fortsatt.</translation>
    </message>
    <message>
        <source>Refunded {amount}.</source>
        <translation>Refunderte {amount}.</translation>
    </message>
    <message>
        <source>Vipps refused the refund: {reason}</source>
        <translation>Vipps avviste refusjonen: {reason}</translation>
    </message>
    <message>
        <source>No answer from Vipps yet. The refund is recorded and will be sent again.</source>
        <translation>Ikke svar fra Vipps ennå. Refusjonen er lagret og blir sendt på nytt.</translation>
    </message>
    <message>
        <source>Checked with Vipps: {message}</source>
        <translation>Sjekket med Vipps: {message}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sale(s) to {path}</source>
        <translation>
            <numerusform>Eksporterte %n salg til {path}</numerusform>
            <numerusform>Eksporterte %n salg til {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote the end-of-day report to {path}</source>
        <translation>Skrev dagsoppgjøret til {path}</translation>
    </message>
    <message>
        <source>The kiosk could not start. The reason is in the log in the data folder.</source>
        <translation>Kiosken kunne ikke starte. Årsaken står i loggen i datamappen.</translation>
    </message>
    <message>
        <source>No sale is waiting for the customer. Charge the amount first, then scan the customer&apos;s code.</source>
        <translation>Ingen betaling venter på kunden. Slå inn beløpet først, og skann så kundens kode.</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem}); check that the file is readable</source>
        <translation>{path}: kan ikke leses ({problem}); sjekk at filen kan leses</translation>
    </message>
    <message>
        <source>{path}: is not UTF-8 text; save it as UTF-8</source>
        <translation>{path}: er ikke UTF-8-tekst; lagre den som UTF-8</translation>
    </message>
    <message>
        <source>{path}: is not valid TOML ({problem}); fix the syntax there</source>
        <translation>{path}: er ikke gyldig TOML ({problem}); rett opp syntaksen der</translation>
    </message>
    <message>
        <source>{where}: [vipps] api must be &quot;psp&quot; or &quot;epayment&quot; (got {got})</source>
        <translation>{where}: [vipps] api må være &quot;psp&quot; eller &quot;epayment&quot; (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] api = &quot;psp&quot; takes payments in Norway only: set api = &quot;epayment&quot; for a shop in Denmark or Finland ([shop] country = &quot;{country}&quot;)</source>
        <translation>{where}: [vipps] api = &quot;psp&quot; tar bare imot betalinger i Norge: sett api = &quot;epayment&quot; for en butikk i Danmark eller Finland ([shop] country = &quot;{country}&quot;)</translation>
    </message>
    <message>
        <source>{where}: [kiosk] max_amount and max_amount_kr are the same limit: keep only max_amount</source>
        <translation>{where}: [kiosk] max_amount og max_amount_kr er den samme grensen: behold bare max_amount</translation>
    </message>
    <message>
        <source>{where}: [kiosk] max_amount_kr is in kroner, and a shop in Finland takes euros: use max_amount, in euros (like max_amount = 5000)</source>
        <translation>{where}: [kiosk] max_amount_kr er i kroner, og en butikk i Finland tar imot euro: bruk max_amount, i euro (for eksempel max_amount = 5000)</translation>
    </message>
    <message>
        <source>{where}: [{name}] must be a table; write it as a [{name}] section</source>
        <translation>{where}: [{name}] må være en tabell; skriv den som en [{name}]-seksjon</translation>
    </message>
    <message>
        <source>{where}: unknown key {label}; did you mean {guess}?</source>
        <translation>{where}: ukjent nøkkel {label}; mente du {guess}?</translation>
    </message>
    <message>
        <source>{where}: unknown key {label}; known keys: {known}</source>
        <translation>{where}: ukjent nøkkel {label}; kjente nøkler: {known}</translation>
    </message>
    <message>
        <source>the value given</source>
        <translation>verdien som ble oppgitt</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} is missing; add {key} = &quot;...&quot; to the [vipps] section</source>
        <translation>{where}: [vipps] {key} mangler; legg til {key} = &quot;...&quot; i [vipps]-seksjonen</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be a non-empty text in quotes (got {got})</source>
        <translation>{where}: [vipps] {key} må være en tekst i anførselstegn som ikke er tom (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be at most {max_len} characters</source>
        <translation>{where}: [vipps] {key} kan ha høyst {max_len} tegn</translation>
    </message>
    <message>
        <source>{where}: [vipps] merchant_serial_number is missing; add your 6-digit MSN, like &quot;123456&quot;</source>
        <translation>{where}: [vipps] merchant_serial_number mangler; legg til det sekssifrede MSN-nummeret deres, for eksempel &quot;123456&quot;</translation>
    </message>
    <message>
        <source>{where}: [vipps] merchant_serial_number must be exactly 6 digits, like &quot;123456&quot; (got {got})</source>
        <translation>{where}: [vipps] merchant_serial_number må være nøyaktig 6 sifre, for eksempel &quot;123456&quot; (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] skip_landing_page must be true or false (got {got})</source>
        <translation>{where}: [vipps] skip_landing_page må være true eller false (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must start with https:// (plain http is only for a simulator on this PC, like &quot;http://127.0.0.1:8765&quot;)</source>
        <translation>{where}: [vipps] {key} må begynne med https:// (vanlig http er bare for en simulator på denne PC-en, for eksempel &quot;http://127.0.0.1:8765&quot;)</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} is missing; add {key} = &quot;https://...&quot; to the [vipps] section</source>
        <translation>{where}: [vipps] {key} mangler; legg til {key} = &quot;https://...&quot; i [vipps]-seksjonen</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be a web address like &quot;https://apitest.vipps.no&quot; (got {got})</source>
        <translation>{where}: [vipps] {key} må være en nettadresse, for eksempel &quot;https://apitest.vipps.no&quot; (fikk {got})</translation>
    </message>
    <message>
        <source>0 or more</source>
        <translation>0 eller flere</translation>
    </message>
    <message>
        <source>more than 0</source>
        <translation>flere enn 0</translation>
    </message>
    <message>
        <source>{where}: [{table}] {key} must be a number of seconds, {lowest} (got {got})</source>
        <translation>{where}: [{table}] {key} må være et antall sekunder, {lowest} (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [{table}] {key} must be {lowest} seconds (got {got})</source>
        <translation>{where}: [{table}] {key} må være {lowest} sekunder (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] kiosk_mode must be true or false (got {got})</source>
        <translation>{where}: [kiosk] kiosk_mode må være true eller false (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] approval_window_s ({approval}) must be at least landing_window_s ({landing}): the app window follows the landing page</source>
        <translation>{where}: [kiosk] approval_window_s ({approval}) må være minst like stor som landing_window_s ({landing}): vinduet i appen kommer etter landingssiden</translation>
    </message>
    <message>
        <source>{where}: [kiosk] customer_display must be &quot;auto&quot;, &quot;none&quot; or the name of a screen as the settings screen lists it (got {got})</source>
        <translation>{where}: [kiosk] customer_display må være &quot;auto&quot;, &quot;none&quot; eller navnet på en skjerm slik innstillingene viser det (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] {key} must be an amount in the shop&apos;s currency from 1, with at most two decimals, like 5000 or 4999.50 (got {got})</source>
        <translation>{where}: [kiosk] {key} må være et beløp i butikkens valuta fra 1, med høyst to desimaler, for eksempel 5000 eller 4999.50 (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] {key} must be a number of kroner from 1, with at most two decimals, like 5000 or 4999.50 (got {got})</source>
        <translation>{where}: [kiosk] {key} må være et kronebeløp fra 1, med høyst to desimaler, for eksempel 5000 eller 4999.50 (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [simulator] host must be an address like &quot;127.0.0.1&quot; or &quot;0.0.0.0&quot;</source>
        <translation>{where}: [simulator] host må være en adresse, for eksempel &quot;127.0.0.1&quot; eller &quot;0.0.0.0&quot;</translation>
    </message>
    <message>
        <source>{where}: [simulator] port must be a whole number from 0 (any free port) to 65535</source>
        <translation>{where}: [simulator] port må være et heltall fra 0 (en hvilken som helst ledig port) til 65535</translation>
    </message>
    <message>
        <source>{where}: [shop] name must be text of at most 60 characters, like &quot;Corner Café&quot;</source>
        <translation>{where}: [shop] name må være en tekst på høyst 60 tegn, for eksempel &quot;Hjørnekafeen&quot;</translation>
    </message>
    <message>
        <source>{where}: [shop] {key} must be one of {allowed} (got {got})</source>
        <translation>{where}: [shop] {key} må være en av {allowed} (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [shop] sounds must be true or false (got {got})</source>
        <translation>{where}: [shop] sounds må være true eller false (fikk {got})</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Tilgangstoken</translation>
    </message>
    <message>
        <source>Sales unit</source>
        <translation>Salgsenhet</translation>
    </message>
    <message>
        <source>PSP access</source>
        <translation>PSP-tilgang</translation>
    </message>
    <message>
        <source>ePayment access</source>
        <translation>ePayment-tilgang</translation>
    </message>
    <message>
        <source>Shop database</source>
        <translation>Butikkdatabase</translation>
    </message>
    <message>
        <source>Shop schema</source>
        <translation>Butikkskjema</translation>
    </message>
    <message>
        <source>Till id</source>
        <translation>Kasse-id</translation>
    </message>
    <message>
        <source>{address} accepted the client id and secret</source>
        <translation>{address} godtok klient-id-en og hemmeligheten</translation>
    </message>
    <message>
        <source>Vipps does not know merchant serial number {msn} for these credentials, or it is not active: check the MSN in the Vipps portal</source>
        <translation>Vipps kjenner ikke salgsenhetsnummer (MSN) {msn} for disse påloggingsopplysningene, eller det er ikke aktivt: sjekk MSN-nummeret i Vipps-portalen</translation>
    </message>
    <message>
        <source>Vipps refused the PSP-Id: check psp_id (Vipps gives it with the PSP credentials)</source>
        <translation>Vipps avviste PSP-Id-en: sjekk psp_id (Vipps gir den sammen med PSP-påloggingsopplysningene)</translation>
    </message>
    <message>
        <source>merchant serial number {msn} and the PSP-Id are accepted</source>
        <translation>salgsenhetsnummer (MSN) {msn} og PSP-Id-en er godtatt</translation>
    </message>
    <message>
        <source>Vipps does not let merchant serial number {msn} take ePayment payments with these credentials: check merchant_serial_number, and that the sales unit has the ePayment API in the Vipps portal</source>
        <translation>Vipps lar ikke salgsenhetsnummer (MSN) {msn} ta imot ePayment-betalinger med disse påloggingsopplysningene: sjekk merchant_serial_number, og at salgsenheten har ePayment-API-et i Vipps-portalen</translation>
    </message>
    <message>
        <source>merchant serial number {msn} may use the ePayment API</source>
        <translation>salgsenhetsnummer (MSN) {msn} kan bruke ePayment-API-et</translation>
    </message>
    <message>
        <source>Vipps refused the call (HTTP {status}): check the subscription key</source>
        <translation>Vipps avviste kallet (HTTP {status}): sjekk abonnementsnøkkelen (subscription key)</translation>
    </message>
    <message>
        <source>Vipps refused the credentials (HTTP {status}): check client_id, client_secret and the subscription key (Ocp-Apim-Subscription-Key) for this environment</source>
        <translation>Vipps avviste påloggingsopplysningene (HTTP {status}): sjekk client_id, client_secret og abonnementsnøkkelen (Ocp-Apim-Subscription-Key) for dette miljøet</translation>
    </message>
    <message>
        <source>{address} did not answer within {seconds} s: check the network</source>
        <translation>{address} svarte ikke innen {seconds} s: sjekk nettverket</translation>
    </message>
    <message>
        <source>{address}&apos;s certificate is not trusted: check base_url, or the PC&apos;s date and time</source>
        <translation>Sertifikatet til {address} er ikke klarert: sjekk base_url, eller datoen og klokken på PC-en</translation>
    </message>
    <message>
        <source>cannot reach {address}: check base_url and the shop&apos;s internet connection</source>
        <translation>får ikke kontakt med {address}: sjekk base_url og butikkens internettforbindelse</translation>
    </message>
    <message>
        <source>Vipps asks to slow down (HTTP 429): try again in a minute</source>
        <translation>Vipps ber oss om å ta det roligere (HTTP 429): prøv igjen om et minutt</translation>
    </message>
    <message>
        <source>Vipps had a problem of its own (HTTP {status}): try again later</source>
        <translation>Vipps hadde et problem hos seg (HTTP {status}): prøv igjen senere</translation>
    </message>
    <message>
        <source>Vipps gave an answer the kiosk does not understand: {error}</source>
        <translation>Vipps ga et svar kiosken ikke forstår: {error}</translation>
    </message>
    <message>
        <source>{place}: {reason}: check [shop] database, the password and the network</source>
        <translation>{place}: {reason}: sjekk [shop] database, passordet og nettverket</translation>
    </message>
    <message>
        <source>{place} answered in {seconds} s</source>
        <translation>{place} svarte på {seconds} s</translation>
    </message>
    <message>
        <source>{place}: {reason}</source>
        <translation>{place}: {reason}</translation>
    </message>
    <message>
        <source>empty: the first till to start sets it up (version {shipped})</source>
        <translation>tom: den første kassen som starter, setter det opp (versjon {shipped})</translation>
    </message>
    <message>
        <source>version {version}, newer than this kiosk knows ({shipped}): update this till&apos;s kiosk</source>
        <translation>versjon {version}, nyere enn denne kiosken kjenner ({shipped}): oppdater kiosken i denne kassen</translation>
    </message>
    <message>
        <source>version {version}: this till brings it to {shipped} when it starts (its role needs CREATE for that once)</source>
        <translation>versjon {version}: denne kassen oppgraderer det til {shipped} når den starter (rollen dens trenger CREATE for det én gang)</translation>
    </message>
    <message>
        <source>version {version}, as this kiosk&apos;s</source>
        <translation>versjon {version}, som denne kiosken</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is free: this till takes it with its first copy</source>
        <translation>kasse {till} i butikk {shop} er ledig: denne kassen tar den i bruk ved første kopiering</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldri</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is already used by another PC&apos;s ledger (last copied {when}): give this till a [kiosk] till_id of its own</source>
        <translation>kasse {till} i butikk {shop} brukes allerede av salgsloggen på en annen PC (sist kopiert {when}): gi denne kassen en egen [kiosk] till_id</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} belongs to database role {role}, not {user}: log in as {role} in [shop] database</source>
        <translation>kasse {till} i butikk {shop} tilhører databaserollen {role}, ikke {user}: logg inn som {role} i [shop] database</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is this PC&apos;s</source>
        <translation>kasse {till} i butikk {shop} er denne PC-ens</translation>
    </message>
    <message>
        <source>{path}: other users can read it, and it holds Vipps secrets ({secrets}); run chmod 600 on it, then change those secrets in the Vipps portal, as they may have been seen</source>
        <translation>{path}: andre brukere kan lese den, og den inneholder Vipps-hemmeligheter ({secrets}); kjør chmod 600 på den, og bytt så disse hemmelighetene i Vipps-portalen, for de kan ha blitt sett</translation>
    </message>
    <message>
        <source>the system keyring is locked, so the Vipps secrets cannot be read; unlock it (log in to the desktop, or open the keyring app) and start the kiosk again, or start it with --demo</source>
        <translation>systemets nøkkelring er låst, så Vipps-hemmelighetene kan ikke leses; lås den opp (logg inn på skrivebordet, eller åpne nøkkelring-appen) og start kiosken på nytt, eller start den med --demo</translation>
    </message>
    <message>
        <source>the system keyring refused the secrets ({error})</source>
        <translation>systemets nøkkelring avviste hemmelighetene ({error})</translation>
    </message>
    <message>
        <source>the system keyring cannot be read ({error}), so the Vipps secrets cannot be read; check that it is running and unlocked, then start the kiosk again, or start it with --demo</source>
        <translation>systemets nøkkelring kan ikke leses ({error}), så Vipps-hemmelighetene kan ikke leses; sjekk at den kjører og er låst opp, og start så kiosken på nytt, eller start den med --demo</translation>
    </message>
    <message>
        <source>the system keyring cannot be read ({error}), so the shop database&apos;s password cannot be read; check that it is running and unlocked, then start the kiosk again</source>
        <translation>systemets nøkkelring kan ikke leses ({error}), så passordet til butikkdatabasen kan ikke leses; sjekk at den kjører og er låst opp, og start så kiosken på nytt</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem})</source>
        <translation>{path}: kan ikke leses ({problem})</translation>
    </message>
    <message>
        <source>{path}: other users can read it; run chmod 600 on it, then change the Vipps secrets in the portal, as they may have been seen</source>
        <translation>{path}: andre brukere kan lese den; kjør chmod 600 på den, og bytt så Vipps-hemmelighetene i portalen, for de kan ha blitt sett</translation>
    </message>
    <message>
        <source>{path}: is damaged; enter the Vipps secrets again in Settings</source>
        <translation>{path}: er skadet; skriv inn Vipps-hemmelighetene på nytt under Innstillinger</translation>
    </message>
    <message>
        <source>{path}: cannot be written ({problem}); check the disk and its permissions</source>
        <translation>{path}: kan ikke skrives ({problem}); sjekk disken og tilgangene til den</translation>
    </message>
    <message>
        <source>must be a PostgreSQL address like &quot;{example}&quot;</source>
        <translation>må være en PostgreSQL-adresse, for eksempel &quot;{example}&quot;</translation>
    </message>
    <message>
        <source>must not hold the password; remove it from the address: the kiosk takes it from the secret store (where it keeps the Vipps secrets) or from PostgreSQL&apos;s own ~/.pgpass</source>
        <translation>kan ikke inneholde passordet; fjern det fra adressen: kiosken henter det fra hemmelighetslageret (der den har Vipps-hemmelighetene) eller fra PostgreSQLs egen ~/.pgpass</translation>
    </message>
    <message>
        <source>must name the database after the host, like &quot;postgresql://kiosk@127.0.0.1/shop&quot;</source>
        <translation>må oppgi databasen etter verten, for eksempel &quot;postgresql://kiosk@127.0.0.1/shop&quot;</translation>
    </message>
    <message>
        <source>must use TLS with certificate verification for a server on another PC: add ?sslmode=verify-full to the address</source>
        <translation>må bruke TLS med sertifikatkontroll for en server på en annen PC: legg til ?sslmode=verify-full i adressen</translation>
    </message>
    <message>
        <source>must be 1 to {longest} lower-case letters, digits or &apos;-&apos;, starting with a letter or digit, like &quot;{example}&quot; (got {got})</source>
        <translation>må være 1 til {longest} små bokstaver, sifre eller «-», og begynne med en bokstav eller et siffer, for eksempel &quot;{example}&quot; (fikk {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] till_id {problem}</source>
        <translation>{where}: [kiosk] till_id {problem}</translation>
    </message>
    <message>
        <source>{where}: [shop] shop_id {problem}</source>
        <translation>{where}: [shop] shop_id {problem}</translation>
    </message>
    <message>
        <source>{where}: [shop] database {problem}</source>
        <translation>{where}: [shop] database {problem}</translation>
    </message>
    <message>
        <source>{where}: [kiosk] till_id is missing; a shop database needs each till named, like till_id = &quot;kasse-1&quot;</source>
        <translation>{where}: [kiosk] till_id mangler; en butikkdatabase trenger et navn på hver kasse, for eksempel till_id = &quot;kasse-1&quot;</translation>
    </message>
    <message>
        <source>Vipps MobilePay takes payments in Norway (&quot;NO&quot;), Denmark (&quot;DK&quot;) and Finland (&quot;FI&quot;), not &quot;{country}&quot;.</source>
        <translation>Vipps MobilePay tar betalinger i Norge («NO»), Danmark («DK») og Finland («FI»), ikke «{country}».</translation>
    </message>
    <message>
        <source>No answer from {brand} yet. Still trying.</source>
        <translation>Ikke svar fra {brand} ennå. Prøver fortsatt.</translation>
    </message>
    <message>
        <source>Time is up. Checking with {brand}…</source>
        <translation>Tiden er ute. Sjekker med {brand} …</translation>
    </message>
    <message>
        <source>Still connecting to {brand}. One moment.</source>
        <translation>Kobler fortsatt til {brand}. Et øyeblikk.</translation>
    </message>
    <message>
        <source>{brand} did not start the payment. Try again.</source>
        <translation>{brand} startet ikke betalingen. Prøv igjen.</translation>
    </message>
    <message>
        <source>{brand} answered too late. Start the payment again.</source>
        <translation>{brand} svarte for sent. Start betalingen på nytt.</translation>
    </message>
    <message>
        <source>{brand} refused to start the payment: {reason}</source>
        <translation>{brand} ville ikke starte betalingen: {reason}</translation>
    </message>
    <message>
        <source>{brand} refused that: {reason}</source>
        <translation>{brand} avviste det: {reason}</translation>
    </message>
</context>
<context>
    <name>AmountScreen</name>
    <message>
        <source>Amount to charge, in kroner</source>
        <translation>Beløp å ta betalt, i kroner</translation>
    </message>
    <message>
        <source>Amount to charge, in euros</source>
        <translation>Beløp å ta betalt, i euro</translation>
    </message>
    <message>
        <source>Payment text shown to the customer (optional)</source>
        <translation>Betalingstekst kunden ser (valgfritt)</translation>
    </message>
    <message>
        <source>Amount problem</source>
        <translation>Feil i beløpet</translation>
    </message>
    <message>
        <source>Charge with Vipps</source>
        <translation>Ta betalt med Vipps</translation>
    </message>
    <message>
        <source>Charge with MobilePay</source>
        <translation>Ta betalt med MobilePay</translation>
    </message>
    <message>
        <source>Amount ({unit})</source>
        <translation>Beløp ({unit})</translation>
    </message>
    <message>
        <source>Text (optional)</source>
        <translation>Tekst (valgfritt)</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Gå ut av kioskmodus</translation>
    </message>
    <message>
        <source>Leave kiosk mode: a window on the desktop again</source>
        <translation>Gå ut av kioskmodus: et vindu på skrivebordet igjen</translation>
    </message>
    <message>
        <source>Lock kiosk mode</source>
        <translation>Lås kioskmodus</translation>
    </message>
    <message>
        <source>Lock kiosk mode: full screen, the PIN to leave</source>
        <translation>Lås kioskmodus: fullskjerm, PIN-koden for å gå ut</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), oldest first</source>
        <translation>
            <numerusform>%n salg, eldste først</numerusform>
            <numerusform>%n salg, eldste først</numerusform>
        </translation>
    </message>
    <message>
        <source>Captured {count} · {captured}    Refunded {refunded}    Net {net}</source>
        <translation>Belastet {count} · {captured}    Refundert {refunded}    Netto {net}</translation>
    </message>
    <message>
        <source>Refused {refused} · Rejected {rejected} · Time ran out {expired} · Cancelled {cancelled} · Not started {not_started} · Needs checking {needs_check}</source>
        <translation>Kort avvist {refused} · Avvist i appen {rejected} · Tiden gikk ut {expired} · Kansellert {cancelled} · Ikke startet {not_started} · Må sjekkes {needs_check}</translation>
    </message>
    <message>
        <source>Day to show</source>
        <translation>Dag som vises</translation>
    </message>
    <message>
        <source>Back to the till</source>
        <translation>Tilbake til kassen</translation>
    </message>
    <message>
        <source>Totals of the day</source>
        <translation>Dagens totaler</translation>
    </message>
    <message>
        <source>Sales of the day</source>
        <translation>Dagens salg</translation>
    </message>
    <message>
        <source>Amount to refund ({unit}); empty refunds what remains</source>
        <translation>Beløp å refundere ({unit}); tomt felt refunderer alt som gjenstår</translation>
    </message>
    <message>
        <source>all that remains</source>
        <translation>alt som gjenstår</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refunder</translation>
    </message>
    <message>
        <source>Refund the selected sale</source>
        <translation>Refunder det valgte salget</translation>
    </message>
    <message>
        <source>Re-check with Vipps</source>
        <translation>Sjekk på nytt med Vipps</translation>
    </message>
    <message>
        <source>Re-check the selected sale with Vipps</source>
        <translation>Sjekk det valgte salget på nytt med Vipps</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Eksporter CSV</translation>
    </message>
    <message>
        <source>Export the day as CSV</source>
        <translation>Eksporter dagen som CSV</translation>
    </message>
    <message>
        <source>End-of-day PDF</source>
        <translation>Dagsoppgjør (PDF)</translation>
    </message>
    <message>
        <source>Export the end-of-day report as PDF</source>
        <translation>Eksporter dagsoppgjøret som PDF</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Settings: Vipps, timings, language, look</source>
        <translation>Innstillinger: Vipps, tider, språk, utseende</translation>
    </message>
    <message>
        <source>Back office message</source>
        <translation>Melding fra administrasjonen</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Administrasjon</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Kasse {till}</translation>
    </message>
    <message>
        <source>This till: {till}</source>
        <translation>Denne kassen: {till}</translation>
    </message>
    <message>
        <source>Refund ({unit})</source>
        <translation>Refunder ({unit})</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Vipps – customer</source>
        <translation>Vipps – kunde</translation>
    </message>
    <message>
        <source>MobilePay – customer</source>
        <translation>MobilePay – kunde</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayChoice</name>
    <message>
        <source>The customer&apos;s screen</source>
        <translation>Kundens skjerm</translation>
    </message>
    <message>
        <source>Automatic: a second screen if there is one</source>
        <translation>Automatisk: en skjerm nummer to hvis det finnes en</translation>
    </message>
    <message>
        <source>None: one screen for staff and customer</source>
        <translation>Ingen: én skjerm for betjening og kunde</translation>
    </message>
    <message>
        <source>{name} (not connected now)</source>
        <translation>{name} (ikke tilkoblet nå)</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>Your mobile number, 8 digits</source>
        <translation>Mobilnummeret ditt, 8 sifre</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 sifre</translation>
    </message>
    <message>
        <source>Send to my phone</source>
        <translation>Send til telefonen min</translation>
    </message>
    <message>
        <source>Send the payment to my phone</source>
        <translation>Send betalingen til telefonen min</translation>
    </message>
    <message>
        <source>Time left to pay</source>
        <translation>Tid igjen til å betale</translation>
    </message>
    <message>
        <source>Cancel payment (Esc)</source>
        <translation>Avbryt betalingen (Esc)</translation>
    </message>
    <message>
        <source>Cancel this payment</source>
        <translation>Avbryt denne betalingen</translation>
    </message>
    <message>
        <source>Norway, +47</source>
        <translation>Norge, +47</translation>
    </message>
    <message>
        <source>Denmark, +45</source>
        <translation>Danmark, +45</translation>
    </message>
    <message>
        <source>Finland, +358</source>
        <translation>Finland, +358</translation>
    </message>
    <message>
        <source>10 or 11 digits, 0 first</source>
        <translation>10 eller 11 sifre, 0 først</translation>
    </message>
    <message>
        <source>Your mobile number, 10 or 11 digits with the 0 first</source>
        <translation>Mobilnummeret ditt, 10 eller 11 sifre med 0 først</translation>
    </message>
    <message>
        <source>Or type your mobile number</source>
        <translation>Eller skriv inn mobilnummeret ditt</translation>
    </message>
    <message>
        <source>Getting the payment ready…</source>
        <translation>Gjør klar betalingen …</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera</source>
        <translation>Skann med kameraet på mobilen</translation>
    </message>
    <message>
        <source>Sent to {phone}. Open Vipps on your phone and approve.</source>
        <translation>Sendt til {phone}. Åpne Vipps på mobilen og godkjenn.</translation>
    </message>
    <message>
        <source>Sent to {phone}. Open MobilePay on your phone and approve.</source>
        <translation>Sendt til {phone}. Åpne MobilePay på mobilen og godkjenn.</translation>
    </message>
    <message>
        <source>Sent to your Vipps app. Open Vipps on your phone and approve.</source>
        <translation>Sendt til Vipps-appen din. Åpne Vipps på mobilen og godkjenn.</translation>
    </message>
    <message>
        <source>Sent to your MobilePay app. Open MobilePay on your phone and approve.</source>
        <translation>Sendt til MobilePay-appen din. Åpne MobilePay på mobilen og godkjenn.</translation>
    </message>
    <message>
        <source>Scan the code or type your number</source>
        <translation>Skann koden eller skriv inn nummeret ditt</translation>
    </message>
    <message>
        <source>Approve in the Vipps app</source>
        <translation>Godkjenn i Vipps-appen</translation>
    </message>
    <message>
        <source>Approve in the MobilePay app</source>
        <translation>Godkjenn i MobilePay-appen</translation>
    </message>
    <message>
        <source>Sending to your phone…</source>
        <translation>Sender til mobilen din …</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <source>Vipps kiosk</source>
        <translation>Vipps-kiosk</translation>
    </message>
    <message>
        <source>MobilePay kiosk</source>
        <translation>MobilePay-kiosk</translation>
    </message>
    <message>
        <source>{shop}: end of day {day}</source>
        <translation>{shop}: dagsoppgjør {day}</translation>
    </message>
    <message>
        <source>{shop}: end of day</source>
        <translation>{shop}: dagsoppgjør</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Belastet</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refundert</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Refused by the card</source>
        <translation>Avvist av kortet</translation>
    </message>
    <message>
        <source>Rejected in Vipps</source>
        <translation>Avvist i Vipps</translation>
    </message>
    <message>
        <source>Rejected in MobilePay</source>
        <translation>Avvist i MobilePay</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>Tiden gikk ut</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Kansellert</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation>Må sjekkes</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Fortsatt åpne</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Ikke betalt</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Per time</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>time</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>salg</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>belastet</translation>
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <source>Sales per hour</source>
        <translation>Salg per time</translation>
    </message>
    <message>
        <source>{hour}: {count} ({amount})</source>
        <translation>Kl. {hour}: {count} ({amount})</translation>
    </message>
    <message>
        <source>No sales this day</source>
        <translation>Ingen salg denne dagen</translation>
    </message>
</context>
<context>
    <name>IdleView</name>
    <message>
        <source>Welcome</source>
        <translation>Velkommen</translation>
    </message>
    <message>
        <source>Pay with Vipps</source>
        <translation>Betal med Vipps</translation>
    </message>
    <message>
        <source>Pay with MobilePay</source>
        <translation>Betal med MobilePay</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Clear the number</source>
        <translation>Tøm nummeret</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Slett siste siffer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vipps kiosk – DEMO</source>
        <translation>Vipps-kiosk – DEMO</translation>
    </message>
    <message>
        <source>Vipps kiosk</source>
        <translation>Vipps-kiosk</translation>
    </message>
    <message>
        <source>MobilePay kiosk</source>
        <translation>MobilePay-kiosk</translation>
    </message>
    <message>
        <source>MobilePay kiosk – DEMO</source>
        <translation>MobilePay-kiosk – DEMO</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Kasse {till}</translation>
    </message>
    <message>
        <source>This till: {till}</source>
        <translation>Denne kassen: {till}</translation>
    </message>
    <message>
        <source>DEMO – simulated Vipps, no real money</source>
        <translation>DEMO – simulert Vipps, ingen ekte penger</translation>
    </message>
    <message>
        <source>DEMO – simulated MobilePay, no real money</source>
        <translation>DEMO – simulert MobilePay, ingen ekte penger</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <source>Open the back office (manager PIN)</source>
        <translation>Åpne administrasjonen (leder-PIN)</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Betalingsstatus</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Avslutter …</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Rejected in Vipps</source>
        <translation>Avvist i Vipps</translation>
    </message>
    <message>
        <source>Card refused</source>
        <translation>Kortet ble avvist</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>Tiden gikk ut</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>Betalingen er kansellert</translation>
    </message>
    <message>
        <source>The payment was not started</source>
        <translation>Betalingen ble ikke startet</translation>
    </message>
    <message>
        <source>No answer from Vipps yet</source>
        <translation>Ikke svar fra Vipps ennå</translation>
    </message>
    <message>
        <source>Rejected in MobilePay</source>
        <translation>Avvist i MobilePay</translation>
    </message>
    <message>
        <source>No answer from MobilePay yet</source>
        <translation>Ikke svar fra MobilePay ennå</translation>
    </message>
    <message>
        <source>Outcome symbol</source>
        <translation>Symbol for utfallet</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Nytt salg</translation>
    </message>
    <message>
        <source>Start a new sale</source>
        <translation>Start et nytt salg</translation>
    </message>
    <message>
        <source>Paid: {amount}</source>
        <translation>Betalt: {amount}</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>leave kiosk mode</source>
        <translation>gå ut av kioskmodus</translation>
    </message>
    <message>
        <source>choose one</source>
        <translation>velg en</translation>
    </message>
    <message>
        <source>open the back office</source>
        <translation>åpne administrasjonen</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Leder-PIN</translation>
    </message>
    <message>
        <source>The new PIN once more</source>
        <translation>Den nye PIN-koden en gang til</translation>
    </message>
    <message>
        <source>Unlock with the manager PIN</source>
        <translation>Lås opp med leder-PIN</translation>
    </message>
    <message>
        <source>Back to the till</source>
        <translation>Tilbake til kassen</translation>
    </message>
    <message>
        <source>Choose a manager PIN (4 to 8 digits)</source>
        <translation>Velg en leder-PIN (4 til 8 sifre)</translation>
    </message>
    <message>
        <source>Save the PIN</source>
        <translation>Lagre PIN-koden</translation>
    </message>
    <message>
        <source>Manager PIN: {why}</source>
        <translation>Leder-PIN: {why}</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>De to PIN-kodene er ulike. Skriv den samme PIN-koden to ganger.</translation>
    </message>
    <message>
        <source>The PIN could not be saved: {problem}</source>
        <translation>PIN-koden kunne ikke lagres: {problem}</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {seconds} s.</source>
        <translation>Feil PIN-kode. Prøv igjen om {seconds} s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Feil PIN-kode.</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>QR code to pay with Vipps</source>
        <translation>QR-kode for å betale med Vipps</translation>
    </message>
    <message>
        <source>Scan it with your phone&apos;s camera to open Vipps</source>
        <translation>Skann den med kameraet på mobilen for å åpne Vipps</translation>
    </message>
    <message>
        <source>QR code to pay with MobilePay</source>
        <translation>QR-kode for å betale med MobilePay</translation>
    </message>
    <message>
        <source>Scan it with your phone&apos;s camera to open MobilePay</source>
        <translation>Skann den med kameraet på mobilen for å åpne MobilePay</translation>
    </message>
</context>
<context>
    <name>SaleStatus</name>
    <message>
        <source>REFUNDED</source>
        <translation>REFUNDERT</translation>
    </message>
    <message>
        <source>PART REFUNDED</source>
        <translation>DELVIS REFUNDERT</translation>
    </message>
    <message>
        <source>CAPTURED</source>
        <translation>BELASTET</translation>
    </message>
    <message>
        <source>PAID, CAPTURE PENDING</source>
        <translation>BETALT, BELASTNING VENTER</translation>
    </message>
    <message>
        <source>NOT PAID</source>
        <translation>IKKE BETALT</translation>
    </message>
    <message>
        <source>NEEDS CHECK</source>
        <translation>MÅ SJEKKES</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>ÅPEN</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>BETALT</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>AVVIST I VIPPS</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>KORT AVVIST</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>TIDEN GIKK UT</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>KANSELLERT</translation>
    </message>
    <message>
        <source>NOT_STARTED</source>
        <translation>IKKE STARTET</translation>
    </message>
</context>
<context>
    <name>SalesTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Ordre-ID</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøk</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refundert</translation>
    </message>
    <message>
        <source>Vipps API</source>
        <translation>Vipps-API</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>First check after (s)</source>
        <translation>Første sjekk etter (s)</translation>
    </message>
    <message>
        <source>Check every (s)</source>
        <translation>Intervall mellom sjekker (s)</translation>
    </message>
    <message>
        <source>Landing page window (s)</source>
        <translation>Tid på landingssiden (s)</translation>
    </message>
    <message>
        <source>Whole approval window (s)</source>
        <translation>Hele godkjenningstiden (s)</translation>
    </message>
    <message>
        <source>Back to a fresh sale when idle (s)</source>
        <translation>Tilbake til nytt salg etter inaktivitet (s)</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Tider</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Butikknavn</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Følg systemet</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Utseende</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Høy kontrast</translation>
    </message>
    <message>
        <source>Sounds for approved and failed payments</source>
        <translation>Lyd for godkjente og mislykkede betalinger</translation>
    </message>
    <message>
        <source>Start locked in kiosk mode (full screen; the PIN leaves it)</source>
        <translation>Start låst i kioskmodus (fullskjerm; PIN-koden for å gå ut)</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Butikk</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test tilkoblingen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <source>Restart the kiosk now</source>
        <translation>Start kiosken på nytt nå</translation>
    </message>
    <message>
        <source>The customer&apos;s screen</source>
        <translation>Kundens skjerm</translation>
    </message>
    <message>
        <source>Asking Vipps…</source>
        <translation>Spør Vipps …</translation>
    </message>
    <message>
        <source>Asking the shop database…</source>
        <translation>Spør butikkdatabasen …</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>Tilkoblingen virker.</translation>
    </message>
    <message>
        <source>Not working yet.</source>
        <translation>Virker ikke ennå.</translation>
    </message>
    <message>
        <source>Saved. Restart the kiosk to use the new settings.</source>
        <translation>Lagret. Start kiosken på nytt for å bruke de nye innstillingene.</translation>
    </message>
</context>
<context>
    <name>ShopDatabaseBox</name>
    <message>
        <source>Several tills: the shop database</source>
        <translation>Flere kasser: butikkdatabasen</translation>
    </message>
    <message>
        <source>This till&apos;s id in the shop, like kasse-1</source>
        <translation>Denne kassens id i butikken, for eksempel kasse-1</translation>
    </message>
    <message>
        <source>Shop database address, like postgresql://kiosk@backoffice/shop</source>
        <translation>Adressen til butikkdatabasen, for eksempel postgresql://kiosk@backoffice/shop</translation>
    </message>
    <message>
        <source>empty: this till on its own</source>
        <translation>tom: denne kassen alene</translation>
    </message>
    <message>
        <source>Shop id in a chain&apos;s shared database</source>
        <translation>Butikkens id i kjedens felles database</translation>
    </message>
    <message>
        <source>Shop database password</source>
        <translation>Passord til butikkdatabasen</translation>
    </message>
    <message>
        <source>Till id</source>
        <translation>Kasse-id</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>Databaseadresse</translation>
    </message>
    <message>
        <source>Shop id</source>
        <translation>Butikk-id</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Databasepassord</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation>lagret; skriv for å erstatte</translation>
    </message>
</context>
<context>
    <name>ShopScope</name>
    <message>
        <source>The shop database cannot be reached, so the whole shop cannot be shown now. “This till” shows this till&apos;s own sales.</source>
        <translation>Butikkens database svarer ikke, så hele butikken kan ikke vises nå. «Denne kassen» viser kassens egne salg.</translation>
    </message>
    <message>
        <source>Till {till}: not copied yet</source>
        <translation>Kasse {till}: ikke kopiert ennå</translation>
    </message>
    <message>
        <source>Till {till}: last copied {time}</source>
        <translation>Kasse {till}: sist kopiert {time}</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Denne kassen</translation>
    </message>
    <message>
        <source>Show this till&apos;s own day ({till})</source>
        <translation>Vis dagen for denne kassen ({till})</translation>
    </message>
    <message>
        <source>The whole shop</source>
        <translation>Hele butikken</translation>
    </message>
    <message>
        <source>Show the whole shop&apos;s day, every till</source>
        <translation>Vis dagen for hele butikken, alle kasser</translation>
    </message>
    <message>
        <source>How fresh the whole shop&apos;s figures are</source>
        <translation>Hvor ferske tallene for hele butikken er</translation>
    </message>
</context>
<context>
    <name>StaffSaleScreen</name>
    <message>
        <source>The customer pays on their own screen</source>
        <translation>Kunden betaler på sin egen skjerm</translation>
    </message>
    <message>
        <source>Cancel payment (Esc)</source>
        <translation>Avbryt betalingen (Esc)</translation>
    </message>
    <message>
        <source>Cancel this payment</source>
        <translation>Avbryt denne betalingen</translation>
    </message>
    <message>
        <source>Getting the payment ready…</source>
        <translation>Gjør klar betalingen …</translation>
    </message>
    <message>
        <source>The customer sees the QR code and the keypad</source>
        <translation>Kunden ser QR-koden og tastaturet</translation>
    </message>
    <message>
        <source>Sent to {phone}</source>
        <translation>Sendt til {phone}</translation>
    </message>
    <message>
        <source>Sent to the Vipps app of the customer whose code was scanned</source>
        <translation>Sendt til Vipps-appen til kunden med den skannede koden</translation>
    </message>
    <message>
        <source>Sent to the MobilePay app of the customer whose code was scanned</source>
        <translation>Sendt til MobilePay-appen til kunden med den skannede koden</translation>
    </message>
    <message>
        <source>The customer typed their number: sending it to their phone…</source>
        <translation>Kunden har tastet nummeret sitt: sender til telefonen …</translation>
    </message>
    <message>
        <source>Waiting for the customer: {time} left</source>
        <translation>Venter på kunden: {time} igjen</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The kiosk cannot start</source>
        <translation>Kiosken kan ikke starte</translation>
    </message>
</context>
<context>
    <name>VippsBox</name>
    <message>
        <source>Vipps</source>
        <translation>Vipps</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Klient-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Klienthemmelighet</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Abonnementsnøkkel</translation>
    </message>
    <message>
        <source>Merchant serial number (MSN)</source>
        <translation>Salgsenhetsnummer (MSN)</translation>
    </message>
    <message>
        <source>PSP-Id</source>
        <translation>PSP-ID</translation>
    </message>
    <message>
        <source>makePayment URL</source>
        <translation>makePayment-URL</translation>
    </message>
    <message>
        <source>makePayment token</source>
        <translation>makePayment-token</translation>
    </message>
    <message>
        <source>Vipps environment</source>
        <translation>Vipps-miljø</translation>
    </message>
    <message>
        <source>Simulator (demo, no real money)</source>
        <translation>Simulator (demo, ingen ekte penger)</translation>
    </message>
    <message>
        <source>Vipps test (apitest.vipps.no)</source>
        <translation>Vipps testmiljø (apitest.vipps.no)</translation>
    </message>
    <message>
        <source>Vipps production (api.vipps.no)</source>
        <translation>Vipps produksjon (api.vipps.no)</translation>
    </message>
    <message>
        <source>Other address</source>
        <translation>Annen adresse</translation>
    </message>
    <message>
        <source>Address of the Vipps API</source>
        <translation>Adressen til Vipps-API-et</translation>
    </message>
    <message>
        <source>Vipps API for payments</source>
        <translation>Vipps-API for betalinger</translation>
    </message>
    <message>
        <source>ePayment v1 (for new shops)</source>
        <translation>ePayment v1 (for nye butikker)</translation>
    </message>
    <message>
        <source>PSP v3 (existing PSP integrations)</source>
        <translation>PSP v3 (eksisterende PSP-integrasjoner)</translation>
    </message>
    <message>
        <source>Skip the landing page when a number is typed</source>
        <translation>Hopp over landingssiden når et nummer er skrevet inn</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Miljø</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Vipps API</source>
        <translation>Vipps-API</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation>lagret; skriv for å erstatte</translation>
    </message>
    <message>
        <source>The stored secrets are for {address}; type the secrets for the new address.</source>
        <translation>De lagrede hemmelighetene gjelder for {address}; skriv inn hemmelighetene for den nye adressen.</translation>
    </message>
</context>
</TS>
