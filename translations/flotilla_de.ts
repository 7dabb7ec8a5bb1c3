<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Flotilla::AboutDialog</name>
    <message>
        <location filename="../app/console/aboutdialog.cpp" line="18" />
        <source>About Flotilla</source>
        <translation>Über Flotilla</translation>
    </message>
    <message>
        <location filename="../app/console/aboutdialog.cpp" line="29" />
        <source>Over-the-air software rollouts for device fleets.</source>
        <translation>Software-Rollouts über das Netz für Geräteflotten.</translation>
    </message>
    <message>
        <location filename="../app/console/aboutdialog.cpp" line="47" />
        <source>Qt %1 (built with %2)
KSyntaxHighlighting %3</source>
        <translation>Qt %1 (erstellt mit %2)
KSyntaxHighlighting %3</translation>
    </message>
</context>
<context>
    <name>Flotilla::ActionHistoryModel</name>
    <message>
        <location filename="../app/console/models/actionhistorymodel.cpp" line="58" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actionhistorymodel.cpp" line="60" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actionhistorymodel.cpp" line="62" />
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actionhistorymodel.cpp" line="64" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::ActionTableModel</name>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="61" />
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="63" />
        <source>Distribution set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="65" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="67" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="69" />
        <source>Last change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="71" />
        <source>Rollout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="82" />
        <source>Requires confirmation on the device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="95" />
        <source>Forced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="97" />
        <source>Soft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="99" />
        <source>Download only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="101" />
        <source>Time-forced</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::AssignmentPreview</name>
    <message>
        <location filename="../app/console/pages/assignmentpreview.cpp" line="34" />
        <source>No target is selected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/assignmentpreview.cpp" line="36" />
        <source>%n new action(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/assignmentpreview.cpp" line="38" />
        <source>%n target(s) have an open action that will be canceled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/assignmentpreview.cpp" line="40" />
        <source>%n target(s) already run or wait for this set and are left alone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/assignmentpreview.cpp" line="41" />
        <source>%n target(s): </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::ConnectDialog</name>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="31" />
        <source>Connect to a server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="34" />
        <source>Server URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="39" />
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="40" />
        <source>empty for a bearer token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="43" />
        <source>Password or token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="50" />
        <source>Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="54" />
        <source>Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="55" />
        <source>User:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="56" />
        <source>Password or token:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="76" />
        <source>Give the server's URL and a password or token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="84" />
        <source>Connecting to %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="96" />
        <source>The server does not accept this user and password or token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="98" />
        <source>Could not connect: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="101" />
        <source>Trust this certificate (SHA-256 %1) for this session</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::DeployDialog</name>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="35" />
        <source>Requires confirmation on the device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="36" />
        <source>Only within a maintenance window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="45" />
        <source>Assign a distribution set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="52" />
        <source>Distribution set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="54" />
        <source>Action type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="55" />
        <source>Forced: install at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="56" />
        <source>Soft: the device decides when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="57" />
        <source>Download only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="58" />
        <source>Time-forced: soft until a time, then forced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="62" />
        <source>Forced from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="65" />
        <source>Weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="66" />
        <source>With multi-assignment, a device gets the heaviest open action first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="71" />
        <source>Quartz cron, e.g. 0 0 2 ? * SAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="72" />
        <source>Schedule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="73" />
        <source>Duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="74" />
        <source>Time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="76" />
        <source>Schedule:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="77" />
        <source>Duration:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="78" />
        <source>Time zone:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="87" />
        <source>Assign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="93" />
        <source>Distribution set:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="94" />
        <source>Type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="95" />
        <source>Forced from:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="96" />
        <source>Weight:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="127" />
        <source>There is no complete distribution set to assign yet (Software page).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="165" />
        <source>The server refused the assignment: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::DistributionSetModel</name>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="43" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="45" />
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="47" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="49" />
        <source>Modules</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="51" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="62" />
        <source>A mandatory module type is missing: it cannot be assigned yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="64" />
        <source>Assigned at least once: its modules can no longer change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="83" />
        <source>Incomplete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="84" />
        <source>Locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="84" />
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::GroupProgressDelegate</name>
    <message>
        <location filename="../app/console/pages/groupprogressdelegate.cpp" line="44" />
        <source>no targets</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::MainWindow</name>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="35" />
        <source>Flotilla Console</source>
        <translation>Flotilla-Konsole</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="56" />
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="57" />
        <source>Targets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="58" />
        <source>Software</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="59" />
        <source>Rollouts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="60" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="69" />
        <source>Server connection</source>
        <translation>Serververbindung</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="71" />
        <source>Not connected to a server</source>
        <translation>Mit keinem Server verbunden</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="75" />
        <source>The connection to %1 was lost. Reconnecting… what happens meanwhile is shown once it is back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="122" />
        <source>Connected to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="137" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="138" />
        <source>&amp;Connect to Server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="142" />
        <source>Use the &amp;Embedded Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="147" />
        <source>Embedded server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="150" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="159" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="160" />
        <source>&amp;Welcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="160" />
        <source>&amp;Targets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="160" />
        <source>&amp;Software</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="160" />
        <source>&amp;Rollouts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="160" />
        <source>S&amp;ettings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="168" />
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="178" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="179" />
        <source>&amp;About Flotilla</source>
        <translation>&amp;Über Flotilla</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="183" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>Flotilla::ModuleDialog</name>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="25" />
        <source>New software module</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="31" />
        <source>A type key; a new one is created with the module</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="33" />
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="34" />
        <source>Version:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="35" />
        <source>Type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="36" />
        <source>Vendor:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="37" />
        <source>Description:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::PageStack</name>
    <message>
        <location filename="../app/console/pagestack.cpp" line="15" />
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutDialog</name>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="33" />
        <source>Requires confirmation on the device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="34" />
        <source>Needs approval before it can start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="41" />
        <source>New rollout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="50" />
        <source>RSQL, e.g. attribute.hw==rev2;updateStatus!=error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="51" />
        <source>Targets of the rollout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="59" />
        <source>Success threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="60" />
        <source>then start the next group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="61" />
        <source>then pause the rollout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="65" />
        <source>Error threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="66" />
        <source>Forced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="67" />
        <source>Soft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="68" />
        <source>Download only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="71" />
        <source>Start it myself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="72" />
        <source>Start as soon as it is created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="73" />
        <source>Start at a time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="80" />
        <source>Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="91" />
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="92" />
        <source>Distribution set:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="93" />
        <source>Targets:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="95" />
        <source>Groups:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="96" />
        <source>A group succeeds at:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="97" />
        <source>Pause when failed reach:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="98" />
        <source>Type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="99" />
        <source>Weight:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="102" />
        <source>Start:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="117" />
        <location filename="../app/console/pages/rolloutdialog.cpp" line="142" />
        <source>Type a filter to see how many targets it matches.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/rolloutdialog.cpp" line="155" />
        <source>Matches %n target(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="156" />
        <source>, about %1 per group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="162" />
        <source>Not a valid filter: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="202" />
        <source>The server refused the rollout: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::RolloutGroupModel</name>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="43" />
        <source>Group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="45" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="47" />
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="49" />
        <source>Targets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="51" />
        <source>Success / error at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="66" />
        <source>%1 finished, %2 failed, %3 running of %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="81" />
        <source>%1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="86" />
        <source>%1 % / %2 %</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::RolloutTableModel</name>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="46" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="48" />
        <source>Distribution set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="50" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="52" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="54" />
        <source>Groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="56" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::RolloutsPage</name>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="30" />
        <source>&amp;Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="31" />
        <source>&amp;Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="32" />
        <source>&amp;Resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="33" />
        <source>&amp;Approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="34" />
        <source>&amp;Deny</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="35" />
        <source>S&amp;top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="71" />
        <source>Rollouts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="77" />
        <source>Groups of the rollout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="84" />
        <source>&amp;New rollout…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="130" />
        <source>Rollout %1 created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="145" />
        <location filename="../app/console/pages/rolloutspage.cpp" line="158" />
        <source>Rollout %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="147" />
        <source>Stop %1? Its open actions are canceled; it cannot be resumed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="148" />
        <source>Deny %1? It can then never start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="150" />
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="150" />
        <source>Deny</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="158" />
        <source>%1 was refused: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::SetDialog</name>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="72" />
        <source>New distribution set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="77" />
        <source>A set type key; a new one is created requiring the chosen modules' types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="79" />
        <source>Modules in the set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="82" />
        <source>%1 %2 (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="91" />
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="92" />
        <source>Version:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="93" />
        <source>Type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="94" />
        <source>Modules:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::SettingsPage</name>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="31" />
        <source>A new assignment closes the target's open action (otherwise it cancels it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="32" />
        <source>Devices must confirm an update before it runs (consent flow)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="33" />
        <source>Several open actions per target, ordered by weight (multi-assignment)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="40" />
        <source>Polling time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="43" />
        <source>Polling overdue time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="50" />
        <source>Devices and deployments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="52" />
        <source>Devices poll every:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="53" />
        <source>A device is overdue after:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="60" />
        <source>Embedded server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="62" />
        <source>Embedded server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="64" />
        <source>Devices connect to (host:port):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="65" />
        <source>Used from the next start of the console.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="70" />
        <source>The embedded server will listen on %1 from the next start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="78" />
        <source>Add &amp;user…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="81" />
        <source>Operators</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="120" />
        <source>Could not read the configuration: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="130" />
        <source>Saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="134" />
        <source>Not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="142" />
        <location filename="../app/console/pages/settingspage.cpp" line="163" />
        <source>Add an operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="146" />
        <source>Administrator (everything, including users)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="149" />
        <source>User name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="150" />
        <source>Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="163" />
        <source>The account was not created: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::SoftwareModuleModel</name>
    <message numerus="yes">
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="173" />
        <source>%n artifact(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="194" />
        <source>SHA-256: %1
SHA-1: %2
MD5: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="221" />
        <source>Module / artifact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="223" />
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="225" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="227" />
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="229" />
        <source>SHA-256</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::SoftwarePage</name>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="39" />
        <source>Cancel upload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="45" />
        <source>Software modules and their artifacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="53" />
        <source>Copy SHA-256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="60" />
        <location filename="../app/console/pages/softwarepage.cpp" line="105" />
        <source>Distribution sets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="69" />
        <source>Upload progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="83" />
        <source>New &amp;module…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="84" />
        <source>&amp;Upload artifacts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="85" />
        <location filename="../app/console/pages/softwarepage.cpp" line="103" />
        <source>Delete…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="87" />
        <source>Drop files on this page to upload them to the selected module.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="95" />
        <source>Software modules</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="102" />
        <source>New &amp;distribution set…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="131" />
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="131" />
        <source>The type was not created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="145" />
        <source>Module %1 %2 created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="149" />
        <source>New module</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="149" />
        <source>The module was not created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="167" />
        <source>Distribution set %1 %2 created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="170" />
        <source>New distribution set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="170" />
        <source>The set was not created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="178" />
        <location filename="../app/console/pages/softwarepage.cpp" line="231" />
        <location filename="../app/console/pages/softwarepage.cpp" line="321" />
        <source>Upload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="178" />
        <location filename="../app/console/pages/softwarepage.cpp" line="321" />
        <source>Select the module the files belong to first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="181" />
        <source>Upload artifacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="206" />
        <source>Uploading %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="219" />
        <source>%1 uploaded (SHA-256 %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="231" />
        <source>%1 was not uploaded: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="242" />
        <source>Upload canceled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="256" />
        <location filename="../app/console/pages/softwarepage.cpp" line="262" />
        <location filename="../app/console/pages/softwarepage.cpp" line="269" />
        <location filename="../app/console/pages/softwarepage.cpp" line="280" />
        <location filename="../app/console/pages/softwarepage.cpp" line="285" />
        <location filename="../app/console/pages/softwarepage.cpp" line="292" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="257" />
        <source>Delete the artifact %1? Devices that still need it can no longer download it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="258" />
        <source>Delete the module %1 and its artifacts? A module that a distribution set uses cannot be deleted; the server will say which sets use it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="269" />
        <location filename="../app/console/pages/softwarepage.cpp" line="292" />
        <source>%1 was not deleted: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="281" />
        <source>Delete the distribution set %1? A set that targets run, or that actions or rollouts use, cannot be deleted; the server will say what uses it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="301" />
        <source>SHA-256 copied</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::StatusStyle</name>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="103" />
        <source>In sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="105" />
        <source>Pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="107" />
        <location filename="../app/console/statusstyle.cpp" line="167" />
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="109" />
        <source>Registered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="110" />
        <source>Unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="116" />
        <source>Runs the software assigned to it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="118" />
        <source>An update is on its way</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="120" />
        <source>Its last update failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="122" />
        <source>Has polled, nothing assigned yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="123" />
        <source>Created here; has never polled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="156" />
        <source>Scheduled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="157" />
        <source>Waiting for confirmation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="158" />
        <location filename="../app/console/statusstyle.cpp" line="214" />
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="159" />
        <source>Retrieved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="160" />
        <source>Downloading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="161" />
        <source>Downloaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="162" />
        <source>Warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="163" />
        <source>Canceling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="164" />
        <source>Canceled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="165" />
        <source>Cancel rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="166" />
        <location filename="../app/console/statusstyle.cpp" line="218" />
        <source>Finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="168" />
        <source>Denied by the device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="169" />
        <source>Confirmed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="209" />
        <source>Creating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="210" />
        <source>Waiting for approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="211" />
        <source>Approval denied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="212" />
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="213" />
        <source>Starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="215" />
        <source>Paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="216" />
        <source>Stopping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="217" />
        <source>Stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="219" />
        <source>Deleting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="229" />
        <source>just now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../app/console/statusstyle.cpp" line="231" />
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/statusstyle.cpp" line="233" />
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/statusstyle.cpp" line="234" />
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::TargetTableModel</name>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="159" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="199" />
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="226" />
        <source>Controller ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="228" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="230" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="232" />
        <source>Last poll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="234" />
        <source>Installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="236" />
        <source>Assigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="238" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::TargetsPage</name>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="66" />
        <source>Filter (RSQL), e.g. updateStatus==error or name==cam*;attribute.hw==rev2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="67" />
        <source>Target filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="76" />
        <source>Targets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="97" />
        <source>&amp;New target…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="98" />
        <source>&amp;Deploy…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="99" />
        <source>Delete…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="101" />
        <location filename="../app/console/pages/targetspage.cpp" line="323" />
        <location filename="../app/console/pages/targetspage.cpp" line="333" />
        <source>Security token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="102" />
        <source>Request attributes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="109" />
        <location filename="../app/console/pages/targetspage.cpp" line="226" />
        <source>Select a target to see its actions and attributes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="111" />
        <source>Actions of the target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="113" />
        <source>Status history of the action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="121" />
        <source>Attribute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="121" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="125" />
        <source>Actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="126" />
        <source>Attributes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="159" />
        <source>Filter not applied: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/targetspage.cpp" line="167" />
        <source>%n target(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="172" />
        <source>Could not load targets: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="230" />
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="230" />
        <source>no address yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="254" />
        <location filename="../app/console/pages/targetspage.cpp" line="263" />
        <source>New target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="255" />
        <source>Controller ID (what the device calls itself in DDI):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="261" />
        <source>Target %1 created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="263" />
        <source>The target was not created: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="271" />
        <source>Delete targets</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/targetspage.cpp" line="272" />
        <source>Delete %n target(s)? Their actions and history are deleted too; a device that polls again registers anew.</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="276" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="285" />
        <source>%1 was not deleted: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/targetspage.cpp" line="306" />
        <source>%n action(s) created</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="310" />
        <source>Deploy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="310" />
        <source>Could not read the configuration: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="323" />
        <source>Your account may not read security tokens.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="324" />
        <source>Security token of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="325" />
        <source>The device authenticates with:

Authorization: TargetToken %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="327" />
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="343" />
        <source>%1 will be asked for its attributes at its next poll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="345" />
        <source>%1: attributes not requested: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::UserModel</name>
    <message>
        <location filename="../app/console/models/usermodel.cpp" line="24" />
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/console/models/usermodel.cpp" line="24" />
        <source>Roles</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Flotilla::WelcomePage</name>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="17" />
        <source>Welcome to Flotilla</source>
        <translation>Willkommen bei Flotilla</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="24" />
        <source>Over-the-air software rollouts for device fleets.
Devices speak the hawkBit DDI API; this console manages targets, software, deployments and rollouts.</source>
        <translation>Software-Rollouts über das Netz für Geräteflotten.
Geräte sprechen die hawkBit-DDI-API; diese Konsole verwaltet Zielgeräte, Software, Verteilungen und Rollouts.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/console/main.cpp" line="26" />
        <source>Flotilla operator console.</source>
        <translation>Flotilla-Bedienkonsole.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="29" />
        <source>Save a screenshot of the main window to &lt;file&gt; once it is shown, then quit.</source>
        <translation>Ein Bildschirmfoto des Hauptfensters in &lt;file&gt; speichern, sobald es angezeigt wird, dann beenden.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="34" />
        <source>Devices reach the embedded server at &lt;host:port&gt; (default 0.0.0.0:8080; port 0: any free one).</source>
        <translation>Geräte erreichen den eingebauten Server unter &lt;host:port&gt; (Vorgabe 0.0.0.0:8080; Port 0: ein freier).</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="39" />
        <source>Do not start the embedded server.</source>
        <translation>Den eingebauten Server nicht starten.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="57" />
        <source>Embedded server not started: %1</source>
        <translation>Eingebauter Server nicht gestartet: %1</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="66" />
        <source>Embedded server: devices connect to %1</source>
        <translation>Eingebauter Server: Geräte verbinden sich mit %1</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="74" />
        <source>Embedded server stopped: %1</source>
        <translation>Eingebauter Server angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="76" />
        <source>Starting the embedded server…</source>
        <translation>Der eingebaute Server startet …</translation>
    </message>
</context>
</TS>
