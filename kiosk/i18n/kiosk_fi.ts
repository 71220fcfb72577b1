<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name></name>
    <message>
        <source>Refunding…</source>
        <translation>Hyvitetään…</translation>
    </message>
    <message>
        <source>Checking with Vipps…</source>
        <translation>Tarkistetaan Vippsiltä…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Viedään tiedostoon…</translation>
    </message>
    <message>
        <source>Something went wrong. It is recorded in the log.</source>
        <translation>Jokin meni vikaan. Tiedot on kirjattu lokiin.</translation>
    </message>
    <message>
        <source>Ready. Type the amount and press Enter.</source>
        <translation>Valmis. Syötä summa ja paina Enter.</translation>
    </message>
    <message>
        <source>Starting the payment…</source>
        <translation>Aloitetaan maksua…</translation>
    </message>
    <message>
        <source>Sending the payment to the customer&apos;s phone…</source>
        <translation>Lähetetään maksupyyntöä asiakkaan puhelimeen…</translation>
    </message>
    <message>
        <source>Sending the payment to the customer&apos;s app…</source>
        <translation>Lähetetään maksupyyntöä asiakkaan sovellukseen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Peruutetaan…</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>Odotetaan asiakasta</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Käynnistetään…</translation>
    </message>
    <message>
        <source>Manager PIN needed</source>
        <translation>Tarvitaan esihenkilön PIN-koodi</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Hallinta</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Luetaan asetuksia…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>This sale has already ended.</source>
        <translation>Tämä myynti on jo päättynyt.</translation>
    </message>
    <message>
        <source>Payment cancelled.</source>
        <translation>Maksu peruutettu.</translation>
    </message>
    <message>
        <source>The payment was cancelled.</source>
        <translation>Maksu peruutettiin.</translation>
    </message>
    <message>
        <source>Nobody approved the payment in time.</source>
        <translation>Maksua ei hyväksytty ajoissa.</translation>
    </message>
    <message>
        <source>The customer rejected the payment in {brand}.</source>
        <translation>Asiakas hylkäsi maksun {brand}-sovelluksessa.</translation>
    </message>
    <message>
        <source>The payment was not approved (rejected in Vipps or refused by the card).</source>
        <translation>Maksua ei hyväksytty (asiakas hylkäsi sen Vippsissä tai kortti hylättiin).</translation>
    </message>
    <message>
        <source>The customer rejected the payment in Vipps.</source>
        <translation>Asiakas hylkäsi maksun Vippsissä.</translation>
    </message>
    <message>
        <source>The card was refused.</source>
        <translation>Kortti hylättiin.</translation>
    </message>
    <message>
        <source>The card&apos;s bank is unknown.</source>
        <translation>Kortin pankkia ei tunnisteta.</translation>
    </message>
    <message>
        <source>The card&apos;s bank refused the payment.</source>
        <translation>Kortin pankki hylkäsi maksun.</translation>
    </message>
    <message>
        <source>The payment is over the card&apos;s limit.</source>
        <translation>Maksu ylittää kortin käyttörajan.</translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation>Kortti on vanhentunut.</translation>
    </message>
    <message>
        <source>The card is not valid.</source>
        <translation>Kortti ei kelpaa.</translation>
    </message>
    <message>
        <source>Credit cards cannot be used here.</source>
        <translation>Luottokortilla ei voi maksaa täällä.</translation>
    </message>
    <message>
        <source>There is not enough money on the card.</source>
        <translation>Kortilla ei ole riittävästi katetta.</translation>
    </message>
    <message>
        <source>The approval came after the payment was cancelled.</source>
        <translation>Hyväksyntä tuli vasta, kun maksu oli jo peruutettu.</translation>
    </message>
    <message>
        <source>Vipps&apos; PSP API takes payments in Norway only, not in {country}: set [vipps] api = &quot;epayment&quot;.</source>
        <translation>Vippsin PSP-rajapinta ottaa maksuja vastaan vain Norjassa, ei maassa {country}: aseta [vipps] api = &quot;epayment&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>Settled %n sale(s) left unfinished.</source>
        <translation>
            <numerusform>Selvitetty %n kesken jäänyt myynti.</numerusform>
            <numerusform>Selvitetty %n kesken jäänyttä myyntiä.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) checking in the back office.</source>
        <translation>
            <numerusform>%n myynti on tarkistettava hallinnassa.</numerusform>
            <numerusform>%n myyntiä on tarkistettava hallinnassa.</numerusform>
        </translation>
    </message>
    <message>
        <source>{settled} {checks}</source>
        <translation>{settled} {checks}</translation>
    </message>
    <message>
        <source>Needs checking: Vipps could not be asked after a restart.</source>
        <translation>Tarkistettava: Vippsiin ei saatu yhteyttä uudelleenkäynnistyksen jälkeen.</translation>
    </message>
    <message>
        <source>The kiosk restarted before the customer paid.</source>
        <translation>Kioski käynnistyi uudelleen ennen kuin asiakas maksoi.</translation>
    </message>
    <message>
        <source>Vipps could not be asked. Try again later.</source>
        <translation>Vippsiin ei saatu yhteyttä. Yritä myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>Vipps says the payment is pending: settle it with the customer.</source>
        <translation>Vippsin mukaan maksu on kesken: selvitä asia asiakkaan kanssa.</translation>
    </message>
    <message>
        <source>Vipps says the payment is failed: settle it with the customer.</source>
        <translation>Vippsin mukaan maksu epäonnistui: selvitä asia asiakkaan kanssa.</translation>
    </message>
    <message>
        <source>Vipps says the payment is cancelled: settle it with the customer.</source>
        <translation>Vippsin mukaan maksu on peruutettu: selvitä asia asiakkaan kanssa.</translation>
    </message>
    <message>
        <source>Vipps says the payment is {state}: settle it with the customer.</source>
        <translation>Vippsin mukaan maksun tila on ”{state}”: selvitä asia asiakkaan kanssa.</translation>
    </message>
    <message>
        <source>Needs checking: {problem}.</source>
        <translation>Tarkistettava: {problem}.</translation>
    </message>
    <message>
        <source>Scanning a customer&apos;s code needs the ePayment API ([vipps] api = &quot;epayment&quot;).</source>
        <translation>Asiakkaan koodin skannaus vaatii ePayment-rajapinnan ([vipps] api = &quot;epayment&quot;).</translation>
    </message>
    <message>
        <source>That is not a customer&apos;s {brand} code.</source>
        <translation>Tämä ei ole asiakkaan {brand}-koodi.</translation>
    </message>
    <message>
        <source>made through Vipps&apos; {api} API, and {problem}</source>
        <translation>tehty Vippsin {api}-rajapinnan kautta ja {problem}</translation>
    </message>
    <message>
        <source>the settings have no psp_id, which the PSP API needs: add psp_id = &quot;...&quot; to [vipps]</source>
        <translation>asetuksista puuttuu psp_id, jota PSP-rajapinta tarvitsee: lisää psp_id = &quot;...&quot; osioon [vipps]</translation>
    </message>
    <message>
        <source>this kiosk does not know Vipps&apos; &quot;{api}&quot; API; update the kiosk</source>
        <translation>tämä kioski ei tunne Vippsin rajapintaa ”{api}”; päivitä kioski</translation>
    </message>
    <message>
        <source>This sale was paid through Vipps&apos; {api} API, and {problem}.</source>
        <translation>Tämä myynti maksettiin Vippsin {api}-rajapinnan kautta ja {problem}.</translation>
    </message>
    <message>
        <source>This sale was paid elsewhere: {problem}.</source>
        <translation>Tämä myynti maksettiin muualla: {problem}.</translation>
    </message>
    <message>
        <source>Vipps&apos; answer does not prove that it never had the payment: {seen}</source>
        <translation>Vippsin vastaus ei todista, ettei maksua olisi koskaan ollut Vippsissä: {seen}</translation>
    </message>
    <message>
        <source>Vipps says it has no such payment, but it had answered for it before</source>
        <translation>Vippsin mukaan maksua ei ole, vaikka Vipps on aiemmin vastannut sitä koskeviin kyselyihin</translation>
    </message>
    <message>
        <source>Vipps says it has no such payment, but the attempt was made before the kiosk recorded its sales unit, so it may have been made with other settings: check it in Vipps&apos; portal</source>
        <translation>Vippsin mukaan maksua ei ole, mutta yritys tehtiin ennen kuin kioski alkoi tallentaa myyntipisteen tietoja, joten se on voitu tehdä eri asetuksilla: tarkista asia Vipps-portaalista</translation>
    </message>
    <message>
        <source>made with merchant_serial_number {made} at {made_address}, not {now} at {address} as the settings now say: set them back to settle the sale</source>
        <translation>tehty arvolla merchant_serial_number {made} osoitteessa {made_address}, ei arvolla {now} osoitteessa {address}, kuten asetuksissa nyt lukee: palauta ne, jotta myynti voidaan selvittää</translation>
    </message>
    <message>
        <source>made with merchant_serial_number {made}, not {now} as the settings now say: set it back to settle the sale</source>
        <translation>tehty arvolla merchant_serial_number {made}, ei arvolla {now}, kuten asetuksissa nyt lukee: palauta se, jotta myynti voidaan selvittää</translation>
    </message>
    <message>
        <source>made at {made}, not {now} as the settings now say: set base_url back to settle the sale</source>
        <translation>tehty osoitteessa {made}, ei osoitteessa {now}, kuten asetuksissa nyt lukee: palauta base_url, jotta myynti voidaan selvittää</translation>
    </message>
    <message>
        <source>Vipps refused the capture: settle it with the customer.</source>
        <translation>Vipps hylkäsi veloituksen: selvitä asia asiakkaan kanssa.</translation>
    </message>
    <message>
        <source>Paid; Vipps has not applied the capture yet.</source>
        <translation>Maksettu; Vipps ei ole vielä tehnyt veloitusta.</translation>
    </message>
    <message>
        <source>Only a paid sale can be refunded.</source>
        <translation>Vain maksetun myynnin voi hyvittää.</translation>
    </message>
    <message>
        <source>A refund must be more than 0.</source>
        <translation>Hyvityksen on oltava yli 0.</translation>
    </message>
    <message>
        <source>Only {remaining} remains to refund.</source>
        <translation>Hyvitettävää on jäljellä vain {remaining}.</translation>
    </message>
    <message>
        <source>The shop database cannot be reached, so this till can refund only its own sales until it is back; this sale was made at till {till}.</source>
        <translation>Myymälän tietokantaan ei saada yhteyttä, joten tämä kassa voi hyvittää vain omia myyntejään, kunnes yhteys palaa; tämä myynti tehtiin kassalla {till}.</translation>
    </message>
    <message>
        <source>The ledger at {path} is from an older version of the kiosk, and it is not updated from here. Start the kiosk once (it updates the ledger), then try again.</source>
        <translation>Myyntiloki {path} on kioskin vanhemmasta versiosta, eikä sitä päivitetä täältä. Käynnistä kioski kerran (se päivittää myyntilokin) ja yritä sitten uudelleen.</translation>
    </message>
    <message>
        <source>The ledger cannot be written: {problem}</source>
        <translation>Myyntilokiin ei voi kirjoittaa: {problem}</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>tietokanta tai levy on täynnä</translation>
    </message>
    <message>
        <source>There is no ledger at {path}.</source>
        <translation>Sijainnissa {path} ei ole myyntilokia.</translation>
    </message>
    <message>
        <source>The ledger at {path} cannot be opened: {problem}</source>
        <translation>Myyntilokia {path} ei voi avata: {problem}</translation>
    </message>
    <message>
        <source>The ledger at {path} is damaged or unreadable ({problem}). It was left untouched: move it aside and keep it for the manager, then start the kiosk again.</source>
        <translation>Myyntiloki {path} on vioittunut tai lukukelvoton ({problem}). Siihen ei koskettu: siirrä se muualle ja säilytä se esihenkilöä varten, käynnistä sitten kioski uudelleen.</translation>
    </message>
    <message>
        <source>The ledger at {path} holds sales from before a crash that are not saved into it yet, and they cannot be read from here. Start the kiosk once (it saves them), then export again.</source>
        <translation>Myyntilokissa {path} on kaatumista edeltäviä myyntejä, joita ei ole vielä tallennettu siihen, eikä niitä voi lukea täältä. Käynnistä kioski kerran (se tallentaa ne) ja tee vienti sitten uudelleen.</translation>
    </message>
    <message>
        <source>it is from a newer kiosk (schema {version}); update the kiosk to open it</source>
        <translation>se on kioskin uudemmasta versiosta (skeema {version}); päivitä kioski, niin sen voi avata</translation>
    </message>
    <message>
        <source>The export could not be written to {path}: {problem}</source>
        <translation>Vientiä ei voitu kirjoittaa tiedostoon {path}: {problem}</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {problem}</source>
        <translation>Raporttia ei voitu kirjoittaa tiedostoon {path}: {problem}</translation>
    </message>
    <message>
        <source>the file cannot be created there</source>
        <translation>kansioon ei voi luoda tiedostoa</translation>
    </message>
    <message>
        <source>nothing was written (is the disk full?)</source>
        <translation>mitään ei kirjoitettu (onko levy täynnä?)</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s)</source>
        <translation>
            <numerusform>%n kpl</numerusform>
            <numerusform>%n kpl</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the amount to charge.</source>
        <translation>Syötä veloitettava summa.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Summa ei voi olla negatiivinen.</translation>
    </message>
    <message>
        <source>Use the digits 0-9 only.</source>
        <translation>Käytä vain numeroita 0–9.</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>Summan on oltava yli 0.</translation>
    </message>
    <message>
        <source>{brand} takes payments of {minimum} or more.</source>
        <translation>Pienin {brand}-maksu on {minimum}.</translation>
    </message>
    <message>
        <source>That is not an amount. Type it like 149,50.</source>
        <translation>Tämä ei ole summa. Kirjoita summa muodossa 149,50.</translation>
    </message>
    <message>
        <source>The amount must be more than 0 kr.</source>
        <translation>Summan on oltava yli 0 kr.</translation>
    </message>
    <message>
        <source>Vipps takes payments of 1 kr or more.</source>
        <translation>Vippsillä voi maksaa vähintään 1 kr.</translation>
    </message>
    <message>
        <source>That is over this till&apos;s limit of {limit}.</source>
        <translation>Summa ylittää tämän kassan ylärajan ({limit}).</translation>
    </message>
    <message>
        <source>&quot;{typed}&quot; is unclear: is it {thousands}? Type euros and cents with two decimals (12.50), or thousands without the separator (12500).</source>
        <translation>”{typed}” on epäselvä: tarkoitatko {thousands}? Kirjoita eurot ja sentit kahdella desimaalilla (12,50) tai tuhannet ilman erotinta (12500).</translation>
    </message>
    <message>
        <source>&quot;{typed}&quot; is unclear: is it {thousands}? Type kroner and øre with two decimals (12.50), or thousands without the separator (12500).</source>
        <translation>”{typed}” on epäselvä: tarkoitatko {thousands}? Kirjoita kruunut ja äyrit kahdella desimaalilla (12,50) tai tuhannet ilman erotinta (12500).</translation>
    </message>
    <message>
        <source>Type your mobile number.</source>
        <translation>Kirjoita puhelinnumerosi.</translation>
    </message>
    <message>
        <source>Only Norwegian numbers (+47) can pay with Vipps here.</source>
        <translation>Täällä voi maksaa Vippsillä vain norjalaisella numerolla (+47).</translation>
    </message>
    <message>
        <source>A Norwegian mobile number has 8 digits.</source>
        <translation>Norjalaisessa matkapuhelinnumerossa on 8 numeroa.</translation>
    </message>
    <message>
        <source>Norwegian mobile numbers start with 4 or 9.</source>
        <translation>Norjalaiset matkapuhelinnumerot alkavat 4:llä tai 9:llä.</translation>
    </message>
    <message>
        <source>Only Danish numbers (+45) can pay with MobilePay here.</source>
        <translation>Täällä voi maksaa MobilePaylla vain tanskalaisella numerolla (+45).</translation>
    </message>
    <message>
        <source>A Danish mobile number has 8 digits.</source>
        <translation>Tanskalaisessa matkapuhelinnumerossa on 8 numeroa.</translation>
    </message>
    <message>
        <source>Danish numbers do not start with 0 or 1.</source>
        <translation>Tanskalaiset numerot eivät ala 0:lla tai 1:llä.</translation>
    </message>
    <message>
        <source>Only Finnish numbers (+358) can pay with MobilePay here.</source>
        <translation>Täällä voi maksaa MobilePaylla vain suomalaisella numerolla (+358).</translation>
    </message>
    <message>
        <source>Finnish mobile numbers start with 04 or 050.</source>
        <translation>Suomalaiset matkapuhelinnumerot alkavat 04:llä tai 050:llä.</translation>
    </message>
    <message>
        <source>A Finnish mobile number has 10 or 11 digits, the 0 in front included.</source>
        <translation>Suomalaisessa matkapuhelinnumerossa on 10 tai 11 numeroa alun 0 mukaan lukien.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits (0-9).</source>
        <translation>PIN-koodissa on 4–8 numeroa (0–9).</translation>
    </message>
    <message>
        <source>No manager PIN is set yet.</source>
        <translation>Esihenkilön PIN-koodia ei ole vielä asetettu.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in {seconds} s.</source>
        <translation>Liian monta väärää yritystä. Yritä uudelleen {seconds} sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>The PIN file {path} cannot be read ({problem}); remove it to set a new PIN.</source>
        <translation>PIN-tiedostoa {path} ei voi lukea ({problem}); poista se, niin voit asettaa uuden PIN-koodin.</translation>
    </message>
    <message>
        <source>Vipps refused the credentials: check client_id, client_secret and subscription_key</source>
        <translation>Vipps hylkäsi tunnistetiedot: tarkista client_id, client_secret ja subscription_key</translation>
    </message>
    <message>
        <source>Vipps answered {status}: {hint}</source>
        <translation>Vipps vastasi koodilla {status}: {hint}</translation>
    </message>
    <message>
        <source>check subscription_key and merchant_serial_number</source>
        <translation>tarkista subscription_key ja merchant_serial_number</translation>
    </message>
    <message>
        <source>check subscription_key, psp_id and merchant_serial_number</source>
        <translation>tarkista subscription_key, psp_id ja merchant_serial_number</translation>
    </message>
    <message>
        <source>check subscription_key and merchant_serial_number, and that the sales unit may use ePayment</source>
        <translation>tarkista subscription_key ja merchant_serial_number sekä se, että myyntipiste saa käyttää ePayment-rajapintaa</translation>
    </message>
    <message>
        <source>Vipps answered {status}</source>
        <translation>Vipps vastasi koodilla {status}</translation>
    </message>
    <message>
        <source>Vipps&apos; certificate is not trusted: {problem}</source>
        <translation>Vippsin varmenteeseen ei luoteta: {problem}</translation>
    </message>
    <message>
        <source>cannot reach Vipps: {error}</source>
        <translation>Vippsiin ei saada yhteyttä: {error}</translation>
    </message>
    <message>
        <source>Vipps did not accept the connection in time</source>
        <translation>Vipps ei hyväksynyt yhteyttä ajoissa</translation>
    </message>
    <message>
        <source>Vipps did not answer {method} in time</source>
        <translation>Vipps ei vastannut kutsuun {method} ajoissa</translation>
    </message>
    <message>
        <source>the connection to Vipps failed: {error}</source>
        <translation>yhteys Vippsiin epäonnistui: {error}</translation>
    </message>
    <message>
        <source>Vipps asks us to slow down (429)</source>
        <translation>Vipps pyytää lähettämään pyyntöjä harvemmin (429)</translation>
    </message>
    <message>
        <source>the call was cancelled</source>
        <translation>kutsu peruutettiin</translation>
    </message>
    <message>
        <source>Vipps allows {count} {operation} calls a minute for one payment; the next is allowed in {seconds} s</source>
        <translation>Vipps sallii yhdelle maksulle {count} {operation}-kutsua minuutissa; seuraava on sallittu {seconds} sekunnin kuluttua</translation>
    </message>
    <message>
        <source>Vipps refused the request: {reason} (errorCode {code})</source>
        <translation>Vipps hylkäsi pyynnön: {reason} (errorCode {code})</translation>
    </message>
    <message>
        <source>Vipps sent {what} that breaks the contract at {where}: {problem}</source>
        <translation>Vipps lähetti rajapintakuvauksen vastaisen vastauksen ({what}) kohdassa {where}: {problem}</translation>
    </message>
    <message>
        <source>Vipps answered updatestatus with HTTP {status} and no responseInfo, so the update is not known to be accepted</source>
        <translation>Vipps vastasi updatestatus-kutsuun koodilla HTTP {status} ilman responseInfo-kenttää, joten ei tiedetä, hyväksyttiinkö päivitys</translation>
    </message>
    <message>
        <source>Vipps&apos; address answered with a redirect (HTTP {status}), which the kiosk does not follow</source>
        <translation>Vippsin osoite vastasi uudelleenohjauksella (HTTP {status}), jota kioski ei seuraa</translation>
    </message>
    <message>
        <source>Ready. Type the amount and press Enter. {notice}</source>
        <translation>Valmis. Syötä summa ja paina Enter. {notice}</translation>
    </message>
    <message>
        <source>The demo simulator could not start on {host}:{port}: {problem}</source>
        <translation>Demosimulaattori ei käynnistynyt osoitteessa {host}:{port}: {problem}</translation>
    </message>
    <message>
        <source>Unfinished sales could not be settled: {problem}</source>
        <translation>Kesken jääneitä myyntejä ei voitu selvittää: {problem}</translation>
    </message>
    <message>
        <source>The sale could not be recorded: {problem}</source>
        <translation>Myyntiä ei voitu tallentaa: {problem}</translation>
    </message>
    <message>
        <source>The sale could not be recorded: {problem}. Still trying.</source>
        <translation>Myyntiä ei voitu tallentaa: {problem}. Yritetään edelleen.</translation>
    </message>
    <message>
        <source>Refunded {amount}.</source>
        <translation>Hyvitetty {amount}.</translation>
    </message>
    <message>
        <source>Vipps refused the refund: {reason}</source>
        <translation>Vipps hylkäsi hyvityksen: {reason}</translation>
    </message>
    <message>
        <source>No answer from Vipps yet. The refund is recorded and will be sent again.</source>
        <translation>Vipps ei ole vielä vastannut. Hyvitys on tallennettu ja lähetetään uudelleen.</translation>
    </message>
    <message>
        <source>Checked with Vipps: {message}</source>
        <translation>Tarkistettu Vippsiltä: {message}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sale(s) to {path}</source>
        <translation>
            <numerusform>Viety %n myynti tiedostoon {path}</numerusform>
            <numerusform>Viety %n myyntiä tiedostoon {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote the end-of-day report to {path}</source>
        <translation>Päiväraportti tallennettu tiedostoon {path}</translation>
    </message>
    <message>
        <source>The kiosk could not start. The reason is in the log in the data folder.</source>
        <translation>Kioski ei käynnistynyt. Syy löytyy datakansion lokista.</translation>
    </message>
    <message>
        <source>No sale is waiting for the customer. Charge the amount first, then scan the customer&apos;s code.</source>
        <translation>Mikään myynti ei odota asiakasta. Veloita ensin summa ja skannaa sitten asiakkaan koodi.</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem}); check that the file is readable</source>
        <translation>{path}: tiedostoa ei voi lukea ({problem}); tarkista, että tiedosto on luettavissa</translation>
    </message>
    <message>
        <source>{path}: is not UTF-8 text; save it as UTF-8</source>
        <translation>{path}: tiedosto ei ole UTF-8-tekstiä; tallenna se UTF-8-muodossa</translation>
    </message>
    <message>
        <source>{path}: is not valid TOML ({problem}); fix the syntax there</source>
        <translation>{path}: tiedosto ei ole kelvollista TOML-muotoa ({problem}); korjaa sen syntaksi</translation>
    </message>
    <message>
        <source>{where}: [vipps] api must be &quot;psp&quot; or &quot;epayment&quot; (got {got})</source>
        <translation>{where}: asetuksen [vipps] api on oltava &quot;psp&quot; tai &quot;epayment&quot; (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] api = &quot;psp&quot; takes payments in Norway only: set api = &quot;epayment&quot; for a shop in Denmark or Finland ([shop] country = &quot;{country}&quot;)</source>
        <translation>{where}: asetuksella [vipps] api = &quot;psp&quot; voi ottaa maksuja vastaan vain Norjassa: Tanskassa tai Suomessa toimivalle myymälälle aseta api = &quot;epayment&quot; ([shop] country = &quot;{country}&quot;)</translation>
    </message>
    <message>
        <source>{where}: [kiosk] max_amount and max_amount_kr are the same limit: keep only max_amount</source>
        <translation>{where}: asetukset [kiosk] max_amount ja max_amount_kr ovat sama raja: säilytä vain max_amount</translation>
    </message>
    <message>
        <source>{where}: [kiosk] max_amount_kr is in kroner, and a shop in Finland takes euros: use max_amount, in euros (like max_amount = 5000)</source>
        <translation>{where}: asetus [kiosk] max_amount_kr on kruunuina, mutta Suomessa toimiva myymälä ottaa maksut euroina: anna raja euroina asetuksella max_amount (esimerkiksi max_amount = 5000)</translation>
    </message>
    <message>
        <source>{where}: [{name}] must be a table; write it as a [{name}] section</source>
        <translation>{where}: kohdan [{name}] on oltava taulukko; kirjoita se osioksi [{name}]</translation>
    </message>
    <message>
        <source>{where}: unknown key {label}; did you mean {guess}?</source>
        <translation>{where}: tuntematon avain {label}; tarkoititko avainta {guess}?</translation>
    </message>
    <message>
        <source>{where}: unknown key {label}; known keys: {known}</source>
        <translation>{where}: tuntematon avain {label}; tunnetut avaimet: {known}</translation>
    </message>
    <message>
        <source>the value given</source>
        <translation>salainen, ei näytetä</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} is missing; add {key} = &quot;...&quot; to the [vipps] section</source>
        <translation>{where}: asetus [vipps] {key} puuttuu; lisää {key} = &quot;...&quot; osioon [vipps]</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be a non-empty text in quotes (got {got})</source>
        <translation>{where}: asetuksen [vipps] {key} on oltava lainausmerkeissä oleva teksti, joka ei ole tyhjä (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be at most {max_len} characters</source>
        <translation>{where}: asetuksessa [vipps] {key} saa olla enintään {max_len} merkkiä</translation>
    </message>
    <message>
        <source>{where}: [vipps] merchant_serial_number is missing; add your 6-digit MSN, like &quot;123456&quot;</source>
        <translation>{where}: asetus [vipps] merchant_serial_number puuttuu; lisää myyntipisteen kuusinumeroinen MSN, esimerkiksi &quot;123456&quot;</translation>
    </message>
    <message>
        <source>{where}: [vipps] merchant_serial_number must be exactly 6 digits, like &quot;123456&quot; (got {got})</source>
        <translation>{where}: asetuksen [vipps] merchant_serial_number on oltava tasan 6 numeroa, esimerkiksi &quot;123456&quot; (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] skip_landing_page must be true or false (got {got})</source>
        <translation>{where}: asetuksen [vipps] skip_landing_page on oltava true tai false (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must start with https:// (plain http is only for a simulator on this PC, like &quot;http://127.0.0.1:8765&quot;)</source>
        <translation>{where}: asetuksen [vipps] {key} on alettava merkeillä https:// (pelkkä http käy vain tämän tietokoneen simulaattorille, esimerkiksi &quot;http://127.0.0.1:8765&quot;)</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} is missing; add {key} = &quot;https://...&quot; to the [vipps] section</source>
        <translation>{where}: asetus [vipps] {key} puuttuu; lisää {key} = &quot;https://...&quot; osioon [vipps]</translation>
    </message>
    <message>
        <source>{where}: [vipps] {key} must be a web address like &quot;https://apitest.vipps.no&quot; (got {got})</source>
        <translation>{where}: asetuksen [vipps] {key} on oltava verkko-osoite, esimerkiksi &quot;https://apitest.vipps.no&quot; (annettu: {got})</translation>
    </message>
    <message>
        <source>0 or more</source>
        <translation>vähintään 0</translation>
    </message>
    <message>
        <source>more than 0</source>
        <translation>yli 0</translation>
    </message>
    <message>
        <source>{where}: [{table}] {key} must be a number of seconds, {lowest} (got {got})</source>
        <translation>{where}: asetuksen [{table}] {key} on oltava sekuntimäärä, {lowest} (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [{table}] {key} must be {lowest} seconds (got {got})</source>
        <translation>{where}: asetuksen [{table}] {key} on oltava {lowest} sekuntia (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] kiosk_mode must be true or false (got {got})</source>
        <translation>{where}: asetuksen [kiosk] kiosk_mode on oltava true tai false (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] approval_window_s ({approval}) must be at least landing_window_s ({landing}): the app window follows the landing page</source>
        <translation>{where}: asetuksen [kiosk] approval_window_s ({approval}) on oltava vähintään yhtä suuri kuin landing_window_s ({landing}): sovelluksessa hyväksymisaika jatkuu laskeutumissivun jälkeen</translation>
    </message>
    <message>
        <source>{where}: [kiosk] customer_display must be &quot;auto&quot;, &quot;none&quot; or the name of a screen as the settings screen lists it (got {got})</source>
        <translation>{where}: asetuksen [kiosk] customer_display on oltava &quot;auto&quot;, &quot;none&quot; tai näytön nimi siinä muodossa kuin asetusnäkymä sen näyttää (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] {key} must be an amount in the shop&apos;s currency from 1, with at most two decimals, like 5000 or 4999.50 (got {got})</source>
        <translation>{where}: asetuksen [kiosk] {key} on oltava summa myymälän valuutassa, vähintään 1 ja enintään kahden desimaalin tarkkuudella, esimerkiksi 5000 tai 4999.50 (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] {key} must be a number of kroner from 1, with at most two decimals, like 5000 or 4999.50 (got {got})</source>
        <translation>{where}: asetuksen [kiosk] {key} on oltava kruunumäärä, vähintään 1 ja enintään kahden desimaalin tarkkuudella, esimerkiksi 5000 tai 4999.50 (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [simulator] host must be an address like &quot;127.0.0.1&quot; or &quot;0.0.0.0&quot;</source>
        <translation>{where}: asetuksen [simulator] host on oltava osoite, esimerkiksi &quot;127.0.0.1&quot; tai &quot;0.0.0.0&quot;</translation>
    </message>
    <message>
        <source>{where}: [simulator] port must be a whole number from 0 (any free port) to 65535</source>
        <translation>{where}: asetuksen [simulator] port on oltava kokonaisluku väliltä 0–65535 (0: mikä tahansa vapaa portti)</translation>
    </message>
    <message>
        <source>{where}: [shop] name must be text of at most 60 characters, like &quot;Corner Café&quot;</source>
        <translation>{where}: asetuksen [shop] name on oltava enintään 60 merkin teksti, esimerkiksi &quot;Kulmakahvila&quot;</translation>
    </message>
    <message>
        <source>{where}: [shop] {key} must be one of {allowed} (got {got})</source>
        <translation>{where}: asetuksen [shop] {key} on oltava jokin näistä: {allowed} (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [shop] sounds must be true or false (got {got})</source>
        <translation>{where}: asetuksen [shop] sounds on oltava true tai false (annettu: {got})</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Käyttöoikeustunnus</translation>
    </message>
    <message>
        <source>Sales unit</source>
        <translation>Myyntipiste</translation>
    </message>
    <message>
        <source>PSP access</source>
        <translation>PSP-käyttöoikeus</translation>
    </message>
    <message>
        <source>ePayment access</source>
        <translation>ePayment-käyttöoikeus</translation>
    </message>
    <message>
        <source>Shop database</source>
        <translation>Myymälän tietokanta</translation>
    </message>
    <message>
        <source>Shop schema</source>
        <translation>Tietokannan skeema</translation>
    </message>
    <message>
        <source>Till id</source>
        <translation>Kassan tunnus</translation>
    </message>
    <message>
        <source>{address} accepted the client id and secret</source>
        <translation>{address} hyväksyi asiakastunnuksen ja asiakassalaisuuden</translation>
    </message>
    <message>
        <source>Vipps does not know merchant serial number {msn} for these credentials, or it is not active: check the MSN in the Vipps portal</source>
        <translation>Vipps ei tunne myyntipisteen numeroa (MSN) {msn} näillä tunnistetiedoilla tai se ei ole aktiivinen: tarkista MSN Vipps-portaalista</translation>
    </message>
    <message>
        <source>Vipps refused the PSP-Id: check psp_id (Vipps gives it with the PSP credentials)</source>
        <translation>Vipps hylkäsi PSP-tunnuksen: tarkista psp_id (Vipps antaa sen PSP-tunnistetietojen mukana)</translation>
    </message>
    <message>
        <source>merchant serial number {msn} and the PSP-Id are accepted</source>
        <translation>myyntipisteen numero (MSN) {msn} ja PSP-tunnus hyväksyttiin</translation>
    </message>
    <message>
        <source>Vipps does not let merchant serial number {msn} take ePayment payments with these credentials: check merchant_serial_number, and that the sales unit has the ePayment API in the Vipps portal</source>
        <translation>Vipps ei salli myyntipisteen numerolle (MSN) {msn} ePayment-maksuja näillä tunnistetiedoilla: tarkista merchant_serial_number sekä se, että myyntipisteellä on ePayment-rajapinta käytössä Vipps-portaalissa</translation>
    </message>
    <message>
        <source>merchant serial number {msn} may use the ePayment API</source>
        <translation>myyntipisteen numero (MSN) {msn} saa käyttää ePayment-rajapintaa</translation>
    </message>
    <message>
        <source>Vipps refused the call (HTTP {status}): check the subscription key</source>
        <translation>Vipps hylkäsi kutsun (HTTP {status}): tarkista tilausavain (subscription key)</translation>
    </message>
    <message>
        <source>Vipps refused the credentials (HTTP {status}): check client_id, client_secret and the subscription key (Ocp-Apim-Subscription-Key) for this environment</source>
        <translation>Vipps hylkäsi tunnistetiedot (HTTP {status}): tarkista tämän ympäristön client_id, client_secret ja tilausavain (Ocp-Apim-Subscription-Key)</translation>
    </message>
    <message>
        <source>{address} did not answer within {seconds} s: check the network</source>
        <translation>{address} ei vastannut {seconds} sekunnin kuluessa: tarkista verkkoyhteys</translation>
    </message>
    <message>
        <source>{address}&apos;s certificate is not trusted: check base_url, or the PC&apos;s date and time</source>
        <translation>Osoitteen {address} varmenteeseen ei luoteta: tarkista base_url tai tietokoneen päivämäärä ja kellonaika</translation>
    </message>
    <message>
        <source>cannot reach {address}: check base_url and the shop&apos;s internet connection</source>
        <translation>osoitteeseen {address} ei saada yhteyttä: tarkista base_url ja myymälän internetyhteys</translation>
    </message>
    <message>
        <source>Vipps asks to slow down (HTTP 429): try again in a minute</source>
        <translation>Vipps pyytää hidastamaan (HTTP 429): yritä uudelleen minuutin kuluttua</translation>
    </message>
    <message>
        <source>Vipps had a problem of its own (HTTP {status}): try again later</source>
        <translation>Vippsin päässä oli ongelma (HTTP {status}): yritä myöhemmin uudelleen</translation>
    </message>
    <message>
        <source>Vipps gave an answer the kiosk does not understand: {error}</source>
        <translation>Vipps antoi vastauksen, jota kioski ei ymmärrä: {error}</translation>
    </message>
    <message>
        <source>{place}: {reason}: check [shop] database, the password and the network</source>
        <translation>{place}: {reason}: tarkista asetus [shop] database, salasana ja verkkoyhteys</translation>
    </message>
    <message>
        <source>{place} answered in {seconds} s</source>
        <translation>{place} vastasi {seconds} sekunnissa</translation>
    </message>
    <message>
        <source>{place}: {reason}</source>
        <translation>{place}: {reason}</translation>
    </message>
    <message>
        <source>empty: the first till to start sets it up (version {shipped})</source>
        <translation>tyhjä: ensimmäisenä käynnistyvä kassa luo sen (versio {shipped})</translation>
    </message>
    <message>
        <source>version {version}, newer than this kiosk knows ({shipped}): update this till&apos;s kiosk</source>
        <translation>versio {version}, uudempi kuin tämä kioski tuntee ({shipped}): päivitä tämän kassan kioski</translation>
    </message>
    <message>
        <source>version {version}: this till brings it to {shipped} when it starts (its role needs CREATE for that once)</source>
        <translation>versio {version}: tämä kassa päivittää sen versioon {shipped} käynnistyessään (sen rooli tarvitsee siihen kerran CREATE-oikeuden)</translation>
    </message>
    <message>
        <source>version {version}, as this kiosk&apos;s</source>
        <translation>versio {version}, sama kuin tällä kioskilla</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is free: this till takes it with its first copy</source>
        <translation>myymälän {shop} kassa {till} on vapaana: tämä kassa ottaa sen käyttöön ensimmäisellä kopioinnilla</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ei koskaan</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is already used by another PC&apos;s ledger (last copied {when}): give this till a [kiosk] till_id of its own</source>
        <translation>myymälän {shop} kassa {till} on jo toisen tietokoneen myyntilokin käytössä (viimeisin kopiointi: {when}): anna tälle kassalle oma [kiosk] till_id</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} belongs to database role {role}, not {user}: log in as {role} in [shop] database</source>
        <translation>myymälän {shop} kassa {till} kuuluu tietokantaroolille {role}, ei käyttäjälle {user}: kirjaudu roolina {role} asetuksessa [shop] database</translation>
    </message>
    <message>
        <source>till {till} of shop {shop} is this PC&apos;s</source>
        <translation>myymälän {shop} kassa {till} kuuluu tälle tietokoneelle</translation>
    </message>
    <message>
        <source>{path}: other users can read it, and it holds Vipps secrets ({secrets}); run chmod 600 on it, then change those secrets in the Vipps portal, as they may have been seen</source>
        <translation>{path}: muut käyttäjät voivat lukea tiedoston, ja siinä on Vippsin salaisia avaimia ({secrets}); aja sille chmod 600 ja vaihda sitten nämä avaimet Vipps-portaalissa, koska joku on voinut nähdä ne</translation>
    </message>
    <message>
        <source>the system keyring is locked, so the Vipps secrets cannot be read; unlock it (log in to the desktop, or open the keyring app) and start the kiosk again, or start it with --demo</source>
        <translation>järjestelmän avainnippu on lukittu, joten Vippsin salaisia avaimia ei voi lukea; avaa sen lukitus (kirjaudu työpöydälle tai avaa avainnippusovellus) ja käynnistä kioski uudelleen, tai käynnistä se valinnalla --demo</translation>
    </message>
    <message>
        <source>the system keyring refused the secrets ({error})</source>
        <translation>järjestelmän avainnippu ei ottanut salaisia avaimia vastaan ({error})</translation>
    </message>
    <message>
        <source>the system keyring cannot be read ({error}), so the Vipps secrets cannot be read; check that it is running and unlocked, then start the kiosk again, or start it with --demo</source>
        <translation>järjestelmän avainnippua ei voi lukea ({error}), joten Vippsin salaisia avaimia ei voi lukea; tarkista, että se on käynnissä ja sen lukitus on avattu, ja käynnistä kioski sitten uudelleen, tai käynnistä se valinnalla --demo</translation>
    </message>
    <message>
        <source>the system keyring cannot be read ({error}), so the shop database&apos;s password cannot be read; check that it is running and unlocked, then start the kiosk again</source>
        <translation>järjestelmän avainnippua ei voi lukea ({error}), joten myymälän tietokannan salasanaa ei voi lukea; tarkista, että se on käynnissä ja sen lukitus on avattu, ja käynnistä kioski sitten uudelleen</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem})</source>
        <translation>{path}: tiedostoa ei voi lukea ({problem})</translation>
    </message>
    <message>
        <source>{path}: other users can read it; run chmod 600 on it, then change the Vipps secrets in the portal, as they may have been seen</source>
        <translation>{path}: muut käyttäjät voivat lukea tiedoston; aja sille chmod 600 ja vaihda sitten Vippsin salaiset avaimet portaalissa, koska joku on voinut nähdä ne</translation>
    </message>
    <message>
        <source>{path}: is damaged; enter the Vipps secrets again in Settings</source>
        <translation>{path}: tiedosto on vioittunut; syötä Vippsin salaiset avaimet uudelleen kohdassa Asetukset</translation>
    </message>
    <message>
        <source>{path}: cannot be written ({problem}); check the disk and its permissions</source>
        <translation>{path}: tiedostoon ei voi kirjoittaa ({problem}); tarkista levy ja sen käyttöoikeudet</translation>
    </message>
    <message>
        <source>must be a PostgreSQL address like &quot;{example}&quot;</source>
        <translation>arvon on oltava PostgreSQL-osoite, esimerkiksi &quot;{example}&quot;</translation>
    </message>
    <message>
        <source>must not hold the password; remove it from the address: the kiosk takes it from the secret store (where it keeps the Vipps secrets) or from PostgreSQL&apos;s own ~/.pgpass</source>
        <translation>arvossa ei saa olla salasanaa; poista se osoitteesta: kioski hakee salasanan salaisuusvarastosta (jossa ovat myös Vippsin salaiset avaimet) tai PostgreSQL:n omasta ~/.pgpass-tiedostosta</translation>
    </message>
    <message>
        <source>must name the database after the host, like &quot;postgresql://kiosk@127.0.0.1/shop&quot;</source>
        <translation>arvossa on oltava tietokannan nimi palvelimen jälkeen, esimerkiksi &quot;postgresql://kiosk@127.0.0.1/shop&quot;</translation>
    </message>
    <message>
        <source>must use TLS with certificate verification for a server on another PC: add ?sslmode=verify-full to the address</source>
        <translation>toisella tietokoneella olevaan palvelimeen on käytettävä TLS-yhteyttä ja varmenteen tarkistusta: lisää osoitteeseen ?sslmode=verify-full</translation>
    </message>
    <message>
        <source>must be 1 to {longest} lower-case letters, digits or &apos;-&apos;, starting with a letter or digit, like &quot;{example}&quot; (got {got})</source>
        <translation>arvossa on oltava 1–{longest} pientä kirjainta, numeroa tai merkkiä ”-”, ja sen on alettava kirjaimella tai numerolla, esimerkiksi &quot;{example}&quot; (annettu: {got})</translation>
    </message>
    <message>
        <source>{where}: [kiosk] till_id {problem}</source>
        <translation>{where}: [kiosk] till_id: {problem}</translation>
    </message>
    <message>
        <source>{where}: [shop] shop_id {problem}</source>
        <translation>{where}: [shop] shop_id: {problem}</translation>
    </message>
    <message>
        <source>{where}: [shop] database {problem}</source>
        <translation>{where}: [shop] database: {problem}</translation>
    </message>
    <message>
        <source>{where}: [kiosk] till_id is missing; a shop database needs each till named, like till_id = &quot;kasse-1&quot;</source>
        <translation>{where}: asetus [kiosk] till_id puuttuu; myymälän tietokanta vaatii jokaiselle kassalle nimen, esimerkiksi till_id = &quot;kassa-1&quot;</translation>
    </message>
    <message>
        <source>Vipps MobilePay takes payments in Norway (&quot;NO&quot;), Denmark (&quot;DK&quot;) and Finland (&quot;FI&quot;), not &quot;{country}&quot;.</source>
        <translation>Vipps MobilePay ottaa vastaan maksuja Norjassa (”NO”), Tanskassa (”DK”) ja Suomessa (”FI”), ei maassa ”{country}”.</translation>
    </message>
    <message>
        <source>No answer from {brand} yet. Still trying.</source>
        <translation>{brand} ei ole vielä vastannut. Yritetään edelleen.</translation>
    </message>
    <message>
        <source>Time is up. Checking with {brand}…</source>
        <translation>Aika loppui. Tarkistetaan maksun tila palvelusta {brand}…</translation>
    </message>
    <message>
        <source>Still connecting to {brand}. One moment.</source>
        <translation>Yhteyttä palveluun {brand} muodostetaan vielä. Odota hetki.</translation>
    </message>
    <message>
        <source>{brand} did not start the payment. Try again.</source>
        <translation>{brand} ei aloittanut maksua. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>{brand} answered too late. Start the payment again.</source>
        <translation>{brand} vastasi liian myöhään. Aloita maksu uudelleen.</translation>
    </message>
    <message>
        <source>{brand} refused to start the payment: {reason}</source>
        <translation>{brand} ei aloittanut maksua: {reason}</translation>
    </message>
    <message>
        <source>{brand} refused that: {reason}</source>
        <translation>{brand} hylkäsi pyynnön: {reason}</translation>
    </message>
</context>
<context>
    <name>AmountScreen</name>
    <message>
        <source>Amount to charge, in kroner</source>
        <translation>Veloitettava summa kruunuina</translation>
    </message>
    <message>
        <source>Amount to charge, in euros</source>
        <translation>Veloitettava summa euroina</translation>
    </message>
    <message>
        <source>Payment text shown to the customer (optional)</source>
        <translation>Asiakkaalle näytettävä maksun kuvaus (valinnainen)</translation>
    </message>
    <message>
        <source>Amount problem</source>
        <translation>Virhe summassa</translation>
    </message>
    <message>
        <source>Charge with Vipps</source>
        <translation>Veloita Vippsillä</translation>
    </message>
    <message>
        <source>Charge with MobilePay</source>
        <translation>Veloita MobilePaylla</translation>
    </message>
    <message>
        <source>Amount ({unit})</source>
        <translation>Summa ({unit})</translation>
    </message>
    <message>
        <source>Text (optional)</source>
        <translation>Kuvaus (valinnainen)</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Poistu kioskitilasta</translation>
    </message>
    <message>
        <source>Leave kiosk mode: a window on the desktop again</source>
        <translation>Poistu kioskitilasta: takaisin ikkunaksi työpöydälle</translation>
    </message>
    <message>
        <source>Lock kiosk mode</source>
        <translation>Lukitse kioskitila</translation>
    </message>
    <message>
        <source>Lock kiosk mode: full screen, the PIN to leave</source>
        <translation>Lukitse kioskitila: koko näyttö, poistuminen PIN-koodilla</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), oldest first</source>
        <translation>
            <numerusform>%n myynti</numerusform>
            <numerusform>%n myyntiä, vanhimmat ensin</numerusform>
        </translation>
    </message>
    <message>
        <source>Captured {count} · {captured}    Refunded {refunded}    Net {net}</source>
        <translation>Veloitettu {count} · {captured}    Hyvitetty {refunded}    Netto {net}</translation>
    </message>
    <message>
        <source>Refused {refused} · Rejected {rejected} · Time ran out {expired} · Cancelled {cancelled} · Not started {not_started} · Needs checking {needs_check}</source>
        <translation>Kortti hylätty {refused} · Hylätty sovelluksessa {rejected} · Vanhentunut {expired} · Peruutettu {cancelled} · Ei aloitettu {not_started} · Tarkistettava {needs_check}</translation>
    </message>
    <message>
        <source>Day to show</source>
        <translation>Näytettävä päivä</translation>
    </message>
    <message>
        <source>Back to the till</source>
        <translation>Takaisin kassalle</translation>
    </message>
    <message>
        <source>Totals of the day</source>
        <translation>Päivän yhteissummat</translation>
    </message>
    <message>
        <source>Sales of the day</source>
        <translation>Päivän myynnit</translation>
    </message>
    <message>
        <source>Amount to refund ({unit}); empty refunds what remains</source>
        <translation>Hyvitettävä summa ({unit}); tyhjänä hyvitetään koko jäljellä oleva summa</translation>
    </message>
    <message>
        <source>all that remains</source>
        <translation>koko jäljellä oleva summa</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Hyvitä</translation>
    </message>
    <message>
        <source>Refund the selected sale</source>
        <translation>Hyvitä valittu myynti</translation>
    </message>
    <message>
        <source>Re-check with Vipps</source>
        <translation>Tarkista uudelleen Vippsiltä</translation>
    </message>
    <message>
        <source>Re-check the selected sale with Vipps</source>
        <translation>Tarkista valittu myynti uudelleen Vippsiltä</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Vie CSV</translation>
    </message>
    <message>
        <source>Export the day as CSV</source>
        <translation>Vie päivä CSV-tiedostona</translation>
    </message>
    <message>
        <source>End-of-day PDF</source>
        <translation>Päiväraportti (PDF)</translation>
    </message>
    <message>
        <source>Export the end-of-day report as PDF</source>
        <translation>Vie päiväraportti PDF-tiedostona</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>Settings: Vipps, timings, language, look</source>
        <translation>Asetukset: Vipps, ajat, kieli, ulkoasu</translation>
    </message>
    <message>
        <source>Back office message</source>
        <translation>Hallinnan viesti</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Hallinta</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Kassa {till}</translation>
    </message>
    <message>
        <source>This till: {till}</source>
        <translation>Tämä kassa: {till}</translation>
    </message>
    <message>
        <source>Refund ({unit})</source>
        <translation>Hyvitys ({unit})</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Vipps – customer</source>
        <translation>Vipps – asiakas</translation>
    </message>
    <message>
        <source>MobilePay – customer</source>
        <translation>MobilePay – asiakas</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayChoice</name>
    <message>
        <source>The customer&apos;s screen</source>
        <translation>Asiakasnäyttö</translation>
    </message>
    <message>
        <source>Automatic: a second screen if there is one</source>
        <translation>Automaattinen: toinen näyttö, jos sellainen on</translation>
    </message>
    <message>
        <source>None: one screen for staff and customer</source>
        <translation>Ei erillistä: sama näyttö henkilökunnalle ja asiakkaalle</translation>
    </message>
    <message>
        <source>{name} (not connected now)</source>
        <translation>{name} (ei nyt kytkettynä)</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>Your mobile number, 8 digits</source>
        <translation>Puhelinnumerosi, 8 numeroa</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 numeroa</translation>
    </message>
    <message>
        <source>Send to my phone</source>
        <translation>Lähetä puhelimeeni</translation>
    </message>
    <message>
        <source>Send the payment to my phone</source>
        <translation>Lähetä maksu puhelimeeni</translation>
    </message>
    <message>
        <source>Time left to pay</source>
        <translation>Maksuaikaa jäljellä</translation>
    </message>
    <message>
        <source>Cancel payment (Esc)</source>
        <translation>Peruuta maksu (Esc)</translation>
    </message>
    <message>
        <source>Cancel this payment</source>
        <translation>Peruuta tämä maksu</translation>
    </message>
    <message>
        <source>Norway, +47</source>
        <translation>Norja, +47</translation>
    </message>
    <message>
        <source>Denmark, +45</source>
        <translation>Tanska, +45</translation>
    </message>
    <message>
        <source>Finland, +358</source>
        <translation>Suomi, +358</translation>
    </message>
    <message>
        <source>10 or 11 digits, 0 first</source>
        <translation>10 tai 11 numeroa, alussa 0</translation>
    </message>
    <message>
        <source>Your mobile number, 10 or 11 digits with the 0 first</source>
        <translation>Puhelinnumerosi, 10 tai 11 numeroa, alussa 0</translation>
    </message>
    <message>
        <source>Or type your mobile number</source>
        <translation>Tai kirjoita puhelinnumerosi</translation>
    </message>
    <message>
        <source>Getting the payment ready…</source>
        <translation>Valmistellaan maksua…</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera</source>
        <translation>Skannaa puhelimesi kameralla</translation>
    </message>
    <message>
        <source>Sent to {phone}. Open Vipps on your phone and approve.</source>
        <translation>Lähetetty numeroon {phone}. Avaa Vipps puhelimessasi ja hyväksy maksu.</translation>
    </message>
    <message>
        <source>Sent to {phone}. Open MobilePay on your phone and approve.</source>
        <translation>Lähetetty numeroon {phone}. Avaa MobilePay puhelimessasi ja hyväksy maksu.</translation>
    </message>
    <message>
        <source>Sent to your Vipps app. Open Vipps on your phone and approve.</source>
        <translation>Lähetetty Vipps-sovellukseesi. Avaa Vipps puhelimessasi ja hyväksy maksu.</translation>
    </message>
    <message>
        <source>Sent to your MobilePay app. Open MobilePay on your phone and approve.</source>
        <translation>Lähetetty MobilePay-sovellukseesi. Avaa MobilePay puhelimessasi ja hyväksy maksu.</translation>
    </message>
    <message>
        <source>Scan the code or type your number</source>
        <translation>Skannaa koodi tai kirjoita numerosi</translation>
    </message>
    <message>
        <source>Approve in the Vipps app</source>
        <translation>Hyväksy Vipps-sovelluksessa</translation>
    </message>
    <message>
        <source>Approve in the MobilePay app</source>
        <translation>Hyväksy MobilePay-sovelluksessa</translation>
    </message>
    <message>
        <source>Sending to your phone…</source>
        <translation>Lähetetään puhelimeesi…</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <source>Vipps kiosk</source>
        <translation>Vipps-kioski</translation>
    </message>
    <message>
        <source>MobilePay kiosk</source>
        <translation>MobilePay-kioski</translation>
    </message>
    <message>
        <source>{shop}: end of day {day}</source>
        <translation>{shop}: päiväraportti {day}</translation>
    </message>
    <message>
        <source>{shop}: end of day</source>
        <translation>{shop}: päiväraportti</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Veloitettu</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Hyvitetty</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Refused by the card</source>
        <translation>Kortti hylätty</translation>
    </message>
    <message>
        <source>Rejected in Vipps</source>
        <translation>Hylätty Vippsissä</translation>
    </message>
    <message>
        <source>Rejected in MobilePay</source>
        <translation>Hylätty MobilePayssa</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>Vanhentunut</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Peruutettu</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ei aloitettu</translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation>Tarkistettava</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Vielä kesken</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Ei maksettu</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Tunneittain</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>tunti</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>myynnit</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>veloitettu</translation>
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <source>Sales per hour</source>
        <translation>Myynnit tunneittain</translation>
    </message>
    <message>
        <source>{hour}: {count} ({amount})</source>
        <translation>Klo {hour}: {count} ({amount})</translation>
    </message>
    <message>
        <source>No sales this day</source>
        <translation>Ei myyntejä tänä päivänä</translation>
    </message>
</context>
<context>
    <name>IdleView</name>
    <message>
        <source>Welcome</source>
        <translation>Tervetuloa</translation>
    </message>
    <message>
        <source>Pay with Vipps</source>
        <translation>Maksa Vippsillä</translation>
    </message>
    <message>
        <source>Pay with MobilePay</source>
        <translation>Maksa MobilePaylla</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Clear the number</source>
        <translation>Tyhjennä numero</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Poista viimeinen numero</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vipps kiosk – DEMO</source>
        <translation>Vipps-kioski – DEMO</translation>
    </message>
    <message>
        <source>Vipps kiosk</source>
        <translation>Vipps-kioski</translation>
    </message>
    <message>
        <source>MobilePay kiosk</source>
        <translation>MobilePay-kioski</translation>
    </message>
    <message>
        <source>MobilePay kiosk – DEMO</source>
        <translation>MobilePay-kioski – DEMO</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Kassa {till}</translation>
    </message>
    <message>
        <source>This till: {till}</source>
        <translation>Tämä kassa: {till}</translation>
    </message>
    <message>
        <source>DEMO – simulated Vipps, no real money</source>
        <translation>DEMO – simuloitu Vipps, ei oikeaa rahaa</translation>
    </message>
    <message>
        <source>DEMO – simulated MobilePay, no real money</source>
        <translation>DEMO – simuloitu MobilePay, ei oikeaa rahaa</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Esihenkilö</translation>
    </message>
    <message>
        <source>Open the back office (manager PIN)</source>
        <translation>Avaa hallinta (esihenkilön PIN-koodi)</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Maksun tila</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Suljetaan…</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Rejected in Vipps</source>
        <translation>Hylätty Vippsissä</translation>
    </message>
    <message>
        <source>Card refused</source>
        <translation>Kortti hylättiin</translation>
    </message>
    <message>
        <source>Time ran out</source>
        <translation>Aika loppui</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>Maksu peruutettu</translation>
    </message>
    <message>
        <source>The payment was not started</source>
        <translation>Maksua ei aloitettu</translation>
    </message>
    <message>
        <source>No answer from Vipps yet</source>
        <translation>Vipps ei ole vielä vastannut</translation>
    </message>
    <message>
        <source>Rejected in MobilePay</source>
        <translation>Hylätty MobilePayssa</translation>
    </message>
    <message>
        <source>No answer from MobilePay yet</source>
        <translation>MobilePay ei ole vielä vastannut</translation>
    </message>
    <message>
        <source>Outcome symbol</source>
        <translation>Tuloksen kuvake</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Uusi myynti</translation>
    </message>
    <message>
        <source>Start a new sale</source>
        <translation>Aloita uusi myynti</translation>
    </message>
    <message>
        <source>Paid: {amount}</source>
        <translation>Maksettu: {amount}</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>leave kiosk mode</source>
        <translation>poistu kioskitilasta</translation>
    </message>
    <message>
        <source>choose one</source>
        <translation>valitse koodi</translation>
    </message>
    <message>
        <source>open the back office</source>
        <translation>avaa hallinta</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Esihenkilön PIN-koodi</translation>
    </message>
    <message>
        <source>The new PIN once more</source>
        <translation>Toista uusi PIN-koodi</translation>
    </message>
    <message>
        <source>Unlock with the manager PIN</source>
        <translation>Avaa lukitus esihenkilön PIN-koodilla</translation>
    </message>
    <message>
        <source>Back to the till</source>
        <translation>Takaisin kassalle</translation>
    </message>
    <message>
        <source>Choose a manager PIN (4 to 8 digits)</source>
        <translation>Valitse esihenkilön PIN-koodi (4–8 numeroa)</translation>
    </message>
    <message>
        <source>Save the PIN</source>
        <translation>Tallenna PIN-koodi</translation>
    </message>
    <message>
        <source>Manager PIN: {why}</source>
        <translation>Esihenkilön PIN-koodi: {why}</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Avaa lukitus</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>PIN-koodit eivät täsmää. Kirjoita sama PIN-koodi kahdesti.</translation>
    </message>
    <message>
        <source>The PIN could not be saved: {problem}</source>
        <translation>PIN-koodia ei voitu tallentaa: {problem}</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in {seconds} s.</source>
        <translation>Väärä PIN-koodi. Yritä uudelleen {seconds} sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Väärä PIN-koodi.</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>QR code to pay with Vipps</source>
        <translation>QR-koodi, jolla maksat Vippsillä</translation>
    </message>
    <message>
        <source>Scan it with your phone&apos;s camera to open Vipps</source>
        <translation>Skannaa koodi puhelimesi kameralla, niin Vipps avautuu</translation>
    </message>
    <message>
        <source>QR code to pay with MobilePay</source>
        <translation>QR-koodi, jolla maksat MobilePaylla</translation>
    </message>
    <message>
        <source>Scan it with your phone&apos;s camera to open MobilePay</source>
        <translation>Skannaa koodi puhelimesi kameralla, niin MobilePay avautuu</translation>
    </message>
</context>
<context>
    <name>SaleStatus</name>
    <message>
        <source>REFUNDED</source>
        <translation>HYVITETTY</translation>
    </message>
    <message>
        <source>PART REFUNDED</source>
        <translation>OSITTAIN HYVITETTY</translation>
    </message>
    <message>
        <source>CAPTURED</source>
        <translation>VELOITETTU</translation>
    </message>
    <message>
        <source>PAID, CAPTURE PENDING</source>
        <translation>MAKSETTU, VELOITUS KESKEN</translation>
    </message>
    <message>
        <source>NOT PAID</source>
        <translation>EI MAKSETTU</translation>
    </message>
    <message>
        <source>NEEDS CHECK</source>
        <translation>TARKISTETTAVA</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>KESKEN</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>MAKSETTU</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>HYLÄTTY SOVELLUKSESSA</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>KORTTI HYLÄTTY</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>VANHENTUNUT</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>PERUUTETTU</translation>
    </message>
    <message>
        <source>NOT_STARTED</source>
        <translation>EI ALOITETTU</translation>
    </message>
</context>
<context>
    <name>SalesTableModel</name>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Tilaustunnus</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Summa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Yritykset</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Hyvitetty</translation>
    </message>
    <message>
        <source>Vipps API</source>
        <translation>Vipps-rajapinta</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kassa</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>First check after (s)</source>
        <translation>Ensimmäisen tarkistuksen viive (s)</translation>
    </message>
    <message>
        <source>Check every (s)</source>
        <translation>Tarkistusväli (s)</translation>
    </message>
    <message>
        <source>Landing page window (s)</source>
        <translation>Aika laskeutumissivulla (s)</translation>
    </message>
    <message>
        <source>Whole approval window (s)</source>
        <translation>Koko hyväksymisaika (s)</translation>
    </message>
    <message>
        <source>Back to a fresh sale when idle (s)</source>
        <translation>Paluu uuteen myyntiin, kun kassa on käyttämättä (s)</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Ajat</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Myymälän nimi</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Järjestelmän mukaan</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Ulkoasu</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Vakio</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Suuri kontrasti</translation>
    </message>
    <message>
        <source>Sounds for approved and failed payments</source>
        <translation>Äänimerkit hyväksytyille ja epäonnistuneille maksuille</translation>
    </message>
    <message>
        <source>Start locked in kiosk mode (full screen; the PIN leaves it)</source>
        <translation>Käynnistä lukittuna kioskitilaan (koko näyttö; poistuminen PIN-koodilla)</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Myymälä</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testaa yhteys</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <source>Restart the kiosk now</source>
        <translation>Käynnistä kioski uudelleen nyt</translation>
    </message>
    <message>
        <source>The customer&apos;s screen</source>
        <translation>Asiakasnäyttö</translation>
    </message>
    <message>
        <source>Asking Vipps…</source>
        <translation>Kysytään Vippsiltä…</translation>
    </message>
    <message>
        <source>Asking the shop database…</source>
        <translation>Kysytään myymälän tietokannalta…</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>Yhteys toimii.</translation>
    </message>
    <message>
        <source>Not working yet.</source>
        <translation>Ei vielä toimi.</translation>
    </message>
    <message>
        <source>Saved. Restart the kiosk to use the new settings.</source>
        <translation>Tallennettu. Käynnistä kioski uudelleen, niin uudet asetukset tulevat käyttöön.</translation>
    </message>
</context>
<context>
    <name>ShopDatabaseBox</name>
    <message>
        <source>Several tills: the shop database</source>
        <translation>Useita kassoja: myymälän tietokanta</translation>
    </message>
    <message>
        <source>This till&apos;s id in the shop, like kasse-1</source>
        <translation>Tämän kassan tunnus myymälässä, esimerkiksi kassa-1</translation>
    </message>
    <message>
        <source>Shop database address, like postgresql://kiosk@backoffice/shop</source>
        <translation>Myymälän tietokannan osoite, esimerkiksi postgresql://kiosk@backoffice/shop</translation>
    </message>
    <message>
        <source>empty: this till on its own</source>
        <translation>tyhjä: vain tämä kassa</translation>
    </message>
    <message>
        <source>Shop id in a chain&apos;s shared database</source>
        <translation>Myymälän tunnus ketjun yhteisessä tietokannassa</translation>
    </message>
    <message>
        <source>Shop database password</source>
        <translation>Myymälän tietokannan salasana</translation>
    </message>
    <message>
        <source>Till id</source>
        <translation>Kassan tunnus</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>Tietokannan osoite</translation>
    </message>
    <message>
        <source>Shop id</source>
        <translation>Myymälän tunnus</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Tietokannan salasana</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation>tallennettu; korvaa kirjoittamalla uusi</translation>
    </message>
</context>
<context>
    <name>ShopScope</name>
    <message>
        <source>The shop database cannot be reached, so the whole shop cannot be shown now. “This till” shows this till&apos;s own sales.</source>
        <translation>Myymälän tietokantaan ei saada yhteyttä, joten koko myymälää ei voi nyt näyttää. ”Tämä kassa” näyttää tämän kassan omat myynnit.</translation>
    </message>
    <message>
        <source>Till {till}: not copied yet</source>
        <translation>Kassa {till}: ei vielä kopioitu</translation>
    </message>
    <message>
        <source>Till {till}: last copied {time}</source>
        <translation>Kassa {till}: kopioitu viimeksi {time}</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Tämä kassa</translation>
    </message>
    <message>
        <source>Show this till&apos;s own day ({till})</source>
        <translation>Näytä tämän kassan oma päivä ({till})</translation>
    </message>
    <message>
        <source>The whole shop</source>
        <translation>Koko myymälä</translation>
    </message>
    <message>
        <source>Show the whole shop&apos;s day, every till</source>
        <translation>Näytä koko myymälän päivä, kaikki kassat</translation>
    </message>
    <message>
        <source>How fresh the whole shop&apos;s figures are</source>
        <translation>Kuinka tuoreet koko myymälän luvut ovat</translation>
    </message>
</context>
<context>
    <name>StaffSaleScreen</name>
    <message>
        <source>The customer pays on their own screen</source>
        <translation>Asiakas maksaa omalla näytöllään</translation>
    </message>
    <message>
        <source>Cancel payment (Esc)</source>
        <translation>Peruuta maksu (Esc)</translation>
    </message>
    <message>
        <source>Cancel this payment</source>
        <translation>Peruuta tämä maksu</translation>
    </message>
    <message>
        <source>Getting the payment ready…</source>
        <translation>Valmistellaan maksua…</translation>
    </message>
    <message>
        <source>The customer sees the QR code and the keypad</source>
        <translation>Asiakas näkee QR-koodin ja numeronäppäimistön</translation>
    </message>
    <message>
        <source>Sent to {phone}</source>
        <translation>Lähetetty numeroon {phone}</translation>
    </message>
    <message>
        <source>Sent to the Vipps app of the customer whose code was scanned</source>
        <translation>Lähetetty sen asiakkaan Vipps-sovellukseen, jonka koodi skannattiin</translation>
    </message>
    <message>
        <source>Sent to the MobilePay app of the customer whose code was scanned</source>
        <translation>Lähetetty sen asiakkaan MobilePay-sovellukseen, jonka koodi skannattiin</translation>
    </message>
    <message>
        <source>The customer typed their number: sending it to their phone…</source>
        <translation>Asiakas syötti numeronsa: lähetetään maksupyyntöä hänen puhelimeensa…</translation>
    </message>
    <message>
        <source>Waiting for the customer: {time} left</source>
        <translation>Odotetaan asiakasta: {time} jäljellä</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The kiosk cannot start</source>
        <translation>Kioski ei voi käynnistyä</translation>
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
        <translation>Asiakastunnus (Client ID)</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Asiakassalaisuus (Client secret)</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Tilausavain (Subscription key)</translation>
    </message>
    <message>
        <source>Merchant serial number (MSN)</source>
        <translation>Myyntipisteen numero (MSN)</translation>
    </message>
    <message>
        <source>PSP-Id</source>
        <translation>PSP-tunnus (PSP-Id)</translation>
    </message>
    <message>
        <source>makePayment URL</source>
        <translation>makePayment-URL</translation>
    </message>
    <message>
        <source>makePayment token</source>
        <translation>makePayment-tunnus</translation>
    </message>
    <message>
        <source>Vipps environment</source>
        <translation>Vipps-ympäristö</translation>
    </message>
    <message>
        <source>Simulator (demo, no real money)</source>
        <translation>Simulaattori (demo, ei oikeaa rahaa)</translation>
    </message>
    <message>
        <source>Vipps test (apitest.vipps.no)</source>
        <translation>Vipps-testiympäristö (apitest.vipps.no)</translation>
    </message>
    <message>
        <source>Vipps production (api.vipps.no)</source>
        <translation>Vipps-tuotantoympäristö (api.vipps.no)</translation>
    </message>
    <message>
        <source>Other address</source>
        <translation>Muu osoite</translation>
    </message>
    <message>
        <source>Address of the Vipps API</source>
        <translation>Vipps-rajapinnan osoite</translation>
    </message>
    <message>
        <source>Vipps API for payments</source>
        <translation>Maksujen Vipps-rajapinta</translation>
    </message>
    <message>
        <source>ePayment v1 (for new shops)</source>
        <translation>ePayment v1 (uusille myymälöille)</translation>
    </message>
    <message>
        <source>PSP v3 (existing PSP integrations)</source>
        <translation>PSP v3 (olemassa olevat PSP-integraatiot)</translation>
    </message>
    <message>
        <source>Skip the landing page when a number is typed</source>
        <translation>Ohita laskeutumissivu, kun numero on syötetty</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Ympäristö</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <source>Vipps API</source>
        <translation>Vipps-rajapinta</translation>
    </message>
    <message>
        <source>stored; type to replace</source>
        <translation>tallennettu; korvaa kirjoittamalla uusi</translation>
    </message>
    <message>
        <source>The stored secrets are for {address}; type the secrets for the new address.</source>
        <translation>Tallennetut salaiset avaimet koskevat osoitetta {address}; kirjoita uuden osoitteen salaiset avaimet.</translation>
    </message>
</context>
</TS>
