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
        <location filename="../app/console/welcomepage.cpp" line="16" />
        <source>Welcome to Flotilla</source>
        <translation>Willkommen bei Flotilla</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="23" />
        <source>Over-the-air software rollouts for device fleets.
Devices speak the hawkBit DDI API; this console manages targets, software, deployments and rollouts.</source>
        <translation>Software-Rollouts über das Netz für Geräteflotten.
Geräte sprechen die hawkBit-DDI-API; diese Konsole verwaltet Zielgeräte, Software, Verteilungen und Rollouts.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/console/main.cpp" line="30" />
        <source>Flotilla operator console.</source>
        <translation>Flotilla-Bedienkonsole.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="33" />
        <source>Save a screenshot of the main window to &lt;file&gt; once it is shown, then quit.</source>
        <translation>Ein Bildschirmfoto des Hauptfensters in &lt;file&gt; speichern, sobald es angezeigt wird, dann beenden.</translation>
    </message>
</context>
</TS>
