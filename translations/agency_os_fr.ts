<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
    <name>DemoData</name>
    <message>
        <source>Starting the demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing the demo data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupNames</name>
    <message>
        <source>Looking up a name in %1</source>
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
        <source>Connected to %1</source>
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
  agency-os demo-data [--db DSN] [--clients N] [--campaigns-per-client N] [--channels-per-campaign N] [--seed S]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; the commands are: migrate, export, demo-data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
