<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>SqlError</name>
    <message>
        <source>the database connection is closed</source>
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
        <source>Agency OS desktop: clients, campaigns, channels and budgets over Plane.

Commands (each has --help):
  agency-os migrate status|up|down [--to N] [--db DSN]</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>unknown command &apos;%1&apos;; the commands are: migrate</source>
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
</context>
</TS>
