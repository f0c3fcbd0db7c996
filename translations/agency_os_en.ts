<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClientOverview</name>
    <message numerus="yes">
        <source>%n response(s) later than the tier allows this month</source>
        <translation>
            <numerusform>%n response later than the tier allows this month</numerusform>
            <numerusform>%n responses later than the tier allows this month</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open request(s) about to breach the response time</source>
        <translation>
            <numerusform>%n open request about to breach the response time</numerusform>
            <numerusform>%n open requests about to breach the response time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractReport</name>
    <message numerus="yes">
        <source>ends in %n day(s)</source>
        <translation>
            <numerusform>ends in %n day</numerusform>
            <numerusform>ends in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ended %n day(s) ago, still marked active</source>
        <translation>
            <numerusform>ended %n day ago, still marked active</numerusform>
            <numerusform>ended %n days ago, still marked active</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>; %n campaign(s) without a budget</source>
        <translation>
            <numerusform>; %n campaign without a budget</numerusform>
            <numerusform>; %n campaigns without a budget</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n campaign(s) without a spent figure</source>
        <translation>
            <numerusform>; %n campaign without a spent figure</numerusform>
            <numerusform>; %n campaigns without a spent figure</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: overspent by %2 in %n campaign(s)</source>
        <translation>
            <numerusform>%1: overspent by %2 in %n campaign</numerusform>
            <numerusform>%1: overspent by %2 in %n campaigns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlaReport</name>
    <message numerus="yes">
        <source>%n client(s) linked to no Plane workspace: not measured.</source>
        <translation>
            <numerusform>%n client linked to no Plane workspace: not measured.</numerusform>
            <numerusform>%n clients linked to no Plane workspace: not measured.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableSpec</name>
    <message numerus="yes">
        <source>%n SLA tier(s)</source>
        <translation>
            <numerusform>%n SLA tier</numerusform>
            <numerusform>%n SLA tiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campaign</numerusform>
            <numerusform>%n campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time entry(ies)</source>
        <translation>
            <numerusform>%n time entry</numerusform>
            <numerusform>%n time entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::tables::AgencyTableModel</name>
    <message numerus="yes">
        <source>Saved, except %n row(s) deleted on another desktop while you edited them: save yours as a new row or discard them</source>
        <translation>
            <numerusform>Saved, except %n row deleted on another desktop while you edited it: save yours as a new row or discard it</numerusform>
            <numerusform>Saved, except %n rows deleted on another desktop while you edited them: save yours as new rows or discard them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::BudgetSplitChart</name>
    <message numerus="yes">
        <source>Other (%n channels)</source>
        <translation>
            <numerusform>Other (%n channel)</numerusform>
            <numerusform>Other (%n channels)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::HistoryPanel</name>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n change, newest first.</numerusform>
            <numerusform>%n changes, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::ImportDialog</name>
    <message numerus="yes">
        <source>%n problem(s): nothing will be written until the file is corrected.</source>
        <translation>
            <numerusform>%n problem: nothing will be written until the file is corrected.</numerusform>
            <numerusform>%n problems: nothing will be written until the file is corrected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) would change, listed below.</source>
        <translation>
            <numerusform>%n field would change, listed below.</numerusform>
            <numerusform>%n fields would change, listed below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::MainWindow</name>
    <message numerus="yes">
        <source>· others&apos; changes checked every %n s</source>
        <translation>
            <numerusform>· others&apos; changes checked every %n s</numerusform>
            <numerusform>· others&apos; changes checked every %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available: %1. Other desktops&apos; changes are looked for every %n s instead.</source>
        <translation>
            <numerusform>Live refresh is not available: %1. Other desktops&apos; changes are looked for every %n s instead.</numerusform>
            <numerusform>Live refresh is not available: %1. Other desktops&apos; changes are looked for every %n s instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live refresh is not available (%1): other desktops&apos; changes are looked for every %n s instead.</source>
        <translation>
            <numerusform>Live refresh is not available (%1): other desktops&apos; changes are looked for every %n s instead.</numerusform>
            <numerusform>Live refresh is not available (%1): other desktops&apos; changes are looked for every %n s instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) of type “%1” now “%2”</source>
        <translation>
            <numerusform>%n channel of type “%1” now “%2”</numerusform>
            <numerusform>%n channels of type “%1” now “%2”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with unsaved edits taken back: Save (Ctrl+S) writes them</source>
        <translation>
            <numerusform>%n row with unsaved edits taken back: Save (Ctrl+S) writes it</numerusform>
            <numerusform>%n rows with unsaved edits taken back: Save (Ctrl+S) writes them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::RecentChangesDialog</name>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n change, newest first.</numerusform>
            <numerusform>%n changes, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agency::ui::TablePage</name>
    <message numerus="yes">
        <source>%n more row(s) here were changed on another desktop.</source>
        <translation>
            <numerusform>%n more row here was changed on another desktop.</numerusform>
            <numerusform>%n more rows here were changed on another desktop.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
</TS>
