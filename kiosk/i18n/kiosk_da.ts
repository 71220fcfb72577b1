<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da">
<context>
    <name></name>
    <message>
        <source>Refunding…</source>
        <translation>Refunderer…</translation>
    </message>
    <message>
        <source>Checking with Vipps…</source>
        <translation>Tjekker hos Vipps…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Something went wrong. It is recorded in the log.</source>
        <translation>Noget gik galt. Fejlen er noteret i loggen.</translation>
    </message>
    <message>
        <source>Ready. Type the amount and press Enter.</source>
        <translation>Klar. Indtast beløbet, og tryk på Enter.</translation>
    </message>
    <message>
        <source>Starting the payment…</source>
        <translation>Starter betalingen…</translation>
    </message>
    <message>
        <source>Sending the payment to the customer&apos;s phone…</source>
        <translation>Sender betalingen til kundens telefon…</translation>
    </message>
    <message>
        <source>Sending the payment to the customer&apos;s app…</source>
        <translation>Sender betalingen til kundens app…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
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
        <translation>Starter…</translation>
    </message>
    <message>
        <source>Manager PIN needed</source>
        <translation>Leder-PIN kræves</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Læser indstillingerne…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>This sale has already ended.</source>
        <translation>Dette salg er allerede afsluttet.</translation>
    </message>
    <message>
        <source>Payment cancelled.</source>
        <translation>Betalingen er annulleret.</translation>
    </message>
    <message>
        <source>The payment was cancelled.</source>
        <translation>Betalingen blev annulleret.</translation>
    </message>
    <message>
        <source>Nobody approved the payment in time.</source>
        <translation>Betalingen blev ikke godkendt i tide.</translation>
    </message>
    <message>
        <source>The customer rejected the payment in {brand}.</source>
        <translation>Kunden afviste betalingen i {brand}.</translation>
    </message>
    <message>
        <source>The payment was not approved (rejected in Vipps or refused by the card).</source>
        <translation>Betalingen blev ikke godkendt (afvist i Vipps eller af kortet).</translation>
    </message>
    <message>
        <source>The customer rejected the payment in Vipps.</source>
        <translation>Kunden afviste betalingen i Vipps.</translation>
    </message>
    <message>
        <source>The card was refused.</source>
        <translation>Kortet blev afvist.</translation>
    </message>
    <message>
        <source>The card&apos;s bank is unknown.</source>
        <translation>Kortets bank er ukendt.</translation>
    </message>
    <message>
        <source>The card&apos;s bank refused the payment.</source>
        <translation>Kortets bank afviste betalingen.</translation>
    </message>
    <message>
        <source>The payment is over the card&apos;s limit.</source>
        <translation>Betalingen overstiger kortets beløbsgrænse.</translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation>Kortet er udløbet.</translation>
    </message>
    <message>
        <source>The card is not valid.</source>
        <translation>Kortet er ugyldigt.</translation>
    </message>
    <message>
        <source>Credit cards cannot be used here.</source>
        <translation>Kreditkort kan ikke bruges her.</translation>
    </message>
    <message>
        <source>There is not enough money on the card.</source>
        <translation>Der er ikke dækning på kortet.</translation>
    </message>
    <message>
        <source>The approval came after the payment was cancelled.</source>
        <translation>Godkendelsen kom, efter at betalingen var annulleret.</translation>
    </message>
    <message>
        <source>Vipps&apos; PSP API takes payments in Norway only, not in {country}: set [vipps] api = &quot;epayment&quot;.</source>
        <translation>Vipps&apos; PSP-API tager kun imod betalinger i Norge, ikke i {country}: angiv [vipps] api = &quot;epayment&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>Settled %n sale(s) left unfinished.</source>
        <translation>
            <numerusform>%n uafsluttet salg er afklaret.</numerusform>
            <numerusform>%n uafsluttede salg er afklaret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) checking in the back office.</source>
        <translation>
            <numerusform>%n skal tjekkes i administrationen.</numerusform>
            <numerusform>%n skal tjekkes i administrationen.</numerusform>
        </translation>
    </message>
    <message>
        <source>{settled} {checks}</source>
        <translation>{settled} {checks}</translation>
    </message>
    <message>
        <source>Needs checking: Vipps could not be asked after a restart.</source>
        <translation>Skal tjekkes: Vipps kunne ikke kontaktes efter genstarten.</translation>
    </message>
    <message>
        <source>The kiosk restarted before the customer paid.</source>
        <translation>Kiosken genstartede, før kunden betalte.</translation>
    </message>
    <message>
        <source>Vipps could not be asked. Try again later.</source>
        <translation>Vipps kunne ikke kontaktes. Prøv igen senere.</translation>
    </message>
    <message>
        <source>Vipps says the payment is pending: settle it with the customer.</source>
        <translation>Ifølge Vipps afventer betalingen stadig: afklar den med kunden.</translation>
    </message>
    <message>
        <source>Vipps says the payment is failed: settle it with the customer.</source>
        <translation>Ifølge Vipps mislykkedes betalingen: afklar den med kunden.</translation>
    </message>
    <message>
        <source>Vipps says the payment is cancelled: settle it with the customer.</source>
        <translation>Ifølge Vipps er betalingen annulleret: afklar den med kunden.</translation>
    </message>
    <message>
        <source>Vipps says the payment is {state}: settle it with the customer.</source>
        <translation>Ifølge Vipps har betalingen status »{state}«: afklar den med kunden.</translation>
    </message>
    <message>
        <source>Needs checking: {problem}.</source>
        <translation>Skal tjekkes: {problem}.</translation>
    </message>
    <message>
        <source>Scanning a customer&apos;s code needs the ePayment API ([vipps] api = &quot;epayment&quot;).</source>
        <translation>Scanning af en kundes kode kræver ePayment-API&apos;et ([vipps] api = &quot;epayment&quot;).</translation>
    </message>
    <message>
        <source>That is not a customer&apos;s {brand} code.</source>
        <translation>Det er ikke en kundes {brand}-kode.</translation>
    </message>
    <message>
        <source>made through Vipps&apos; {api} API, and {problem}</source>
        <translation>foretaget via Vipps&apos; {api}-API, og {problem}</translation>
    </message>
    <message>
        <source>the settings have no psp_id, which the PSP API needs: add psp_id = &quot;...&quot; to [vipps]</source>
        <translation>indstillingerne mangler psp_id, som PSP-API&apos;et kræver: tilføj psp_id = &quot;...&quot; i [vipps]</translation>
    </message>
    <message>
        <source>this kiosk does not know Vipps&apos; &quot;{api}&quot; API; update the kiosk</source>
        <translation>denne kiosk kender ikke Vipps&apos; »{api}«-API; opdater kiosken</translation>
    </message>
    <message>
        <source>This sale was paid through Vipps&apos; {api} API, and {problem}.</source>
        <translation>Dette salg blev betalt via Vipps&apos; {api}-API, og {problem}.</translation>
    </message>
    <message>
        <source>This sale was paid elsewhere: {problem}.</source>
        <translation>Dette salg blev betalt et andet sted: {problem}.</translation>
    </message>
    <message>
        <source>Vipps&apos; answer does not prove that it never had the payment: {seen}</source>
        <translation>Vipps&apos; svar beviser ikke, at Vipps aldrig har haft betalingen: {seen}</translation>
    </message>
    <message>
        <source>Vipps says it has no such payment, but it had answered for it before</source>
        <translation>Vipps siger, at betalingen ikke findes, men Vipps har tidligere svaret på spørgsmål om den</translation>
    </message>
    <message>
        <source>Vipps says it has no such payment, but the attempt was made before the kiosk recorded its sales unit, so it may have been made with other settings: check it in Vipps&apos; portal</source>
        <translation>Vipps siger, at betalingen ikke findes, men forsøget blev foretaget, før kiosken begyndte at gemme salgsstedet, så det kan være foretaget med andre indstillinger: tjek det i Vipps-portalen</translation>
    </message>
    <message>
        <source>made with merchant_serial_number {made} at {made_address}, not {now} at {address} as the settings now say: set them back to settle the sale</source>
        <translation>foretaget med merchant_serial_number {made} på {made_address}, ikke {now} på {address}, som der nu står i indstillingerne: sæt dem tilbage for at afklare salget</translation>
    </message>
    <message>
        <source>made with merchant_serial_number {made}, not {now} as the settings now say: set it back to settle the sale</source>
        <translation>foretaget med merchant_serial_number {made}, ikke {now}, som der nu står i indstillingerne: sæt det tilbage for at afklare salget</translation>
    </message>
    <message>
        <source>made at {made}, not {now} as the settings now say: set base_url back to settle the sale</source>
        <translation>foretaget på {made}, ikke {now}, som der nu står i indstillingerne: sæt base_url tilbage for at afklare salget</translation>
    </message>
    <message>
        <source>Vipps refused the capture: settle it with the customer.</source>
        <translation>Vipps afviste hævningen: afklar betalingen med kunden.</translation>
    </message>
    <message>
        <source>Paid; Vipps has not applied the capture yet.</source>
        <translation>Betalt; Vipps har ikke gennemført hævningen endnu.</translation>
    </message>
    <message>
        <source>Only a paid sale can be refunded.</source>
        <translation>Kun et betalt salg kan refunderes.</translation>
    </message>
    <message>
        <source>A refund must be more than 0.</source>
        <translation>En refundering skal være på mere end 0.</translation>
    </message>
    <message>
        <source>Only {remaining} remains to refund.</source>
        <translation>Der er kun {remaining} tilbage at refundere.</translation>
    </message>
    <message>
        <source>The shop database cannot be reached, so this till can refund only its own sales until it is back; this sale was made at till {till}.</source>
        <translation>Butiksdatabasen kan ikke nås, så denne kasse kan kun refundere sine egne salg, indtil databasen kan nås igen; dette salg blev foretaget i kasse {till}.</translation>
    </message>
    <message>
        <source>The ledger at {path} is from an older version of the kiosk, and it is not updated from here. Start the kiosk once (it updates the ledger), then try again.</source>
        <translation>Salgsloggen i {path} er fra en ældre version af kiosken, og den opdateres ikke herfra. Start kiosken én gang (så opdateres salgsloggen), og prøv derefter igen.</translation>
    </message>
    <message>
        <source>The ledger cannot be written: {problem}</source>
        <translation>Der kan ikke skrives til salgsloggen: {problem}</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>databasen eller disken er fuld</translation>
    </message>
    <message>
        <source>There is no ledger at {path}.</source>
        <translation>Der er ingen salgslog i {path}.</translation>
    </message>
    <message>
        <source>The ledger at {path} cannot be opened: {problem}</source>
        <translation>Salgsloggen i {path} kan ikke åbnes: {problem}</translation>
    </message>
    <message>
        <source>The ledger at {path} is damaged or unreadable ({problem}). It was left untouched: move it aside and keep it for the manager, then start the kiosk again.</source>
        <translation>Salgsloggen i {path} er beskadiget eller ulæselig ({problem}). Den er ikke ændret: flyt den et andet sted hen, og gem den til lederen. Start derefter kiosken igen.</translation>
    </message>
    <message>
        <source>The ledger at {path} holds sales from before a crash that are not saved into it yet, and they cannot be read from here. Start the kiosk once (it saves them), then export again.</source>
        <translation>Salgsloggen i {path} indeholder salg fra før et nedbrud, som endnu ikke er gemt i den, og de kan ikke læses herfra. Start kiosken én gang (så gemmes de), og eksporter derefter igen.</translation>
    </message>
    <message>
        <source>it is from a newer kiosk (schema {version}); update the kiosk to open it</source>
        <translation>den er fra en nyere version af kiosken (skema {version}); opdater kiosken for at åbne den</translation>
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
        <translation>filen kan ikke oprettes der</translation>
    </message>
    <message>
        <source>nothing was written (is the disk full?)</source>
        <translation>der blev ikke skrevet noget (er disken fuld?)</translation>
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
        <translation>Indtast beløbet, der skal opkræves.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Beløbet kan ikke være negativt.</translation>
    </message>
    <message>
        <source>Use the digits 0-9 only.</source>
        <translation>Brug kun cifrene 0–9.</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>Beløbet skal være større end 0.</translation>
    </message>
    <message>
        <source>{brand} takes payments of {minimum} or more.</source>
        <translation>{brand} tager kun imod betalinger på {minimum} eller mere.</translation>
    </message>
    <message>
        <source>That is not an amount. Type it like 149,50.</source>
        <translation>Det er ikke et beløb. Skriv f.eks. 149,50.</translation>
    </message>
    <message>
        <source>The amount must be more than 0 kr.</source>
        <translation>Beløbet skal være større end 0 kr.</translation>
    </message>
    <message>
        <source>Vipps takes payments of 1 kr or more.</source>
        <translation>Vipps tager kun imod betalinger på 1 kr. eller mere.</translation>
    </message>
    <message>
        <source>That is over this till&apos;s limit of {limit}.</source>
        <translation>Det er over denne kasses beløbsgrænse på {limit}.</translation>
    </message>
    <message>
        <source>&quot;{typed}&quot; is unclear: is it {thousands}? Type euros and cents with two decimals (12.50), or thousands without the separator (12500).</source>
        <translation>»{typed}« er tvetydigt: mener du {thousands}? Skriv euro og cent med to decimaler (12,50) eller hele tusinder uden skilletegn (12500).</translation>
    </message>
    <message>
        <source>&quot;{typed}&quot; is unclear: is it {thousands}? Type kroner and øre with two decimals (12.50), or thousands without the separator (12500).</source>
        <translation>»{typed}« er tvetydigt: mener du {thousands}? Skriv kroner og øre med to decimaler (12,50) eller hele tusinder uden skilletegn (12500).</translation>
    </message>
    <message>
        <source>Type your mobile number.</source>
        <translation>Indtast dit mobilnummer.</translation>
    </message>
    <message>
        <source>Only Norwegian numbers (+47) can pay with Vipps here.</source>
        <translation>Her kan du kun betale med Vipps fra et norsk nummer (+47).</translation>
    </message>
    <message>
        <source>A Norwegian mobile number has 8 digits.</source>
        <translation>Et norsk mobilnummer har 8 cifre.</translation>
    </message>
    <message>
        <source>Norwegian mobile numbers start with 4 or 9.</source>
        <translation>Norske mobilnumre begynder med 4 eller 9.</translation>
    </message>
    <message>
        <source>Only Danish numbers (+45) can pay with MobilePay here.</source>
        <translation>Her kan du kun betale med MobilePay fra et dansk nummer (+45).</translation>
    </message>
    <message>
        <source>A Danish mobile number has 8 digits.</source>
        <translation>Et dansk mobilnummer har 8 cifre.</translation>
    </message>
    <message>
        <source>Danish numbers do not start with 0 or 1.</source>
        <translation>Danske numre begynder ikke med 0 eller 1.</translation>
    </message>
    <message>
        <source>Only Finnish numbers (+358) can pay with MobilePay here.</source>
        <translation>Her kan du kun betale med MobilePay fra et finsk nummer (+358).</translation>
    </message>
    <message>
        <source>Finnish mobile numbers start with 04 or 050.</source>
        <translation>Finske mobilnumre begynder med 04 eller 050.</translation>
    </message>
    <message>
        <source>A Finnish mobile number has 10 or 11 digits, the 0 in front included.</source>
        <translation>Et finsk mobilnummer har 10 eller 11 cifre inklusive 0&apos;et forrest.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits (0-9).</source>
        <translation>En PIN-kode består af 4 til 8 cifre (0–9).</translation>
    </message>
    <message>
        <source>No manager PIN is set yet.</source>
        <translation>Der er endnu ikke valgt en leder-PIN.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in {seconds} s.</source>
        <translation>For mange forkerte forsøg. Prøv igen om {seconds} s.</translation>
    </message>
    <message>
        <source>The PIN file {path} cannot be read ({problem}); remove it to set a new PIN.</source>
        <translation>PIN-filen {path} kan ikke læses ({problem}); fjern den for at vælge en ny PIN-kode.</translation>
    </message>
    <message>
        <source>Vipps refused the credentials: check client_id, client_secret and subscription_key</source>
        <translation>Vipps afviste adgangsoplysningerne: kontrollér client_id, client_secret og subscription_key</translation>
    </message>
    <message>
        <source>Vipps answered {status}: {hint}</source>
        <translation>Vipps svarede {status}: {hint}</translation>
    </message>
    <message>
        <source>check subscription_key and merchant_serial_number</source>
        <translation>kontrollér subscription_key og merchant_serial_number</translation>
    </message>
    <message>
        <source>check subscription_key, psp_id and merchant_serial_number</source>
        <translation>kontrollér subscription_key, psp_id og merchant_serial_number</translation>
    </message>
    <message>
        <source>check subscription_key and merchant_serial_number, and that the sales unit may use ePayment</source>
        <translation>kontrollér subscription_key og merchant_serial_number, og at salgsstedet må bruge ePayment</translation>
    </message>
    <message>
        <source>Vipps answered {status}</source>
        <translation>Vipps svarede {status}</translation>
    </message>
    <message>
        <source>Vipps&apos; certificate is not trusted: {problem}</source>
        <translation>Vipps&apos; certifikat er ikke betroet: {problem}</translation>
    </message>
    <message>
        <source>cannot reach Vipps: {error}</source>
        <translation>kan ikke få forbindelse til Vipps: {error}</translation>
    </message>
    <message>
        <source>Vipps did not accept the connection in time</source>
        <translation>Vipps accepterede ikke forbindelsen i tide</translation>
    </message>
    <message>
        <source>Vipps did not answer {method} in time</source>
        <translation>Vipps svarede ikke på {method} i tide</translation>
    </message>
    <message>
        <source>the connection to Vipps failed: {error}</source>
        <translation>forbindelsen til Vipps mislykkedes: {error}</translation>
    </message>
    <message>
        <source>Vipps asks us to slow down (429)</source>
        <translation>Vipps beder os sende færre forespørgsler (429)</translation>
    </message>
    <message>
        <source>the call was cancelled</source>
        <translation>kaldet blev afbrudt</translation>
    </message>
    <message>
        <source>Vipps allows {count} {operation} calls a minute for one payment; the next is allowed in {seconds} s</source>
        <translation>Vipps tillader {count} {operation}-kald i minuttet for én betaling; det næste er tilladt om {seconds} s</translation>
    </message>
    <message>
        <source>Vipps refused the request: {reason} (errorCode {code})</source>
        <translation>Vipps afviste forespørgslen: {reason} (errorCode {code})</translation>
    </message>
    <message>
        <source>Vipps sent {what} that breaks the contract at {where}: {problem}</source>
        <translation>Vipps sendte et svar ({what}), der bryder kontrakten ved {where}: {problem}</translation>
    </message>
    <message>
        <source>Vipps answered updatestatus with HTTP {status} and no responseInfo, so the update is not known to be accepted</source>
        <translation>Vipps svarede på updatestatus med HTTP {status} uden responseInfo, så det vides ikke, om opdateringen blev accepteret</translation>
    </message>
    <message>
        <source>Vipps&apos; address answered with a redirect (HTTP {status}), which the kiosk does not follow</source>
        <translation>Vipps&apos; adresse svarede med en omdirigering (HTTP {status}), som kiosken ikke følger</translation>
    </message>
    <message>
        <source>Ready. Type the amount and press Enter. {notice}</source>
        <translation>Klar. Indtast beløbet, og tryk på Enter. {notice}</translation>
    </message>
    <message>
        <source>The demo simulator could not start on {host}:{port}: {problem}</source>
        <translation>Demosimulatoren kunne ikke starte på {host}:{port}: {problem}</translation>
    </message>
    <message>
        <source>Unfinished sales could not be settled: {problem}</source>
        <translation>Uafsluttede salg kunne ikke afklares: {problem}</translation>
    </message>
    <message>
        <source>The sale could not be recorded: {problem}</source>
        <translation>Salget kunne ikke gemmes: {problem}</translation>
    </message>
    <message>
        <source>The sale could not be recorded: {problem}. Still trying.</source>
        <translation>Salget kunne ikke gemmes: {problem}. Prøver igen.</translation>
    </message>
    <message>
        <source>Refunded {amount}.</source>
        <translation>{amount} er refunderet.</translation>
    </message>
    <message>
        <source>Vipps refused the refund: {reason}</source>
        <translation>Vipps afviste refunderingen: {reason}</translation>
    </message>
    <message>
        <source>No answer from Vipps yet. The refund is recorded and will be sent again.</source>
        <translation>Intet svar fra Vipps endnu. Refunderingen er gemt og bliver sendt igen.</translation>
    </message>
    <message>
        <source>Checked with Vipps: {message}</source>
        <translation>Tjekket hos Vipps: {message}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sale(s) to {path}</source>
        <translation>
            <numerusform>%n salg er eksporteret til {path}</numerusform>
            <numerusform>%n salg er eksporteret til {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote the end-of-day report to {path}</source>
        <translation>Dagsopgørelsen er gemt i {path}</translation>
    </message>
    <message>
        <source>The kiosk could not start. The reason is in the log in the data folder.</source>
        <translation>Kiosken kunne ikke starte. Årsagen står i loggen i datamappen.</translation>
    </message>
    <message>
        <source>No sale is waiting for the customer. Charge the amount first, then scan the customer&apos;s code.</source>
        <translation>Intet salg venter på kunden. Opkræv beløbet først, og scan derefter kundens kode.</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem}); check that the file is readable</source>
        <translation>{path}: kan ikke læses ({problem}); kontrollér, at filen kan læses</translation>
    </message>
    <message>
        <source>{path}: is not UTF-8 text; save it as UTF-8</source>
        <translation>{path}: er ikke UTF-8-tekst; gem den som UTF-8</translation>
    </message>
    <message>
        <source>{path}: is not valid TOML ({problem}); fix the syntax there</source>
        <translation>{path}: er ikke gyldig TOML ({problem}); ret syntaksen der</translation>
    </message>
    <message>
        <source>{where}: [vipps] api must be &quot;psp&quot; or &quot;epayment&quot; (got {got})</source>
        <translation>{where}: [vipps] api skal være &quot;psp&quot; eller &quot;epayment&quot; (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] api = &quot;psp&quot; takes payments in Norway only: set api = &quot;epayment&quot; for a shop in Denmark or Finland ([shop] country = &quot;{country}&quot;)</source>
        <translation>{where}: [vipps] api = &quot;psp&quot; tager kun imod betalinger i Norge: angiv api = &quot;epayment&quot; for en butik i Danmark eller Finland ([shop] country = &quot;{country}&quot;)</translation>
    </message>
    <message>
        <source>{where}: [kiosk] max_amount and max_amount_kr are the same limit: keep only max_amount</source>
        <translation>{where}: [kiosk] max_amount og max_amount_kr er den samme grænse: behold kun max_amount</translation>
    </message>
    <message>
        <source>{where}: [kiosk] max_amount_kr is in kroner, and a shop in Finland takes euros: use max_amount, in euros (like max_amount = 5000)</source>
        <translation>{where}: [kiosk] max_amount_kr er i kroner, og en butik i Finland tager imod euro: brug max_amount, i euro (f.eks. max_amount = 5000)</translation>
    </message>
    <message>
        <source>{where}: [{name}] must be a table; write it as a [{name}] section</source>
        <translation>{where}: [{name}] skal være en tabel; skriv den som en [{name}]-sektion</translation>
    </message>
    <message>
        <source>{where}: unknown key {label}; did you mean {guess}?</source>
        <translation>{where}: ukendt nøgle {label}; mente du {guess}?</translation>
    </message>
    <message>
        <source>{where}: unknown key {label}; known keys: {known}</source>
        <translation>{where}: ukendt nøgle {label}; kendte nøgler: {known}</translation>
    </message>
    <message>
        <source>the value given</source>
        <translation>hemmelig, vises ikke</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} is missing; add {key} = &quot;...&quot; to the [vipps] section</source>
        <translation>{where}: [vipps] {key} mangler; tilføj {key} = &quot;...&quot; i [vipps]-sektionen</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be a non-empty text in quotes (got {got})</source>
        <translation>{where}: [vipps] {key} skal være en ikke-tom tekst i anførselstegn (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be at most {max_len} characters</source>
        <translation>{where}: [vipps] {key} må højst være på {max_len} tegn</translation>
    </message>
    <message>
        <source>{where}: [vipps] merchant_serial_number is missing; add your 6-digit MSN, like &quot;123456&quot;</source>
        <translation>{where}: [vipps] merchant_serial_number mangler; tilføj jeres 6-cifrede MSN, f.eks. &quot;123456&quot;</translation>
    </message>
    <message>
        <source>{where}: [vipps] merchant_serial_number must be exactly 6 digits, like &quot;123456&quot; (got {got})</source>
        <translation>{where}: [vipps] merchant_serial_number skal være præcis 6 cifre, f.eks. &quot;123456&quot; (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] skip_landing_page must be true or false (got {got})</source>
        <translation>{where}: [vipps] skip_landing_page skal være true eller false (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must start with https:// (plain http is only for a simulator on this PC, like &quot;http://127.0.0.1:8765&quot;)</source>
        <translation>{where}: [vipps] {key} skal begynde med https:// (almindelig http er kun til en simulator på denne pc, f.eks. &quot;http://127.0.0.1:8765&quot;)</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} is missing; add {key} = &quot;https://...&quot; to the [vipps] section</source>
        <translation>{where}: [vipps] {key} mangler; tilføj {key} = &quot;https://...&quot; i [vipps]-sektionen</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be a web address like &quot;https://apitest.vipps.no&quot; (got {got})</source>
        <translation>{where}: [vipps] {key} skal være en webadresse, f.eks. &quot;https://apitest.vipps.no&quot; (angivet: {got})</translation>
    </message>
    <message>
        <source>0 or more</source>
        <translation>0 eller flere</translation>
    </message>
    <message>
        <source>more than 0</source>
        <translation>over 0</translation>
    </message>
    <message>
        <source>{where}: [{table}] {key} must be a number of seconds, {lowest} (got {got})</source>
        <translation>{where}: [{table}] {key} skal være et antal sekunder, {lowest} (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [{table}] {key} must be {lowest} seconds (got {got})</source>
        <translation>{where}: [{table}] {key} skal være {lowest} sekunder (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] kiosk_mode must be true or false (got {got})</source>
        <translation>{where}: [kiosk] kiosk_mode skal være true eller false (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] approval_window_s ({approval}) must be at least landing_window_s ({landing}): the app window follows the landing page</source>
        <translation>{where}: [kiosk] approval_window_s ({approval}) skal være mindst lige så stor som landing_window_s ({landing}): tiden i appen kommer efter landingssiden</translation>
    </message>
    <message>
        <source>{where}: [kiosk] customer_display must be &quot;auto&quot;, &quot;none&quot; or the name of a screen as the settings screen lists it (got {got})</source>
        <translation>{where}: [kiosk] customer_display skal være &quot;auto&quot;, &quot;none&quot; eller navnet på en skærm, sådan som indstillingerne viser det (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] {key} must be an amount in the shop&apos;s currency from 1, with at most two decimals, like 5000 or 4999.50 (got {got})</source>
        <translation>{where}: [kiosk] {key} skal være et beløb i butikkens valuta på mindst 1 med højst to decimaler, f.eks. 5000 eller 4999.50 (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] {key} must be a number of kroner from 1, with at most two decimals, like 5000 or 4999.50 (got {got})</source>
        <translation>{where}: [kiosk] {key} skal være et antal kroner på mindst 1 med højst to decimaler, f.eks. 5000 eller 4999.50 (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [simulator] host must be an address like &quot;127.0.0.1&quot; or &quot;0.0.0.0&quot;</source>
        <translation>{where}: [simulator] host skal være en adresse, f.eks. &quot;127.0.0.1&quot; eller &quot;0.0.0.0&quot;</translation>
    </message>
    <message>
        <source>{where}: [simulator] port must be a whole number from 0 (any free port) to 65535</source>
        <translation>{where}: [simulator] port skal være et heltal fra 0 (en vilkårlig ledig port) til 65535</translation>
    </message>
    <message>
        <source>{where}: [shop] name must be text of at most 60 characters, like &quot;Corner Café&quot;</source>
        <translation>{where}: [shop] name skal være en tekst på højst 60 tegn, f.eks. &quot;Hjørnecaféen&quot;</translation>
    </message>
    <message>
        <source>{where}: [shop] {key} must be one of {allowed} (got {got})</source>
        <translation>{where}: [shop] {key} skal være en af {allowed} (angivet: {got})</translation>
    </message>
    <message>
        <source>{where}: [shop] sounds must be true or false (got {got})</source>
        <translation>{where}: [shop] sounds skal være true eller false (angivet: {got})</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Adgangstoken</translation>
    </message>
    <message>
        <source>Sales unit</source>
        <translation>Salgssted</translation>
    </message>
    <message>
        <source>PSP access</source>
        <translation>PSP-adgang</translation>
    </message>
    <message>
        <source>ePayment access</source>
        <translation>ePayment-adgang</translation>
    </message>
    <message>
        <source>Shop database</source>
        <translation>Butiksdatabase</translation>
    </message>
    <message>
        <source>Shop schema</source>
        <translation>Butiksskema</translation>
    </message>
    <message>
        <source>Till id</source>
        <translation>Kasse-id</translation>
    </message>
    <message>
        <source>{address} accepted the client id and secret</source>
        <translation>{address} accepterede klient-id og klienthemmelighed</translation>
    </message>
    <message>
        <source>Vipps does not know merchant serial number {msn} for these credentials, or it is not active: check the MSN in the Vipps portal</source>
        <translation>Vipps kender ikke salgsstedsnummer (MSN) {msn} for disse adgangsoplysninger, eller det er ikke aktivt: kontrollér MSN i Vipps-portalen</translation>
    </message>
    <message>
        <source>Vipps refused the PSP-Id: check psp_id (Vipps gives it with the PSP credentials)</source>
        <translation>Vipps afviste PSP-id&apos;et: kontrollér psp_id (Vipps udleverer det sammen med PSP-adgangsoplysningerne)</translation>
    </message>
    <message>
        <source>merchant serial number {msn} and the PSP-Id are accepted</source>
        <translation>salgsstedsnummer (MSN) {msn} og PSP-id&apos;et er accepteret</translation>
    </message>
    <message>
        <source>Vipps does not let merchant serial number {msn} take ePayment payments with these credentials: check merchant_serial_number, and that the sales unit has the ePayment API in the Vipps portal</source>
        <translation>Vipps lader ikke salgsstedsnummer (MSN) {msn} modtage ePayment-betalinger med disse adgangsoplysninger: kontrollér merchant_serial_number, og at salgsstedet har ePayment-API&apos;et i Vipps-portalen</translation>
    </message>
    <message>
        <source>merchant serial number {msn} may use the ePayment API</source>
        <translation>salgsstedsnummer (MSN) {msn} må bruge ePayment-API&apos;et</translation>
    </message>
    <message>
        <source>Vipps refused the call (HTTP {status}): check the subscription key</source>
        <translation>Vipps afviste kaldet (HTTP {status}): kontrollér abonnementsnøglen (subscription key)</translation>
    </message>
    <message>
        <source>Vipps refused the credentials (HTTP {status}): check client_id, client_secret and the subscription key (Ocp-Apim-Subscription-Key) for this environment</source>
        <translation>Vipps afviste adgangsoplysningerne (HTTP {status}): kontrollér client_id, client_secret og abonnementsnøglen (Ocp-Apim-Subscription-Key) for dette miljø</translation>
    </message>
    <message>
        <source>{address} did not answer within {seconds} s: check the network</source>
        <translation>{address} svarede ikke inden for {seconds} s: kontrollér netværket</translation>
    </message>
    <message>
        <source>{address}&apos;s certificate is not trusted: check base_url, or the PC&apos;s date and time</source>
        <translation>Certifikatet for {address} er ikke betroet: kontrollér base_url eller pc&apos;ens dato og klokkeslæt</translation>
    </message>
    <message>
        <source>cannot reach {address}: check base_url and the shop&apos;s internet connection</source>
        <translation>kan ikke få forbindelse til {address}: kontrollér base_url og butikkens internetforbindelse</translation>
    </message>
    <message>
        <source>Vipps asks to slow down (HTTP 429): try again in a minute</source>
        <translation>Vipps beder os sænke tempoet (HTTP 429): prøv igen om et minut</translation>
    </message>
    <message>
        <source>Vipps had a problem of its own (HTTP {status}): try again later</source>
        <translation>Der opstod en fejl hos Vipps (HTTP {status}): prøv igen senere</translation>
    </message>
    <message>
        <source>Vipps gave an answer the kiosk does not understand: {error}</source>
        <translation>Vipps gav et svar, som kiosken ikke forstår: {error}</translation>
    </message>
    <message>
        <source>{place}: {reason}: check [shop] database, the password and the network</source>
        <translation>{place}: {reason}: kontrollér [shop] database, adgangskoden og netværket</translation>
    </message>
    <message>
        <source>{place} answered in {seconds} s</source>
        <translation>{place} svarede på {seconds} s</translation>
    </message>
    <message>
        <source>{place}: {reason}</source>
        <translation>{place}: {reason}</translation>
    </message>
    <message>
        <source>empty: the first till to start sets it up (version {shipped})</source>
        <translation>tom: den første kasse, der starter, opretter det (version {shipped})</translation>
    </message>
    <message>
        <source>version {version}, newer than this kiosk knows ({shipped}): update this till&apos;s kiosk</source>
        <translation>version {version}, nyere end den version, denne kiosk kender ({shipped}): opdater kiosken i denne kasse</translation>
    </message>
    <message>
        <source>version {version}: this till brings it to {shipped} when it starts (its role needs CREATE for that once)</source>
        <translation>version {version}: denne kasse opgraderer det til {shipped}, når den starter (databaserollen skal have CREATE-rettighed til det én gang)</translation>
    </message>
    <message>
        <source>version {version}, as this kiosk&apos;s</source>
        <translation>version {version}, samme som denne kiosk</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is free: this till takes it with its first copy</source>
        <translation>kasse {till} i butik {shop} er ledig: denne kasse tager den i brug ved første kopiering</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is already used by another PC&apos;s ledger (last copied {when}): give this till a [kiosk] till_id of its own</source>
        <translation>kasse {till} i butik {shop} bruges allerede af salgsloggen på en anden pc (sidst kopieret {when}): giv denne kasse sit eget [kiosk] till_id</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} belongs to database role {role}, not {user}: log in as {role} in [shop] database</source>
        <translation>kasse {till} i butik {shop} tilhører databaserollen {role}, ikke {user}: log ind som {role} i [shop] database</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is this PC&apos;s</source>
        <translation>kasse {till} i butik {shop} tilhører denne pc</translation>
    </message>
    <message>
        <source>{path}: other users can read it, and it holds Vipps secrets ({secrets}); run chmod 600 on it, then change those secrets in the Vipps portal, as they may have been seen</source>
        <translation>{path}: andre brugere kan læse den, og den indeholder Vipps-hemmeligheder ({secrets}); kør chmod 600 på den, og skift derefter disse hemmeligheder i Vipps-portalen, da de kan være blevet set</translation>
    </message>
    <message>
        <source>the system keyring is locked, so the Vipps secrets cannot be read; unlock it (log in to the desktop, or open the keyring app) and start the kiosk again, or start it with --demo</source>
        <translation>systemets nøglering er låst, så Vipps-hemmelighederne kan ikke læses; lås den op (log ind på skrivebordet, eller åbn nøglerings-appen), og start kiosken igen, eller start den med --demo</translation>
    </message>
    <message>
        <source>the system keyring refused the secrets ({error})</source>
        <translation>systemets nøglering afviste hemmelighederne ({error})</translation>
    </message>
    <message>
        <source>the system keyring cannot be read ({error}), so the Vipps secrets cannot be read; check that it is running and unlocked, then start the kiosk again, or start it with --demo</source>
        <translation>systemets nøglering kan ikke læses ({error}), så Vipps-hemmelighederne kan ikke læses; kontrollér, at den kører og er låst op, og start derefter kiosken igen, eller start den med --demo</translation>
    </message>
    <message>
        <source>the system keyring cannot be read ({error}), so the shop database&apos;s password cannot be read; check that it is running and unlocked, then start the kiosk again</source>
        <translation>systemets nøglering kan ikke læses ({error}), så adgangskoden til butiksdatabasen kan ikke læses; kontrollér, at den kører og er låst op, og start derefter kiosken igen</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem})</source>
        <translation>{path}: kan ikke læses ({problem})</translation>
    </message>
    <message>
        <source>{path}: other users can read it; run chmod 600 on it, then change the Vipps secrets in the portal, as they may have been seen</source>
        <translation>{path}: andre brugere kan læse den; kør chmod 600 på den, og skift derefter Vipps-hemmelighederne i portalen, da de kan være blevet set</translation>
    </message>
    <message>
        <source>{path}: is damaged; enter the Vipps secrets again in Settings</source>
        <translation>{path}: er beskadiget; indtast Vipps-hemmelighederne igen under Indstillinger</translation>
    </message>
    <message>
        <source>{path}: cannot be written ({problem}); check the disk and its permissions</source>
        <translation>{path}: kan ikke skrives til ({problem}); kontrollér disken og dens rettigheder</translation>
    </message>
    <message>
        <source>must be a PostgreSQL address like &quot;{example}&quot;</source>
        <translation>skal være en PostgreSQL-adresse, f.eks. &quot;{example}&quot;</translation>
    </message>
    <message>
        <source>must not hold the password; remove it from the address: the kiosk takes it from the secret store (where it keeps the Vipps secrets) or from PostgreSQL&apos;s own ~/.pgpass</source>
        <translation>må ikke indeholde adgangskoden; fjern den fra adressen: kiosken henter den fra hemmelighedslageret (hvor den gemmer Vipps-hemmelighederne) eller fra PostgreSQL&apos;s egen ~/.pgpass</translation>
    </message>
    <message>
        <source>must name the database after the host, like &quot;postgresql://kiosk@127.0.0.1/shop&quot;</source>
        <translation>skal angive databasen efter værten, f.eks. &quot;postgresql://kiosk@127.0.0.1/shop&quot;</translation>
    </message>
    <message>
        <source>must use TLS with certificate verification for a server on another PC: add ?sslmode=verify-full to the address</source>
        <translation>skal bruge TLS med certifikatkontrol til en server på en anden pc: tilføj ?sslmode=verify-full til adressen</translation>
    </message>
    <message>
        <source>must be 1 to {longest} lower-case letters, digits or &apos;-&apos;, starting with a letter or digit, like &quot;{example}&quot; (got {got})</source>
        <translation>skal være 1 til {longest} små bogstaver, cifre eller »-« og begynde med et bogstav eller et ciffer, f.eks. &quot;{example}&quot; (angivet: {got})</translation>
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
        <translation>{where}: [kiosk] till_id mangler; en butiksdatabase kræver, at hver kasse har et navn, f.eks. till_id = &quot;kasse-1&quot;</translation>
    </message>
    <message>
        <source>Vipps MobilePay takes payments in Norway (&quot;NO&quot;), Denmark (&quot;DK&quot;) and Finland (&quot;FI&quot;), not &quot;{country}&quot;.</source>
        <translation>Vipps MobilePay tager imod betalinger i Norge (»NO«), Danmark (»DK«) og Finland (»FI«), ikke »{country}«.</translation>
    </message>
    <message>
        <source>No answer from {brand} yet. Still trying.</source>
        <translation>Intet svar fra {brand} endnu. Prøver igen.</translation>
    </message>
    <message>
        <source>Time is up. Checking with {brand}…</source>
        <translation>Tiden er udløbet. Tjekker hos {brand}…</translation>
    </message>
    <message>
        <source>Still connecting to {brand}. One moment.</source>
        <translation>Opretter stadig forbindelse til {brand}. Et øjeblik.</translation>
    </message>
    <message>
        <source>{brand} did not start the payment. Try again.</source>
        <translation>{brand} startede ikke betalingen. Prøv igen.</translation>
    </message>
    <message>
        <source>{brand} answered too late. Start the payment again.</source>
        <translation>{brand} svarede for sent. Start betalingen igen.</translation>
    </message>
    <message>
        <source>{brand} refused to start the payment: {reason}</source>
        <translation>{brand} ville ikke starte betalingen: {reason}</translation>
    </message>
    <message>
        <source>{brand} refused that: {reason}</source>
        <translation>{brand} afviste det: {reason}</translation>
    </message>
</context>
<context>
    <name>AmountScreen</name>
    <message>
        <source>Amount to charge, in kroner</source>
        <translation>Beløb, der skal opkræves, i kroner</translation>
    </message>
    <message>
        <source>Amount to charge, in euros</source>
        <translation>Beløb, der skal opkræves, i euro</translation>
    </message>
    <message>
        <source>Payment text shown to the customer (optional)</source>
        <translation>Betalingstekst, som kunden ser (valgfri)</translation>
    </message>
    <message>
        <source>Amount problem</source>
        <translation>Fejl i beløbet</translation>
    </message>
    <message>
        <source>Charge with Vipps</source>
        <translation>Opkræv med Vipps</translation>
    </message>
    <message>
        <source>Charge with MobilePay</source>
        <translation>Opkræv med MobilePay</translation>
    </message>
    <message>
        <source>Amount ({unit})</source>
        <translation>Beløb ({unit})</translation>
    </message>
    <message>
        <source>Text (optional)</source>
        <translation>Tekst (valgfri)</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Forlad kiosktilstand</translation>
    </message>
    <message>
        <source>Leave kiosk mode: a window on the desktop again</source>
        <translation>Forlad kiosktilstand: et almindeligt vindue på skrivebordet igen</translation>
    </message>
    <message>
        <source>Lock kiosk mode</source>
        <translation>Lås kiosktilstand</translation>
    </message>
    <message>
        <source>Lock kiosk mode: full screen, the PIN to leave</source>
        <translation>Lås kiosktilstand: fuld skærm, og PIN-koden kræves for at forlade den</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), oldest first</source>
        <translation>
            <numerusform>%n salg, ældste først</numerusform>
            <numerusform>%n salg, ældste først</numerusform>
        </translation>
    </message>
    <message>
        <source>Captured {count} · {captured}    Refunded {refunded}    Net {net}</source>
        <translation>Hævet {count} · {captured}    Refunderet {refunded}    Netto {net}</translation>
    </message>
    <message>
        <source>Refused {refused} · Rejected {rejected} · Time ran out {expired} · Cancelled {cancelled} · Not started {not_started} · Needs checking {needs_check}</source>
        <translation>Kort afvist {refused} · Afvist i appen {rejected} · Udløbet {expired} · Annulleret {cancelled} · Ikke startet {not_started} · Skal tjekkes {needs_check}</translation>
    </message>
    <message>
        <source>Day to show</source>
        <translation>Dag, der skal vises</translation>
    </message>
    <message>
        <source>Back to the till</source>
        <translation>Tilbage til kassen</translation>
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
        <translation>Beløb, der skal refunderes ({unit}); tomt felt refunderer hele restbeløbet</translation>
    </message>
    <message>
        <source>all that remains</source>
        <translation>hele restbeløbet</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refunder</translation>
    </message>
    <message>
        <source>Refund the selected sale</source>
        <translation>Refunder det valgte salg</translation>
    </message>
    <message>
        <source>Re-check with Vipps</source>
        <translation>Tjek igen hos Vipps</translation>
    </message>
    <message>
        <source>Re-check the selected sale with Vipps</source>
        <translation>Tjek det valgte salg igen hos Vipps</translation>
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
        <translation>Dagsopgørelse (PDF)</translation>
    </message>
    <message>
        <source>Export the end-of-day report as PDF</source>
        <translation>Eksporter dagsopgørelsen som PDF</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Settings: Vipps, timings, language, look</source>
        <translation>Indstillinger: Vipps, tider, sprog, udseende</translation>
    </message>
    <message>
        <source>Back office message</source>
        <translation>Besked i administrationen</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Kasse {till}</translation>
    </message>
    <message>
        <source>This till: {till}</source>
        <translation>Denne kasse: {till}</translation>
    </message>
    <message>
        <source>Refund ({unit})</source>
        <translation>Refundering ({unit})</translation>
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
        <translation>Kundens skærm</translation>
    </message>
    <message>
        <source>Automatic: a second screen if there is one</source>
        <translation>Automatisk: en ekstra skærm, hvis der er en</translation>
    </message>
    <message>
        <source>None: one screen for staff and customer</source>
        <translation>Ingen: én skærm til personale og kunde</translation>
    </message>
    <message>
        <source>{name} (not connected now)</source>
        <translation>{name} (ikke tilsluttet nu)</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>Your mobile number, 8 digits</source>
        <translation>Dit mobilnummer, 8 cifre</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 cifre</translation>
    </message>
    <message>
        <source>Send to my phone</source>
        <translation>Send til min telefon</translation>
    </message>
    <message>
        <source>Send the payment to my phone</source>
        <translation>Send betalingen til min telefon</translation>
    </message>
    <message>
        <source>Time left to pay</source>
        <translation>Tid tilbage til at betale</translation>
    </message>
    <message>
        <source>Cancel payment (Esc)</source>
        <translation>Annuller betaling (Esc)</translation>
    </message>
    <message>
        <source>Cancel this payment</source>
        <translation>Annuller denne betaling</translation>
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
        <translation>10 eller 11 cifre med 0 forrest</translation>
    </message>
    <message>
        <source>Your mobile number, 10 or 11 digits with the 0 first</source>
        <translation>Dit mobilnummer, 10 eller 11 cifre med 0 forrest</translation>
    </message>
    <message>
        <source>Or type your mobile number</source>
        <translation>Eller indtast dit mobilnummer</translation>
    </message>
    <message>
        <source>Getting the payment ready…</source>
        <translation>Betalingen gøres klar…</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera</source>
        <translation>Scan med telefonens kamera</translation>
    </message>
    <message>
        <source>Sent to {phone}. Open Vipps on your phone and approve.</source>
        <translation>Sendt til {phone}. Åbn Vipps på din telefon, og godkend.</translation>
    </message>
    <message>
        <source>Sent to {phone}. Open MobilePay on your phone and approve.</source>
        <translation>Sendt til {phone}. Åbn MobilePay på din telefon, og godkend.</translation>
    </message>
    <message>
        <source>Sent to your Vipps app. Open Vipps on your phone and approve.</source>
        <translation>Sendt til din Vipps-app. Åbn Vipps på din telefon, og godkend.</translation>
    </message>
    <message>
        <source>Sent to your MobilePay app. Open MobilePay on your phone and approve.</source>
        <translation>Sendt til din MobilePay-app. Åbn MobilePay på din telefon, og godkend.</translation>
    </message>
    <message>
        <source>Scan the code or type your number</source>
        <translation>Scan koden, eller indtast dit nummer</translation>
    </message>
    <message>
        <source>Approve in the Vipps app</source>
        <translation>Godkend i Vipps-appen</translation>
    </message>
    <message>
        <source>Approve in the MobilePay app</source>
        <translation>Godkend i MobilePay-appen</translation>
    </message>
    <message>
        <source>Sending to your phone…</source>
        <translation>Sender til din telefon…</translation>
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
        <translation>{shop}: dagsopgørelse for {day}</translation>
    </message>
    <message>
        <source>{shop}: end of day</source>
        <translation>{shop}: dagsopgørelse</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Hævet</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunderet</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Refused by the card</source>
        <translation>Afvist af kortet</translation>
    </message>
    <message>
        <source>Rejected in Vipps</source>
        <translation>Afvist i Vipps</translation>
    </message>
    <message>
        <source>Rejected in MobilePay</source>
        <translation>Afvist i MobilePay</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ikke startet</translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation>Skal tjekkes</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Stadig åbne</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Ikke betalt</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Pr. time</translation>
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
        <translation>hævet</translation>
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <source>Sales per hour</source>
        <translation>Salg pr. time</translation>
    </message>
    <message>
        <source>{hour}: {count} ({amount})</source>
        <translation>Kl. {hour}: {count} ({amount})</translation>
    </message>
    <message>
        <source>No sales this day</source>
        <translation>Ingen salg denne dag</translation>
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
        <translation>Ryd nummeret</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Slet det sidste ciffer</translation>
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
        <translation>Denne kasse: {till}</translation>
    </message>
    <message>
        <source>DEMO – simulated Vipps, no real money</source>
        <translation>DEMO – simuleret Vipps, ingen rigtige penge</translation>
    </message>
    <message>
        <source>DEMO – simulated MobilePay, no real money</source>
        <translation>DEMO – simuleret MobilePay, ingen rigtige penge</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <source>Open the back office (manager PIN)</source>
        <translation>Åbn administrationen (leder-PIN)</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Betalingsstatus</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Lukker…</translation>
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
        <translation>Afvist i Vipps</translation>
    </message>
    <message>
        <source>Card refused</source>
        <translation>Kort afvist</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>Tiden er udløbet</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>Betalingen er annulleret</translation>
    </message>
    <message>
        <source>The payment was not started</source>
        <translation>Betalingen blev ikke startet</translation>
    </message>
    <message>
        <source>No answer from Vipps yet</source>
        <translation>Intet svar fra Vipps endnu</translation>
    </message>
    <message>
        <source>Rejected in MobilePay</source>
        <translation>Afvist i MobilePay</translation>
    </message>
    <message>
        <source>No answer from MobilePay yet</source>
        <translation>Intet svar fra MobilePay endnu</translation>
    </message>
    <message>
        <source>Outcome symbol</source>
        <translation>Symbol for resultatet</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Nyt salg</translation>
    </message>
    <message>
        <source>Start a new sale</source>
        <translation>Start et nyt salg</translation>
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
        <translation>forlad kiosktilstand</translation>
    </message>
    <message>
        <source>choose one</source>
        <translation>vælg en kode</translation>
    </message>
    <message>
        <source>open the back office</source>
        <translation>åbn administrationen</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Leder-PIN</translation>
    </message>
    <message>
        <source>The new PIN once more</source>
        <translation>Gentag den nye PIN-kode</translation>
    </message>
    <message>
        <source>Unlock with the manager PIN</source>
        <translation>Lås op med leder-PIN</translation>
    </message>
    <message>
        <source>Back to the till</source>
        <translation>Tilbage til kassen</translation>
    </message>
    <message>
        <source>Choose a manager PIN (4 to 8 digits)</source>
        <translation>Vælg en leder-PIN (4 til 8 cifre)</translation>
    </message>
    <message>
        <source>Save the PIN</source>
        <translation>Gem PIN-koden</translation>
    </message>
    <message>
        <source>Manager PIN: {why}</source>
        <translation>Leder-PIN: {why}</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>De to PIN-koder er forskellige. Indtast den samme PIN-kode to gange.</translation>
    </message>
    <message>
        <source>The PIN could not be saved: {problem}</source>
        <translation>PIN-koden kunne ikke gemmes: {problem}</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {seconds} s.</source>
        <translation>Forkert PIN-kode. Prøv igen om {seconds} s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Forkert PIN-kode.</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>QR code to pay with Vipps</source>
        <translation>QR-kode til betaling med Vipps</translation>
    </message>
    <message>
        <source>Scan it with your phone&apos;s camera to open Vipps</source>
        <translation>Scan den med telefonens kamera for at åbne Vipps</translation>
    </message>
    <message>
        <source>QR code to pay with MobilePay</source>
        <translation>QR-kode til betaling med MobilePay</translation>
    </message>
    <message>
        <source>Scan it with your phone&apos;s camera to open MobilePay</source>
        <translation>Scan den med telefonens kamera for at åbne MobilePay</translation>
    </message>
</context>
<context>
    <name>SaleStatus</name>
    <message>
        <source>REFUNDED</source>
        <translation>REFUNDERET</translation>
    </message>
    <message>
        <source>PART REFUNDED</source>
        <translation>DELVIST REFUNDERET</translation>
    </message>
    <message>
        <source>CAPTURED</source>
        <translation>HÆVET</translation>
    </message>
    <message>
        <source>PAID, CAPTURE PENDING</source>
        <translation>BETALT, AFVENTER HÆVNING</translation>
    </message>
    <message>
        <source>NOT PAID</source>
        <translation>IKKE BETALT</translation>
    </message>
    <message>
        <source>NEEDS CHECK</source>
        <translation>SKAL TJEKKES</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>ÅBENT</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>BETALT</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>AFVIST I APPEN</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>KORT AFVIST</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>UDLØBET</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULLERET</translation>
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
        <translation>Ordre-id</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløb</translation>
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
        <translation>Forsøg</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunderet</translation>
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
        <translation>Første tjek efter (s)</translation>
    </message>
    <message>
        <source>Check every (s)</source>
        <translation>Interval mellem tjek (s)</translation>
    </message>
    <message>
        <source>Landing page window (s)</source>
        <translation>Tid på landingssiden (s)</translation>
    </message>
    <message>
        <source>Whole approval window (s)</source>
        <translation>Hele godkendelsestiden (s)</translation>
    </message>
    <message>
        <source>Back to a fresh sale when idle (s)</source>
        <translation>Tilbage til nyt salg ved inaktivitet (s)</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Tider</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Butiksnavn</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Følg systemet</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Udseende</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Høj kontrast</translation>
    </message>
    <message>
        <source>Sounds for approved and failed payments</source>
        <translation>Lyd ved godkendte og mislykkede betalinger</translation>
    </message>
    <message>
        <source>Start locked in kiosk mode (full screen; the PIN leaves it)</source>
        <translation>Start låst i kiosktilstand (fuld skærm; forlades med PIN-koden)</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Butik</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test forbindelsen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <source>Restart the kiosk now</source>
        <translation>Genstart kiosken nu</translation>
    </message>
    <message>
        <source>The customer&apos;s screen</source>
        <translation>Kundens skærm</translation>
    </message>
    <message>
        <source>Asking Vipps…</source>
        <translation>Spørger Vipps…</translation>
    </message>
    <message>
        <source>Asking the shop database…</source>
        <translation>Spørger butiksdatabasen…</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>Forbindelsen virker.</translation>
    </message>
    <message>
        <source>Not working yet.</source>
        <translation>Virker ikke endnu.</translation>
    </message>
    <message>
        <source>Saved. Restart the kiosk to use the new settings.</source>
        <translation>Gemt. Genstart kiosken for at bruge de nye indstillinger.</translation>
    </message>
</context>
<context>
    <name>ShopDatabaseBox</name>
    <message>
        <source>Several tills: the shop database</source>
        <translation>Flere kasser: butiksdatabasen</translation>
    </message>
    <message>
        <source>This till&apos;s id in the shop, like kasse-1</source>
        <translation>Denne kasses id i butikken, f.eks. kasse-1</translation>
    </message>
    <message>
        <source>Shop database address, like postgresql://kiosk@backoffice/shop</source>
        <translation>Butiksdatabasens adresse, f.eks. postgresql://kiosk@backoffice/shop</translation>
    </message>
    <message>
        <source>empty: this till on its own</source>
        <translation>tom: kun denne kasse</translation>
    </message>
    <message>
        <source>Shop id in a chain&apos;s shared database</source>
        <translation>Butikkens id i kædens fælles database</translation>
    </message>
    <message>
        <source>Shop database password</source>
        <translation>Adgangskode til butiksdatabasen</translation>
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
        <translation>Butiks-id</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Databaseadgangskode</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation>gemt; skriv for at erstatte</translation>
    </message>
</context>
<context>
    <name>ShopScope</name>
    <message>
        <source>The shop database cannot be reached, so the whole shop cannot be shown now. “This till” shows this till&apos;s own sales.</source>
        <translation>Butiksdatabasen kan ikke nås, så hele butikken kan ikke vises nu. »Denne kasse« viser kassens egne salg.</translation>
    </message>
    <message>
        <source>Till {till}: not copied yet</source>
        <translation>Kasse {till}: ikke kopieret endnu</translation>
    </message>
    <message>
        <source>Till {till}: last copied {time}</source>
        <translation>Kasse {till}: sidst kopieret {time}</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Denne kasse</translation>
    </message>
    <message>
        <source>Show this till&apos;s own day ({till})</source>
        <translation>Vis denne kasses egen dag ({till})</translation>
    </message>
    <message>
        <source>The whole shop</source>
        <translation>Hele butikken</translation>
    </message>
    <message>
        <source>Show the whole shop&apos;s day, every till</source>
        <translation>Vis hele butikkens dag, alle kasser</translation>
    </message>
    <message>
        <source>How fresh the whole shop&apos;s figures are</source>
        <translation>Hvor opdaterede hele butikkens tal er</translation>
    </message>
</context>
<context>
    <name>StaffSaleScreen</name>
    <message>
        <source>The customer pays on their own screen</source>
        <translation>Kunden betaler på sin egen skærm</translation>
    </message>
    <message>
        <source>Cancel payment (Esc)</source>
        <translation>Annuller betaling (Esc)</translation>
    </message>
    <message>
        <source>Cancel this payment</source>
        <translation>Annuller denne betaling</translation>
    </message>
    <message>
        <source>Getting the payment ready…</source>
        <translation>Betalingen gøres klar…</translation>
    </message>
    <message>
        <source>The customer sees the QR code and the keypad</source>
        <translation>Kunden ser QR-koden og taltastaturet</translation>
    </message>
    <message>
        <source>Sent to {phone}</source>
        <translation>Sendt til {phone}</translation>
    </message>
    <message>
        <source>Sent to the Vipps app of the customer whose code was scanned</source>
        <translation>Sendt til Vipps-appen hos kunden med den scannede kode</translation>
    </message>
    <message>
        <source>Sent to the MobilePay app of the customer whose code was scanned</source>
        <translation>Sendt til MobilePay-appen hos kunden med den scannede kode</translation>
    </message>
    <message>
        <source>The customer typed their number: sending it to their phone…</source>
        <translation>Kunden har indtastet sit nummer: sender betalingen til telefonen…</translation>
    </message>
    <message>
        <source>Waiting for the customer: {time} left</source>
        <translation>Venter på kunden: {time} tilbage</translation>
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
        <translation>Klient-id</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Klienthemmelighed</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Abonnementsnøgle</translation>
    </message>
    <message>
        <source>Merchant serial number (MSN)</source>
        <translation>Salgsstedsnummer (MSN)</translation>
    </message>
    <message>
        <source>PSP-Id</source>
        <translation>PSP-id</translation>
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
        <translation>Simulator (demo, ingen rigtige penge)</translation>
    </message>
    <message>
        <source>Vipps test (apitest.vipps.no)</source>
        <translation>Vipps-testmiljø (apitest.vipps.no)</translation>
    </message>
    <message>
        <source>Vipps production (api.vipps.no)</source>
        <translation>Vipps-produktionsmiljø (api.vipps.no)</translation>
    </message>
    <message>
        <source>Other address</source>
        <translation>Anden adresse</translation>
    </message>
    <message>
        <source>Address of the Vipps API</source>
        <translation>Adressen på Vipps-API&apos;et</translation>
    </message>
    <message>
        <source>Vipps API for payments</source>
        <translation>Vipps-API til betalinger</translation>
    </message>
    <message>
        <source>ePayment v1 (for new shops)</source>
        <translation>ePayment v1 (til nye butikker)</translation>
    </message>
    <message>
        <source>PSP v3 (existing PSP integrations)</source>
        <translation>PSP v3 (eksisterende PSP-integrationer)</translation>
    </message>
    <message>
        <source>Skip the landing page when a number is typed</source>
        <translation>Spring landingssiden over, når et nummer er indtastet</translation>
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
        <translation>gemt; skriv for at erstatte</translation>
    </message>
    <message>
        <source>The stored secrets are for {address}; type the secrets for the new address.</source>
        <translation>De gemte hemmeligheder gælder for {address}; indtast hemmelighederne for den nye adresse.</translation>
    </message>
</context>
</TS>
