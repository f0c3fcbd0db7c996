<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>BackgroundJob</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchInsert</name>
    <message>
        <source>Writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing to write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Budget</name>
    <message>
        <source>Reading the campaign&apos;s budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels would take %1 of the campaign&apos;s %2 budget (%3 over): lower an amount or percentage, or raise the budget</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartCommands</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DSN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width x height in pixels (default 900x600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this client&apos;s campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only campaigns in this status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pdf (the review as a document) or csv (its figures: the total, each client, each campaign); default: by the output&apos;s suffix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart %1 needs --campaign ID and --output FILE.png|FILE.svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output must end in .png or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size must be WIDTHxHEIGHT in pixels, each from 100 to 8000 (for example 1200x800), not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; no file written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report finance needs --output FILE.pdf or FILE.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be pdf or csv, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output must end in .pdf or .csv, or --format pdf|csv must say which: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no campaigns for client %1 (check the id); no file written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renders a campaign&apos;s budget split or KPI chart as PNG or SVG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the finance review: a PDF document (headline figures, charts, the campaigns needing attention, client totals) or its figures as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>budget-split or kpi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart needs budget-split or kpi (for example: agency-os chart kpi --campaign ID -o kpi.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report needs finance (for example: agency-os report finance -o review.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response time (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours included / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plane workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plane project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual KPIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnValues</name>
    <message>
        <source>%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid UUID (like 3f2b…-…, 36 lowercase characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: at most %2 characters (this has %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: enter a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a valid date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a valid date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not one of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DSN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1). Default: only errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows, applies or rolls back the Agency OS schema migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target version (up: default latest; down: default one step back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status, up or down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migrate needs one action: status, up or down (for example: agency-os migrate up --db DSN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to must be a version number of 0 or more, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to goes with migrate up or migrate down, not status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (check the server address, that it is running, and the credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — EDITED since it was applied (checksum differs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — unknown to this app (newer schema)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version %1; this app&apos;s latest is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs one table: sla-tiers, clients, campaigns or channels (for example: agency-os %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills the database with a believable demo agency, in one transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of clients (default 24).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns per client (default 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels per campaign (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same data (default 42).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when the database has no clients yet (what scripts/run uses).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo-data takes no further words; see agency-os demo-data --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has data; nothing added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo-data: %1 of %2 channels
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data not written (nothing was changed): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1 tiers, %2 clients, %3 campaigns and %4 channels to %5 in %6 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes one table to CSV (RFC 4180, UTF-8, CRLF), with the lookups a spreadsheet reader needs. Deleted rows are left out unless asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to write: a file (written atomically) or - for standard output (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include soft-deleted rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma (default), semicolon or tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte-order mark (for spreadsheet programs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not prefix &apos; to text starting with = + - @ tab or CR (only for trusted round trips).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sla-tiers, clients, campaigns or channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delimiter must be comma, semicolon or tab, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output needs a file name, or - for standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source><byte value="xd"/>export: %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export of %1 failed: standard output is closed (write to a file with -o FILE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export of %1 to standard output failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export of %1 failed, no file written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads one table from CSV as the export writes it (what the window&apos;s Import does), all or nothing: a row whose id exists updates what changed, other rows are added. Any refused row is listed with its line and field, nothing is written, and the exit status is 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file to read, or - for standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every row and say what would change; write nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma, semicolon or tab (default: guessed from the header line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import needs --input FILE, or --input - for standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source><byte value="xd"/>import: line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns not imported (not columns of %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 to add, %3 to update, %4 unchanged (dry run: nothing written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 unchanged in %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db is empty: give the database (%1), or leave --db out for the embedded one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no database file at %1: check the path (agency-os migrate up --db sqlite:%1 makes a new one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionString</name>
    <message>
        <source>the password has a broken %-escape (write %40 for @, %3A for :, %25 for %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user name has a broken %-escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an IPv6 host must be closed with &apos;]&apos; (for example [::1]:5432)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the IPv6 host; expected &apos;:port&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port after &apos;:&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the IPv6 host between &apos;[&apos; and &apos;]&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several hosts in one connection string are not supported; give one host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host has a broken %-escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host name contains &apos;%1&apos;, which no host name may contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database name has a broken %-escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the option &apos;%1&apos; has no value; write key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an option has a broken %-escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a connection option name (lowercase letters and _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of option &apos;%1&apos; may not contain &apos;;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect_timeout must be a whole number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database location is empty; expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sqlite: needs a file path after it, for example sqlite:/home/me/agency.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown kind of database location; expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user[:password]@host[:port]/dbname[?sslmode=…], sqlite:PATH, or a file path ending in .db or .sqlite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionWatch</name>
    <message>
        <source>the connection is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvExportJob</name>
    <message>
        <source>Export options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon (spreadsheets in many European locales)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Byte-order mark (for spreadsheet programs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect against formulas (prefix &apos; to text starting with = + - @)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: text after a closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, field %2: a NUL byte, which no text may hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, field %2: not UTF-8 text (save the file as UTF-8 and import it again)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>the Qt SQL driver %1 is not installed (Debian: libqt6sql6-%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Starting the demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing the demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for existing data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <source>There is no delete to undo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinanceReport</name>
    <message>
        <source>the warning threshold must lie between %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the limit must lie between %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the warning threshold (%1) must not lie above the limit (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERSPENT by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the budget spent: over the %2 limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the budget spent: warning at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will spend %1 of %2 by %3 at this pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; runs out on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spent %1 of the budget in %2 of its time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding up budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding up retainers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no campaign with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the campaign&apos;s KPIs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysetPager</name>
    <message>
        <source>Reading rows of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting rows of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kpis</name>
    <message>
        <source>%1: not valid JSON (%2 at character %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be an object of metric names and numbers, like {&quot;clicks&quot;: 2500}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a metric has an empty name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>features: must be a list of texts, like [&quot;24/7 support&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>features: every entry must be a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be a JSON object, like {&quot;name&quot;: &quot;Spring launch&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupNames</name>
    <message>
        <source>Looking up a name in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing %1 to choose from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the client&apos;s Plane workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up names in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>Checking the right to change the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for other desktops to finish migrating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back a failed migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the migration table agency_schema_migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading applied migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database schema is at version %1, newer than this app knows (%2): update Agency OS before changing the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration %1 was edited after it was applied (checksum differs): restore the original file; an applied migration is never changed, add a new one instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your database role %1 may not read %2 in this database: ask an administrator to grant it SELECT on the agency_ tables (and INSERT, UPDATE to edit them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 %2, statement %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--to must be a version number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>enter a number, for example 1234.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; use digits and one decimal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most two decimals (cents) are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large: at most %1 digits before the decimal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not how numbers are written in this language: write %2 (%3 before the decimals, %4 between thousands, or nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a percentage must be from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoneyScale</name>
    <message>
        <source>amount (thousands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount (millions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount (billions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>the desktop keychain did not answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaneDirectory</name>
    <message>
        <source>Looking for Plane&apos;s tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing Plane workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing Plane projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a Plane workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a Plane project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking references to Plane</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the output must end in .png or .svg: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not encode %1 as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERSPENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated vs spent by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend by campaign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly retainer value by SLA tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer × active clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %L1 rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier (active clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 from %2 · figures as of %3 · filters: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needing attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns needing attention: the %1 most severe of %2 (of %3 campaigns); &apos;agency-os report finance --format csv&apos; lists every one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns needing attention: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most severe first: over the limit (%1 of the budget; at 100 %: overspent), past the warning threshold (%2), projected to overspend, off pace. Pace: the share of its budget a campaign has spent against the share of its days gone; off pace is more than 15 points ahead or 25 behind. Projected: spent so far ÷ days gone × days in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 budget · %2 spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appendix: the %1 campaigns under these filters are too many to list here; &apos;agency-os report finance --format csv&apos; writes each one&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appendix: every campaign (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent / time gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will overspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spent %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · OVERSPENT by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 campaigns. Allocated and spent add up the campaigns that have the figure: %2 have no budget and %3 no spent figure (counted apart, never as 0); remaining and burn are over the campaigns with both. Deleted campaigns and clients never count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the campaigns are inactive clients&apos;: counted, and marked (inactive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 other client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 other clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated vs spent: the %1 largest of %2 clients, and the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · over by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n campaign(s) without a budget</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n campaign(s) without a spent figure</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: overspent by %2 in %n campaign(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 active client(s) × %3 = %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>%1 (%2) is before %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoftDeletion</name>
    <message>
        <source>Starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting what belongs to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring what belongs to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting what belongs to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking what uses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the parent row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SLA tier &quot;%1&quot; is used by %2 live client(s): move them to another tier first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client &quot;%1&quot; is deleted: restore the client first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel&apos;s campaign is deleted: restore the campaign first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlError</name>
    <message>
        <source>the database connection is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your database role is not allowed to do this; ask an administrator for the right (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program is writing the database file and has not finished after 5 seconds; nothing was written here, try again in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program wrote the database file since it was read here; nothing was written here, try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>the last database used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the embedded database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot prepare the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Agency OS schema in %1 is not up to date (this app needs version %2): ask an administrator to run: agency-os migrate up --db %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Agency OS schema in %1 is newer than this app (version %2): update Agency OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an applied migration in %1 differs from this app&apos;s copy: run agency-os migrate status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>unknown export column &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown table &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sort by &apos;%1&apos;: not a column of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableImport</name>
    <message>
        <source>%1: &apos;%2&apos; is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import works for SLA tiers, clients, campaigns and channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header names the column %1 twice (fields %2 and %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column of the header names a column of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fields, where the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this row was changed in the database at %1, after the file&apos;s version (%2): export again and redo the edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row changed while importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled: nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing the import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableSpec</name>
    <message numerus="yes">
        <source>%n SLA tier(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::db::ChangeFeed</name>
    <message>
        <source>connected through a connection pooler, which does not pass on the server&apos;s change notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not accept LISTEN (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::tables::AgencyTableModel</name>
    <message>
        <source>%1 (not in Plane)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding a row to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the current version of a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a row of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows are deleted softly: use Delete, which can be undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back a failed save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is open read-only: nothing can be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database is lost: nothing was saved, and your edits are kept. Save again once it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the right to change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row was deleted on another desktop: keep your version or let it go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row was changed on another desktop at %1: review both versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved, except %n row(s) deleted on another desktop while you edited them: save yours as a new row or discard them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::tables::BackgroundReader</name>
    <message>
        <source>Cannot open a second connection to read in the background</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::tables::CampaignModel</name>
    <message>
        <source>Overspent by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::BudgetSplitChart</name>
    <message numerus="yes">
        <source>Other (%n channels)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — budget %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — OVER-ALLOCATED by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::BudgetSplitPanel</name>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Budget split&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels take %1; the campaign has no budget allocated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · OVER-ALLOCATED by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated %1 · channels %2 · Unallocated %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::CampaignDetailPanel</name>
    <message>
        <source>Budget split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::ChoiceCombo</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::ConflictDialog</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on another desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was &lt;b&gt;removed&lt;/b&gt; from the database on another desktop after you started editing; your other edits were saved. Save your version as a new record, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was &lt;b&gt;deleted&lt;/b&gt; on another desktop after you started editing. Keep your version to save your values anyway, or let it go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed on another desktop at &lt;b&gt;%1&lt;/b&gt;, after you opened it. Your edits are kept until you choose: compare the versions below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mine as a new row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::ConnectionDialog</name>
    <message>
        <source>PostgreSQL server (shared with Plane)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file (this computer only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>localhost (empty: libpq&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: ~/.pgpass or the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases (*.db *.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: &apos;%1&apos; cannot be part of a host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: a database name cannot contain / or ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: a user name cannot contain ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: choose where the SQLite database is (or should be created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 is a folder; give a file name such as agency.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password in the desktop keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No desktop keychain is running (%1): the password is asked each time and never stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the password of %1 above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::DashboardPage</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance review PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocated vs spent by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend by campaign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer value by tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG or SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A live campaign that has spent this share of its budget is flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign past this share of its budget is over its limit (at 100 %: overspent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overspent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retainer by tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected at end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace: the share of its budget a campaign has spent against the share of its days gone; off pace is more than 15 points ahead or 25 behind. Projected: spent so far ÷ days gone × days in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention: the %1 most severe of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 budget · %2 spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no retainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the finance review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance review cancelled: nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::DecimalEdit</name>
    <message>
        <source>no amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no percentage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows whose id exists update only what changed (refused if someone changed the row since it was exported); other rows are added. Nothing is written unless every row is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): nothing will be written until the file is corrected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: %1 to add, %2 to update, %3 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking… line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled: nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check cancelled: choose the file again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::KeyValueEdit</name>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected metric</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::KpiChart</name>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPIs: attainment of target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — KPIs: attainment of target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target (100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
target %2, actual %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a: no target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a: no actual yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a: actual is 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a: target is 0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::ListEdit</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New feature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::MainWindow</name>
    <message>
        <source>Agency OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency OS (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show de&amp;leted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the current view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.
Open the folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Agency OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Agency OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Agency OS %1&lt;/h3&gt;&lt;p&gt;Clients, campaigns, channels and budgets for agencies running Plane.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changes that are not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them before leaving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed, no file written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost — retrying every few seconds; your edits are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnected. Unsaved edits are still here: save them when ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes (Ctrl+S saves them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring back what was just deleted (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>· others&apos; changes checked every %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available: %1. Other desktops&apos; changes are looked for every %n s instead.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available (%1): other desktops&apos; changes are looked for every %n s instead.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::OptionalDateEdit</name>
    <message>
        <source>Has a date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::RecordForm</name>
    <message>
        <source>Plane UUID, e.g. 3f2b6c1e-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Harbour relaunch (else shown as client · type · start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to find a campaign by name, client or type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of its Plane project: rename it in Plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata below is not valid JSON: correct it, then name the campaign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::TablePage</name>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to this row were reverted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a deleted row to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the rows for this search or sort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet: Ctrl+N adds a row, Ctrl+I imports a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was deleted on another desktop %2 while you were editing it. Your edits are kept: Save asks what to do with them, Discard lets them go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was deleted on another desktop %2 (Show deleted lists it; Restore brings it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed on another desktop %2 while you were editing it. Its fields show their values with your edits over them; Save asks which to keep where you both changed a field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was changed on another desktop %2: the form shows the new values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more row(s) here were changed on another desktop.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: your database role&apos;s rights on this table could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: this database is open read-only, nothing here can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: your database role may look at these rows but not change them. An administrator can grant it the right (INSERT, UPDATE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your database role may add rows here but not change saved ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your database role may change only: %1; the other fields are read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may not add rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your database role may change these rows but not add new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2 and %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) or Restore brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing only “%1”, opened from elsewhere: it lies far down this list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Database: postgresql://…, sqlite:PATH or FILE.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages on stderr from this level (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-level must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Agency OS schema in this database is newer than this app. It opens read-only; update Agency OS to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An applied migration in this database differs from this app&apos;s copy: run agency-os migrate status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Agency OS schema in this database is not up to date (this app needs version %1). Ask an administrator to run: agency-os migrate up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade the schema?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Agency OS tables in %1 are not up to date (this app needs version %2). Other desktops share this database: upgrade it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema was not upgraded</source>
        <translation type="unfinished"></translation>
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
  agency-os report finance --output FILE [--format pdf|csv] [--db DSN] [--client ID] [--status S]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; the commands are: migrate, export, import, demo-data, chart, report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
