<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
    <name>CsvReader</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: text after a closing quote</source>
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
        <source>As of %1 · Filters: %2</source>
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
        <source>Pace</source>
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
        <source> (overspent)</source>
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
        <source>Allocated vs spent: the %1 largest of %2 clients</source>
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
</context>
<context>
    <name>Rules</name>
    <message>
        <source>%1 (%2) is before %3 (%4)</source>
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
    <name>agency::app</name>
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
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>added %1 tiers, %2 clients, %3 campaigns and %4 channels to %5 in %6 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data not written (nothing was changed): %1</source>
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
        <source>export needs one table: sla-tiers, clients, campaigns or channels (for example: agency-os export clients -o clients.csv)</source>
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
        <source>export of %1 failed, no file written: %2</source>
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
        <source>report finance needs --output FILE.pdf</source>
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
        <source>Renders a campaign&apos;s budget split or KPI chart as PNG or SVG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the finance review as a PDF: charts and a table of campaigns, overspend flagged.</source>
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
        <source>chart needs budget-split or kpi (for example: agency-os chart kpi --campaign ID -o kpi.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report needs finance (for example: agency-os report finance -o review.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::app::CommonOptions</name>
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
</context>
<context>
    <name>agency::app::Parsed</name>
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
        <source>Messages on stderr from this level (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::db</name>
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
    <name>agency::db::ConnectionString</name>
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
    <name>agency::db::Migrator</name>
    <message>
        <source>Waiting for other desktops to finish migrating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releasing the migration lock</source>
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
        <source>Starting migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back a failed migration</source>
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
    <message>
        <source>Checking the right to change the schema</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::domain</name>
    <message>
        <source>%1: not valid JSON (%2 at character %3)</source>
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
</context>
<context>
    <name>agency::domain::Kpis</name>
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
</context>
<context>
    <name>agency::domain::Percent</name>
    <message>
        <source>a percentage must be from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::exporting</name>
    <message>
        <source>unknown export column &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
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
</context>
<context>
    <name>agency::exporting::TableExporter</name>
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
        <source>could not write the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::exporting::TableImporter</name>
    <message>
        <source>import works for clients, campaigns and channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
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
        <source>line %1 has %2 fields, the header has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: this row was changed in the database at %2, after the file&apos;s version (%3): export again and redo the edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the row changed while importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing the import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::plane::PlaneDirectory</name>
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
    <name>agency::reports::FinanceReport</name>
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
    <name>agency::tables</name>
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
    <message>
        <source>Starting a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking who uses the SLA tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SLA tier &quot;%1&quot; is used by %2 live client(s): move them to another tier first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the clients&apos; channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the clients&apos; campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the campaigns&apos; channels</source>
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
        <source>The client &quot;%1&quot; is deleted: restore the client first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The channel&apos;s campaign is deleted: restore the campaign first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the client&apos;s channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the client&apos;s campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the campaign&apos;s channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring</source>
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
        <source>This row was deleted by someone else: keep your version or let it go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row was changed by someone else at %1: review both versions</source>
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
</context>
<context>
    <name>agency::tables::CampaignModel</name>
    <message>
        <source>Overspent by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui</name>
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
    <name>agency::ui::ChoiceCombo</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>agency::ui::ConflictDialog</name>
    <message>
        <source>Someone else changed this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was &lt;b&gt;deleted&lt;/b&gt; by someone else after you started editing. Keep your version to save your values anyway, or let it go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed by someone else at &lt;b&gt;%1&lt;/b&gt;, after you opened it. Your edits are kept until you choose: compare the versions below.</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>OVERSPENT by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
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
        <source>Undo</source>
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
        <source>Agency OS desktop: clients, campaigns, channels and budgets over Plane.

Commands (each has --help):
  agency-os migrate status|up|down [--to N] [--db DSN]
  agency-os export sla-tiers|clients|campaigns|channels [--db DSN] [--output FILE|-] [--include-deleted]
                   [--delimiter comma|semicolon|tab] [--bom] [--no-formula-guard]
  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed S]
  agency-os chart budget-split|kpi --campaign ID --output FILE.png|FILE.svg [--db DSN] [--size WxH]
  agency-os report finance --output FILE.pdf [--db DSN] [--client ID] [--status S]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; the commands are: migrate, export, demo-data, chart, report</source>
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
</context>
</TS>
