<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BackgroundJob</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>BatchInsert</name>
    <message>
        <source>Writing %1</source>
        <translation>Schreiben in %1</translation>
    </message>
    <message>
        <source>Preparing to write %1</source>
        <translation>Schreiben in %1 wird vorbereitet</translation>
    </message>
</context>
<context>
    <name>Budget</name>
    <message>
        <source>Reading the campaign&apos;s budget</source>
        <translation>Budget der Kampagne wird gelesen</translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s channels</source>
        <translation>Kanäle der Kampagne werden gelesen</translation>
    </message>
    <message>
        <source>Channels would take %1 of the campaign&apos;s %2 budget (%3 over): lower an amount or percentage, or raise the budget</source>
        <translation>Die Kanäle würden %1 des Kampagnenbudgets von %2 beanspruchen (%3 zu viel): Senken Sie einen Betrag oder Prozentsatz, oder erhöhen Sie das Budget</translation>
    </message>
</context>
<context>
    <name>BulkLoad</name>
    <message>
        <source>Writing %1: %2</source>
        <translation>%1 wird geschrieben: %2</translation>
    </message>
    <message>
        <source>the connection is closed</source>
        <translation>die Verbindung ist geschlossen</translation>
    </message>
</context>
<context>
    <name>BurnUpChart</name>
    <message>
        <source>No burn-up: the campaign needs a start and an end date</source>
        <translation>Kein Burn-up: die Kampagne braucht ein Start- und ein Enddatum</translation>
    </message>
    <message>
        <source>No burn-up: no work counted in Plane</source>
        <translation>Kein Burn-up: keine Arbeit in Plane gezählt</translation>
    </message>
    <message>
        <source>Work done against time gone and budget spent</source>
        <translation>Erledigte Arbeit gegenüber verstrichener Zeit und ausgegebenem Budget</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>Erledigte Arbeit</translation>
    </message>
    <message>
        <source>Time gone</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation>Budget ausgegeben</translation>
    </message>
</context>
<context>
    <name>BusinessHours</name>
    <message>
        <source>business hours are written as days, hours and an optional time zone, for example “Mon-Fri 09:00-17:00 Europe/Berlin”; not “%1”</source>
        <translation>Geschäftszeiten werden als Tage, Uhrzeiten und optional eine Zeitzone geschrieben, zum Beispiel „Mon-Fri 09:00-17:00 Europe/Berlin“; nicht „%1“</translation>
    </message>
    <message>
        <source>“%1” are not days of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun; a range Mon-Fri or a list Mon,Wed)</source>
        <translation>„%1“ sind keine Wochentage (Mon, Tue, Wed, Thu, Fri, Sat, Sun; ein Bereich Mon-Fri oder eine Liste Mon,Wed)</translation>
    </message>
    <message>
        <source>“%1” is not a working day&apos;s hours: a start and a later end, for example 09:00-17:00</source>
        <translation>„%1“ ist keine Arbeitszeit eines Tages: ein Beginn und ein späteres Ende, zum Beispiel 09:00-17:00</translation>
    </message>
    <message>
        <source>“%1” is not a time zone this computer knows (for example Europe/Berlin or UTC)</source>
        <translation>„%1“ ist keine Zeitzone, die dieser Computer kennt (zum Beispiel Europe/Berlin oder UTC)</translation>
    </message>
    <message>
        <source>calendar hours</source>
        <translation>Kalenderstunden</translation>
    </message>
    <message>
        <source>%1, %2–%3 (%4)</source>
        <translation>%1, %2–%3 (%4)</translation>
    </message>
</context>
<context>
    <name>CellText</name>
    <message>
        <source>%1 (not in Plane)</source>
        <translation>%1 (nicht in Plane)</translation>
    </message>
</context>
<context>
    <name>ChartCommands</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation>Datenbank: postgresql://…, sqlite:PFAD oder DATEI.db.</translation>
    </message>
    <message>
        <source>DSN</source>
        <translation>DSN</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>The campaign&apos;s id.</source>
        <translation>Die ID der Kampagne.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Width x height in pixels (default 900x600).</source>
        <translation>Breite x Höhe in Pixeln (Standard 900x600).</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>Only this client&apos;s campaigns.</source>
        <translation>Nur die Kampagnen dieses Kunden.</translation>
    </message>
    <message>
        <source>Only campaigns in this status.</source>
        <translation>Nur Kampagnen mit diesem Status.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1).</source>
        <translation>Meldungen auf stderr ab dieser Stufe (%1).</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <source>chart %1 needs --campaign ID and --output FILE.png|FILE.svg</source>
        <translation>chart %1 braucht --campaign ID und --output DATEI.png|DATEI.svg</translation>
    </message>
    <message>
        <source>--output must end in .png or .svg</source>
        <translation>--output muss auf .png oder .svg enden</translation>
    </message>
    <message>
        <source>--size must be WIDTHxHEIGHT in pixels, each from 100 to 8000 (for example 1200x800), not &apos;%1&apos;</source>
        <translation>--size muss BREITExHÖHE in Pixeln sein, jeweils von 100 bis 8000 (zum Beispiel 1200x800), nicht „%1“</translation>
    </message>
    <message>
        <source>%1; no file written</source>
        <translation>%1; keine Datei geschrieben</translation>
    </message>
    <message>
        <source>--status must be one of %1</source>
        <translation>--status muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>no campaigns for client %1 (check the id); no file written</source>
        <translation>keine Kampagnen für Kunde %1 (prüfen Sie die ID); keine Datei geschrieben</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>Kunde %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Renders a campaign&apos;s budget split or KPI chart as PNG or SVG.</source>
        <translation>Zeichnet die Budgetaufteilung oder das KPI-Diagramm einer Kampagne als PNG oder SVG.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>budget-split or kpi.</source>
        <translation>budget-split oder kpi.</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (siehe --help)</translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation>--log-level muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>chart needs budget-split or kpi (for example: agency-os chart kpi --campaign ID -o kpi.png)</source>
        <translation>chart braucht budget-split oder kpi (zum Beispiel: agency-os chart kpi --campaign ID -o kpi.png)</translation>
    </message>
    <message>
        <source>YYYY-MM</source>
        <translation>JJJJ-MM</translation>
    </message>
    <message>
        <source>--status goes with report finance, not report %1</source>
        <translation>--status gehört zu report finance, nicht zu report %1</translation>
    </message>
    <message>
        <source>progress, sla, retainer, contracts, pacing: the month, as YYYY-MM (default: this month).</source>
        <translation>progress, sla, retainer, contracts, pacing: der Monat als JJJJ-MM (Standard: dieser Monat).</translation>
    </message>
    <message>
        <source>Writes the finance review: a PDF document (headline figures, charts, the campaigns needing attention, client totals) or its figures as CSV. progress, sla, retainer, contracts and pacing write the account desk&apos;s reports for a month (--month) as CSV or PDF (--format) to a file or - (--output).</source>
        <translation>Schreibt den Finanzbericht: ein PDF-Dokument (Kennzahlen, Diagramme, die Kampagnen, die Aufmerksamkeit brauchen, Kundensummen) oder seine Zahlen als CSV. progress, sla, retainer, contracts und pacing schreiben die Berichte der Kundenbetreuung für einen Monat (--month) als CSV oder PDF (--format) in eine Datei oder - (--output).</translation>
    </message>
    <message>
        <source>finance, progress, sla, retainer, contracts or pacing.</source>
        <translation>finance, progress, sla, retainer, contracts oder pacing.</translation>
    </message>
    <message>
        <source>--month goes with report progress, sla, retainer, contracts or pacing, not report finance</source>
        <translation>--month gehört zu report progress, sla, retainer, contracts oder pacing, nicht zu report finance</translation>
    </message>
    <message>
        <source>report needs finance, progress, sla, retainer, contracts or pacing (for example: agency-os report finance -o review.pdf)</source>
        <translation>report braucht finance, progress, sla, retainer, contracts oder pacing (zum Beispiel: agency-os report finance -o bericht.pdf)</translation>
    </message>
    <message>
        <source>sla: count response times in these working hours only, e.g. &quot;Mon-Fri 09:00-17:00 Europe/Berlin&quot; (default: calendar hours).</source>
        <translation>sla: Reaktionszeiten nur in diesen Arbeitszeiten zählen, z. B. &quot;Mon-Fri 09:00-17:00 Europe/Berlin&quot; (Standard: Kalenderstunden).</translation>
    </message>
    <message>
        <source>HOURS</source>
        <translation>ZEITEN</translation>
    </message>
    <message>
        <source>--business-hours goes with report sla, not report %1</source>
        <translation>--business-hours gehört zu report sla, nicht zu report %1</translation>
    </message>
    <message>
        <source>--business-hours goes with report sla</source>
        <translation>--business-hours gehört zu report sla</translation>
    </message>
    <message>
        <source>pdf (the review as a document), csv or xlsx (its figures: the total, each client, each campaign; report progress, sla, retainer, contracts, pacing: csv, xlsx or pdf); default: by the output&apos;s suffix.</source>
        <translation>pdf (die Prüfung als Dokument), csv oder xlsx (ihre Zahlen: die Summe, jeder Kunde, jede Kampagne; report progress, sla, retainer, contracts, pacing: csv, xlsx oder pdf); Standard: nach der Endung der Ausgabe.</translation>
    </message>
    <message>
        <source>report finance needs --output FILE.pdf, FILE.csv or FILE.xlsx</source>
        <translation>report finance braucht --output DATEI.pdf, DATEI.csv oder DATEI.xlsx</translation>
    </message>
    <message>
        <source>--format must be pdf, csv or xlsx, not &apos;%1&apos;</source>
        <translation>--format muss pdf, csv oder xlsx sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--output must end in .pdf, .csv or .xlsx, or --format pdf|csv|xlsx must say which: %1</source>
        <translation>--output muss auf .pdf, .csv oder .xlsx enden, oder --format pdf|csv|xlsx muss es sagen: %1</translation>
    </message>
</context>
<context>
    <name>ClientOverview</name>
    <message>
        <source>Reading the client</source>
        <translation>Lesen des Kunden</translation>
    </message>
    <message>
        <source>no client has the id %1</source>
        <translation>kein Kunde hat die ID %1</translation>
    </message>
    <message>
        <source>This client is linked to no Plane workspace.</source>
        <translation>Dieser Kunde ist mit keinem Plane-Arbeitsbereich verknüpft.</translation>
    </message>
    <message>
        <source>Contract: %1</source>
        <translation>Vertrag: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) later than the tier allows this month</source>
        <translation>
            <numerusform>%n Antwort später, als die Stufe in diesem Monat erlaubt</numerusform>
            <numerusform>%n Antworten später, als die Stufe in diesem Monat erlaubt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open request(s) about to breach the response time</source>
        <translation>
            <numerusform>%n offene Anfrage kurz vor Überschreiten der Reaktionszeit</numerusform>
            <numerusform>%n offene Anfragen kurz vor Überschreiten der Reaktionszeit</numerusform>
        </translation>
    </message>
    <message>
        <source>Hours beyond the retainer this month: %1</source>
        <translation>Stunden über den Retainer hinaus in diesem Monat: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the spend runs ahead of the work</source>
        <translation>%1: die Ausgaben laufen der Arbeit voraus</translation>
    </message>
    <message>
        <source>Client overview: %1</source>
        <translation>Kundenübersicht: %1</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Posten</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Response time (h)</source>
        <translation>Reaktionszeit (h)</translation>
    </message>
    <message>
        <source>Hours included / month</source>
        <translation>Inklusivstunden / Monat</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Stundensatz</translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation>Monatliche Pauschale</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Plane workspace</source>
        <translation>Plane-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Firmenname</translation>
    </message>
    <message>
        <source>SLA tier</source>
        <translation>SLA-Stufe</translation>
    </message>
    <message>
        <source>Billing contact</source>
        <translation>Rechnungskontakt</translation>
    </message>
    <message>
        <source>Billing e-mail</source>
        <translation>Rechnungs-E-Mail</translation>
    </message>
    <message>
        <source>Billing phone</source>
        <translation>Rechnungstelefon</translation>
    </message>
    <message>
        <source>Billing address</source>
        <translation>Rechnungsadresse</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>Vertragsbeginn</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Kundentyp</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Interne Notizen</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Plane project</source>
        <translation>Plane-Projekt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Budget allocated</source>
        <translation>Budget zugewiesen</translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation>Budget ausgegeben</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Target KPIs</source>
        <translation>Ziel-KPIs</translation>
    </message>
    <message>
        <source>Actual KPIs</source>
        <translation>Ist-KPIs</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Budget %</source>
        <translation>Budget %</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>Fester Betrag</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>External account</source>
        <translation>Externes Konto</translation>
    </message>
    <message>
        <source>External campaign</source>
        <translation>Externe Kampagne</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Worked on</source>
        <translation>Gearbeitet am</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Plane issue</source>
        <translation>Plane-Aufgabe</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>Importiert aus</translation>
    </message>
    <message>
        <source>Tracker&apos;s entry</source>
        <translation>Eintrag im Tracker</translation>
    </message>
</context>
<context>
    <name>ColumnValues</name>
    <message>
        <source>%1 is required</source>
        <translation>%1 ist erforderlich</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid UUID (like 3f2b…-…, 36 lowercase characters)</source>
        <translation>%1: „%2“ ist keine gültige UUID (wie 3f2b…-…, 36 Kleinbuchstaben und Ziffern)</translation>
    </message>
    <message>
        <source>%1: at most %2 characters (this has %3)</source>
        <translation>%1: höchstens %2 Zeichen (hier sind es %3)</translation>
    </message>
    <message>
        <source>%1: enter a whole number</source>
        <translation>%1: Geben Sie eine ganze Zahl ein</translation>
    </message>
    <message>
        <source>%1 may not be negative</source>
        <translation>%1 darf nicht negativ sein</translation>
    </message>
    <message>
        <source>%1: not a valid date (YYYY-MM-DD)</source>
        <translation>%1: kein gültiges Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>%1: not a valid date and time</source>
        <translation>%1: kein gültiges Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not one of %3</source>
        <translation>%1: „%2“ ist keiner der Werte %3</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation>Datenbank: postgresql://…, sqlite:PFAD oder DATEI.db.</translation>
    </message>
    <message>
        <source>DSN</source>
        <translation>DSN</translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1). Default: only errors.</source>
        <translation>Meldungen auf stderr ab dieser Stufe (%1). Standard: nur Fehler.</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (siehe --help)</translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation>--log-level muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>Shows, applies or rolls back the Agency OS schema migrations.</source>
        <translation>Zeigt, wendet an oder macht rückgängig: die Schemamigrationen von Agency OS.</translation>
    </message>
    <message>
        <source>Target version (up: default latest; down: default one step back).</source>
        <translation>Zielversion (up: Standard die neueste; down: Standard einen Schritt zurück).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>status, up or down.</source>
        <translation>status, up oder down.</translation>
    </message>
    <message>
        <source>migrate needs one action: status, up or down (for example: agency-os migrate up --db DSN)</source>
        <translation>migrate braucht eine Aktion: status, up oder down (zum Beispiel: agency-os migrate up --db DSN)</translation>
    </message>
    <message>
        <source>--to must be a version number of 0 or more, not &apos;%1&apos;</source>
        <translation>--to muss eine Versionsnummer ab 0 sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--to goes with migrate up or migrate down, not status</source>
        <translation>--to gehört zu migrate up oder migrate down, nicht zu status</translation>
    </message>
    <message>
        <source> (check the server address, that it is running, and the credentials)</source>
        <translation> (prüfen Sie die Serveradresse, ob der Server läuft, und die Anmeldedaten)</translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>%1 angewendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source> — EDITED since it was applied (checksum differs)</source>
        <translation> — seit dem Anwenden GEÄNDERT (Prüfsumme weicht ab)</translation>
    </message>
    <message>
        <source> — unknown to this app (newer schema)</source>
        <translation> — dieser App unbekannt (neueres Schema)</translation>
    </message>
    <message>
        <source>schema version %1; this app&apos;s latest is %2</source>
        <translation>Schemaversion %1; die neueste dieser App ist %2</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein, nicht „%4“</translation>
    </message>
    <message>
        <source>Fills the database with a believable demo agency, in one transaction.</source>
        <translation>Füllt die Datenbank in einer Transaktion mit einer glaubwürdigen Demo-Agentur.</translation>
    </message>
    <message>
        <source>Number of clients (default 24).</source>
        <translation>Anzahl der Kunden (Standard 24).</translation>
    </message>
    <message>
        <source>Campaigns per client (default 4).</source>
        <translation>Kampagnen je Kunde (Standard 4).</translation>
    </message>
    <message>
        <source>Channels per campaign (default 3).</source>
        <translation>Kanäle je Kampagne (Standard 3).</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same data (default 42).</source>
        <translation>Zufallsstartwert: derselbe Wert ergibt dieselben Daten (Standard 42).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Only when the database has no clients yet (what scripts/run uses).</source>
        <translation>Nur wenn die Datenbank noch keine Kunden hat (was scripts/run verwendet).</translation>
    </message>
    <message>
        <source>demo-data takes no further words; see agency-os demo-data --help</source>
        <translation>demo-data nimmt keine weiteren Wörter; siehe agency-os demo-data --help</translation>
    </message>
    <message>
        <source>%1 already has data; nothing added</source>
        <translation>%1 enthält bereits Daten; nichts hinzugefügt</translation>
    </message>
    <message>
        <source>demo-data: %1 of %2 channels
</source>
        <translation>demo-data: %1 von %2 Kanälen
</translation>
    </message>
    <message>
        <source>demo data not written (nothing was changed): %1</source>
        <translation>Demodaten nicht geschrieben (nichts wurde geändert): %1</translation>
    </message>
    <message>
        <source>added %1 tiers, %2 clients, %3 campaigns and %4 channels to %5 in %6 s</source>
        <translation>%1 Stufen, %2 Kunden, %3 Kampagnen und %4 Kanäle in %6 s zu %5 hinzugefügt</translation>
    </message>
    <message>
        <source>Writes one table to CSV (RFC 4180, UTF-8, CRLF), with the lookups a spreadsheet reader needs. Deleted rows are left out unless asked for.</source>
        <translation>Schreibt eine Tabelle als CSV (RFC 4180, UTF-8, CRLF), mit den Namen, die ein Leser der Tabelle braucht. Gelöschte Zeilen bleiben weg, außer sie werden verlangt.</translation>
    </message>
    <message>
        <source>Where to write: a file (written atomically) or - for standard output (default).</source>
        <translation>Wohin geschrieben wird: eine Datei (atomar geschrieben) oder - für die Standardausgabe (Standard).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Include soft-deleted rows.</source>
        <translation>Auch gelöschte Zeilen einschließen.</translation>
    </message>
    <message>
        <source>comma (default), semicolon or tab.</source>
        <translation>comma (Standard), semicolon oder tab.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte-order mark (for spreadsheet programs).</source>
        <translation>Mit einer UTF-8-Bytereihenfolgemarke beginnen (für Tabellenkalkulationen).</translation>
    </message>
    <message>
        <source>Do not prefix &apos; to text starting with = + - @ tab or CR (only for trusted round trips).</source>
        <translation>Kein &apos; vor Text setzen, der mit = + - @ Tab oder CR beginnt (nur für vertrauenswürdige Hin- und Rückwege).</translation>
    </message>
    <message>
        <source>--delimiter must be comma, semicolon or tab, not &apos;%1&apos;</source>
        <translation>--delimiter muss comma, semicolon oder tab sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--output needs a file name, or - for standard output</source>
        <translation>--output braucht einen Dateinamen, oder - für die Standardausgabe</translation>
    </message>
    <message>
        <source>export of %1 failed: standard output is closed (write to a file with -o FILE)</source>
        <translation>Export von %1 fehlgeschlagen: die Standardausgabe ist geschlossen (schreiben Sie mit -o DATEI in eine Datei)</translation>
    </message>
    <message>
        <source>export of %1 to standard output failed: %2</source>
        <translation>Export von %1 auf die Standardausgabe fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>export of %1 failed, no file written: %2</source>
        <translation>Export von %1 fehlgeschlagen, keine Datei geschrieben: %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>line %1, %2</source>
        <translation>Zeile %1, %2</translation>
    </message>
    <message>
        <source>Reads one table from CSV as the export writes it (what the window&apos;s Import does), all or nothing: a row whose id exists updates what changed, other rows are added. Any refused row is listed with its line and field, nothing is written, and the exit status is 1.</source>
        <translation>Liest eine Tabelle aus CSV, wie der Export sie schreibt (wie der Import im Fenster), ganz oder gar nicht: Eine Zeile mit vorhandener ID aktualisiert, was sich geändert hat, andere Zeilen werden hinzugefügt. Jede abgelehnte Zeile wird mit Zeile und Feld genannt, nichts wird geschrieben, und der Rückgabewert ist 1.</translation>
    </message>
    <message>
        <source>The CSV file to read, or - for standard input.</source>
        <translation>Die zu lesende CSV-Datei, oder - für die Standardeingabe.</translation>
    </message>
    <message>
        <source>Check every row and say what would change; write nothing.</source>
        <translation>Jede Zeile prüfen und sagen, was sich ändern würde; nichts schreiben.</translation>
    </message>
    <message>
        <source>comma, semicolon or tab (default: guessed from the header line).</source>
        <translation>comma, semicolon oder tab (Standard: aus der Kopfzeile erkannt).</translation>
    </message>
    <message>
        <source>import needs --input FILE, or --input - for standard input</source>
        <translation>import braucht --input DATEI, oder --input - für die Standardeingabe</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>columns not imported (not columns of %1): %2</source>
        <translation>nicht importierte Spalten (keine Spalten von %1): %2</translation>
    </message>
    <message>
        <source>%1: %2 to add, %3 to update, %4 unchanged (dry run: nothing written)</source>
        <translation>%1: %2 hinzuzufügen, %3 zu aktualisieren, %4 unverändert (Probelauf: nichts geschrieben)</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 unchanged in %5</source>
        <translation>%1: %2 hinzugefügt, %3 aktualisiert, %4 unverändert in %5</translation>
    </message>
    <message>
        <source>--db is empty: give the database (%1), or leave --db out for the embedded one</source>
        <translation>--db ist leer: Geben Sie die Datenbank an (%1), oder lassen Sie --db für die eingebettete weg</translation>
    </message>
    <message>
        <source>there is no database file at %1: check the path (agency-os migrate up --db sqlite:%1 makes a new one)</source>
        <translation>unter %1 gibt es keine Datenbankdatei: Prüfen Sie den Pfad (agency-os migrate up --db sqlite:%1 legt eine neue an)</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>export: %1 rows</source>
        <translation>Export: %1 Zeilen</translation>
    </message>
    <message>
        <source>import: line %1</source>
        <translation>Import: Zeile %1</translation>
    </message>
    <message>
        <source>line %1: %2 %3: %4 -&gt; %5</source>
        <translation>Zeile %1: %2 %3: %4 -&gt; %5</translation>
    </message>
    <message>
        <source>… and %1 more changed fields</source>
        <translation>… und %1 weitere geänderte Felder</translation>
    </message>
    <message>
        <source>history prune: %1 rows</source>
        <translation>history prune: %1 Zeilen</translation>
    </message>
    <message>
        <source>deleted %1 history rows from before %2
</source>
        <translation>%1 Verlaufszeilen von vor %2 gelöscht
</translation>
    </message>
    <message>
        <source>Writes the change history of the agency tables for an audit: one row per changed column, oldest first, with changed_at, table, row_id, operation, column, old_value, new_value, db_role, app_user and source (app, cli-import or other). Changes made outside the app are there too.

  agency-os history prune --before DATE   deletes the history from before DATE.</source>
        <translation>Schreibt den Änderungsverlauf der Agentur-Tabellen für eine Prüfung: eine Zeile je geänderter Spalte, die älteste zuerst, mit changed_at, table, row_id, operation, column, old_value, new_value, db_role, app_user und source (app, cli-import oder other). Auch Änderungen außerhalb der App sind enthalten.

  agency-os history prune --before DATUM   löscht den Verlauf von vor DATUM.</translation>
    </message>
    <message>
        <source>TABLE</source>
        <translation>TABELLE</translation>
    </message>
    <message>
        <source>Only the row with this id.</source>
        <translation>Nur die Zeile mit dieser ID.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>From this day (YYYY-MM-DD, UTC) or instant (ISO 8601) on.</source>
        <translation>Ab diesem Tag (JJJJ-MM-TT, UTC) oder Zeitpunkt (ISO 8601).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATUM</translation>
    </message>
    <message>
        <source>Up to and including this day (YYYY-MM-DD, UTC), or before this instant.</source>
        <translation>Bis einschließlich dieses Tages (JJJJ-MM-TT, UTC) oder vor diesem Zeitpunkt.</translation>
    </message>
    <message>
        <source>csv or json.</source>
        <translation>csv oder json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Where to write: a file (written atomically) or - for standard output.</source>
        <translation>Wohin: eine Datei (atomar geschrieben) oder - für die Standardausgabe.</translation>
    </message>
    <message>
        <source>With prune: delete what was changed before this day (YYYY-MM-DD, UTC) or instant (ISO 8601).</source>
        <translation>Mit prune: löscht, was vor diesem Tag (JJJJ-MM-TT, UTC) oder Zeitpunkt (ISO 8601) geändert wurde.</translation>
    </message>
    <message>
        <source>Delete the history from before --before.</source>
        <translation>Den Verlauf von vor --before löschen.</translation>
    </message>
    <message>
        <source>history takes no &apos;%1&apos; (did you mean: agency-os history prune --before DATE?)</source>
        <translation>history kennt kein „%1“ (gemeint: agency-os history prune --before DATUM?)</translation>
    </message>
    <message>
        <source>history prune needs --before DATE (YYYY-MM-DD or an ISO 8601 instant)%1</source>
        <translation>history prune braucht --before DATUM (JJJJ-MM-TT oder einen Zeitpunkt nach ISO 8601)%1</translation>
    </message>
    <message>
        <source>, not &apos;%1&apos;</source>
        <translation>, nicht „%1“</translation>
    </message>
    <message>
        <source>--before goes with prune: agency-os history prune --before DATE</source>
        <translation>--before gehört zu prune: agency-os history prune --before DATUM</translation>
    </message>
    <message>
        <source>--id must be a row&apos;s id (a UUID), not &apos;%1&apos;</source>
        <translation>--id muss die ID einer Zeile sein (eine UUID), nicht „%1“</translation>
    </message>
    <message>
        <source>--%1 must be a day (YYYY-MM-DD) or an ISO 8601 instant, not &apos;%2&apos;</source>
        <translation>--%1 muss ein Tag (JJJJ-MM-TT) oder ein Zeitpunkt nach ISO 8601 sein, nicht „%2“</translation>
    </message>
    <message>
        <source>--format must be csv or json%1</source>
        <translation>--format muss csv oder json sein%1</translation>
    </message>
    <message>
        <source>this database keeps no history this role may read (agency-os migrate up adds it; an administrator grants SELECT on agency_change_log)</source>
        <translation>diese Datenbank führt keinen Verlauf, den diese Rolle lesen darf (agency-os migrate up legt ihn an; ein Administrator gewährt SELECT auf agency_change_log)</translation>
    </message>
    <message>
        <source>history to standard output failed: %1</source>
        <translation>Verlauf auf die Standardausgabe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>standard output is closed</source>
        <translation>die Standardausgabe ist geschlossen</translation>
    </message>
    <message>
        <source>history failed, no file written: %1</source>
        <translation>Verlauf fehlgeschlagen, keine Datei geschrieben: %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>import of time entries refused: %1 problem(s), nothing written</source>
        <translation>Import der Zeiteinträge abgelehnt: %1 Problem(e), nichts geschrieben</translation>
    </message>
    <message>
        <source>time entries from %1: %2 to add, %3 imported before (dry run: nothing written)</source>
        <translation>Zeiteinträge aus %1: %2 hinzuzufügen, %3 schon importiert (Probelauf: nichts geschrieben)</translation>
    </message>
    <message>
        <source>time entries from %1: %2 added, %3 imported before</source>
        <translation>Zeiteinträge aus %1: %2 hinzugefügt, %3 schon importiert</translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation>… und %1 weitere Probleme</translation>
    </message>
    <message>
        <source>export of %1 left out %2: your database role may not read them</source>
        <translation>Export von %1 ohne %2: Ihre Datenbankrolle darf diese Spalten nicht lesen</translation>
    </message>
    <message>
        <source>sla-tiers, clients, campaigns or channels; or time-entries: a Harvest, Toggl Track or Clockify export of a detailed report, matched to clients by name, each entry once however often it is imported; or spend: an ad platform&apos;s report (Google Ads, Meta, Microsoft Advertising, or the generic layout) into the channels&apos; spend, matched by their external account and campaign ids.</source>
        <translation>sla-tiers, clients, campaigns oder channels; oder time-entries: ein detaillierter Bericht aus Harvest, Toggl Track oder Clockify, den Kunden nach Namen zugeordnet, jeder Eintrag einmal, wie oft er auch importiert wird; oder spend: der Bericht einer Werbeplattform (Google Ads, Meta, Microsoft Advertising oder das allgemeine Format) in die Ausgaben der Kanäle, zugeordnet über ihre externen Konto- und Kampagnen-IDs.</translation>
    </message>
    <message>
        <source>import spend: the report&apos;s platform, auto (from its header), google-ads, meta, microsoft or generic.</source>
        <translation>import spend: die Plattform des Berichts, auto (aus seiner Kopfzeile), google-ads, meta, microsoft oder generic.</translation>
    </message>
    <message>
        <source>import spend: CUR=RATE, what 1 unit of the report&apos;s currency is in the campaign&apos;s (USD=0.92); once per currency.</source>
        <translation>import spend: WÄH=KURS, was 1 Einheit der Berichtswährung in der Währung der Kampagne ist (USD=0.92); einmal je Währung.</translation>
    </message>
    <message>
        <source>CUR=RATE</source>
        <translation>WÄH=KURS</translation>
    </message>
    <message>
        <source>--format and --rate are for import spend only</source>
        <translation>--format und --rate gelten nur für import spend</translation>
    </message>
    <message>
        <source>--format must be auto, google-ads, meta, microsoft or generic, not &apos;%1&apos;</source>
        <translation>--format muss auto, google-ads, meta, microsoft oder generic sein, nicht „%1“</translation>
    </message>
    <message>
        <source>import of spend refused: %1 problem(s), nothing written</source>
        <translation>Import der Ausgaben abgelehnt: %1 Problem(e), nichts geschrieben</translation>
    </message>
    <message>
        <source>spend from %1: %2 lines, %3 matched, %4 unmatched; periods: %5 added, %6 changed, %7 unchanged; %8 channels changed%9</source>
        <translation>Ausgaben aus %1: %2 Zeilen, %3 zugeordnet, %4 nicht zugeordnet; Zeiträume: %5 hinzugefügt, %6 geändert, %7 unverändert; %8 Kanäle geändert%9</translation>
    </message>
    <message>
        <source> (dry run: nothing written)</source>
        <translation> (Probelauf: nichts geschrieben)</translation>
    </message>
    <message>
        <source>channel %1: spend %2 → %3; %4 → %5</source>
        <translation>Kanal %1: Ausgaben %2 → %3; %4 → %5</translation>
    </message>
    <message>
        <source>unmatched: line %1 (%2): %3</source>
        <translation>nicht zugeordnet: Zeile %1 (%2): %3</translation>
    </message>
    <message>
        <source>csv (default) or xlsx: a workbook of real number, date and boolean cells (an output ending in .xlsx chooses it too).</source>
        <translation>csv (Standard) oder xlsx: eine Arbeitsmappe mit echten Zahlen-, Datums- und Wahrheitswertzellen (eine Ausgabe auf .xlsx wählt sie ebenfalls).</translation>
    </message>
    <message>
        <source>--format must be csv or xlsx, not &apos;%1&apos;</source>
        <translation>--format muss csv oder xlsx sein, nicht „%1“</translation>
    </message>
    <message>
        <source>%1 needs one table: sla-tiers, clients, campaigns, channels or time-entries (for example: agency-os %2)</source>
        <translation>%1 braucht eine Tabelle: sla-tiers, clients, campaigns, channels oder time-entries (zum Beispiel: agency-os %2)</translation>
    </message>
    <message>
        <source>sla-tiers, clients, campaigns, channels or time-entries.</source>
        <translation>sla-tiers, clients, campaigns, channels oder time-entries.</translation>
    </message>
    <message>
        <source>Only this table: sla-tiers, clients, campaigns, channels or time-entries.</source>
        <translation>Nur diese Tabelle: sla-tiers, clients, campaigns, channels oder time-entries.</translation>
    </message>
    <message>
        <source>--table must be sla-tiers, clients, campaigns, channels or time-entries, not &apos;%1&apos;</source>
        <translation>--table muss sla-tiers, clients, campaigns, channels oder time-entries sein, nicht „%1“</translation>
    </message>
    <message>
        <source>Amounts and percentages with a decimal comma (1234,56), as German and French spreadsheets read them; with --delimiter semicolon and --bom, a German Excel opens the file as it is.</source>
        <translation>Beträge und Prozente mit Dezimalkomma (1234,56), wie deutsche und französische Tabellenkalkulationen sie lesen; mit --delimiter semicolon und --bom öffnet ein deutsches Excel die Datei, wie sie ist.</translation>
    </message>
    <message>
        <source>Amounts and percentages have a decimal comma (1.234,56); the default when the file is separated by semicolons.</source>
        <translation>Beträge und Prozente haben ein Dezimalkomma (1.234,56); Standard, wenn die Datei durch Semikolons getrennt ist.</translation>
    </message>
    <message>
        <source>%1: %2; nothing written</source>
        <translation>%1: %2; nichts geschrieben</translation>
    </message>
    <message>
        <source>unmatched: %1 more lines not shown</source>
        <translation>nicht zugeordnet: %1 weitere Zeilen nicht angezeigt</translation>
    </message>
</context>
<context>
    <name>ConnectionString</name>
    <message>
        <source>the password has a broken %-escape (write %40 for @, %3A for :, %25 for %)</source>
        <translation>das Passwort hat eine fehlerhafte %-Kodierung (schreiben Sie %40 für @, %3A für :, %25 für %)</translation>
    </message>
    <message>
        <source>the user name has a broken %-escape</source>
        <translation>der Benutzername hat eine fehlerhafte %-Kodierung</translation>
    </message>
    <message>
        <source>an IPv6 host must be closed with &apos;]&apos; (for example [::1]:5432)</source>
        <translation>ein IPv6-Host muss mit „]“ geschlossen werden (zum Beispiel [::1]:5432)</translation>
    </message>
    <message>
        <source>unexpected text after the IPv6 host; expected &apos;:port&apos;</source>
        <translation>unerwarteter Text nach dem IPv6-Host; erwartet: „:port“</translation>
    </message>
    <message>
        <source>the port after &apos;:&apos; is empty</source>
        <translation>der Port nach „:“ ist leer</translation>
    </message>
    <message>
        <source>the IPv6 host between &apos;[&apos; and &apos;]&apos; is empty</source>
        <translation>der IPv6-Host zwischen „[“ und „]“ ist leer</translation>
    </message>
    <message>
        <source>the host has a broken %-escape</source>
        <translation>der Host hat eine fehlerhafte %-Kodierung</translation>
    </message>
    <message>
        <source>the host name contains &apos;%1&apos;, which no host name may contain</source>
        <translation>der Hostname enthält „%1“, was kein Hostname enthalten darf</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>der Port muss eine Zahl von 1 bis 65535 sein</translation>
    </message>
    <message>
        <source>the database name has a broken %-escape</source>
        <translation>der Datenbankname hat eine fehlerhafte %-Kodierung</translation>
    </message>
    <message>
        <source>the option &apos;%1&apos; has no value; write key=value</source>
        <translation>die Option „%1“ hat keinen Wert; schreiben Sie schlüssel=wert</translation>
    </message>
    <message>
        <source>an option has a broken %-escape</source>
        <translation>eine Option hat eine fehlerhafte %-Kodierung</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection option name (lowercase letters and _)</source>
        <translation>„%1“ ist kein Name einer Verbindungsoption (Kleinbuchstaben und _)</translation>
    </message>
    <message>
        <source>the value of option &apos;%1&apos; may not contain &apos;;&apos;</source>
        <translation>der Wert der Option „%1“ darf kein „;“ enthalten</translation>
    </message>
    <message>
        <source>connect_timeout must be a whole number of seconds</source>
        <translation>connect_timeout muss eine ganze Zahl von Sekunden sein</translation>
    </message>
    <message>
        <source>the database location is empty; expected %1</source>
        <translation>der Ort der Datenbank ist leer; erwartet: %1</translation>
    </message>
    <message>
        <source>sqlite: needs a file path after it, for example sqlite:/home/me/agency.db</source>
        <translation>sqlite: braucht danach einen Dateipfad, zum Beispiel sqlite:/home/ich/agency.db</translation>
    </message>
    <message>
        <source>unknown kind of database location; expected %1</source>
        <translation>unbekannte Art von Datenbankort; erwartet: %1</translation>
    </message>
    <message>
        <source>postgresql://user[:password]@host[:port]/dbname[?sslmode=…], sqlite:PATH, or a file path ending in .db or .sqlite</source>
        <translation>postgresql://benutzer[:passwort]@host[:port]/datenbank[?sslmode=…], sqlite:PFAD, oder ein Dateipfad, der auf .db oder .sqlite endet</translation>
    </message>
    <message>
        <source>a host of the list is empty (write host1,host2)</source>
        <translation>ein Host der Liste ist leer (schreiben Sie host1,host2)</translation>
    </message>
</context>
<context>
    <name>ConnectionWatch</name>
    <message>
        <source>the connection is closed</source>
        <translation>die Verbindung ist geschlossen</translation>
    </message>
    <message>
        <source>the server does not answer</source>
        <translation>der Server antwortet nicht</translation>
    </message>
</context>
<context>
    <name>ContractReport</name>
    <message>
        <source>ends today</source>
        <translation>endet heute</translation>
    </message>
    <message numerus="yes">
        <source>ends in %n day(s)</source>
        <translation>
            <numerusform>endet in %n Tag</numerusform>
            <numerusform>endet in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ended %n day(s) ago, still marked active</source>
        <translation>
            <numerusform>vor %n Tag beendet, noch als aktiv markiert</numerusform>
            <numerusform>vor %n Tagen beendet, noch als aktiv markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the clients&apos; contracts</source>
        <translation>Lesen der Kundenverträge</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Ending within 90 days, or ended while marked active, as of %1</source>
        <translation>Enden innerhalb von 90 Tagen oder beendet, aber als aktiv markiert, Stand %1</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Kunden-ID</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Verbleibende Tage</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
</context>
<context>
    <name>CsvExportJob</name>
    <message>
        <source>Export options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>Semicolon (spreadsheets in many European locales)</source>
        <translation>Semikolon (Tabellenkalkulationen in vielen europäischen Sprachen)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Byte-order mark (for spreadsheet programs)</source>
        <translation>Bytereihenfolgemarke (für Tabellenkalkulationen)</translation>
    </message>
    <message>
        <source>Protect against formulas (prefix &apos; to text starting with = + - @)</source>
        <translation>Vor Formeln schützen (&apos; vor Text setzen, der mit = + - @ beginnt)</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Decimal comma in amounts and percentages (1234,56)</source>
        <translation>Dezimalkomma in Beträgen und Prozenten (1234,56)</translation>
    </message>
    <message>
        <source>As my spreadsheet expects</source>
        <translation>Wie meine Tabellenkalkulation es erwartet</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>Zeile %1: ein Feld in Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>line %1: text after a closing quote</source>
        <translation>Zeile %1: Text nach einem schließenden Anführungszeichen</translation>
    </message>
    <message>
        <source>line %1, field %2: a NUL byte, which no text may hold</source>
        <translation>Zeile %1, Feld %2: ein NUL-Byte, das kein Text enthalten darf</translation>
    </message>
    <message>
        <source>line %1, field %2: not UTF-8 text (save the file as UTF-8 and import it again)</source>
        <translation>Zeile %1, Feld %2: kein UTF-8-Text (speichern Sie die Datei als UTF-8 und importieren Sie sie erneut)</translation>
    </message>
    <message>
        <source>line %1, field %2: a byte order mark in the middle of the file (two files joined into one?): remove it, or import the files one at a time</source>
        <translation>Zeile %1, Feld %2: eine Bytereihenfolge-Markierung (BOM) mitten in der Datei (zwei Dateien zu einer verbunden?): entfernen Sie sie oder importieren Sie die Dateien einzeln</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>the Qt SQL driver %1 is not installed (Debian: libqt6sql6-%2)</source>
        <translation>der Qt-SQL-Treiber %1 ist nicht installiert (Debian: libqt6sql6-%2)</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the database file</source>
        <translation>der Ordner %1 für die Datenbankdatei kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not prepare %1</source>
        <translation>%1 konnte nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Starting the demo data</source>
        <translation>Demodaten werden begonnen</translation>
    </message>
    <message>
        <source>Committing the demo data</source>
        <translation>Demodaten werden festgeschrieben</translation>
    </message>
    <message>
        <source>Looking for existing data</source>
        <translation>Vorhandene Daten werden gesucht</translation>
    </message>
</context>
<context>
    <name>DeskReports</name>
    <message>
        <source>--month must be a month as YYYY-MM (for example 2026-11), not &apos;%1&apos;</source>
        <translation>--month muss ein Monat als JJJJ-MM sein (zum Beispiel 2026-11), nicht „%1“</translation>
    </message>
    <message>
        <source>, not &apos;%1&apos;</source>
        <translation>, nicht „%1“</translation>
    </message>
    <message>
        <source>report %1 needs --output FILE, or - for standard output</source>
        <translation>report %1 braucht --output DATEI oder - für die Standardausgabe</translation>
    </message>
    <message>
        <source>--client must be a client&apos;s id (a UUID), not &apos;%1&apos;</source>
        <translation>--client muss die ID eines Kunden sein (eine UUID), nicht „%1“</translation>
    </message>
    <message>
        <source>report %1 failed, nothing written: %2</source>
        <translation>report %1 fehlgeschlagen, nichts geschrieben: %2</translation>
    </message>
    <message>
        <source>report %1 to standard output failed: %2</source>
        <translation>report %1 auf die Standardausgabe fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>standard output is closed</source>
        <translation>die Standardausgabe ist geschlossen</translation>
    </message>
    <message>
        <source>report %1 failed, no file written: %2</source>
        <translation>report %1 fehlgeschlagen, keine Datei geschrieben: %2</translation>
    </message>
    <message>
        <source>--business-hours: %1</source>
        <translation>--business-hours: %1</translation>
    </message>
    <message>
        <source>report %1 needs --format csv, xlsx or pdf%2</source>
        <translation>report %1 braucht --format csv, xlsx oder pdf%2</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <source>There is no delete to undo.</source>
        <translation>Es gibt kein Löschen, das rückgängig zu machen wäre.</translation>
    </message>
    <message>
        <source>the edits of %1 could not be taken back</source>
        <translation>die Änderungen an %1 konnten nicht zurückgeholt werden</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1-Datei</translation>
    </message>
</context>
<context>
    <name>FinanceReport</name>
    <message>
        <source>the warning threshold must lie between %1</source>
        <translation>die Warnschwelle muss zwischen %1 liegen</translation>
    </message>
    <message>
        <source>the limit must lie between %1</source>
        <translation>das Limit muss zwischen %1 liegen</translation>
    </message>
    <message>
        <source>the warning threshold (%1) must not lie above the limit (%2)</source>
        <translation>die Warnschwelle (%1) darf nicht über dem Limit (%2) liegen</translation>
    </message>
    <message>
        <source>OVERSPENT by %1</source>
        <translation>ÜBERZOGEN um %1</translation>
    </message>
    <message>
        <source>%1 of the budget spent: over the %2 limit</source>
        <translation>%1 des Budgets ausgegeben: über dem Limit von %2</translation>
    </message>
    <message>
        <source>%1 of the budget spent: warning at %2</source>
        <translation>%1 des Budgets ausgegeben: Warnung ab %2</translation>
    </message>
    <message>
        <source>will spend %1 of %2 by %3 at this pace</source>
        <translation>wird bei diesem Tempo bis %3 %1 von %2 ausgeben</translation>
    </message>
    <message>
        <source>; runs out on %1</source>
        <translation>; aufgebraucht am %1</translation>
    </message>
    <message>
        <source>spent %1 of the budget in %2 of its time</source>
        <translation>%1 des Budgets in %2 der Laufzeit ausgegeben</translation>
    </message>
    <message>
        <source>Adding up budgets</source>
        <translation>Budgets werden addiert</translation>
    </message>
    <message>
        <source>Listing campaigns</source>
        <translation>Kampagnen werden aufgelistet</translation>
    </message>
    <message>
        <source>Adding up retainers</source>
        <translation>Pauschalen werden addiert</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>Kampagne wird gelesen</translation>
    </message>
    <message>
        <source>no campaign with id %1</source>
        <translation>keine Kampagne mit der ID %1</translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s channels</source>
        <translation>Kanäle der Kampagne werden gelesen</translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s KPIs</source>
        <translation>KPIs der Kampagne werden gelesen</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Could not read the history</source>
        <translation>Der Verlauf konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not prune the history</source>
        <translation>Der Verlauf konnte nicht gekürzt werden</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>%1 (import)</source>
        <translation>%1 (Import)</translation>
    </message>
    <message>
        <source>%1 (outside Agency OS)</source>
        <translation>%1 (außerhalb von Agency OS)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Removed for good</source>
        <translation>Endgültig entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>KeysetPager</name>
    <message>
        <source>Reading rows of %1</source>
        <translation>Zeilen von %1 werden gelesen</translation>
    </message>
    <message>
        <source>Counting rows of %1</source>
        <translation>Zeilen von %1 werden gezählt</translation>
    </message>
</context>
<context>
    <name>Kpis</name>
    <message>
        <source>%1: not valid JSON (%2 at character %3)</source>
        <translation>%1: kein gültiges JSON (%2 bei Zeichen %3)</translation>
    </message>
    <message>
        <source>%1: must be an object of metric names and numbers, like {&quot;clicks&quot;: 2500}</source>
        <translation>%1: muss ein Objekt aus Kennzahlnamen und Zahlen sein, wie {&quot;clicks&quot;: 2500}</translation>
    </message>
    <message>
        <source>%1: a metric has an empty name</source>
        <translation>%1: eine Kennzahl hat einen leeren Namen</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a number</source>
        <translation>%1: „%2“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>features: must be a list of texts, like [&quot;24/7 support&quot;]</source>
        <translation>Leistungen: muss eine Liste von Texten sein, wie [&quot;Support rund um die Uhr&quot;]</translation>
    </message>
    <message>
        <source>features: every entry must be a text</source>
        <translation>Leistungen: jeder Eintrag muss ein Text sein</translation>
    </message>
    <message>
        <source>%1: must be a JSON object, like {&quot;name&quot;: &quot;Spring launch&quot;}</source>
        <translation>%1: muss ein JSON-Objekt sein, wie {&quot;name&quot;: &quot;Frühjahrsstart&quot;}</translation>
    </message>
</context>
<context>
    <name>LookupNames</name>
    <message>
        <source>Looking up a name in %1</source>
        <translation>Ein Name wird in %1 nachgeschlagen</translation>
    </message>
    <message>
        <source>Listing %1 to choose from</source>
        <translation>%1 wird zur Auswahl aufgelistet</translation>
    </message>
    <message>
        <source>Reading the client&apos;s Plane workspace</source>
        <translation>Plane-Arbeitsbereich des Kunden wird gelesen</translation>
    </message>
    <message>
        <source>Looking up names in %1</source>
        <translation>Namen werden in %1 nachgeschlagen</translation>
    </message>
    <message>
        <source>Finding %1</source>
        <translation>%1 wird gesucht</translation>
    </message>
    <message>
        <source>%1 (archived in Plane)</source>
        <translation>%1 (in Plane archiviert)</translation>
    </message>
    <message>
        <source>%1 (deleted in Plane)</source>
        <translation>%1 (in Plane gelöscht)</translation>
    </message>
    <message>
        <source>%1 (its Plane workspace is deleted)</source>
        <translation>%1 (sein Plane-Workspace ist gelöscht)</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Checking the right to change the schema</source>
        <translation>Recht zum Ändern des Schemas wird geprüft</translation>
    </message>
    <message>
        <source>Waiting for other desktops to finish migrating</source>
        <translation>Warten, bis andere Arbeitsplätze ihre Migration beendet haben</translation>
    </message>
    <message>
        <source>Rolling back a failed migration</source>
        <translation>Fehlgeschlagene Migration wird zurückgenommen</translation>
    </message>
    <message>
        <source>Reading the schema version</source>
        <translation>Schemaversion wird gelesen</translation>
    </message>
    <message>
        <source>Creating the migration table agency_schema_migrations</source>
        <translation>Migrationstabelle agency_schema_migrations wird angelegt</translation>
    </message>
    <message>
        <source>Reading applied migrations</source>
        <translation>Angewendete Migrationen werden gelesen</translation>
    </message>
    <message>
        <source>the database schema is at version %1, newer than this app knows (%2): update Agency OS before changing the schema</source>
        <translation>das Datenbankschema hat Version %1, neuer als diese App kennt (%2): Aktualisieren Sie Agency OS, bevor Sie das Schema ändern</translation>
    </message>
    <message>
        <source>migration %1 was edited after it was applied (checksum differs): restore the original file; an applied migration is never changed, add a new one instead</source>
        <translation>Migration %1 wurde nach dem Anwenden geändert (Prüfsumme weicht ab): Stellen Sie die ursprüngliche Datei wieder her; eine angewendete Migration wird nie geändert, fügen Sie stattdessen eine neue hinzu</translation>
    </message>
    <message>
        <source>your database role %1 may not read %2 in this database: ask an administrator to grant it SELECT on the agency_ tables (and INSERT, UPDATE to edit them)</source>
        <translation>Ihre Datenbankrolle %1 darf %2 in dieser Datenbank nicht lesen: Bitten Sie einen Administrator, ihr SELECT auf die agency_-Tabellen zu gewähren (und INSERT, UPDATE zum Bearbeiten)</translation>
    </message>
    <message>
        <source>Starting migration %1</source>
        <translation>Migration %1 wird begonnen</translation>
    </message>
    <message>
        <source>Checking migration %1</source>
        <translation>Migration %1 wird geprüft</translation>
    </message>
    <message>
        <source>Finishing migration %1</source>
        <translation>Migration %1 wird abgeschlossen</translation>
    </message>
    <message>
        <source>Migration %1 %2, statement %3</source>
        <translation>Migration %1 %2, Anweisung %3</translation>
    </message>
    <message>
        <source>up</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>down</source>
        <translation>zurück</translation>
    </message>
    <message>
        <source>Recording migration %1</source>
        <translation>Migration %1 wird vermerkt</translation>
    </message>
    <message>
        <source>Committing migration %1</source>
        <translation>Migration %1 wird festgeschrieben</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>%1 angewendet</translation>
    </message>
    <message>
        <source>rolled back %1</source>
        <translation>%1 zurückgenommen</translation>
    </message>
    <message>
        <source>--to must be a version number of 0 or more</source>
        <translation>--to muss eine Versionsnummer ab 0 sein</translation>
    </message>
    <message>
        <source>Removing the migration table agency_schema_migrations</source>
        <translation>Die Migrationstabelle agency_schema_migrations wird entfernt</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>enter a number, for example 1234.50</source>
        <translation>Geben Sie eine Zahl ein, zum Beispiel 1234,50</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; use digits and one decimal point</source>
        <translation>„%1“ ist keine Zahl; verwenden Sie Ziffern und ein Dezimalzeichen</translation>
    </message>
    <message>
        <source>at most two decimals (cents) are allowed</source>
        <translation>höchstens zwei Nachkommastellen (Cent) sind erlaubt</translation>
    </message>
    <message>
        <source>too large: at most %1 digits before the decimal point</source>
        <translation>zu groß: höchstens %1 Stellen vor dem Dezimalzeichen</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not how numbers are written in this language: write %2 (%3 before the decimals, %4 between thousands, or nothing)</source>
        <translation>„%1“ ist nicht, wie Zahlen in dieser Sprache geschrieben werden: Schreiben Sie %2 (%3 vor den Nachkommastellen, %4 zwischen Tausendern, oder nichts)</translation>
    </message>
    <message>
        <source>a percentage must be from 0 to 100</source>
        <translation>ein Prozentsatz muss zwischen 0 und 100 liegen</translation>
    </message>
</context>
<context>
    <name>MoneyScale</name>
    <message>
        <source>amount (thousands)</source>
        <translation>Betrag (Tausend)</translation>
    </message>
    <message>
        <source>amount (millions)</source>
        <translation>Betrag (Millionen)</translation>
    </message>
    <message>
        <source>amount (billions)</source>
        <translation>Betrag (Milliarden)</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>PacingReport</name>
    <message>
        <source>on pace</source>
        <translation>im Plan</translation>
    </message>
    <message>
        <source>under</source>
        <translation>darunter</translation>
    </message>
    <message>
        <source>over</source>
        <translation>darüber</translation>
    </message>
    <message>
        <source>Reading the imported spend</source>
        <translation>Lesen der importierten Ausgaben</translation>
    </message>
    <message>
        <source>Reading the channels</source>
        <translation>Lesen der Kanäle</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Budgetverlauf</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Channel id</source>
        <translation>Kanal-ID</translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation>Kampagnen-ID</translation>
    </message>
    <message>
        <source>Planned to date</source>
        <translation>Geplant bis heute</translation>
    </message>
    <message>
        <source>Spent to date</source>
        <translation>Ausgegeben bis heute</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation>Hochgerechnet zum Ende</translation>
    </message>
    <message>
        <source>Runs out on</source>
        <translation>Aufgebraucht am</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Ampel</translation>
    </message>
    <message>
        <source>No spend has been imported for these channels yet (agency-os import spend).</source>
        <translation>Für diese Kanäle wurden noch keine Ausgaben importiert (agency-os import spend).</translation>
    </message>
    <message>
        <source>your database role may not read the imported spend (agency_channel_spend)</source>
        <translation>Ihre Datenbankrolle darf die importierten Ausgaben nicht lesen (agency_channel_spend)</translation>
    </message>
    <message>
        <source>Reading the channels&apos; pace</source>
        <translation>Das Tempo der Kanäle lesen</translation>
    </message>
    <message>
        <source>%1 of plan: over</source>
        <translation>%1 des Plans: darüber</translation>
    </message>
    <message>
        <source>%1 of plan: under</source>
        <translation>%1 des Plans: darunter</translation>
    </message>
    <message>
        <source>%1 of plan: on pace</source>
        <translation>%1 des Plans: im Plan</translation>
    </message>
    <message>
        <source>No pace: the channel has no budget, or its campaign no start and end date</source>
        <translation>Kein Tempo: Der Kanal hat kein Budget oder seine Kampagne kein Start- und Enddatum</translation>
    </message>
    <message>
        <source>No spend imported yet; %1 planned to date</source>
        <translation>Noch keine Ausgaben importiert; %1 bis heute geplant</translation>
    </message>
    <message>
        <source>Spent %1 of %2 planned to date</source>
        <translation>%1 von bis heute geplanten %2 ausgegeben</translation>
    </message>
    <message>
        <source>%1 projected at the end</source>
        <translation>%1 zum Ende hochgerechnet</translation>
    </message>
    <message>
        <source>the budget runs out on %1</source>
        <translation>das Budget ist am %1 aufgebraucht</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>the desktop keychain did not answer</source>
        <translation>der Schlüsselbund des Desktops hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>PlaneDirectory</name>
    <message>
        <source>Looking for Plane&apos;s tables</source>
        <translation>Tabellen von Plane werden gesucht</translation>
    </message>
    <message>
        <source>Listing Plane workspaces</source>
        <translation>Plane-Arbeitsbereiche werden aufgelistet</translation>
    </message>
    <message>
        <source>Listing Plane projects</source>
        <translation>Plane-Projekte werden aufgelistet</translation>
    </message>
    <message>
        <source>Reading a Plane workspace</source>
        <translation>Ein Plane-Arbeitsbereich wird gelesen</translation>
    </message>
    <message>
        <source>Reading a Plane project</source>
        <translation>Ein Plane-Projekt wird gelesen</translation>
    </message>
    <message>
        <source>Checking references to Plane</source>
        <translation>Verweise auf Plane werden geprüft</translation>
    </message>
</context>
<context>
    <name>PlaneWork</name>
    <message>
        <source>Plane&apos;s work is read from its PostgreSQL database; this is an SQLite file.</source>
        <translation>Die Arbeit in Plane wird aus dessen PostgreSQL-Datenbank gelesen; dies ist eine SQLite-Datei.</translation>
    </message>
    <message>
        <source>Plane&apos;s tables could not be read: %1</source>
        <translation>Die Tabellen von Plane konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This Plane database has no %1 table (or this role may not read it).</source>
        <translation>Diese Plane-Datenbank hat keine Tabelle %1 (oder diese Rolle darf sie nicht lesen).</translation>
    </message>
    <message>
        <source>Plane&apos;s %1 table has no %2 column in this Plane version.</source>
        <translation>Die Tabelle %1 von Plane hat in dieser Plane-Version keine Spalte %2.</translation>
    </message>
    <message>
        <source>%1 cannot be told apart in this Plane version (no issues.%2): they are counted.</source>
        <translation>%1 lassen sich in dieser Plane-Version nicht unterscheiden (kein issues.%2): sie werden mitgezählt.</translation>
    </message>
    <message>
        <source>Deleted issues</source>
        <translation>Gelöschte Aufgaben</translation>
    </message>
    <message>
        <source>Archived issues</source>
        <translation>Archivierte Aufgaben</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Reading the project&apos;s issues from Plane</source>
        <translation>Lesen der Aufgaben des Projekts aus Plane</translation>
    </message>
    <message>
        <source>The project estimates in categories, not points: its progress is counted in issues.</source>
        <translation>Das Projekt schätzt in Kategorien, nicht in Punkten: sein Fortschritt wird in Aufgaben gezählt.</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>Lesen der Kampagne</translation>
    </message>
    <message>
        <source>The campaign is not there.</source>
        <translation>Die Kampagne ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>This campaign is not linked to a Plane project.</source>
        <translation>Diese Kampagne ist mit keinem Plane-Projekt verknüpft.</translation>
    </message>
</context>
<context>
    <name>Plausibility</name>
    <message>
        <source>%1 goes from %2 to %3, %4 times as much.</source>
        <translation>%1 steigt von %2 auf %3, das %4-Fache.</translation>
    </message>
    <message>
        <source>%1 of %2 is more than ten times the budget of %3.</source>
        <translation>%1 %2 ist mehr als das Zehnfache des Budgets von %3.</translation>
    </message>
    <message>
        <source>This channel takes 0 % of its campaign&apos;s budget, and has no fixed amount.</source>
        <translation>Dieser Kanal erhält 0 % des Kampagnenbudgets und hat keinen festen Betrag.</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>Reading the campaigns</source>
        <translation>Lesen der Kampagnen</translation>
    </message>
    <message>
        <source>Work progress</source>
        <translation>Arbeitsfortschritt</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation>Kampagnen-ID</translation>
    </message>
    <message>
        <source>Plane project</source>
        <translation>Plane-Projekt</translation>
    </message>
    <message>
        <source>In Plane</source>
        <translation>In Plane</translation>
    </message>
    <message>
        <source>Issues done</source>
        <translation>Erledigte Aufgaben</translation>
    </message>
    <message>
        <source>Issues counted</source>
        <translation>Gezählte Aufgaben</translation>
    </message>
    <message>
        <source>Points done</source>
        <translation>Erledigte Punkte</translation>
    </message>
    <message>
        <source>Points total</source>
        <translation>Punkte gesamt</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Time elapsed</source>
        <translation>Verstrichene Zeit</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the output must end in .png or .svg: %1</source>
        <translation>die Ausgabe muss auf .png oder .svg enden: %1</translation>
    </message>
    <message>
        <source>could not encode %1 as PNG</source>
        <translation>%1 konnte nicht als PNG kodiert werden</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>OVERSPENT</source>
        <translation>ÜBERZOGEN</translation>
    </message>
    <message>
        <source>off pace</source>
        <translation>aus dem Tempo</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Allocated vs spent by client</source>
        <translation>Zugewiesen und ausgegeben je Kunde</translation>
    </message>
    <message>
        <source>Overspend</source>
        <translation>Überziehung</translation>
    </message>
    <message>
        <source>Spend by campaign type</source>
        <translation>Ausgaben je Kampagnentyp</translation>
    </message>
    <message>
        <source>Monthly retainer value by SLA tier</source>
        <translation>Wert der monatlichen Pauschalen je SLA-Stufe</translation>
    </message>
    <message>
        <source>Retainer × active clients</source>
        <translation>Pauschale × aktive Kunden</translation>
    </message>
    <message>
        <source>Exported %L1 rows…</source>
        <translation>%L1 Zeilen exportiert…</translation>
    </message>
    <message>
        <source>tier (active clients)</source>
        <translation>Stufe (aktive Kunden)</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>Finanzbericht</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Generated %1 from %2 · figures as of %3 · filters: %4</source>
        <translation>Erstellt %1 aus %2 · Zahlen zum %3 · Filter: %4</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>die Datenbank</translation>
    </message>
    <message>
        <source>Burn</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation>Überzogen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 · %2 zu viel</translation>
    </message>
    <message>
        <source>Needing attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>Campaigns needing attention: the %1 most severe of %2 (of %3 campaigns); &apos;agency-os report finance --format csv&apos; lists every one</source>
        <translation>Kampagnen mit Handlungsbedarf: die %1 dringendsten von %2 (von %3 Kampagnen); „agency-os report finance --format csv“ listet alle auf</translation>
    </message>
    <message>
        <source>Campaigns needing attention: %1 of %2</source>
        <translation>Kampagnen mit Handlungsbedarf: %1 von %2</translation>
    </message>
    <message>
        <source>Most severe first: over the limit (%1 of the budget; at 100 %: overspent), past the warning threshold (%2), projected to overspend, off pace. Pace: the share of its budget a campaign has spent against the share of its days gone; off pace is more than 15 points ahead or 25 behind. Projected: spent so far ÷ days gone × days in all.</source>
        <translation>Die dringendsten zuerst: über dem Limit (%1 des Budgets; bei 100 %: überzogen), über der Warnschwelle (%2), voraussichtlich überzogen, aus dem Tempo. Tempo: der Anteil des Budgets, den eine Kampagne ausgegeben hat, gegenüber dem Anteil ihrer vergangenen Tage; aus dem Tempo heißt mehr als 15 Punkte voraus oder 25 zurück. Prognose: bisher ausgegeben ÷ vergangene Tage × Tage insgesamt.</translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation>Prognose zum Ende</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Totals by client</source>
        <translation>Summen je Kunde</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Without a figure</source>
        <translation>Ohne Wert</translation>
    </message>
    <message>
        <source>%1 budget · %2 spent</source>
        <translation>%1 Budget · %2 Ausgaben</translation>
    </message>
    <message>
        <source>Appendix: the %1 campaigns under these filters are too many to list here; &apos;agency-os report finance --format csv&apos; writes each one&apos;s figures.</source>
        <translation>Anhang: Die %1 Kampagnen unter diesen Filtern sind zu viele, um sie hier aufzulisten; „agency-os report finance --format csv“ schreibt die Zahlen jeder einzelnen.</translation>
    </message>
    <message>
        <source>Appendix: every campaign (%1)</source>
        <translation>Anhang: alle Kampagnen (%1)</translation>
    </message>
    <message>
        <source>Spent / time gone</source>
        <translation>Ausgegeben / Zeit vergangen</translation>
    </message>
    <message>
        <source>over the limit</source>
        <translation>über dem Limit</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>will overspend</source>
        <translation>wird überzogen</translation>
    </message>
    <message>
        <source>spent %1 of %2</source>
        <translation>%1 von %2 ausgegeben</translation>
    </message>
    <message>
        <source> · OVERSPENT by %1</source>
        <translation> · ÜBERZOGEN um %1</translation>
    </message>
    <message>
        <source>%1 campaigns. Allocated and spent add up the campaigns that have the figure: %2 have no budget and %3 no spent figure (counted apart, never as 0); remaining and burn are over the campaigns with both. Deleted campaigns and clients never count.</source>
        <translation>%1 Kampagnen. Zugewiesen und Ausgegeben summieren die Kampagnen, die den Wert haben: %2 haben kein Budget und %3 keinen Ausgabenwert (getrennt gezählt, nie als 0); Verbleibend und Verbrauch beziehen sich auf die Kampagnen mit beiden Werten. Gelöschte Kampagnen und Kunden zählen nie.</translation>
    </message>
    <message>
        <source>%1 of the campaigns are inactive clients&apos;: counted, and marked (inactive).</source>
        <translation>%1 der Kampagnen gehören inaktiven Kunden: gezählt und als (inaktiv) gekennzeichnet.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>1 other client</source>
        <translation>1 weiterer Kunde</translation>
    </message>
    <message>
        <source>%1 other clients</source>
        <translation>%1 weitere Kunden</translation>
    </message>
    <message>
        <source>Allocated vs spent: the %1 largest of %2 clients, and the others</source>
        <translation>Zugewiesen und ausgegeben: die %1 größten von %2 Kunden und die übrigen</translation>
    </message>
    <message>
        <source>%1 · over by %2</source>
        <translation>%1 · %2 zu viel</translation>
    </message>
    <message numerus="yes">
        <source>; %n campaign(s) without a budget</source>
        <translation>
            <numerusform>; %n Kampagne ohne Budget</numerusform>
            <numerusform>; %n Kampagnen ohne Budget</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n campaign(s) without a spent figure</source>
        <translation>
            <numerusform>; %n Kampagne ohne Ausgabenwert</numerusform>
            <numerusform>; %n Kampagnen ohne Ausgabenwert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation>%1: %2%3</translation>
    </message>
    <message numerus="yes">
        <source>%1: overspent by %2 in %n campaign(s)</source>
        <translation>
            <numerusform>%1: um %2 überzogen in %n Kampagne</numerusform>
            <numerusform>%1: um %2 überzogen in %n Kampagnen</numerusform>
        </translation>
    </message>
    <message>
        <source>no retainer</source>
        <translation>keine Pauschale</translation>
    </message>
    <message>
        <source>%1: %2 active client(s) × %3 = %4</source>
        <translation>%1: %2 aktive(r) Kunde(n) × %3 = %4</translation>
    </message>
</context>
<context>
    <name>RecoveryFile</name>
    <message>
        <source>cannot make the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 is not a recovery file this version can read</source>
        <translation>%1 ist keine Wiederherstellungsdatei, die diese Version lesen kann</translation>
    </message>
    <message>
        <source>%1 is cut short</source>
        <translation>%1 ist unvollständig</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Database %1, written %2</source>
        <translation>Datenbank %1, geschrieben %2</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Nichts zu berichten.</translation>
    </message>
</context>
<context>
    <name>RetainerReport</name>
    <message>
        <source>Reading the time entries</source>
        <translation>Lesen der Zeiteinträge</translation>
    </message>
    <message>
        <source>Reading the clients and their tiers</source>
        <translation>Lesen der Kunden und ihrer Stufen</translation>
    </message>
    <message>
        <source>Reading Plane&apos;s time logs</source>
        <translation>Lesen der Zeiterfassung von Plane</translation>
    </message>
    <message>
        <source>Hours of clients linked to a Plane workspace are Plane&apos;s time logs; the others&apos; are the time entries kept in Agency OS.</source>
        <translation>Die Stunden von Kunden mit Plane-Arbeitsbereich stammen aus der Zeiterfassung von Plane; die der anderen aus den Zeiteinträgen in Agency OS.</translation>
    </message>
    <message>
        <source>Hours are the time entries kept in Agency OS (this database has no Plane time logs, or no client is linked to a Plane workspace).</source>
        <translation>Die Stunden stammen aus den Zeiteinträgen in Agency OS (diese Datenbank hat keine Zeiterfassung von Plane, oder kein Kunde ist mit einem Plane-Arbeitsbereich verknüpft).</translation>
    </message>
    <message>
        <source>Retainer ledger</source>
        <translation>Retainer-Abrechnung</translation>
    </message>
    <message>
        <source>Hours used in %1 against the hours the tier includes; overage at the tier&apos;s rate</source>
        <translation>Genutzte Stunden im %1 gegenüber den enthaltenen Stunden der Stufe; Mehrstunden zum Satz der Stufe</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Hours included</source>
        <translation>Enthaltene Stunden</translation>
    </message>
    <message>
        <source>Hours used</source>
        <translation>Genutzte Stunden</translation>
    </message>
    <message>
        <source>Overage (h)</source>
        <translation>Mehrstunden (h)</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Stundensatz</translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation>Retainer</translation>
    </message>
    <message>
        <source>Overage</source>
        <translation>Mehrbetrag</translation>
    </message>
    <message>
        <source>To invoice</source>
        <translation>Zu berechnen</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>%1 (%2) is before %3 (%4)</source>
        <translation>%1 (%2) liegt vor %3 (%4)</translation>
    </message>
</context>
<context>
    <name>SheetReader</name>
    <message>
        <source>the workbook could not be read: %1</source>
        <translation>die Arbeitsmappe konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file starts as a workbook (a zip) but its table of contents is missing</source>
        <translation>die Datei beginnt wie eine Arbeitsmappe (ein Zip), aber ihr Inhaltsverzeichnis fehlt</translation>
    </message>
    <message>
        <source>the workbook is larger than 4 GB (ZIP64): save it as CSV instead</source>
        <translation>die Arbeitsmappe ist größer als 4 GB (ZIP64): speichern Sie sie stattdessen als CSV</translation>
    </message>
    <message>
        <source>the workbook&apos;s table of contents could not be read</source>
        <translation>das Inhaltsverzeichnis der Arbeitsmappe konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the workbook is encrypted: open it and save it without a password first</source>
        <translation>die Arbeitsmappe ist verschlüsselt: öffnen Sie sie und speichern Sie sie zuerst ohne Passwort</translation>
    </message>
    <message>
        <source>the workbook has no %1</source>
        <translation>die Arbeitsmappe hat kein %1</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 could not be found in it</source>
        <translation>%1 der Arbeitsmappe wurde darin nicht gefunden</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 could not be read</source>
        <translation>%1 der Arbeitsmappe konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 is packed in a way this cannot read</source>
        <translation>%1 der Arbeitsmappe ist auf eine Weise gepackt, die hier nicht gelesen werden kann</translation>
    </message>
    <message>
        <source>zlib could not start</source>
        <translation>zlib konnte nicht starten</translation>
    </message>
    <message>
        <source>the workbook&apos;s %1 is damaged (zlib: %2)</source>
        <translation>%1 der Arbeitsmappe ist beschädigt (zlib: %2)</translation>
    </message>
    <message>
        <source>could not write the sheet as CSV: %1</source>
        <translation>das Blatt konnte nicht als CSV geschrieben werden: %1</translation>
    </message>
    <message>
        <source>the workbook&apos;s sheet is not well-formed XML (line %1): %2</source>
        <translation>das Blatt der Arbeitsmappe ist kein wohlgeformtes XML (Zeile %1): %2</translation>
    </message>
    <message>
        <source>the workbook&apos;s first sheet is empty</source>
        <translation>das erste Blatt der Arbeitsmappe ist leer</translation>
    </message>
    <message>
        <source>no temporary file for the sheet: %1</source>
        <translation>keine temporäre Datei für das Blatt: %1</translation>
    </message>
</context>
<context>
    <name>SlaReport</name>
    <message>
        <source>Reading the clients</source>
        <translation>Lesen der Kunden</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) linked to no Plane workspace: not measured.</source>
        <translation>
            <numerusform>%n Kunde ohne Plane-Arbeitsbereich: nicht gemessen.</numerusform>
            <numerusform>%n Kunden ohne Plane-Arbeitsbereich: nicht gemessen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plane&apos;s work is read from its PostgreSQL database; this is an SQLite file.</source>
        <translation>Die Arbeit in Plane wird aus seiner PostgreSQL-Datenbank gelesen; dies ist eine SQLite-Datei.</translation>
    </message>
    <message>
        <source>Plane&apos;s tables could not be read: %1</source>
        <translation>Die Tabellen von Plane konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This Plane database has no issues table (or this role may not read it).</source>
        <translation>Diese Plane-Datenbank hat keine Tabelle issues (oder diese Rolle darf sie nicht lesen).</translation>
    </message>
    <message>
        <source>Plane&apos;s issues table has no %1 column in this Plane version.</source>
        <translation>Die Tabelle issues von Plane hat in dieser Plane-Version keine Spalte %1.</translation>
    </message>
    <message>
        <source>Deleted issues cannot be told apart in this Plane version: they are counted.</source>
        <translation>Gelöschte Aufgaben sind in dieser Plane-Version nicht zu erkennen: sie werden mitgezählt.</translation>
    </message>
    <message>
        <source>Drafts cannot be told apart in this Plane version: they are counted.</source>
        <translation>Entwürfe sind in dieser Plane-Version nicht zu erkennen: sie werden mitgezählt.</translation>
    </message>
    <message>
        <source>This Plane database keeps no comments: only moves into a started state count.</source>
        <translation>Diese Plane-Datenbank hat keine Kommentare: nur der Wechsel in einen begonnenen Status zählt.</translation>
    </message>
    <message>
        <source>This Plane database keeps no state changes: only comments count.</source>
        <translation>Diese Plane-Datenbank hat keine Statuswechsel: nur Kommentare zählen.</translation>
    </message>
    <message>
        <source>Reading the issues from Plane</source>
        <translation>Lesen der Aufgaben aus Plane</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Reaktionszeiten</translation>
    </message>
    <message>
        <source>Requests written in %1 (UTC), first responses against the tier&apos;s response time</source>
        <translation>Anfragen aus dem %1 (UTC), erste Antworten gegenüber der Reaktionszeit der Stufe</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Median (h)</source>
        <translation>Median (h)</translation>
    </message>
    <message>
        <source>90th percentile (h)</source>
        <translation>90. Perzentil (h)</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Verstöße</translation>
    </message>
    <message>
        <source>Allowed (h)</source>
        <translation>Erlaubt (h)</translation>
    </message>
    <message>
        <source>%1: breach %2 %3</source>
        <translation>%1: Verstoß %2 %3</translation>
    </message>
    <message>
        <source>%1: about to breach %2 %3</source>
        <translation>%1: bald Verstoß %2 %3</translation>
    </message>
    <message>
        <source>%1: %2 more breaches</source>
        <translation>%1: %2 weitere Verstöße</translation>
    </message>
    <message>
        <source>Requests written in %1 (UTC), first responses against the tier&apos;s response time in business hours: %2</source>
        <translation>Anfragen aus %1 (UTC), erste Antworten gegen die Reaktionszeit der Stufe in Geschäftszeiten: %2</translation>
    </message>
</context>
<context>
    <name>SoftDeletion</name>
    <message>
        <source>Starting a transaction</source>
        <translation>Transaktion wird begonnen</translation>
    </message>
    <message>
        <source>Committing</source>
        <translation>Wird festgeschrieben</translation>
    </message>
    <message>
        <source>Deleting what belongs to it</source>
        <translation>Zugehöriges wird gelöscht</translation>
    </message>
    <message>
        <source>Restoring what belongs to it</source>
        <translation>Zugehöriges wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Counting what belongs to it</source>
        <translation>Zugehöriges wird gezählt</translation>
    </message>
    <message>
        <source>Checking what uses it</source>
        <translation>Verwendungen werden geprüft</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Checking the parent row</source>
        <translation>Übergeordnete Zeile wird geprüft</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wird wiederhergestellt</translation>
    </message>
    <message>
        <source>The SLA tier &quot;%1&quot; is used by %2 live client(s): move them to another tier first</source>
        <translation>Die SLA-Stufe „%1“ wird von %2 aktiven Kunden verwendet: Verschieben Sie diese zuerst in eine andere Stufe</translation>
    </message>
    <message>
        <source>The client &quot;%1&quot; is deleted: restore the client first</source>
        <translation>Der Kunde „%1“ ist gelöscht: Stellen Sie zuerst den Kunden wieder her</translation>
    </message>
    <message>
        <source>The channel&apos;s campaign is deleted: restore the campaign first</source>
        <translation>Die Kampagne des Kanals ist gelöscht: Stellen Sie zuerst die Kampagne wieder her</translation>
    </message>
    <message>
        <source>The entry&apos;s client is deleted: restore the client first</source>
        <translation>Der Kunde des Eintrags ist gelöscht: stellen Sie zuerst den Kunden wieder her</translation>
    </message>
</context>
<context>
    <name>SpendCurve</name>
    <message>
        <source>Reading the campaign</source>
        <translation>Die Kampagne lesen</translation>
    </message>
    <message>
        <source>Hidden: your database role may not read the imported spend.</source>
        <translation>Verborgen: Ihre Datenbankrolle darf die importierten Ausgaben nicht lesen.</translation>
    </message>
    <message>
        <source>Reading the imported spend</source>
        <translation>Die importierten Ausgaben lesen</translation>
    </message>
</context>
<context>
    <name>SpendCurveChart</name>
    <message>
        <source>No pacing: the campaign needs a start and an end date</source>
        <translation>Kein Budgetverlauf: die Kampagne braucht ein Start- und ein Enddatum</translation>
    </message>
    <message>
        <source>No pacing: the campaign has no budget</source>
        <translation>Kein Budgetverlauf: die Kampagne hat kein Budget</translation>
    </message>
    <message>
        <source>No pacing yet: no spend imported (agency-os import spend)</source>
        <translation>Noch kein Budgetverlauf: keine Ausgaben importiert (agency-os import spend)</translation>
    </message>
    <message>
        <source>Spent %1 of %2; planned by now %3</source>
        <translation>%1 von %2 ausgegeben; bis heute geplant %3</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
</context>
<context>
    <name>SpendImport</name>
    <message>
        <source>--rate takes CUR=RATE, such as USD=0.92 (1 USD is 0.92 of the campaign&apos;s currency), not &apos;%1&apos;</source>
        <translation>--rate erwartet WÄH=KURS, etwa USD=0.92 (1 USD sind 0,92 der Kampagnenwährung), nicht „%1“</translation>
    </message>
    <message>
        <source>Reading the channels</source>
        <translation>Lesen der Kanäle</translation>
    </message>
    <message>
        <source>the line names no campaign id</source>
        <translation>die Zeile nennt keine Kampagnen-ID</translation>
    </message>
    <message>
        <source>no channel has external campaign %1</source>
        <translation>kein Kanal hat die externe Kampagne %1</translation>
    </message>
    <message>
        <source>no channel has external account %1 and campaign %2</source>
        <translation>kein Kanal hat das externe Konto %1 und die Kampagne %2</translation>
    </message>
    <message>
        <source>%1 channels have external campaign %2: give each its external account</source>
        <translation>%1 Kanäle haben die externe Kampagne %2: geben Sie jedem sein externes Konto</translation>
    </message>
    <message>
        <source>this line is in %1, line %2 of the same campaign and days in %3</source>
        <translation>diese Zeile ist in %1, Zeile %2 derselben Kampagne und Tage in %3</translation>
    </message>
    <message>
        <source>Reading the spend imported before</source>
        <translation>Lesen der zuvor importierten Ausgaben</translation>
    </message>
    <message>
        <source>Reading the campaigns</source>
        <translation>Lesen der Kampagnen</translation>
    </message>
    <message>
        <source>the report names no currency and its campaign has none yet: add the report&apos;s currency column, or &quot;currency&quot;: &quot;EUR&quot; to the campaign&apos;s metadata</source>
        <translation>der Bericht nennt keine Währung und seine Kampagne hat noch keine: nehmen Sie die Währungsspalte in den Bericht auf oder &quot;currency&quot;: &quot;EUR&quot; in die Metadaten der Kampagne</translation>
    </message>
    <message>
        <source>the report is in %1, the campaign in %2: give the rate, e.g. --rate %1=RATE (1 %1 in %2)</source>
        <translation>der Bericht ist in %1, die Kampagne in %2: geben Sie den Kurs an, z. B. --rate %1=KURS (1 %1 in %2)</translation>
    </message>
    <message>
        <source>%1 – %2 overlaps %3 – %4 in the same file for this channel</source>
        <translation>%1 – %2 überschneidet sich in derselben Datei mit %3 – %4 für diesen Kanal</translation>
    </message>
    <message>
        <source>%1 – %2 overlaps %3 – %4 imported before for this channel: import the same periods again (a report by day matches any report by day)</source>
        <translation>%1 – %2 überschneidet sich mit dem zuvor importierten Zeitraum %3 – %4 dieses Kanals: importieren Sie dieselben Zeiträume erneut (ein Bericht nach Tagen passt zu jedem Bericht nach Tagen)</translation>
    </message>
    <message>
        <source>Starting the import</source>
        <translation>Beginn des Imports</translation>
    </message>
    <message>
        <source>Replacing a period imported before</source>
        <translation>Ersetzen eines zuvor importierten Zeitraums</translation>
    </message>
    <message>
        <source>Saving a channel&apos;s results</source>
        <translation>Speichern der Ergebnisse eines Kanals</translation>
    </message>
    <message>
        <source>Adding up the campaigns&apos; spend</source>
        <translation>Summieren der Ausgaben der Kampagnen</translation>
    </message>
    <message>
        <source>Saving a campaign&apos;s spend</source>
        <translation>Speichern der Ausgaben einer Kampagne</translation>
    </message>
    <message>
        <source>Saving the import</source>
        <translation>Speichern des Imports</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>not an ad platform&apos;s report this app reads: it reads the campaign reports of Google Ads (Day, Campaign ID, Cost), Meta Ads Manager (Campaign ID, Amount spent, Day or Reporting starts and ends) and Microsoft Advertising (Gregorian date, Campaign ID, Spend), in English or German, and the generic layout (date, account_id, campaign_id, spend, currency)</source>
        <translation>kein Bericht einer Werbeplattform, den diese App liest: sie liest die Kampagnenberichte von Google Ads (Tag, Kampagnen-ID, Kosten), Meta-Werbeanzeigenmanager (Kampagnen-ID, Ausgegebener Betrag, Tag oder Berichtsbeginn und -ende) und Microsoft Advertising (Gregorianisches Datum, Kampagnen-ID, Ausgaben), auf Englisch oder Deutsch, und das allgemeine Format (date, account_id, campaign_id, spend, currency)</translation>
    </message>
    <message>
        <source>the amount spent &apos;%1&apos; cannot be read%2</source>
        <translation>der ausgegebene Betrag „%1“ ist nicht lesbar%2</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; cannot be read</source>
        <translation>%1 „%2“ ist nicht lesbar</translation>
    </message>
    <message>
        <source>the date &apos;%1&apos; cannot be read</source>
        <translation>das Datum „%1“ ist nicht lesbar</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a currency code (three letters, such as EUR)</source>
        <translation>„%1“ ist kein Währungscode (drei Buchstaben, etwa EUR)</translation>
    </message>
    <message>
        <source>the lines of %1 – %2 add up to %3, more than a spend holds (%4)</source>
        <translation>die Zeilen von %1 – %2 ergeben zusammen %3, mehr als eine Ausgabe fasst (%4)</translation>
    </message>
    <message>
        <source>Making room for the report&apos;s lines</source>
        <translation>Platz für die Zeilen des Berichts wird angelegt</translation>
    </message>
    <message>
        <source>Adding up the report&apos;s lines by channel and period</source>
        <translation>Die Zeilen des Berichts werden je Kanal und Zeitraum summiert</translation>
    </message>
    <message>
        <source>Adding up the report&apos;s lines</source>
        <translation>Die Zeilen des Berichts werden summiert</translation>
    </message>
    <message>
        <source>Reading the report&apos;s currencies</source>
        <translation>Die Währungen des Berichts werden gelesen</translation>
    </message>
    <message>
        <source>Reading the report&apos;s periods</source>
        <translation>Die Zeiträume des Berichts werden gelesen</translation>
    </message>
    <message>
        <source>Adding up the channels&apos; spend</source>
        <translation>Die Ausgaben der Kanäle werden summiert</translation>
    </message>
</context>
<context>
    <name>SqlError</name>
    <message>
        <source>the database connection is closed</source>
        <translation>die Datenbankverbindung ist geschlossen</translation>
    </message>
    <message>
        <source>your database role is not allowed to do this; ask an administrator for the right (%1)</source>
        <translation>Ihre Datenbankrolle darf das nicht; bitten Sie einen Administrator um das Recht (%1)</translation>
    </message>
    <message>
        <source>another program is writing the database file and has not finished after 5 seconds; nothing was written here, try again in a moment</source>
        <translation>ein anderes Programm schreibt in die Datenbankdatei und ist nach 5 Sekunden nicht fertig; hier wurde nichts geschrieben, versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>another program wrote the database file since it was read here; nothing was written here, try again</source>
        <translation>ein anderes Programm hat in die Datenbankdatei geschrieben, seit sie hier gelesen wurde; hier wurde nichts geschrieben, versuchen Sie es noch einmal</translation>
    </message>
    <message>
        <source>the disk the database is on is full; nothing was written: make room on it and try again</source>
        <translation>der Datenträger der Datenbank ist voll; nichts wurde geschrieben: schaffen Sie dort Platz und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the server is read-only (a standby, or a read-only session); nothing was written: connect to the primary (with several hosts, add target_session_attrs=read-write)</source>
        <translation>der Server ist schreibgeschützt (ein Standby oder eine schreibgeschützte Sitzung); nichts wurde geschrieben: verbinden Sie sich mit dem Primärserver (bei mehreren Hosts mit target_session_attrs=read-write)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>the last database used</source>
        <translation>die zuletzt verwendete Datenbank</translation>
    </message>
    <message>
        <source>the embedded database</source>
        <translation>die eingebettete Datenbank</translation>
    </message>
    <message>
        <source>cannot prepare the database %1: %2</source>
        <translation>die Datenbank %1 kann nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>the Agency OS schema in %1 is not up to date (this app needs version %2): ask an administrator to run: agency-os migrate up --db %1</source>
        <translation>das Agency-OS-Schema in %1 ist nicht aktuell (diese App braucht Version %2): Bitten Sie einen Administrator, Folgendes auszuführen: agency-os migrate up --db %1</translation>
    </message>
    <message>
        <source>an applied migration in %1 differs from this app&apos;s copy: run agency-os migrate status</source>
        <translation>eine angewendete Migration in %1 weicht von der Kopie dieser App ab: Führen Sie agency-os migrate status aus</translation>
    </message>
    <message>
        <source>the Agency OS schema in %1 is newer than this app (version %2): it can be read (export, report, history) but not changed; update Agency OS to change it</source>
        <translation>das Agency-OS-Schema in %1 ist neuer als diese App (Version %2): es kann gelesen (Export, Bericht, Verlauf), aber nicht geändert werden; aktualisieren Sie Agency OS, um es zu ändern</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>unknown export column &apos;%1&apos;</source>
        <translation>unbekannte Exportspalte „%1“</translation>
    </message>
    <message>
        <source>unknown table &apos;%1&apos;</source>
        <translation>unbekannte Tabelle „%1“</translation>
    </message>
    <message>
        <source>cannot sort by &apos;%1&apos;: not a column of %2</source>
        <translation>nach „%1“ kann nicht sortiert werden: keine Spalte von %2</translation>
    </message>
    <message>
        <source>could not write the file: %1</source>
        <translation>die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>%1 wird exportiert</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>Exporting %1: %2</source>
        <translation>Export von %1: %2</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>auf die Standardausgabe kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>a sheet holds at most %L1 rows below its header</source>
        <translation>ein Tabellenblatt fasst höchstens %L1 Zeilen unter der Kopfzeile</translation>
    </message>
    <message>
        <source>could not write the workbook: %1</source>
        <translation>die Arbeitsmappe konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Counting %1</source>
        <translation>Zählen von %1</translation>
    </message>
    <message>
        <source>%L1 rows are more than a sheet holds (%L2 below its header): export them as CSV, or narrow the view first</source>
        <translation>%L1 Zeilen sind mehr, als ein Tabellenblatt fasst (%L2 unter der Kopfzeile): exportieren Sie sie als CSV oder grenzen Sie die Ansicht zuerst ein</translation>
    </message>
    <message>
        <source>the workbook would pass 4 GB, more than a ZIP file without ZIP64 holds: export as CSV</source>
        <translation>die Arbeitsmappe würde größer als 4 GB, mehr als eine ZIP-Datei ohne ZIP64 fasst: als CSV exportieren</translation>
    </message>
    <message>
        <source>could not start compressing the workbook</source>
        <translation>das Komprimieren der Arbeitsmappe konnte nicht beginnen</translation>
    </message>
    <message>
        <source>could not compress the workbook</source>
        <translation>die Arbeitsmappe konnte nicht komprimiert werden</translation>
    </message>
</context>
<context>
    <name>TableImport</name>
    <message>
        <source>%1: &apos;%2&apos; is not true or false</source>
        <translation>%1: „%2“ ist weder true noch false</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date (YYYY-MM-DD)</source>
        <translation>%1: „%2“ ist kein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a whole number</source>
        <translation>%1: „%2“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Wird importiert</translation>
    </message>
    <message>
        <source>import works for SLA tiers, clients, campaigns and channels</source>
        <translation>Import ist für SLA-Stufen, Kunden, Kampagnen und Kanäle möglich</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the header names the column %1 twice (fields %2 and %3)</source>
        <translation>die Kopfzeile nennt die Spalte %1 zweimal (Felder %2 und %3)</translation>
    </message>
    <message>
        <source>no column of the header names a column of %1</source>
        <translation>keine Spalte der Kopfzeile nennt eine Spalte von %1</translation>
    </message>
    <message>
        <source>Starting the import</source>
        <translation>Import wird begonnen</translation>
    </message>
    <message>
        <source>%1 fields, where the header has %2</source>
        <translation>%1 Felder, wo die Kopfzeile %2 hat</translation>
    </message>
    <message>
        <source>this row was changed in the database at %1, after the file&apos;s version (%2): export again and redo the edit</source>
        <translation>diese Zeile wurde am %1 in der Datenbank geändert, nach dem Stand der Datei (%2): Exportieren Sie erneut und wiederholen Sie die Änderung</translation>
    </message>
    <message>
        <source>the row changed while importing</source>
        <translation>die Zeile hat sich während des Imports geändert</translation>
    </message>
    <message>
        <source>cancelled: nothing was written</source>
        <translation>abgebrochen: nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>Committing the import</source>
        <translation>Import wird festgeschrieben</translation>
    </message>
    <message>
        <source>Finding the parent by name</source>
        <translation>Übergeordnete Zeile nach Namen suchen</translation>
    </message>
    <message>
        <source>no campaign_id, and no client_name and campaign_label to find the campaign by</source>
        <translation>keine campaign_id und kein client_name und campaign_label, um die Kampagne zu finden</translation>
    </message>
    <message>
        <source>no client_id, and no client_name to find the client by</source>
        <translation>keine client_id und kein client_name, um den Kunden zu finden</translation>
    </message>
    <message>
        <source>%1 campaigns match “%2”: %3; give campaign_id</source>
        <translation>%1 Kampagnen passen zu „%2“: %3; geben Sie campaign_id an</translation>
    </message>
    <message>
        <source>%1 clients are named “%2”: %3; give client_id</source>
        <translation>%1 Kunden heißen „%2“: %3; geben Sie client_id an</translation>
    </message>
    <message>
        <source>the campaign “%1” is deleted: restore it first</source>
        <translation>die Kampagne „%1“ ist gelöscht: Stellen Sie sie zuerst wieder her</translation>
    </message>
    <message>
        <source>the client “%1” is deleted: restore it first</source>
        <translation>der Kunde „%1“ ist gelöscht: Stellen Sie ihn zuerst wieder her</translation>
    </message>
    <message>
        <source>no campaign “%1”</source>
        <translation>keine Kampagne „%1“</translation>
    </message>
    <message>
        <source>no client named “%1”</source>
        <translation>kein Kunde namens „%1“</translation>
    </message>
    <message>
        <source>the database ended the import at line %1: nothing was written</source>
        <translation>die Datenbank hat den Import in Zeile %1 beendet: nichts wurde geschrieben</translation>
    </message>
</context>
<context>
    <name>TableRights</name>
    <message>
        <source>Checking the right to change %1</source>
        <translation>Recht zum Ändern von %1 wird geprüft</translation>
    </message>
</context>
<context>
    <name>TableSpec</name>
    <message numerus="yes">
        <source>%n SLA tier(s)</source>
        <translation>
            <numerusform>%n SLA-Stufe</numerusform>
            <numerusform>%n SLA-Stufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n Kunde</numerusform>
            <numerusform>%n Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n Kampagne</numerusform>
            <numerusform>%n Kampagnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time entry(ies)</source>
        <translation>
            <numerusform>%n Zeiteintrag</numerusform>
            <numerusform>%n Zeiteinträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableStore</name>
    <message>
        <source>Reading the current version of a row</source>
        <translation>Aktueller Stand einer Zeile wird gelesen</translation>
    </message>
    <message>
        <source>The connection to the database is lost: nothing was saved, and your edits are kept. Save again once it is back.</source>
        <translation>Die Verbindung zur Datenbank ist unterbrochen: Nichts wurde gespeichert, und Ihre Änderungen bleiben erhalten. Speichern Sie erneut, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>Starting to save</source>
        <translation>Speichern wird begonnen</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>%1 wird gespeichert</translation>
    </message>
    <message>
        <source>Rolling back a failed save</source>
        <translation>Fehlgeschlagenes Speichern wird zurückgenommen</translation>
    </message>
    <message>
        <source>Adding a row to %1</source>
        <translation>Zeile wird zu %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Saving a row of %1</source>
        <translation>Zeile von %1 wird gespeichert</translation>
    </message>
    <message>
        <source>This row was deleted on another desktop: keep your version or let it go</source>
        <translation>Diese Zeile wurde an einem anderen Arbeitsplatz gelöscht: Behalten Sie Ihre Fassung oder verwerfen Sie sie</translation>
    </message>
    <message>
        <source>This row was changed on another desktop at %1: review both versions</source>
        <translation>Diese Zeile wurde am %1 an einem anderen Arbeitsplatz geändert: Prüfen Sie beide Fassungen</translation>
    </message>
    <message>
        <source>This row was changed by %1 at %2: review both versions</source>
        <translation>Diese Zeile wurde von %1 um %2 geändert: beide Fassungen prüfen</translation>
    </message>
</context>
<context>
    <name>TimeImport</name>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the date &apos;%1&apos; cannot be read</source>
        <translation>das Datum „%1“ ist nicht lesbar</translation>
    </message>
    <message>
        <source>the duration &apos;%1&apos; cannot be read</source>
        <translation>die Dauer „%1“ ist nicht lesbar</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Reading the clients</source>
        <translation>Lesen der Kunden</translation>
    </message>
    <message>
        <source>no client: every entry must name one</source>
        <translation>kein Kunde: jeder Eintrag muss einen nennen</translation>
    </message>
    <message>
        <source>no live client is called &quot;%1&quot;</source>
        <translation>kein aktueller Kunde heißt „%1“</translation>
    </message>
    <message>
        <source>%1 clients are called &quot;%2&quot;: rename one</source>
        <translation>%1 Kunden heißen „%2“: benennen Sie einen um</translation>
    </message>
    <message>
        <source>Starting the import</source>
        <translation>Beginn des Imports</translation>
    </message>
    <message>
        <source>Reading the entries</source>
        <translation>Lesen der Einträge</translation>
    </message>
    <message>
        <source>Adding the entry</source>
        <translation>Hinzufügen des Eintrags</translation>
    </message>
    <message>
        <source>Saving the import</source>
        <translation>Speichern des Imports</translation>
    </message>
    <message>
        <source>not a time tracker&apos;s export this app reads: it reads the detailed report of Harvest (Date, Client, Hours, First Name), Toggl Track (User, Client, Start date, Duration) or Clockify (User, Client, Start Date, Duration (h))</source>
        <translation>kein Export einer Zeiterfassung, den diese App liest: sie liest den detaillierten Bericht von Harvest (Date, Client, Hours, First Name), Toggl Track (User, Client, Start date, Duration) oder Clockify (User, Client, Start Date, Duration (h))</translation>
    </message>
</context>
<context>
    <name>ValueMerge</name>
    <message>
        <source>Listing the values in use</source>
        <translation>Verwendete Werte werden aufgelistet</translation>
    </message>
    <message>
        <source>Choose two different values to merge</source>
        <translation>Wählen Sie zwei verschiedene Werte zum Zusammenführen</translation>
    </message>
    <message>
        <source>%1: at most %2 characters</source>
        <translation>%1: höchstens %2 Zeichen</translation>
    </message>
    <message>
        <source>Merging values</source>
        <translation>Werte werden zusammengeführt</translation>
    </message>
</context>
<context>
    <name>ValueText</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Retainer</source>
        <translation>Retainer</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>SEO</source>
        <translation>SEO</translation>
    </message>
    <message>
        <source>Paid search (PPC)</source>
        <translation>Suchmaschinenwerbung (PPC)</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Display ads</source>
        <translation>Displaywerbung</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Google Ads</source>
        <translation>Google Ads</translation>
    </message>
    <message>
        <source>Meta Ads</source>
        <translation>Meta Ads</translation>
    </message>
    <message>
        <source>LinkedIn Ads</source>
        <translation>LinkedIn Ads</translation>
    </message>
    <message>
        <source>TikTok Ads</source>
        <translation>TikTok Ads</translation>
    </message>
    <message>
        <source>Microsoft Advertising</source>
        <translation>Microsoft Advertising</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Newsletter</translation>
    </message>
    <message>
        <source>SEO content</source>
        <translation>SEO-Inhalte</translation>
    </message>
    <message>
        <source>YouTube</source>
        <translation>YouTube</translation>
    </message>
    <message>
        <source>Display network</source>
        <translation>Displaynetzwerk</translation>
    </message>
    <message>
        <source>Influencers</source>
        <translation>Influencer</translation>
    </message>
    <message>
        <source>Podcasts</source>
        <translation>Podcasts</translation>
    </message>
</context>
<context>
    <name>agency::db::ChangeFeed</name>
    <message>
        <source>connected through a connection pooler, which does not pass on the server&apos;s change notifications</source>
        <translation>über einen Verbindungspooler verbunden, der die Änderungsmeldungen des Servers nicht weitergibt</translation>
    </message>
    <message>
        <source>the server did not accept LISTEN (%1)</source>
        <translation>der Server hat LISTEN nicht angenommen (%1)</translation>
    </message>
</context>
<context>
    <name>agency::tables::AgencyTableModel</name>
    <message>
        <source>Rows are deleted softly: use Delete, which can be undone</source>
        <translation>Zeilen werden nur als gelöscht markiert: Verwenden Sie Löschen, was sich rückgängig machen lässt</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be saved</source>
        <translation>Diese Datenbank ist schreibgeschützt geöffnet: Nichts kann gespeichert werden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message numerus="yes">
        <source>Saved, except %n row(s) deleted on another desktop while you edited them: save yours as a new row or discard them</source>
        <translation>
            <numerusform>Gespeichert, außer %n Zeile, die an einem anderen Arbeitsplatz gelöscht wurde, während Sie sie bearbeitet haben: Speichern Sie Ihre als neue Zeile oder verwerfen Sie sie</numerusform>
            <numerusform>Gespeichert, außer %n Zeilen, die an einem anderen Arbeitsplatz gelöscht wurden, während Sie sie bearbeitet haben: Speichern Sie Ihre als neue Zeilen oder verwerfen Sie sie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::tables::BackgroundReader</name>
    <message>
        <source>Cannot open a second connection to read in the background</source>
        <translation>Eine zweite Verbindung zum Lesen im Hintergrund kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>agency::tables::CampaignModel</name>
    <message>
        <source>Overspent by %1</source>
        <translation>Überzogen um %1</translation>
    </message>
</context>
<context>
    <name>agency::tables::ChannelModel</name>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Imported spend to date against the straight line from the campaign&apos;s start to its end: within 10 % on pace, else under or over</source>
        <translation>Importierte Ausgaben bis heute gegen die Gerade vom Start der Kampagne bis zu ihrem Ende: innerhalb von 10 % im Plan, sonst darunter oder darüber</translation>
    </message>
    <message>
        <source>no connection to read the paces on</source>
        <translation>keine Verbindung, um das Tempo zu lesen</translation>
    </message>
</context>
<context>
    <name>agency::ui::BudgetSplitChart</name>
    <message numerus="yes">
        <source>Other (%n channels)</source>
        <translation>
            <numerusform>Andere (%n Kanal)</numerusform>
            <numerusform>Andere (%n Kanäle)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Budget split</source>
        <translation>Budgetaufteilung</translation>
    </message>
    <message>
        <source> — budget %1</source>
        <translation> — Budget %1</translation>
    </message>
    <message>
        <source> — OVER-ALLOCATED by %1</source>
        <translation> — ÜBERBUCHT um %1</translation>
    </message>
</context>
<context>
    <name>agency::ui::BudgetSplitPanel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Effective amount</source>
        <translation>Effektiver Betrag</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>&lt;b&gt;Budget split&lt;/b&gt;</source>
        <translation>&lt;b&gt;Budgetaufteilung&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation> (inaktiv)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Channels take %1; the campaign has no budget allocated.</source>
        <translation>Die Kanäle beanspruchen %1; der Kampagne ist kein Budget zugewiesen.</translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · OVER-ALLOCATED by %3</source>
        <translation>Zugewiesen %1 · Kanäle %2 · ÜBERBUCHT um %3</translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · Unallocated %3</source>
        <translation>Zugewiesen %1 · Kanäle %2 · Nicht zugewiesen %3</translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · Unallocated %3 (%4)</source>
        <translation>Zugewiesen %1 · Kanäle %2 · Nicht zugewiesen %3 (%4)</translation>
    </message>
</context>
<context>
    <name>agency::ui::BusinessHoursDialog</name>
    <message>
        <source>Business hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Arbeitstage</translation>
    </message>
    <message>
        <source>&amp;Opens at</source>
        <translation>&amp;Beginnt um</translation>
    </message>
    <message>
        <source>&amp;Closes at</source>
        <translation>&amp;Endet um</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
</context>
<context>
    <name>agency::ui::CampaignDetailPanel</name>
    <message>
        <source>Budget split</source>
        <translation>Budgetaufteilung</translation>
    </message>
    <message>
        <source>Split chart</source>
        <translation>Aufteilungsdiagramm</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <source>Hidden: your database role may not read %1.</source>
        <translation>Ausgeblendet: Ihre Datenbankrolle darf %1 nicht lesen.</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Budgetverlauf</translation>
    </message>
    <message>
        <source>No pacing: the imported spend could not be read</source>
        <translation>Kein Budgetverlauf: die importierten Ausgaben konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>agency::ui::ChoiceCombo</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot;</source>
        <translation>Nichts passt zu „%1“</translation>
    </message>
</context>
<context>
    <name>agency::ui::ClientOverviewDialog</name>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Client overview</source>
        <translation>Kundenübersicht</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Monat</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Needs a word</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Tier and contract</source>
        <translation>Stufe und Vertrag</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Response time (h)</source>
        <translation>Reaktionszeit (h)</translation>
    </message>
    <message>
        <source>Hours included / month</source>
        <translation>Enthaltene Stunden / Monat</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>Stundensatz</translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation>Monatlicher Retainer</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Retainer ledger</source>
        <translation>Retainer-Abrechnung</translation>
    </message>
    <message>
        <source>Hours used</source>
        <translation>Genutzte Stunden</translation>
    </message>
    <message>
        <source>Hours over</source>
        <translation>Mehrstunden</translation>
    </message>
    <message>
        <source>Overage</source>
        <translation>Mehrbetrag</translation>
    </message>
    <message>
        <source>To invoice</source>
        <translation>Zu berechnen</translation>
    </message>
    <message>
        <source>Hours from Plane&apos;s time logs.</source>
        <translation>Stunden aus der Zeiterfassung von Plane.</translation>
    </message>
    <message>
        <source>Hours from the time entries kept in Agency OS.</source>
        <translation>Stunden aus den Zeiteinträgen in Agency OS.</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Reaktionszeiten</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Median (h)</source>
        <translation>Median (h)</translation>
    </message>
    <message>
        <source>90th percentile (h)</source>
        <translation>90. Perzentil (h)</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Verstöße</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Spent %</source>
        <translation>Ausgegeben %</translation>
    </message>
    <message>
        <source>Time %</source>
        <translation>Zeit %</translation>
    </message>
    <message>
        <source>Issues done</source>
        <translation>Erledigte Aufgaben</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&amp;Business hours only</source>
        <translation>Nur &amp;Geschäftszeiten</translation>
    </message>
    <message>
        <source>Hours…</source>
        <translation>Zeiten…</translation>
    </message>
    <message>
        <source>The working days and hours response times count in</source>
        <translation>Die Arbeitstage und -zeiten, in denen Reaktionszeiten zählen</translation>
    </message>
    <message>
        <source>Counted in calendar hours.</source>
        <translation>In Kalenderstunden gezählt.</translation>
    </message>
    <message>
        <source>Counted in business hours: %1.</source>
        <translation>In Geschäftszeiten gezählt: %1.</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>agency::ui::ConflictDialog</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation>Beim Öffnen</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation>Deren (jetzt)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>(not edited)</source>
        <translation>(nicht bearbeitet)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Deren</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Alle meine behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Deren übernehmen</translation>
    </message>
    <message>
        <source>Use my choices</source>
        <translation>Meine Auswahl verwenden</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
    <message>
        <source>Changed on another desktop</source>
        <translation>An einem anderen Arbeitsplatz geändert</translation>
    </message>
    <message>
        <source>This record was &lt;b&gt;removed&lt;/b&gt; from the database on another desktop after you started editing; your other edits were saved. Save your version as a new record, or discard it.</source>
        <translation>Dieser Datensatz wurde an einem anderen Arbeitsplatz aus der Datenbank &lt;b&gt;entfernt&lt;/b&gt;, nachdem Sie mit dem Bearbeiten begonnen haben; Ihre übrigen Änderungen wurden gespeichert. Speichern Sie Ihre Fassung als neuen Datensatz, oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>This record was &lt;b&gt;deleted&lt;/b&gt; on another desktop after you started editing. Keep your version to save your values anyway, or let it go.</source>
        <translation>Dieser Datensatz wurde an einem anderen Arbeitsplatz &lt;b&gt;gelöscht&lt;/b&gt;, nachdem Sie mit dem Bearbeiten begonnen haben. Behalten Sie Ihre Fassung, um Ihre Werte trotzdem zu speichern, oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>This record was changed on another desktop at &lt;b&gt;%1&lt;/b&gt;, after you opened it. Your edits are kept until you choose: compare the versions below.</source>
        <translation>Dieser Datensatz wurde am &lt;b&gt;%1&lt;/b&gt; an einem anderen Arbeitsplatz geändert, nachdem Sie ihn geöffnet haben. Ihre Änderungen bleiben erhalten, bis Sie entscheiden: Vergleichen Sie die Fassungen unten.</translation>
    </message>
    <message>
        <source>Save mine as a new row</source>
        <translation>Meine als neue Zeile speichern</translation>
    </message>
    <message>
        <source>Discard mine</source>
        <translation>Meine verwerfen</translation>
    </message>
    <message>
        <source> (an import on the command line)</source>
        <translation> (ein Import auf der Kommandozeile)</translation>
    </message>
    <message>
        <source> (outside Agency OS)</source>
        <translation> (außerhalb von Agency OS)</translation>
    </message>
    <message>
        <source>This record was changed by &lt;b&gt;%2&lt;/b&gt;%3 at &lt;b&gt;%1&lt;/b&gt;, after you opened it. Your edits are kept until you choose: compare the versions below.</source>
        <translation>Dieser Datensatz wurde von &lt;b&gt;%2&lt;/b&gt;%3 um &lt;b&gt;%1&lt;/b&gt; geändert, nachdem Sie ihn geöffnet hatten. Ihre Änderungen bleiben erhalten, bis Sie wählen: vergleichen Sie die Fassungen unten.</translation>
    </message>
</context>
<context>
    <name>agency::ui::ConnectionDialog</name>
    <message>
        <source>PostgreSQL server (shared with Plane)</source>
        <translation>PostgreSQL-Server (mit Plane geteilt)</translation>
    </message>
    <message>
        <source>SQLite file (this computer only)</source>
        <translation>SQLite-Datei (nur dieser Rechner)</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>Mit einer Datenbank verbinden</translation>
    </message>
    <message>
        <source>localhost (empty: libpq&apos;s default)</source>
        <translation>localhost (leer: Standard von libpq)</translation>
    </message>
    <message>
        <source>plane</source>
        <translation>plane</translation>
    </message>
    <message>
        <source>empty: ~/.pgpass or the environment</source>
        <translation>leer: ~/.pgpass oder die Umgebung</translation>
    </message>
    <message>
        <source>Recent connections…</source>
        <translation>Letzte Verbindungen…</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite-Datenbankdatei</translation>
    </message>
    <message>
        <source>Databases (*.db *.sqlite)</source>
        <translation>Datenbanken (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Host: &apos;%1&apos; cannot be part of a host name</source>
        <translation>Host: „%1“ darf nicht Teil eines Hostnamens sein</translation>
    </message>
    <message>
        <source>Database: a database name cannot contain / or ;</source>
        <translation>Datenbank: ein Datenbankname darf weder / noch ; enthalten</translation>
    </message>
    <message>
        <source>User: a user name cannot contain ;</source>
        <translation>Benutzer: ein Benutzername darf kein ; enthalten</translation>
    </message>
    <message>
        <source>File: choose where the SQLite database is (or should be created)</source>
        <translation>Datei: Wählen Sie, wo die SQLite-Datenbank liegt (oder angelegt werden soll)</translation>
    </message>
    <message>
        <source>File: %1 is a folder; give a file name such as agency.db</source>
        <translation>Datei: %1 ist ein Ordner; geben Sie einen Dateinamen wie agency.db an</translation>
    </message>
    <message>
        <source>File: %1 cannot be written</source>
        <translation>Datei: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Remember the password in the desktop keychain</source>
        <translation>Passwort im Schlüsselbund des Desktops merken</translation>
    </message>
    <message>
        <source>No desktop keychain is running (%1): the password is asked each time and never stored</source>
        <translation>Es läuft kein Schlüsselbund des Desktops (%1): Das Passwort wird jedes Mal abgefragt und nie gespeichert</translation>
    </message>
    <message>
        <source>Type the password of %1 above.</source>
        <translation>Geben Sie oben das Passwort von %1 ein.</translation>
    </message>
    <message>
        <source>your user</source>
        <translation>Ihr Benutzer</translation>
    </message>
</context>
<context>
    <name>agency::ui::ContractsPanel</name>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Vertragsende</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
</context>
<context>
    <name>agency::ui::DashboardPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Starting from</source>
        <translation>Beginn ab</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Finance review PDF…</source>
        <translation>Finanzbericht als PDF…</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Allocated vs spent by client</source>
        <translation>Zugewiesen und ausgegeben je Kunde</translation>
    </message>
    <message>
        <source>Spend by campaign type</source>
        <translation>Ausgaben je Kampagnentyp</translation>
    </message>
    <message>
        <source>Retainer value by tier</source>
        <translation>Wert der Pauschalen je Stufe</translation>
    </message>
    <message>
        <source>Save as PNG or SVG…</source>
        <translation>Als PNG oder SVG speichern…</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>Bilder (*.png *.svg)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Chart copied</source>
        <translation>Diagramm kopiert</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>Finanzbericht</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>Kunde %1</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>Typ %1</translation>
    </message>
    <message>
        <source>starting from %1</source>
        <translation>Beginn ab %1</translation>
    </message>
    <message>
        <source>starting until %1</source>
        <translation>Beginn bis %1</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation>Warnen ab</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>A live campaign that has spent this share of its budget is flagged</source>
        <translation>Eine laufende Kampagne, die diesen Anteil ihres Budgets ausgegeben hat, wird markiert</translation>
    </message>
    <message>
        <source>A campaign past this share of its budget is over its limit (at 100 %: overspent)</source>
        <translation>Eine Kampagne über diesem Anteil ihres Budgets ist über dem Limit (bei 100 %: überzogen)</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Burn</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation>Überzogen</translation>
    </message>
    <message>
        <source>Without a figure</source>
        <translation>Ohne Wert</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Share of spend</source>
        <translation>Anteil an den Ausgaben</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Active clients</source>
        <translation>Aktive Kunden</translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation>Monatliche Pauschale</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Spend by type</source>
        <translation>Ausgaben je Typ</translation>
    </message>
    <message>
        <source>Type figures</source>
        <translation>Zahlen je Typ</translation>
    </message>
    <message>
        <source>Retainer by tier</source>
        <translation>Pauschale je Stufe</translation>
    </message>
    <message>
        <source>Tier figures</source>
        <translation>Zahlen je Stufe</translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation>Prognose zum Ende</translation>
    </message>
    <message>
        <source>Pace: the share of its budget a campaign has spent against the share of its days gone; off pace is more than 15 points ahead or 25 behind. Projected: spent so far ÷ days gone × days in all.</source>
        <translation>Tempo: der Anteil des Budgets, den eine Kampagne ausgegeben hat, gegenüber dem Anteil ihrer vergangenen Tage; aus dem Tempo heißt mehr als 15 Punkte voraus oder 25 zurück. Prognose: bisher ausgegeben ÷ vergangene Tage × Tage insgesamt.</translation>
    </message>
    <message>
        <source>Needs attention: the %1 most severe of %2</source>
        <translation>Handlungsbedarf: die %1 dringendsten von %2</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 · %2 zu viel</translation>
    </message>
    <message>
        <source>%1 budget · %2 spent</source>
        <translation>%1 Budget · %2 Ausgaben</translation>
    </message>
    <message>
        <source>no retainer</source>
        <translation>keine Pauschale</translation>
    </message>
    <message>
        <source>Writing the finance review…</source>
        <translation>Finanzbericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Finance review cancelled: nothing was written</source>
        <translation>Finanzbericht abgebrochen: nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>Finance figures CSV…</source>
        <translation>Finanzzahlen als CSV…</translation>
    </message>
    <message>
        <source>The review&apos;s figures for this filter as one CSV table: the total, each client, each campaign</source>
        <translation>Die Zahlen des Berichts für diesen Filter als eine CSV-Tabelle: die Summe, jeder Kunde, jede Kampagne</translation>
    </message>
    <message>
        <source>Finance figures</source>
        <translation>Finanzzahlen</translation>
    </message>
    <message>
        <source>Writing the finance figures…</source>
        <translation>Die Finanzzahlen werden geschrieben…</translation>
    </message>
    <message>
        <source>Finance figures cancelled: nothing was written</source>
        <translation>Finanzzahlen abgebrochen: Es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Contracts (%1)</source>
        <translation>Verträge (%1)</translation>
    </message>
    <message>
        <source>Budgets and spend are hidden: your database role may not read %1.</source>
        <translation>Budgets und Ausgaben sind ausgeblendet: Ihre Datenbankrolle darf %1 nicht lesen.</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Budgetverlauf</translation>
    </message>
    <message>
        <source>Pacing (%1 off)</source>
        <translation>Budgetverlauf (%1 abweichend)</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>agency::ui::DecimalEdit</name>
    <message>
        <source>no amount</source>
        <translation>kein Betrag</translation>
    </message>
    <message>
        <source>no percentage</source>
        <translation>kein Prozentsatz</translation>
    </message>
</context>
<context>
    <name>agency::ui::HistoryPanel</name>
    <message>
        <source>Revert this field</source>
        <translation>Dieses Feld zurücksetzen</translation>
    </message>
    <message>
        <source>Revert this change</source>
        <translation>Diese Änderung zurücksetzen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>History of this record</source>
        <translation>Verlauf dieses Datensatzes</translation>
    </message>
    <message>
        <source>Put the selected field back to its value before this change, and save</source>
        <translation>Das gewählte Feld auf seinen Wert vor dieser Änderung zurücksetzen und speichern</translation>
    </message>
    <message>
        <source>Put every field of the selected change back to its value before it, and save</source>
        <translation>Jedes Feld der gewählten Änderung auf seinen Wert davor zurücksetzen und speichern</translation>
    </message>
    <message>
        <source>Select a record to see its history.</source>
        <translation>Wählen Sie einen Datensatz, um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>This database keeps no history you may read (it needs migration 0008, and on a server SELECT on agency_change_log).</source>
        <translation>Diese Datenbank führt keinen Verlauf, den Sie lesen dürfen (nötig sind Migration 0008 und auf einem Server SELECT auf agency_change_log).</translation>
    </message>
    <message>
        <source>No changes recorded for this record.</source>
        <translation>Für diesen Datensatz sind keine Änderungen verzeichnet.</translation>
    </message>
    <message>
        <source>The newest %1 changes, newest first.</source>
        <translation>Die neuesten %1 Änderungen, die neueste zuerst.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n Änderung, die neueste zuerst.</numerusform>
            <numerusform>%n Änderungen, die neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1
Before: %2
After: %3</source>
        <translation>%1
Vorher: %2
Nachher: %3</translation>
    </message>
</context>
<context>
    <name>agency::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Import CSV into %1</source>
        <translation>CSV in %1 importieren</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Rows whose id exists update only what changed (refused if someone changed the row since it was exported); other rows are added. Nothing is written unless every row is right.</source>
        <translation>Zeilen mit vorhandener ID ändern nur, was sich geändert hat (abgelehnt, wenn jemand die Zeile seit dem Export geändert hat); andere Zeilen werden hinzugefügt. Nichts wird geschrieben, solange nicht jede Zeile stimmt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): nothing will be written until the file is corrected.</source>
        <translation>
            <numerusform>%n Problem: Nichts wird geschrieben, bis die Datei korrigiert ist.</numerusform>
            <numerusform>%n Probleme: Nichts wird geschrieben, bis die Datei korrigiert ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation>Importiert: %1 hinzugefügt, %2 aktualisiert, %3 unverändert.</translation>
    </message>
    <message>
        <source>Ready: %1 to add, %2 to update, %3 unchanged.</source>
        <translation>Bereit: %1 hinzuzufügen, %2 zu aktualisieren, %3 unverändert.</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Nicht importierte Spalten: %1.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Importing… line %1</source>
        <translation>Wird importiert… Zeile %1</translation>
    </message>
    <message>
        <source>Checking… line %1</source>
        <translation>Wird geprüft… Zeile %1</translation>
    </message>
    <message>
        <source>cancelled: nothing was written</source>
        <translation>abgebrochen: nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import abgebrochen: Nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Check cancelled: choose the file again.</source>
        <translation>Prüfung abgebrochen: Wählen Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Nach dem Import</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) would change, listed below.</source>
        <translation>
            <numerusform>%n Feld würde sich ändern, unten aufgeführt.</numerusform>
            <numerusform>%n Felder würden sich ändern, unten aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>(The first %1 are listed.)</source>
        <translation>(Die ersten %1 sind aufgeführt.)</translation>
    </message>
    <message>
        <source>CSV files and workbooks (*.csv *.tsv *.txt *.xlsx)</source>
        <translation>CSV-Dateien und Arbeitsmappen (*.csv *.tsv *.txt *.xlsx)</translation>
    </message>
</context>
<context>
    <name>agency::ui::KeyValueEdit</name>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a metric</source>
        <translation>Kennzahl hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected metric</source>
        <translation>Ausgewählte Kennzahl entfernen</translation>
    </message>
</context>
<context>
    <name>agency::ui::KpiChart</name>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Zielerreichung</translation>
    </message>
    <message>
        <source>KPIs: attainment of target</source>
        <translation>KPIs: Zielerreichung</translation>
    </message>
    <message>
        <source>%1 — KPIs: attainment of target</source>
        <translation>%1 — KPIs: Zielerreichung</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Im Plan</translation>
    </message>
    <message>
        <source>Off track</source>
        <translation>Nicht im Plan</translation>
    </message>
    <message>
        <source> (lower is better)</source>
        <translation> (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Target (100 %)</source>
        <translation>Ziel (100 %)</translation>
    </message>
    <message>
        <source>%1
target %2, actual %3</source>
        <translation>%1
Ziel %2, Ist %3</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>n/a: no target</source>
        <translation>k. A.: kein Ziel</translation>
    </message>
    <message>
        <source>n/a: no actual yet</source>
        <translation>k. A.: noch kein Istwert</translation>
    </message>
    <message>
        <source>n/a: actual is 0</source>
        <translation>k. A.: Istwert ist 0</translation>
    </message>
    <message>
        <source>n/a: target is 0</source>
        <translation>k. A.: Ziel ist 0</translation>
    </message>
</context>
<context>
    <name>agency::ui::ListEdit</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>New feature</source>
        <translation>Neue Leistung</translation>
    </message>
</context>
<context>
    <name>agency::ui::MainWindow</name>
    <message>
        <source>Agency OS</source>
        <translation>Agency OS</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>SLA tiers</source>
        <translation>SLA-Stufen</translation>
    </message>
    <message>
        <source>Agency OS (read-only)</source>
        <translation>Agency OS (schreibgeschützt)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>&amp;Revert row</source>
        <translation>Zeile &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Show de&amp;leted</source>
        <translation>&amp;Gelöschte anzeigen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>&amp;Verbinden mit…</translation>
    </message>
    <message>
        <source>Export the current view</source>
        <translation>Aktuelle Ansicht exportieren</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>Exported to %1.
Open the folder?</source>
        <translation>Exportiert nach %1.
Ordner öffnen?</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Agency OS</source>
        <translation>Ü&amp;ber Agency OS</translation>
    </message>
    <message>
        <source>About Agency OS</source>
        <translation>Über Agency OS</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Agency OS %1&lt;/h3&gt;&lt;p&gt;Clients, campaigns, channels and budgets for agencies running Plane.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Agency OS %1&lt;/h3&gt;&lt;p&gt;Kunden, Kampagnen, Kanäle und Budgets für Agenturen, die mit Plane arbeiten.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Read-only: </source>
        <translation>Schreibgeschützt: </translation>
    </message>
    <message>
        <source>Connected to </source>
        <translation>Verbunden mit </translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>You have changes that are not saved yet.</source>
        <translation>Sie haben Änderungen, die noch nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Save them before leaving?</source>
        <translation>Vor dem Beenden speichern?</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export failed, no file written: %1</source>
        <translation>Export fehlgeschlagen, keine Datei geschrieben: %1</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>Connection lost — retrying every few seconds; your edits are kept</source>
        <translation>Verbindung unterbrochen — neuer Versuch alle paar Sekunden; Ihre Änderungen bleiben erhalten</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen: %1</translation>
    </message>
    <message>
        <source>Reconnected. Unsaved edits are still here: save them when ready.</source>
        <translation>Wieder verbunden. Nicht gespeicherte Änderungen sind noch da: Speichern Sie sie, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Unsaved changes (Ctrl+S saves them)</source>
        <translation>Nicht gespeicherte Änderungen (Strg+S speichert sie)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig</translation>
    </message>
    <message>
        <source>Bring back what was just deleted (Ctrl+Z)</source>
        <translation>Gerade Gelöschtes zurückholen (Strg+Z)</translation>
    </message>
    <message numerus="yes">
        <source>· others&apos; changes checked every %n s</source>
        <translation>
            <numerusform>· Änderungen anderer alle %n s geprüft</numerusform>
            <numerusform>· Änderungen anderer alle %n s geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available: %1. Other desktops&apos; changes are looked for every %n s instead.</source>
        <translation>
            <numerusform>Live-Aktualisierung ist nicht verfügbar: %1. Änderungen anderer Arbeitsplätze werden stattdessen alle %n s gesucht.</numerusform>
            <numerusform>Live-Aktualisierung ist nicht verfügbar: %1. Änderungen anderer Arbeitsplätze werden stattdessen alle %n s gesucht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available (%1): other desktops&apos; changes are looked for every %n s instead.</source>
        <translation>
            <numerusform>Live-Aktualisierung ist nicht verfügbar (%1): Änderungen anderer Arbeitsplätze werden stattdessen alle %n s gesucht.</numerusform>
            <numerusform>Live-Aktualisierung ist nicht verfügbar (%1): Änderungen anderer Arbeitsplätze werden stattdessen alle %n s gesucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Agency OS speaks %1 from its next start. Restart it now?</source>
        <translation>Agency OS spricht ab dem nächsten Start %1. Jetzt neu starten?</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) of type “%1” now “%2”</source>
        <translation>
            <numerusform>%n Kanal vom Typ „%1“ jetzt „%2“</numerusform>
            <numerusform>%n Kanäle vom Typ „%1“ jetzt „%2“</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Merge channel types…</source>
        <translation>Kanaltypen &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>That record is no longer there (removed for good).</source>
        <translation>Dieser Datensatz ist nicht mehr da (endgültig entfernt).</translation>
    </message>
    <message>
        <source>Recent &amp;changes…</source>
        <translation>Letzte Ä&amp;nderungen…</translation>
    </message>
    <message>
        <source>Record &amp;history</source>
        <translation>&amp;Verlauf des Datensatzes</translation>
    </message>
    <message>
        <source>Client &amp;overview…</source>
        <translation>Kunden&amp;übersicht…</translation>
    </message>
    <message>
        <source>Select a client on the Clients page first</source>
        <translation>Wählen Sie zuerst einen Kunden auf der Seite Kunden</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Edits kept when Agency OS was last stopped could not be read: %1</source>
        <translation>Die beim letzten Beenden von Agency OS aufbewahrten Änderungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Agency OS was stopped on %1 before these edits were saved. Take them back? They are written when you save.</source>
        <translation>Agency OS wurde am %1 beendet, bevor diese Änderungen gespeichert waren. Zurückholen? Geschrieben werden sie, wenn Sie speichern.</translation>
    </message>
    <message>
        <source>Take them back</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with unsaved edits taken back: Save (Ctrl+S) writes them</source>
        <translation>
            <numerusform>%n Zeile mit ungespeicherten Änderungen zurückgeholt: Speichern (Strg+S) schreibt sie</numerusform>
            <numerusform>%n Zeilen mit ungespeicherten Änderungen zurückgeholt: Speichern (Strg+S) schreibt sie</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>CSV-Dateien (*.csv);;Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeiten</translation>
    </message>
</context>
<context>
    <name>agency::ui::MergeValuesDialog</name>
    <message>
        <source>Merge channel types</source>
        <translation>Kanaltypen zusammenführen</translation>
    </message>
    <message>
        <source>Every channel whose type is the first becomes the second, in one step; the other desktops see the change. Reports then count them as one type.</source>
        <translation>Jeder Kanal mit dem ersten Typ erhält den zweiten, in einem Schritt; die anderen Arbeitsplätze sehen die Änderung. Berichte zählen sie dann als einen Typ.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>with</source>
        <translation>durch</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
</context>
<context>
    <name>agency::ui::OptionalDateEdit</name>
    <message>
        <source>Has a date</source>
        <translation>Hat ein Datum</translation>
    </message>
</context>
<context>
    <name>agency::ui::PacingPanel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Spent / planned to date</source>
        <translation>Ausgegeben / geplant bis heute</translation>
    </message>
    <message>
        <source>Budget runs out</source>
        <translation>Budget aufgebraucht</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>agency::ui::RecentChangesDialog</name>
    <message>
        <source>SLA tier</source>
        <translation>SLA-Stufe</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>Show &amp;older</source>
        <translation>Ä&amp;ltere zeigen</translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation>Letzte Änderungen</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Wer:</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>F&amp;eld:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Any field</source>
        <translation>Jedes Feld</translation>
    </message>
    <message>
        <source>This database keeps no history you may read.</source>
        <translation>Diese Datenbank führt keinen Verlauf, den Sie lesen dürfen.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No changes match.</source>
        <translation>Keine Änderungen passen.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n Änderung, die neueste zuerst.</numerusform>
            <numerusform>%n Änderungen, die neueste zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::RecordForm</name>
    <message>
        <source>Plane UUID, e.g. 3f2b6c1e-…</source>
        <translation>Plane-UUID, z. B. 3f2b6c1e-…</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archiviert)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. Harbour relaunch (else shown as client · type · start)</source>
        <translation>z. B. Hafen-Relaunch (sonst angezeigt als Kunde · Typ · Beginn)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Type to find a campaign by name, client or type</source>
        <translation>Tippen, um eine Kampagne nach Name, Kunde oder Typ zu finden</translation>
    </message>
    <message>
        <source>The name of its Plane project: rename it in Plane</source>
        <translation>Der Name ihres Plane-Projekts: Benennen Sie es in Plane um</translation>
    </message>
    <message>
        <source>Metadata below is not valid JSON: correct it, then name the campaign</source>
        <translation>Die Metadaten unten sind kein gültiges JSON: Korrigieren Sie sie, dann benennen Sie die Kampagne</translation>
    </message>
    <message>
        <source>Did you mean “%1” (%2)? Another spelling of it splits the reports by type.</source>
        <translation>Meinten Sie „%1“ (%2)? Eine andere Schreibweise teilt die Berichte nach Typ auf.</translation>
    </message>
    <message>
        <source>Read-only: your database role may not change %1 (an administrator can grant it)</source>
        <translation>Schreibgeschützt: Ihre Datenbankrolle darf %1 nicht ändern (ein Administrator kann es erlauben)</translation>
    </message>
</context>
<context>
    <name>agency::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Was sie tun</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Umschalt+Tab</translation>
    </message>
    <message>
        <source>The next or previous field of a form, in the order it is filled in</source>
        <translation>Das nächste oder vorige Feld eines Formulars, in der Reihenfolge, in der es ausgefüllt wird</translation>
    </message>
    <message>
        <source>Down (in the search box)</source>
        <translation>Pfeil nach unten (im Suchfeld)</translation>
    </message>
    <message>
        <source>Into the results, at the first match; Down and Up move through them</source>
        <translation>In die Ergebnisse, zum ersten Treffer; Pfeil nach unten und oben gehen sie durch</translation>
    </message>
    <message>
        <source>Enter (on a child row)</source>
        <translation>Eingabe (auf einer untergeordneten Zeile)</translation>
    </message>
    <message>
        <source>Open a client&apos;s campaign or a campaign&apos;s channel on its own page</source>
        <translation>Die Kampagne eines Kunden oder den Kanal einer Kampagne auf ihrer eigenen Seite öffnen</translation>
    </message>
    <message>
        <source>Enter, Right, Tab (in the KPI table)</source>
        <translation>Eingabe, Pfeil nach rechts, Tab (in der KPI-Tabelle)</translation>
    </message>
    <message>
        <source>Name a metric, then go on to its value; Tab from the value leaves the table</source>
        <translation>Eine Kennzahl benennen, dann weiter zu ihrem Wert; Tab vom Wert verlässt die Tabelle</translation>
    </message>
    <message>
        <source>Right-click a column header</source>
        <translation>Rechtsklick auf einen Spaltenkopf</translation>
    </message>
    <message>
        <source>Show or hide columns</source>
        <translation>Spalten ein- oder ausblenden</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
    <message>
        <source>Dashboard, Clients, Campaigns, Channels, SLA tiers, Time</source>
        <translation>Übersicht, Kunden, Kampagnen, Kanäle, SLA-Stufen, Zeiten</translation>
    </message>
</context>
<context>
    <name>agency::ui::TablePage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <source>This database is open read-only</source>
        <translation>Diese Datenbank ist schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>Could not add a row</source>
        <translation>Zeile konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Changes to this row were reverted</source>
        <translation>Änderungen an dieser Zeile wurden zurückgesetzt</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a deleted row to restore</source>
        <translation>Wählen Sie eine gelöschte Zeile zum Wiederherstellen</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Reading the rows for this search or sort…</source>
        <translation>Zeilen für diese Suche oder Sortierung werden gelesen…</translation>
    </message>
    <message>
        <source>Reading rows</source>
        <translation>Zeilen werden gelesen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nothing here matches “%1”.</source>
        <translation>Hier passt nichts zu „%1“.</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Hier ist noch nichts.</translation>
    </message>
    <message>
        <source>Nothing here yet: Ctrl+N adds a row, Ctrl+I imports a CSV file.</source>
        <translation>Hier ist noch nichts: Strg+N fügt eine Zeile hinzu, Strg+I importiert eine CSV-Datei.</translation>
    </message>
    <message>
        <source>A row</source>
        <translation>Eine Zeile</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>“%1” was deleted on another desktop %2 while you were editing it. Your edits are kept: Save asks what to do with them, Discard lets them go.</source>
        <translation>„%1“ wurde %2 an einem anderen Arbeitsplatz gelöscht, während Sie es bearbeitet haben. Ihre Änderungen bleiben erhalten: Speichern fragt, was damit geschehen soll, Verwerfen lässt sie los.</translation>
    </message>
    <message>
        <source>“%1” was deleted on another desktop %2 (Show deleted lists it; Restore brings it back).</source>
        <translation>„%1“ wurde %2 an einem anderen Arbeitsplatz gelöscht (Gelöschte anzeigen listet es auf; Wiederherstellen holt es zurück).</translation>
    </message>
    <message>
        <source>“%1” was changed on another desktop %2 while you were editing it. Its fields show their values with your edits over them; Save asks which to keep where you both changed a field.</source>
        <translation>„%1“ wurde %2 an einem anderen Arbeitsplatz geändert, während Sie es bearbeitet haben. Die Felder zeigen die neuen Werte mit Ihren Änderungen darüber; Speichern fragt, was behalten werden soll, wo Sie beide ein Feld geändert haben.</translation>
    </message>
    <message>
        <source>“%1” was changed on another desktop %2: the form shows the new values.</source>
        <translation>„%1“ wurde %2 an einem anderen Arbeitsplatz geändert: Das Formular zeigt die neuen Werte.</translation>
    </message>
    <message numerus="yes">
        <source>%n more row(s) here were changed on another desktop.</source>
        <translation>
            <numerusform>%n weitere Zeile hier wurde an einem anderen Arbeitsplatz geändert.</numerusform>
            <numerusform>%n weitere Zeilen hier wurden an einem anderen Arbeitsplatz geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: your database role&apos;s rights on this table could not be checked.</source>
        <translation>Schreibgeschützt: Die Rechte Ihrer Datenbankrolle an dieser Tabelle konnten nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Read-only: this database is open read-only, nothing here can be changed.</source>
        <translation>Schreibgeschützt: Diese Datenbank ist schreibgeschützt geöffnet, hier kann nichts geändert werden.</translation>
    </message>
    <message>
        <source>Read-only: your database role may look at these rows but not change them. An administrator can grant it the right (INSERT, UPDATE).</source>
        <translation>Schreibgeschützt: Ihre Datenbankrolle darf diese Zeilen ansehen, aber nicht ändern. Ein Administrator kann ihr das Recht gewähren (INSERT, UPDATE).</translation>
    </message>
    <message>
        <source>Your database role may add rows here but not change saved ones.</source>
        <translation>Ihre Datenbankrolle darf hier Zeilen hinzufügen, aber gespeicherte nicht ändern.</translation>
    </message>
    <message>
        <source>Your database role may change only: %1; the other fields are read-only.</source>
        <translation>Ihre Datenbankrolle darf nur ändern: %1; die übrigen Felder sind schreibgeschützt.</translation>
    </message>
    <message>
        <source>It may not add rows.</source>
        <translation>Sie darf keine Zeilen hinzufügen.</translation>
    </message>
    <message>
        <source>Your database role may change these rows but not add new ones.</source>
        <translation>Ihre Datenbankrolle darf diese Zeilen ändern, aber keine neuen hinzufügen.</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>%1 with %2 and %3</source>
        <translation>%1 mit %2 und %3</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) or Restore brings them back.</source>
        <translation>Rückgängig (Strg+Z) oder Wiederherstellen holt sie zurück.</translation>
    </message>
    <message>
        <source>Showing only “%1”, opened from elsewhere: it lies far down this list.</source>
        <translation>Nur „%1“ wird angezeigt, von anderswo geöffnet: Es steht weit unten in dieser Liste.</translation>
    </message>
    <message>
        <source>Save these figures?</source>
        <translation>Diese Zahlen speichern?</translation>
    </message>
    <message>
        <source>Before saving, is this what you meant?</source>
        <translation>Vor dem Speichern: Ist das so gemeint?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <source>Go back and correct</source>
        <translation>Zurück und korrigieren</translation>
    </message>
    <message>
        <source>Not saved: correct the figure, or save again and confirm it</source>
        <translation>Nicht gespeichert: Korrigieren Sie die Zahl, oder speichern Sie erneut und bestätigen Sie sie</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Who changed this record, when and what (Ctrl+Shift+Y)</source>
        <translation>Wer diesen Datensatz wann und wie geändert hat (Strg+Umschalt+Y)</translation>
    </message>
    <message>
        <source>%1 is now %2 (changed by %3, %4)</source>
        <translation>%1 ist jetzt %2 (geändert von %3, %4)</translation>
    </message>
    <message>
        <source>Changed again since</source>
        <translation>Seitdem erneut geändert</translation>
    </message>
    <message>
        <source>Since this change, the record was changed again:</source>
        <translation>Seit dieser Änderung wurde der Datensatz erneut geändert:</translation>
    </message>
    <message>
        <source>Put the older value back anyway?</source>
        <translation>Den älteren Wert trotzdem zurücksetzen?</translation>
    </message>
    <message>
        <source>Revert anyway</source>
        <translation>Trotzdem zurücksetzen</translation>
    </message>
    <message>
        <source>Some columns are hidden: your database role may not read %1.</source>
        <translation>Einige Spalten sind ausgeblendet: Ihre Datenbankrolle darf %1 nicht lesen.</translation>
    </message>
</context>
<context>
    <name>agency::ui::UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Finding a row&lt;/h3&gt;&lt;p&gt;Ctrl+F searches the page for what its table shows: names, types, notes, the client of a campaign. The first match is selected; Down goes into the results. Click a column header to sort by it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Eine Zeile finden&lt;/h3&gt;&lt;p&gt;Strg+F durchsucht die Seite nach dem, was ihre Tabelle zeigt: Namen, Typen, Notizen, den Kunden einer Kampagne. Der erste Treffer wird ausgewählt; Pfeil nach unten geht in die Ergebnisse. Ein Klick auf einen Spaltenkopf sortiert danach.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Editing&lt;/h3&gt;&lt;p&gt;Ctrl+N adds a row, Tab moves from field to field, Ctrl+S saves every page&apos;s edits. Nothing is lost by changing rows or pages; closing the window asks about unsaved edits. If someone else saved the same record first, you see both versions and choose.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bearbeiten&lt;/h3&gt;&lt;p&gt;Strg+N fügt eine Zeile hinzu, Tab geht von Feld zu Feld, Strg+S speichert die Änderungen aller Seiten. Beim Wechsel von Zeilen oder Seiten geht nichts verloren; beim Schließen des Fensters wird nach nicht gespeicherten Änderungen gefragt. Hat jemand anderes denselben Datensatz zuerst gespeichert, sehen Sie beide Fassungen und wählen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Money&lt;/h3&gt;&lt;p&gt;Amounts are typed as your language writes them and kept exactly, to the cent. A field left empty stays empty: it is not a zero.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geld&lt;/h3&gt;&lt;p&gt;Beträge werden so eingegeben, wie Ihre Sprache sie schreibt, und centgenau gespeichert. Ein leeres Feld bleibt leer: Es ist keine Null.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Budgets and the dashboard&lt;/h3&gt;&lt;p&gt;A campaign&apos;s channels share its budget by percentage or a fixed amount; the campaign&apos;s page shows the split, what is unallocated, and its KPIs against their targets. The dashboard (Ctrl+1) shows allocated, spent and remaining for the filter you choose, the campaigns that need attention, and writes the finance review as PDF or CSV.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Budgets und die Übersicht&lt;/h3&gt;&lt;p&gt;Die Kanäle einer Kampagne teilen ihr Budget nach Prozentsatz oder festem Betrag; die Seite der Kampagne zeigt die Aufteilung, was nicht zugewiesen ist, und ihre KPIs gegenüber den Zielen. Die Übersicht (Strg+1) zeigt Zugewiesenes, Ausgegebenes und Verbleibendes für den gewählten Filter, die Kampagnen mit Handlungsbedarf, und schreibt den Finanzbericht als PDF oder CSV.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Files&lt;/h3&gt;&lt;p&gt;Ctrl+E exports the current view to CSV; Ctrl+I imports a CSV file, after a dry run that lists every problem by line. An import is all or nothing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dateien&lt;/h3&gt;&lt;p&gt;Strg+E exportiert die aktuelle Ansicht als CSV; Strg+I importiert eine CSV-Datei, nach einem Probelauf, der jedes Problem mit seiner Zeile nennt. Ein Import geschieht ganz oder gar nicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deleting&lt;/h3&gt;&lt;p&gt;Delete removes a row softly, with what belongs to it; Undo delete in the status bar or Ctrl+Z brings it back, and Ctrl+Shift+D shows deleted rows to restore them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Löschen&lt;/h3&gt;&lt;p&gt;Entf löscht eine Zeile vorläufig, mit allem, was zu ihr gehört; „Löschen rückgängig“ in der Statusleiste oder Strg+Z holt sie zurück, und Strg+Umschalt+D zeigt gelöschte Zeilen zum Wiederherstellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Agency OS in five minutes&lt;/h2&gt;&lt;p&gt;Agency OS keeps your clients, their campaigns, the campaigns&apos; channels, the SLA tiers and the hours worked for each client beside Plane&apos;s own data. Each has a page (Ctrl+1 to Ctrl+6): a table on the left, the selected row&apos;s form on the right.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Agency OS in fünf Minuten&lt;/h2&gt;&lt;p&gt;Agency OS verwaltet Ihre Kunden, deren Kampagnen, die Kanäle der Kampagnen, die SLA-Stufen und die für jeden Kunden gearbeiteten Stunden neben den Daten von Plane. Jedes hat eine Seite (Strg+1 bis Strg+6): links eine Tabelle, rechts das Formular der gewählten Zeile.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>agency::ui::WorkPanel</name>
    <message>
        <source>Issues done: %1 of %2 (%3)</source>
        <translation>Erledigte Aufgaben: %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Estimate points done: %1 of %2 (%3)</source>
        <translation>Erledigte Schätzpunkte: %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Counted: not deleted, archived, drafts, in triage or cancelled.</source>
        <translation>Gezählt: weder gelöscht noch archiviert, kein Entwurf, nicht in der Triage, nicht abgebrochen.</translation>
    </message>
    <message>
        <source>Budget spent: %1</source>
        <translation>Budget ausgegeben: %1</translation>
    </message>
    <message>
        <source>Time elapsed: %1</source>
        <translation>Zeit verstrichen: %1</translation>
    </message>
    <message>
        <source>The spend runs ahead of the work: %1 of the budget spent for %2 of the work done.</source>
        <translation>Die Ausgaben laufen der Arbeit voraus: %1 des Budgets ausgegeben für %2 erledigte Arbeit.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation>Datenbank: postgresql://…, sqlite:PFAD oder DATEI.db.</translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1).</source>
        <translation>Meldungen auf stderr ab dieser Stufe (%1).</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (siehe --help)</translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation>--log-level muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>Agency OS</source>
        <translation>Agency OS</translation>
    </message>
    <message>
        <source>Newer schema</source>
        <translation>Neueres Schema</translation>
    </message>
    <message>
        <source>The Agency OS schema in this database is newer than this app. It opens read-only; update Agency OS to edit.</source>
        <translation>Das Agency-OS-Schema in dieser Datenbank ist neuer als diese App. Sie wird schreibgeschützt geöffnet; aktualisieren Sie Agency OS, um zu bearbeiten.</translation>
    </message>
    <message>
        <source>An applied migration in this database differs from this app&apos;s copy: run agency-os migrate status</source>
        <translation>Eine angewendete Migration in dieser Datenbank weicht von der Kopie dieser App ab: Führen Sie agency-os migrate status aus</translation>
    </message>
    <message>
        <source>The Agency OS schema in this database is not up to date (this app needs version %1). Ask an administrator to run: agency-os migrate up</source>
        <translation>Das Agency-OS-Schema in dieser Datenbank ist nicht aktuell (diese App braucht Version %1). Bitten Sie einen Administrator, Folgendes auszuführen: agency-os migrate up</translation>
    </message>
    <message>
        <source>Upgrade the schema?</source>
        <translation>Schema aktualisieren?</translation>
    </message>
    <message>
        <source>The Agency OS tables in %1 are not up to date (this app needs version %2). Other desktops share this database: upgrade it now?</source>
        <translation>Die Agency-OS-Tabellen in %1 sind nicht aktuell (diese App braucht Version %2). Andere Arbeitsplätze teilen diese Datenbank: jetzt aktualisieren?</translation>
    </message>
    <message>
        <source>The schema was not upgraded</source>
        <translation>Das Schema wurde nicht aktualisiert</translation>
    </message>
    <message>
        <source>Agency OS desktop: clients, campaigns, channels and budgets over Plane.

Commands (each has --help):
  agency-os migrate status|up|down [--to N] [--db DSN]
  agency-os export sla-tiers|clients|campaigns|channels [--db DSN] [--output FILE|-] [--include-deleted]
                   [--delimiter comma|semicolon|tab] [--bom] [--no-formula-guard]
  agency-os import sla-tiers|clients|campaigns|channels --input FILE|- [--db DSN] [--dry-run]
                   [--delimiter comma|semicolon|tab]
  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed S]
  agency-os chart budget-split|kpi --campaign ID --output FILE.png|FILE.svg [--db DSN] [--size WxH]
  agency-os report finance --output FILE [--format pdf|csv] [--db DSN] [--client ID] [--status S]
  agency-os history [--table T] [--id ID] [--since DATE] [--until DATE] [--db DSN] --format csv|json
                    --output FILE|-
  agency-os history prune --before DATE [--db DSN]</source>
        <translation>Agency OS Desktop: Kunden, Kampagnen, Kanäle und Budgets über Plane.

Befehle (jeder hat --help):
  agency-os migrate status|up|down [--to N] [--db DSN]
  agency-os export sla-tiers|clients|campaigns|channels [--db DSN] [--output DATEI|-] [--include-deleted]
                   [--delimiter comma|semicolon|tab] [--bom] [--no-formula-guard]
  agency-os import sla-tiers|clients|campaigns|channels --input DATEI|- [--db DSN] [--dry-run]
                   [--delimiter comma|semicolon|tab]
  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed S]
  agency-os chart budget-split|kpi --campaign ID --output DATEI.png|DATEI.svg [--db DSN] [--size BxH]
  agency-os report finance --output DATEI [--format pdf|csv] [--db DSN] [--client ID] [--status S]
  agency-os history [--table T] [--id ID] [--since DATUM] [--until DATUM] [--db DSN] --format csv|json
                    --output DATEI|-
  agency-os history prune --before DATUM [--db DSN]</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; the commands are: migrate, export, import, demo-data, chart, report, history</source>
        <translation>unbekannter Befehl „%1“; die Befehle sind: migrate, export, import, demo-data, chart, report, history</translation>
    </message>
</context>
</TS>
