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
    <name>Flotilla::MainWindow</name>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="22" />
        <source>Flotilla Console</source>
        <translation>Flotilla-Konsole</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="27" />
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="32" />
        <source>Server connection</source>
        <translation>Serververbindung</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="34" />
        <source>Not connected to a server</source>
        <translation>Mit keinem Server verbunden</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="59" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="60" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="69" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="70" />
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="80" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="81" />
        <source>&amp;About Flotilla</source>
        <translation>&amp;Über Flotilla</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="85" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
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
        <location filename="../app/console/main.cpp" line="69" />
        <source>Embedded server stopped: %1</source>
        <translation>Eingebauter Server angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="71" />
        <source>Starting the embedded server…</source>
        <translation>Der eingebaute Server startet …</translation>
    </message>
</context>
</TS>
