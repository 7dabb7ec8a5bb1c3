<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ActionTrack</name>
    <message>
        <location filename="../qml/timeline/ActionTrack.qml" line="22" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../qml/timeline/ActionTrack.qml" line="22" />
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../qml/timeline/ActionTrack.qml" line="28" />
        <source>Action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/timeline/ActionTrack.qml" line="29" />
        <source>%n silent gap(s)</source>
        <translation>
            <numerusform>%n stille Lücke</numerusform>
            <numerusform>%n stille Lücken</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/timeline/ActionTrack.qml" line="63" />
        <source>silent %1</source>
        <translation>still %1</translation>
    </message>
    <message>
        <location filename="../qml/timeline/ActionTrack.qml" line="72" />
        <source>code %1</source>
        <translation>Code %1</translation>
    </message>
</context>
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
        <location filename="../app/console/models/actionhistorymodel.cpp" line="62" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../app/console/models/actionhistorymodel.cpp" line="64" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/console/models/actionhistorymodel.cpp" line="66" />
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <location filename="../app/console/models/actionhistorymodel.cpp" line="68" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>Flotilla::ActionTableModel</name>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="63" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="65" />
        <source>Distribution set</source>
        <translation>Distributionsset</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="67" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="69" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="71" />
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="73" />
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="84" />
        <source>Requires confirmation on the device</source>
        <translation>Erfordert Bestätigung auf dem Gerät</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="95" />
        <source>Forced</source>
        <translation>Erzwungen</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="97" />
        <source>Soft</source>
        <translation>Weich</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="99" />
        <source>Download only</source>
        <translation>Nur herunterladen</translation>
    </message>
    <message>
        <location filename="../app/console/models/actiontablemodel.cpp" line="101" />
        <source>Time-forced</source>
        <translation>Zeitgesteuert erzwungen</translation>
    </message>
</context>
<context>
    <name>Flotilla::ApiListModel</name>
    <message>
        <location filename="../app/console/models/apilistmodel.cpp" line="67" />
        <source>The server sent a list the console cannot read: %1</source>
        <translation>Der Server hat eine Liste gesendet, die die Konsole nicht lesen kann: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::ApiReply</name>
    <message>
        <location filename="../client/apireply.cpp" line="51" />
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../client/apireply.cpp" line="56" />
        <source>The server's certificate is not trusted: %1</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut: %1</translation>
    </message>
    <message>
        <location filename="../client/apireply.cpp" line="60" />
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location filename="../client/apireply.cpp" line="67" />
        <source>The server's answer is not JSON: %1</source>
        <translation>Die Antwort des Servers ist kein JSON: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::AssignmentPreview</name>
    <message>
        <location filename="../app/console/pages/assignmentpreview.cpp" line="31" />
        <source>No target is selected.</source>
        <translation>Kein Zielgerät ausgewählt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/assignmentpreview.cpp" line="33" />
        <source>%n new action(s)</source>
        <translation>
            <numerusform>%n neue Aktion</numerusform>
            <numerusform>%n neue Aktionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/assignmentpreview.cpp" line="35" />
        <source>%n target(s) have an open action that will be canceled</source>
        <translation>
            <numerusform>%n Zielgerät hat eine offene Aktion, die abgebrochen wird</numerusform>
            <numerusform>%n Zielgeräte haben eine offene Aktion, die abgebrochen wird</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/assignmentpreview.cpp" line="37" />
        <source>%n target(s) already run or wait for this set and are left alone</source>
        <translation>
            <numerusform>%n Zielgerät hat oder erwartet dieses Set bereits und bleibt unverändert</numerusform>
            <numerusform>%n Zielgeräte haben oder erwarten dieses Set bereits und bleiben unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/assignmentpreview.cpp" line="38" />
        <source>%n target(s): </source>
        <translation>
            <numerusform>%n Zielgerät: </numerusform>
            <numerusform>%n Zielgeräte: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::AuditModel</name>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="45" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="47" />
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="49" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="51" />
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="56" />
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="85" />
        <source>Asked:</source>
        <translation>Angefragt:</translation>
    </message>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="87" />
        <source>Before:</source>
        <translation>Vorher:</translation>
    </message>
    <message>
        <location filename="../app/console/models/auditmodel.cpp" line="89" />
        <source>After:</source>
        <translation>Nachher:</translation>
    </message>
</context>
<context>
    <name>Flotilla::ConnectDeviceDialog</name>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="47" />
        <source>Create the target now, with its own token</source>
        <translation>Das Zielgerät jetzt anlegen, mit eigenem Token</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="48" />
        <source>Use the tenant's gateway token (the device registers itself)</source>
        <translation>Das Gateway-Token des Mandanten verwenden (das Gerät meldet sich selbst an)</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="51" />
        <source>Create Target</source>
        <translation>Zielgerät anlegen</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="55" />
        <source>Connect a Device</source>
        <translation>Ein Gerät verbinden</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="60" />
        <source>Server URL for devices</source>
        <translation>Server-URL für Geräte</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="64" />
        <source>the gateway token flotillad was given (ddi/gatewayToken)</source>
        <translation>das Gateway-Token, das flotillad erhalten hat (ddi/gatewayToken)</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="73" />
        <source>Server &amp;URL for devices:</source>
        <translation>Server-&amp;URL für Geräte:</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="74" />
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="75" />
        <source>C&amp;ontroller id:</source>
        <translation>C&amp;ontroller-ID:</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="79" />
        <source>&amp;Gateway token:</source>
        <translation>&amp;Gateway-Token:</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="83" />
        <source>flotilla-agent</source>
        <translation>flotilla-agent</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="84" />
        <source>SWUpdate (suricatta)</source>
        <translation>SWUpdate (suricatta)</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="85" />
        <source>rauc-hawkbit-updater</source>
        <translation>rauc-hawkbit-updater</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="113" />
        <source>Configuration to paste</source>
        <translation>Konfiguration zum Einfügen</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="114" />
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="150" />
        <source>Waiting for %1's first poll…</source>
        <translation>Warte auf die erste Abfrage von %1 …</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="165" />
        <source>Target %1 created. Waiting for its first poll…</source>
        <translation>Zielgerät %1 angelegt. Warte auf seine erste Abfrage …</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="169" />
        <source>Could not create target %1: %2</source>
        <translation>Zielgerät %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location filename="../app/console/connectdevicedialog.cpp" line="182" />
        <source>%1 polled at %2: it is connected.</source>
        <translation>%1 hat um %2 abgefragt: Es ist verbunden.</translation>
    </message>
</context>
<context>
    <name>Flotilla::ConnectDialog</name>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="31" />
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="34" />
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="39" />
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="40" />
        <source>empty for a bearer token</source>
        <translation>leer für ein Bearer-Token</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="43" />
        <source>Password or token</source>
        <translation>Passwort oder Token</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="50" />
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="54" />
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="55" />
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="56" />
        <source>Password or token:</source>
        <translation>Passwort oder Token:</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="83" />
        <source>Give the server's URL and a password or token.</source>
        <translation>Geben Sie die URL des Servers und ein Passwort oder Token an.</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="91" />
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="106" />
        <source>Connecting was canceled.</source>
        <translation>Der Verbindungsaufbau wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="110" />
        <source>The server does not accept this user and password or token.</source>
        <translation>Der Server akzeptiert diesen Benutzer und dieses Passwort oder Token nicht.</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="112" />
        <source>Could not connect: %1</source>
        <translation>Keine Verbindung möglich: %1</translation>
    </message>
    <message>
        <location filename="../app/console/connectdialog.cpp" line="115" />
        <source>Trust this certificate (SHA-256 %1) for this session</source>
        <translation>Diesem Zertifikat (SHA-256 %1) für diese Sitzung vertrauen</translation>
    </message>
</context>
<context>
    <name>Flotilla::ConsentActionModel</name>
    <message>
        <location filename="../app/console/models/consentactionmodel.cpp" line="73" />
        <source>Target</source>
        <translation>Zielgerät</translation>
    </message>
    <message>
        <location filename="../app/console/models/consentactionmodel.cpp" line="75" />
        <source>Distribution set</source>
        <translation>Distributionsset</translation>
    </message>
    <message>
        <location filename="../app/console/models/consentactionmodel.cpp" line="77" />
        <source>Waiting since</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <location filename="../app/console/models/consentactionmodel.cpp" line="79" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/console/models/consentactionmodel.cpp" line="81" />
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
</context>
<context>
    <name>Flotilla::ConsentPage</name>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="38" />
        <source>&amp;Confirm for the device…</source>
        <translation>Für das Gerät &amp;bestätigen…</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="39" />
        <source>C&amp;ancel the action…</source>
        <translation>Aktion &amp;abbrechen…</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="40" />
        <location filename="../app/console/pages/consentpage.cpp" line="156" />
        <source>Turn auto-confirm &amp;on…</source>
        <translation>Automatische Bestätigung &amp;einschalten…</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="45" />
        <source>With the consent flow on, an update waits here until its device confirms it. A device that denies leaves its action waiting (it may confirm later); you can confirm on its behalf, cancel the action, or let a target confirm everything by itself (auto-confirm).</source>
        <translation>Mit eingeschalteter Zustimmung wartet ein Update hier, bis sein Gerät es bestätigt. Lehnt ein Gerät ab, wartet seine Aktion weiter (es kann später bestätigen); Sie können an seiner Stelle bestätigen, die Aktion abbrechen oder ein Zielgerät alles selbst bestätigen lassen (automatische Bestätigung).</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="51" />
        <source>Target, e.g. cam-*</source>
        <translation>Zielgerät, z. B. cam-*</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="52" />
        <source>Filter by target</source>
        <translation>Nach Zielgerät filtern</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="55" />
        <source>Filter by distribution set</source>
        <translation>Nach Distribution-Set filtern</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="56" />
        <location filename="../app/console/pages/consentpage.cpp" line="112" />
        <source>All distribution sets</source>
        <translation>Alle Distribution-Sets</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="60" />
        <source>Actions waiting for confirmation</source>
        <translation>Aktionen, die auf Bestätigung warten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="65" />
        <source>Status history of the action</source>
        <translation>Statusverlauf der Aktion</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="156" />
        <source>Turn auto-confirm &amp;off</source>
        <translation>Automatische Bestätigung &amp;ausschalten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="159" />
        <source>%1 confirms by itself (turned on by %2: %3)</source>
        <translation>%1 bestätigt selbst (eingeschaltet von %2: %3)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="161" />
        <source>%1 asks its user before each update</source>
        <translation>%1 fragt seinen Benutzer vor jedem Update</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="165" />
        <source>Auto-confirm state unknown: %1</source>
        <translation>Stand der automatischen Bestätigung unbekannt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="175" />
        <location filename="../app/console/pages/consentpage.cpp" line="195" />
        <source>Confirm for the device</source>
        <translation>Für das Gerät bestätigen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="176" />
        <source>Action %1 on %2 will run as if the device had confirmed it: it is offered for installation at the device's next poll. Your name and remark are recorded in the action's history.</source>
        <translation>Aktion %1 auf %2 läuft, als hätte das Gerät sie bestätigt: Sie wird bei der nächsten Abfrage des Geräts zur Installation angeboten. Ihr Name und Ihre Bemerkung werden im Verlauf der Aktion festgehalten.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="181" />
        <source>Confirm &amp;for %1</source>
        <translation>&amp;Für %1 bestätigen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="191" />
        <source>Action %1 on %2 confirmed</source>
        <translation>Aktion %1 auf %2 bestätigt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="195" />
        <source>Not confirmed: %1</source>
        <translation>Nicht bestätigt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="204" />
        <location filename="../app/console/pages/consentpage.cpp" line="218" />
        <source>Cancel the action</source>
        <translation>Aktion abbrechen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="205" />
        <source>Cancel action %1 on %2? The device will not be asked again; to update it later, deploy anew.</source>
        <translation>Aktion %1 auf %2 abbrechen? Das Gerät wird nicht erneut gefragt; für ein späteres Update neu verteilen.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="209" />
        <source>Cancel &amp;action %1</source>
        <translation>&amp;Aktion %1 abbrechen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="214" />
        <source>Action %1 on %2 canceled</source>
        <translation>Aktion %1 auf %2 abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="218" />
        <source>Not canceled: %1</source>
        <translation>Nicht abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="238" />
        <source>Turn auto-confirm off</source>
        <translation>Automatische Bestätigung ausschalten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="241" />
        <location filename="../app/console/pages/consentpage.cpp" line="252" />
        <source>Turn auto-confirm on</source>
        <translation>Automatische Bestätigung einschalten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="242" />
        <source>%1 will confirm every update by itself: the actions now waiting on it are confirmed at once, and later ones run without asking its user — until auto-confirm is turned off.</source>
        <translation>%1 bestätigt jedes Update selbst: Die jetzt wartenden Aktionen werden sofort bestätigt, spätere laufen ohne Rückfrage beim Benutzer — bis die automatische Bestätigung ausgeschaltet wird.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/consentpage.cpp" line="245" />
        <source>Turn &amp;on for %1</source>
        <translation>Für %1 &amp;einschalten</translation>
    </message>
</context>
<context>
    <name>Flotilla::DecisionDialog</name>
    <message>
        <location filename="../app/console/pages/decisiondialog.cpp" line="26" />
        <source>Remark</source>
        <translation>Bemerkung</translation>
    </message>
    <message>
        <location filename="../app/console/pages/decisiondialog.cpp" line="27" />
        <source>Why (recorded in the history)</source>
        <translation>Warum (wird im Verlauf festgehalten)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/decisiondialog.cpp" line="32" />
        <source>Initiator</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location filename="../app/console/pages/decisiondialog.cpp" line="33" />
        <source>Initiator:</source>
        <translation>Auslöser:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/decisiondialog.cpp" line="35" />
        <source>Remark:</source>
        <translation>Bemerkung:</translation>
    </message>
</context>
<context>
    <name>Flotilla::DeployDialog</name>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="37" />
        <source>Requires confirmation on the device</source>
        <translation>Erfordert Bestätigung auf dem Gerät</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="38" />
        <source>Only within a maintenance window</source>
        <translation>Nur innerhalb eines Wartungsfensters</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="47" />
        <source>Assign a distribution set</source>
        <translation>Ein Distributionsset zuweisen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="54" />
        <source>Distribution set</source>
        <translation>Distributionsset</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="56" />
        <source>Action type</source>
        <translation>Aktionstyp</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="57" />
        <source>Forced: install at once</source>
        <translation>Erzwungen: sofort installieren</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="58" />
        <source>Soft: the device decides when</source>
        <translation>Weich: das Gerät entscheidet, wann</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="59" />
        <source>Download only</source>
        <translation>Nur herunterladen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="60" />
        <source>Time-forced: soft until a time, then forced</source>
        <translation>Zeitgesteuert: weich bis zu einem Zeitpunkt, dann erzwungen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="64" />
        <source>Forced from</source>
        <translation>Erzwungen ab</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="67" />
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="68" />
        <source>With multi-assignment, a device gets the heaviest open action first</source>
        <translation>Bei Mehrfachzuweisung erhält ein Gerät zuerst die schwerste offene Aktion</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="73" />
        <source>Quartz cron, e.g. 0 0 2 ? * SAT</source>
        <translation>Quartz-Cron, z. B. 0 0 2 ? * SAT</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="74" />
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="75" />
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="76" />
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="78" />
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="79" />
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="80" />
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="82" />
        <source>&amp;Plan the window…</source>
        <translation>Fenster &amp;planen…</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="102" />
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="108" />
        <source>Distribution set:</source>
        <translation>Distributionsset:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="109" />
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="110" />
        <source>Forced from:</source>
        <translation>Erzwungen ab:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="111" />
        <source>Weight:</source>
        <translation>Gewicht:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="147" />
        <source>There is no complete distribution set to assign yet (Software page).</source>
        <translation>Es gibt noch kein vollständiges Distributionsset zum Zuweisen (Seite Software).</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="185" />
        <source>The server took the assignment but sent an answer the console cannot read: %1; see the targets' actions</source>
        <translation>Der Server hat die Zuweisung angenommen, aber eine Antwort gesendet, die die Konsole nicht lesen kann: %1; siehe die Aktionen der Ziele</translation>
    </message>
    <message>
        <location filename="../app/console/pages/deploydialog.cpp" line="195" />
        <source>The server refused the assignment: %1</source>
        <translation>Der Server hat die Zuweisung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::DistributionSetModel</name>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="44" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="46" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="48" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="50" />
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="52" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="63" />
        <source>A mandatory module type is missing: it cannot be assigned yet</source>
        <translation>Ein Pflicht-Modultyp fehlt: es kann noch nicht zugewiesen werden</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="65" />
        <source>Assigned at least once: its modules can no longer change</source>
        <translation>Mindestens einmal zugewiesen: seine Module können sich nicht mehr ändern</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="84" />
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="85" />
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../app/console/models/distributionsetmodel.cpp" line="85" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
<context>
    <name>Flotilla::ErrorSummaryModel</name>
    <message>
        <location filename="../app/console/models/errorsummarymodel.cpp" line="33" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../app/console/models/errorsummarymodel.cpp" line="35" />
        <source>Reports</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <location filename="../app/console/models/errorsummarymodel.cpp" line="37" />
        <source>Targets</source>
        <translation>Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/models/errorsummarymodel.cpp" line="63" />
        <source>Show the targets that reported “%1”</source>
        <translation>Die Zielgeräte zeigen, die „%1“ gemeldet haben</translation>
    </message>
    <message>
        <location filename="../app/console/models/errorsummarymodel.cpp" line="70" />
        <source>(no message)</source>
        <translation>(keine Meldung)</translation>
    </message>
</context>
<context>
    <name>Flotilla::FleetChart</name>
    <message>
        <location filename="../app/console/pages/fleetchart.cpp" line="25" />
        <source>Fleet by target state</source>
        <translation>Flotte nach Zustand der Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/pages/fleetchart.cpp" line="54" />
        <source>%1 targets</source>
        <translation>%1 Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/pages/fleetchart.cpp" line="28" />
        <source>Click a slice to list its targets</source>
        <translation>Ein Segment anklicken, um seine Zielgeräte aufzulisten</translation>
    </message>
</context>
<context>
    <name>Flotilla::GroupProgressDelegate</name>
    <message>
        <location filename="../app/console/pages/groupprogressdelegate.cpp" line="44" />
        <source>no targets</source>
        <translation>keine Zielgeräte</translation>
    </message>
</context>
<context>
    <name>Flotilla::MainWindow</name>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="42" />
        <source>Flotilla Console</source>
        <translation>Flotilla-Konsole</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="68" />
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="69" />
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="70" />
        <source>Targets</source>
        <translation>Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="71" />
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="72" />
        <source>Rollouts</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="73" />
        <source>Consent</source>
        <translation>Zustimmung</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="74" />
        <source>Manifests</source>
        <translation>Manifeste</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="75" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/mainwindow.cpp" line="106" />
        <source>Rehearsal: %n simulated device(s)</source>
        <translation>
            <numerusform>Probelauf: %n simuliertes Gerät</numerusform>
            <numerusform>Probelauf: %n simulierte Geräte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="114" />
        <source>Server connection</source>
        <translation>Serververbindung</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="116" />
        <source>Not connected to a server</source>
        <translation>Mit keinem Server verbunden</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="120" />
        <source>The connection to %1 was lost. Reconnecting… what happens meanwhile is shown once it is back.</source>
        <translation>Die Verbindung zu %1 ist unterbrochen. Verbinde neu … was inzwischen geschieht, wird danach angezeigt.</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="150" />
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="219" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="220" />
        <source>&amp;Connect to Server…</source>
        <translation>Mit Server &amp;verbinden …</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="224" />
        <source>Connect a &amp;Device…</source>
        <translation>Ein &amp;Gerät verbinden …</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="228" />
        <source>&amp;Rehearse with Simulated Devices…</source>
        <translation>&amp;Probelauf mit simulierten Geräten …</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="231" />
        <source>Use the &amp;Embedded Server</source>
        <translation>&amp;Eingebauten Server verwenden</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="236" />
        <source>Embedded server</source>
        <translation>Eingebauter Server</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="239" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="248" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="249" />
        <source>&amp;Welcome</source>
        <translation>&amp;Willkommen</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="249" />
        <source>&amp;Targets</source>
        <translation>&amp;Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="249" />
        <source>&amp;Software</source>
        <translation>&amp;Software</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="249" />
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="250" />
        <source>&amp;Rollouts</source>
        <translation>&amp;Rollouts</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="250" />
        <source>S&amp;ettings</source>
        <translation>E&amp;instellungen</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="250" />
        <source>&amp;Consent</source>
        <translation>Zustimmun&amp;g</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="250" />
        <source>&amp;Manifests</source>
        <translation>&amp;Manifeste</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="259" />
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="269" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="270" />
        <source>&amp;About Flotilla</source>
        <translation>&amp;Über Flotilla</translation>
    </message>
    <message>
        <location filename="../app/console/mainwindow.cpp" line="274" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>Flotilla::MaintenanceWindowDialog</name>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="53" />
        <source>Maintenance window</source>
        <translation>Wartungsfenster</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="57" />
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="58" />
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="58" />
        <source>Every week on…</source>
        <translation>Jede Woche am…</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="58" />
        <source>Every month on day…</source>
        <translation>Jeden Monat am Tag…</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="58" />
        <source>Every month on the…</source>
        <translation>Jeden Monat am…</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="59" />
        <source>Custom (Quartz cron)</source>
        <translation>Eigener Ausdruck (Quartz-Cron)</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="62" />
        <source>Opens at</source>
        <translation>Öffnet um</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="83" />
        <source>the last day</source>
        <translation>letzten Tag</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="84" />
        <source>Day of the month</source>
        <translation>Tag des Monats</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="89" />
        <source>(months without that day are skipped)</source>
        <translation>(Monate ohne diesen Tag werden übersprungen)</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="94" />
        <source>first</source>
        <translation>ersten</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="94" />
        <source>second</source>
        <translation>zweiten</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="94" />
        <source>third</source>
        <translation>dritten</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="94" />
        <source>fourth</source>
        <translation>vierten</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="94" />
        <source>last</source>
        <translation>letzten</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="95" />
        <source>Which week</source>
        <translation>Welche Woche</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="99" />
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="110" />
        <source>Quartz cron expression</source>
        <translation>Quartz-Cron-Ausdruck</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="117" />
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="122" />
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="138" />
        <source>The next 10 windows</source>
        <translation>Die nächsten 10 Fenster</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="148" />
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="149" />
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="150" />
        <source>Calendar shows</source>
        <translation>Kalender zeigt</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="157" />
        <source>Repeats:</source>
        <translation>Wiederholung:</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="158" />
        <source>Opens at:</source>
        <translation>Öffnet um:</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="159" />
        <source>Open for:</source>
        <translation>Offen für:</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="160" />
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="161" />
        <source>Cron:</source>
        <translation>Cron:</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="164" />
        <source>Calendar:</source>
        <translation>Kalender:</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="310" />
        <source>Opens (%1)</source>
        <translation>Öffnet (%1)</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="310" />
        <source>Closes</source>
        <translation>Schließt</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="311" />
        <source>Your time (%1)</source>
        <translation>Ihre Zeit (%1)</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/maintenancewindowdialog.cpp" line="312" />
        <source>Daylight-saving time</source>
        <translation>Sommerzeit</translation>
    </message>
</context>
<context>
    <name>Flotilla::ManifestEditor</name>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="46" />
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="52" />
        <source>What the JSON describes</source>
        <translation>Was das JSON beschreibt</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="56" />
        <source>Start from a &amp;template</source>
        <translation>Mit einer &amp;Vorlage beginnen</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="59" />
        <source>Manifest (JSON)</source>
        <translation>Manifest (JSON)</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="67" />
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="74" />
        <source>The server's answer</source>
        <translation>Die Antwort des Servers</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="79" />
        <source>Describes:</source>
        <translation>Beschreibt:</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="153" />
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="159" />
        <source>No problems: Apply sends it to the server.</source>
        <translation>Keine Probleme: Anwenden schickt es an den Server.</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="205" />
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="220" />
        <source>The server accepted it:</source>
        <translation>Der Server hat es angenommen:</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifesteditor.cpp" line="220" />
        <source>The server refused it:</source>
        <translation>Der Server hat es abgelehnt:</translation>
    </message>
</context>
<context>
    <name>Flotilla::ManifestValidator</name>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="37" />
        <source>"%1" must be a non-empty text</source>
        <translation>„%1" muss ein nicht leerer Text sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="42" />
        <source>"%1" must be a text</source>
        <translation>„%1" muss ein Text sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="54" />
        <source>"%1" must be a whole number from %2 to %3</source>
        <translation>„%1" muss eine ganze Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="62" />
        <source>"%1" must be true or false</source>
        <translation>„%1" muss true oder false sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="67" />
        <source>"%1" must be one of %2</source>
        <translation>„%1" muss eines von %2 sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="73" />
        <source>unknown key "%1" (known: %2)</source>
        <translation>unbekannter Schlüssel „%1" (bekannt: %2)</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="77" />
        <source>"%1" is missing</source>
        <translation>„%1" fehlt</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="87" />
        <source>maintenanceWindow: %1</source>
        <translation>maintenanceWindow: %1</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="122" />
        <source>"modules" must be a list of {"id": number}</source>
        <translation>„modules" muss eine Liste von {"id": Zahl} sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="128" />
        <source>each module must be {"id": number}</source>
        <translation>jedes Modul muss {"id": Zahl} sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="167" />
        <source>"groups" must list at least one group</source>
        <translation>„groups" muss mindestens eine Gruppe enthalten</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="172" />
        <source>each group needs "targetPercentage" above 0 and up to 100</source>
        <translation>jede Gruppe braucht „targetPercentage" über 0 und bis 100</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="183" />
        <source>"%1".expression must be a percentage "0".."100"</source>
        <translation>„%1".expression muss ein Prozentwert "0".."100" sein</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="199" />
        <source>Not valid JSON: %1</source>
        <translation>Kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="212" />
        <source>A distribution set is a JSON object (or a list of them)</source>
        <translation>Ein Distribution-Set ist ein JSON-Objekt (oder eine Liste davon)</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="217" />
        <source>An assignment is a JSON object {"distributionSetId", "targets"}</source>
        <translation>Eine Zuweisung ist ein JSON-Objekt {"distributionSetId", "targets"}</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="223" />
        <source>"targets" must list at least one {"id": …}</source>
        <translation>„targets" muss mindestens ein {"id": …} enthalten</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="233" />
        <source>A rollout is a JSON object</source>
        <translation>Ein Rollout ist ein JSON-Objekt</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="285" />
        <source>Distribution set</source>
        <translation>Distributionsset</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="287" />
        <source>Assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <location filename="../app/console/manifest/manifestvalidator.cpp" line="289" />
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
</context>
<context>
    <name>Flotilla::ModuleDialog</name>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="25" />
        <source>New software module</source>
        <translation>Neues Softwaremodul</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="31" />
        <source>A type key; a new one is created with the module</source>
        <translation>Ein Typschlüssel; ein neuer wird mit dem Modul angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="33" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="34" />
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="35" />
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="36" />
        <source>Vendor:</source>
        <translation>Hersteller:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="37" />
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
</context>
<context>
    <name>Flotilla::OverviewPage</name>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="58" />
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="69" />
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="79" />
        <source>Consent</source>
        <translation>Zustimmung</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="85" />
        <source>Review on the Consent page</source>
        <translation>Auf der Seite Zustimmung prüfen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="90" />
        <location filename="../app/console/pages/overviewpage.cpp" line="91" />
        <source>Rollouts in flight</source>
        <translation>Laufende Rollouts</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="100" />
        <source>Most frequent errors, last 24 hours</source>
        <translation>Häufigste Fehler, letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="101" />
        <source>Most frequent errors of the last 24 hours</source>
        <translation>Die häufigsten Fehler der letzten 24 Stunden</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="207" />
        <source>The server sent counts the console cannot read: %1</source>
        <translation>Der Server hat Zahlen gesendet, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="212" />
        <source>Could not count the fleet: %1</source>
        <translation>Die Flotte konnte nicht gezählt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="227" />
        <source>%1: %2 targets. Show them on the Targets page</source>
        <translation>%1: %2 Zielgeräte. Auf der Seite Zielgeräte zeigen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="234" />
        <source>overdue: no poll within the polling and overdue time</source>
        <translation>überfällig: keine Abfrage innerhalb der Abfrage- und Überfälligkeitszeit</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="235" />
        <source>%1 targets overdue. Show them on the Targets page</source>
        <translation>%1 Zielgeräte überfällig. Auf der Seite Zielgeräte zeigen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="236" />
        <source>never seen: created, never polled</source>
        <translation>nie gesehen: angelegt, nie abgefragt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="237" />
        <source>%1 targets never seen. Show them on the Targets page</source>
        <translation>%1 Zielgeräte nie gesehen. Auf der Seite Zielgeräte zeigen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="248" />
        <source>Next device turns overdue at %1 unless it polls</source>
        <translation>Das nächste Gerät wird um %1 überfällig, sofern es nicht abfragt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="265" />
        <source>Could not load this card: %1</source>
        <translation>Diese Karte konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="305" />
        <source>One action waits for a device's consent.</source>
        <translation>Eine Aktion wartet auf die Zustimmung eines Geräts.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="306" />
        <source>%1 actions wait for a device's consent.</source>
        <translation>%1 Aktionen warten auf die Zustimmung eines Geräts.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="308" />
        <source>Actions waiting for consent: %1. Review them on the Consent page</source>
        <translation>Aktionen, die auf Zustimmung warten: %1. Auf der Seite Zustimmung prüfen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="315" />
        <source>Could not count the actions waiting for consent: %1</source>
        <translation>Die auf Zustimmung wartenden Aktionen konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/overviewpage.cpp" line="303" />
        <source>No action waits for consent.</source>
        <translation>Keine Aktion wartet auf Zustimmung.</translation>
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
    <name>Flotilla::Rehearsal</name>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="58" />
        <source>A rehearsal is already running or its devices are being removed.</source>
        <translation>Ein Probelauf läuft bereits, oder seine Geräte werden gerade entfernt.</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="60" />
        <source>Rehearse with 1 to 10,000 simulated devices.</source>
        <translation>Ein Probelauf nimmt 1 bis 10.000 simulierte Geräte.</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="70" />
        <source>Simulated devices of an earlier rehearsal are still there: remove them first.</source>
        <translation>Simulierte Geräte eines früheren Probelaufs sind noch da: Entfernen Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="87" />
        <source>Simulated device (rehearsal mode)</source>
        <translation>Simuliertes Gerät (Probelauf)</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="92" />
        <source>The simulated devices cannot be created: %1</source>
        <translation>Die simulierten Geräte können nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="106" />
        <source>The simulated devices cannot be tagged: %1</source>
        <translation>Die simulierten Geräte können nicht markiert werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="119" />
        <location filename="../app/console/rehearsal.cpp" line="130" />
        <source>The server sent a list the console cannot read: %1</source>
        <translation>Der Server hat eine Liste gesendet, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="123" />
        <source>Simulated devices of the console's rehearsal mode</source>
        <translation>Simulierte Geräte des Probelaufs der Konsole</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="158" />
        <source>The simulated devices cannot start: %1</source>
        <translation>Die simulierten Geräte können nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="188" />
        <source>The simulated devices are being created or removed; wait for it to end.</source>
        <translation>Die simulierten Geräte werden gerade angelegt oder entfernt; warten Sie, bis das fertig ist.</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsal.cpp" line="220" />
        <source>The simulated devices cannot be removed: %1</source>
        <translation>Die simulierten Geräte können nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::RehearsalDialog</name>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="28" />
        <source>Rehearse with Simulated Devices</source>
        <translation>Probelauf mit simulierten Geräten</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="30" />
        <source>Simulated devices run the real device agent against the connected server, so a rollout, a consent flow or a maintenance window can be tried before touching a real device. They are the targets “%1…”, tagged “%2” and with the attribute simulated=true; Remove deletes them all and nothing else.</source>
        <translation>Simulierte Geräte führen den echten Geräte-Agenten gegen den verbundenen Server aus, so dass ein Rollout, ein Zustimmungsablauf oder ein Wartungsfenster erprobt werden kann, bevor ein echtes Gerät betroffen ist. Es sind die Zielgeräte „%1…“, markiert mit „%2“ und mit dem Attribut simulated=true; Entfernen löscht sie alle und sonst nichts.</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="39" />
        <source>Number of simulated devices</source>
        <translation>Anzahl simulierter Geräte</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="43" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="44" />
        <source>Install time</source>
        <translation>Installationsdauer</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="48" />
        <source>Share of installs that fail</source>
        <translation>Anteil fehlschlagender Installationen</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="50" />
        <source>Confirm at once</source>
        <translation>Sofort bestätigen</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="51" />
        <source>Confirm after 30 s</source>
        <translation>Nach 30 s bestätigen</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="52" />
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="53" />
        <source>Never answer</source>
        <translation>Nie antworten</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="54" />
        <source>How the devices answer a consent question</source>
        <translation>Wie die Geräte eine Zustimmungsfrage beantworten</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="57" />
        <source>No simulated device is running.</source>
        <translation>Kein simuliertes Gerät läuft.</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="60" />
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="61" />
        <source>An install takes:</source>
        <translation>Eine Installation dauert:</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="62" />
        <source>Installs that fail:</source>
        <translation>Fehlschlagende Installationen:</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="63" />
        <source>Consent questions:</source>
        <translation>Zustimmungsfragen:</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="65" />
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="67" />
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="69" />
        <source>Remove Simulated Devices</source>
        <translation>Simulierte Geräte entfernen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/rehearsaldialog.cpp" line="89" />
        <source>Creating %n simulated device(s)…</source>
        <translation>
            <numerusform>Lege %n simuliertes Gerät an …</numerusform>
            <numerusform>Lege %n simulierte Geräte an …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="95" />
        <source>Removing the simulated devices…</source>
        <translation>Entferne die simulierten Geräte …</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/rehearsaldialog.cpp" line="100" />
        <source>%n simulated device(s) running.</source>
        <translation>
            <numerusform>%n simuliertes Gerät läuft.</numerusform>
            <numerusform>%n simulierte Geräte laufen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/rehearsaldialog.cpp" line="105" />
        <source>Stopped. The simulated devices stay as targets until you remove them.</source>
        <translation>Angehalten. Die simulierten Geräte bleiben als Zielgeräte, bis Sie sie entfernen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/rehearsaldialog.cpp" line="109" />
        <source>Removed %n simulated device(s).</source>
        <translation>
            <numerusform>%n simuliertes Gerät entfernt.</numerusform>
            <numerusform>%n simulierte Geräte entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutChart</name>
    <message>
        <location filename="../app/console/pages/rolloutchart.cpp" line="27" />
        <source>Rollout progress over time</source>
        <translation>Fortschritt des Rollouts über die Zeit</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutchart.cpp" line="34" />
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutchart.cpp" line="35" />
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutchart.cpp" line="36" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutDialog</name>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="41" />
        <source>Requires confirmation on the device</source>
        <translation>Erfordert Bestätigung auf dem Gerät</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="42" />
        <source>Needs approval before it can start</source>
        <translation>Muss vor dem Start genehmigt werden</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="52" />
        <source>New rollout</source>
        <translation>Neues Rollout</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="61" />
        <source>RSQL, e.g. attribute.hw==rev2;updateStatus!=error</source>
        <translation>RSQL, z. B. attribute.hw==rev2;updateStatus!=error</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="62" />
        <source>Targets of the rollout</source>
        <translation>Zielgeräte des Rollouts</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="65" />
        <source>in equal groups:</source>
        <translation>in gleich großen Gruppen:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="66" />
        <source>by percentage of the targets left:</source>
        <translation>nach Prozent der verbleibenden Zielgeräte:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="67" />
        <source>How targets are split into groups</source>
        <translation>Wie die Zielgeräte auf Gruppen verteilt werden</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="69" />
        <source>e.g. 5, 25, 100 (the last 100 % takes all that are left)</source>
        <translation>z. B. 5, 25, 100 (die letzten 100 % nehmen alle übrigen)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="70" />
        <source>Group percentages</source>
        <translation>Prozentanteile der Gruppen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="73" />
        <source>Number of groups</source>
        <translation>Anzahl der Gruppen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="79" />
        <source>Success threshold</source>
        <translation>Erfolgsschwelle</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="80" />
        <source>then start the next group</source>
        <translation>dann die nächste Gruppe starten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="81" />
        <source>then pause the rollout</source>
        <translation>dann das Rollout pausieren</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="85" />
        <source>Error threshold</source>
        <translation>Fehlerschwelle</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="86" />
        <source>Forced</source>
        <translation>Erzwungen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="87" />
        <source>Soft</source>
        <translation>Weich</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="88" />
        <source>Download only</source>
        <translation>Nur herunterladen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="91" />
        <source>Start it myself</source>
        <translation>Selbst starten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="92" />
        <source>Start as soon as it is created</source>
        <translation>Sofort nach dem Anlegen starten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="93" />
        <source>Start at a time</source>
        <translation>Zu einem Zeitpunkt starten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="95" />
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="101" />
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="104" />
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="107" />
        <source>What this rollout would do and when, played on a copy of the fleet as it behaved lately; nothing is created</source>
        <translation>Was dieses Rollout wann täte, durchgespielt auf einer Kopie der Flotte, wie sie sich zuletzt verhielt; es wird nichts angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="111" />
        <source>Forecast by group</source>
        <translation>Prognose nach Gruppen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="127" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="128" />
        <source>Distribution set:</source>
        <translation>Distributionsset:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="129" />
        <source>Targets:</source>
        <translation>Zielgeräte:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="136" />
        <source>Groups:</source>
        <translation>Gruppen:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="137" />
        <source>A group succeeds at:</source>
        <translation>Eine Gruppe ist erfolgreich bei:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="138" />
        <source>Pause when failed reach:</source>
        <translation>Pausieren, wenn Fehlschläge erreichen:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="139" />
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="140" />
        <source>Weight:</source>
        <translation>Gewicht:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="143" />
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="168" />
        <location filename="../app/console/pages/rolloutdialog.cpp" line="193" />
        <source>Type a filter to see how many targets it matches.</source>
        <translation>Geben Sie einen Filter ein, um zu sehen, wie viele Zielgeräte er trifft.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/rolloutdialog.cpp" line="242" />
        <source>Matches %n target(s)</source>
        <translation>
            <numerusform>Trifft %n Zielgerät</numerusform>
            <numerusform>Trifft %n Zielgeräte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="250" />
        <source>the percentages must be numbers above 0 and up to 100, separated by commas</source>
        <translation>die Prozente müssen Zahlen über 0 und bis 100 sein, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="210" />
        <source>Not a valid filter: %1</source>
        <translation>Kein gültiger Filter: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="259" />
        <source>groups of %1</source>
        <translation>Gruppen mit %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/rolloutdialog.cpp" line="262" />
        <source>%n target(s) in no group (end with 100 % to take them all)</source>
        <translation>
            <numerusform>%n Zielgerät in keiner Gruppe (mit 100 % enden, um alle aufzunehmen)</numerusform>
            <numerusform>%n Zielgeräte in keiner Gruppe (mit 100 % enden, um alle aufzunehmen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="287" />
        <source>Forecasting…</source>
        <translation>Prognose wird berechnet …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="295" />
        <source>The server sent a forecast the console cannot read: %1</source>
        <translation>Der Server hat eine Prognose gesendet, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="312" />
        <source>No forecast: %1</source>
        <translation>Keine Prognose: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutdialog.cpp" line="366" />
        <source>The server refused the rollout: %1</source>
        <translation>Der Server hat das Rollout abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutForecastModel</name>
    <message numerus="yes">
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="36" />
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="39" />
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="42" />
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="42" />
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="43" />
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="43" />
        <source>%n d</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="54" />
        <source>not within 7 days</source>
        <translation>nicht innerhalb von 7 Tagen</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="56" />
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="56" />
        <source>after %1</source>
        <translation>nach %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="69" />
        <source>All %n group(s) finish after %1; %2 downloaded.</source>
        <translation>
            <numerusform>Die %n Gruppe ist nach %1 fertig; %2 heruntergeladen.</numerusform>
            <numerusform>Alle %n Gruppen sind nach %1 fertig; %2 heruntergeladen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="72" />
        <source>Pauses in %1 after %2: its failures pass the error threshold. %3 downloaded by then.</source>
        <translation>Pausiert in %1 nach %2: ihre Fehlschläge überschreiten die Fehlerschwelle. Bis dahin %3 heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="75" />
        <source>Does not finish within 7 days.</source>
        <translation>Wird nicht innerhalb von 7 Tagen fertig.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="78" />
        <source>%n target(s) have not polled within the polling and overdue time; they are assumed to stay silent, and a group waiting for them does not finish.</source>
        <translation>
            <numerusform>%n Zielgerät hat innerhalb der Abfrage- und Überfälligkeitszeit nicht abgefragt; es wird als stumm angenommen, und eine Gruppe, die darauf wartet, wird nicht fertig.</numerusform>
            <numerusform>%n Zielgeräte haben innerhalb der Abfrage- und Überfälligkeitszeit nicht abgefragt; sie werden als stumm angenommen, und eine Gruppe, die auf sie wartet, wird nicht fertig.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="90" />
        <source>Assumes: devices poll every %1, an install takes %2, %3 % fail</source>
        <translation>Annahmen: Geräte fragen alle %1 ab, eine Installation dauert %2, %3 % schlagen fehl</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="92" />
        <source>(from %n action(s) of the last 30 days).</source>
        <translation>
            <numerusform>(aus %n Aktion der letzten 30 Tage).</numerusform>
            <numerusform>(aus %n Aktionen der letzten 30 Tage).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="93" />
        <source>(too few past actions to learn from: defaults).</source>
        <translation>(zu wenige frühere Aktionen, um daraus zu lernen: Vorgaben).</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="144" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="146" />
        <source>Targets</source>
        <translation>Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="148" />
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="150" />
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="152" />
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutforecastmodel.cpp" line="154" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutGroupModel</name>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="52" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="54" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="56" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="58" />
        <source>Targets</source>
        <translation>Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="60" />
        <source>Success / error at</source>
        <translation>Erfolg / Fehler bei</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="75" />
        <source>%1 finished, %2 failed, %3 running of %4</source>
        <translation>%1 fertig, %2 fehlgeschlagen, %3 laufend von %4</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="99" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutgroupmodel.cpp" line="103" />
        <source>%1 % / %2 %</source>
        <translation>%1 % / %2 %</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutSpanModel</name>
    <message>
        <location filename="../app/console/models/rolloutspanmodel.cpp" line="63" />
        <source>Target</source>
        <translation>Zielgerät</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutspanmodel.cpp" line="65" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutspanmodel.cpp" line="67" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutspanmodel.cpp" line="69" />
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutspanmodel.cpp" line="71" />
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutspanmodel.cpp" line="73" />
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutTableModel</name>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="50" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="52" />
        <source>Distribution set</source>
        <translation>Distributionsset</translation>
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="54" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="56" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="58" />
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../app/console/models/rollouttablemodel.cpp" line="60" />
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutsInFlightModel</name>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="35" />
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="37" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="39" />
        <source>Next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="63" />
        <source>Creating its groups</source>
        <translation>Gruppen werden angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="65" />
        <source>Waiting for approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="69" />
        <source>Starts by itself at %1</source>
        <translation>Startet selbst um %1</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="71" />
        <source>Ready: waits for Start</source>
        <translation>Bereit: wartet auf Start</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="75" />
        <source>Starting group “%1”</source>
        <translation>Gruppe „%1“ startet</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="76" />
        <source>Group “%1” starts when “%2” reaches %3 % finished (now %4 %)</source>
        <translation>Gruppe „%1“ startet, wenn „%2“ zu %3 % abgeschlossen ist (jetzt %4 %)</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="82" />
        <source>Paused: group “%1” has %2 % errors (threshold %3 %); resume or stop it</source>
        <translation>Angehalten: Gruppe „%1“ hat %2 % Fehler (Schwelle %3 %); fortsetzen oder stoppen</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="87" />
        <source>Paused after “%1” as planned; resume to start “%2”</source>
        <translation>Nach „%1“ wie geplant angehalten; fortsetzen, um „%2“ zu starten</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="89" />
        <source>Paused by an operator</source>
        <translation>Von einem Operator angehalten</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="91" />
        <source>Finishing</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="91" />
        <source>Finishes when group “%1” is done</source>
        <translation>Endet, wenn Gruppe „%1“ fertig ist</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="93" />
        <source>Waiting for new matching targets (dynamic)</source>
        <translation>Wartet auf neue passende Zielgeräte (dynamisch)</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="95" />
        <source>Stopping</source>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <location filename="../app/console/models/rolloutsinflightmodel.cpp" line="96" />
        <source>Nothing more</source>
        <translation>Nichts weiter</translation>
    </message>
</context>
<context>
    <name>Flotilla::RolloutsPage</name>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="44" />
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="45" />
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="46" />
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="47" />
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="48" />
        <source>&amp;Deny</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="49" />
        <source>S&amp;top</source>
        <translation>An&amp;halten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="84" />
        <source>Rollouts</source>
        <translation>Rollouts</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="89" />
        <source>Groups of the rollout</source>
        <translation>Gruppen des Rollouts</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="95" />
        <source>&amp;New rollout…</source>
        <translation>&amp;Neues Rollout …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="116" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="117" />
        <location filename="../app/console/pages/rolloutspage.cpp" line="217" />
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="156" />
        <source>Rollout %1 created</source>
        <translation>Rollout %1 angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="171" />
        <location filename="../app/console/pages/rolloutspage.cpp" line="180" />
        <source>Rollout %1</source>
        <translation>Rollout %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="173" />
        <source>Stop %1? Its open actions are canceled; it cannot be resumed.</source>
        <translation>%1 anhalten? Seine offenen Aktionen werden abgebrochen; es kann nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="174" />
        <source>Deny %1? It can then never start.</source>
        <translation>%1 ablehnen? Es kann dann nie starten.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="175" />
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="175" />
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="180" />
        <source>%1 was refused: %2</source>
        <translation>%1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <location filename="../app/console/pages/rolloutspage.cpp" line="190" />
        <source>Timeline of the rollout</source>
        <translation>Zeitleiste des Rollouts</translation>
    </message>
</context>
<context>
    <name>Flotilla::SetDialog</name>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="74" />
        <source>New distribution set</source>
        <translation>Neues Distributionsset</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="79" />
        <source>A set type key; a new one is created requiring the chosen modules' types</source>
        <translation>Ein Set-Typschlüssel; ein neuer wird angelegt, der die Typen der gewählten Module verlangt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="81" />
        <source>Modules in the set</source>
        <translation>Module im Set</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="83" />
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="90" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="91" />
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="92" />
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/modulesetdialog.cpp" line="93" />
        <source>Modules:</source>
        <translation>Module:</translation>
    </message>
</context>
<context>
    <name>Flotilla::SettingsPage</name>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="41" />
        <source>A new assignment closes the target's open action (otherwise it cancels it)</source>
        <translation>Eine neue Zuweisung schließt die offene Aktion des Zielgeräts (sonst bricht sie sie ab)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="42" />
        <source>Devices must confirm an update before it runs (consent flow)</source>
        <translation>Geräte müssen ein Update bestätigen, bevor es läuft (Zustimmung)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="43" />
        <source>Several open actions per target, ordered by weight (multi-assignment)</source>
        <translation>Mehrere offene Aktionen je Zielgerät, nach Gewicht geordnet (Mehrfachzuweisung)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="59" />
        <source>Polling time</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="62" />
        <source>Polling overdue time</source>
        <translation>Überfällig nach</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="69" />
        <source>Devices and deployments</source>
        <translation>Geräte und Verteilungen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="71" />
        <source>Devices poll every:</source>
        <translation>Geräte fragen ab alle:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="72" />
        <source>A device is overdue after:</source>
        <translation>Ein Gerät ist überfällig nach:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="79" />
        <source>Embedded server address</source>
        <translation>Adresse des eingebauten Servers</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="81" />
        <source>Embedded server</source>
        <translation>Eingebauter Server</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="83" />
        <source>Devices connect to (host:port):</source>
        <translation>Geräte verbinden sich mit (Host:Port):</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="84" />
        <source>Used from the next start of the console.</source>
        <translation>Gilt ab dem nächsten Start der Konsole.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="89" />
        <source>The embedded server will listen on %1 from the next start</source>
        <translation>Der eingebaute Server lauscht ab dem nächsten Start auf %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="97" />
        <source>Add &amp;user…</source>
        <translation>&amp;Benutzer hinzufügen …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="100" />
        <source>C&amp;hange…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="104" />
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="109" />
        <location filename="../app/console/pages/settingspage.cpp" line="117" />
        <source>Operators</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="133" />
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="134" />
        <source>&amp;Audit trail</source>
        <translation>Än&amp;derungsprotokoll</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="166" />
        <location filename="../app/console/pages/settingspage.cpp" line="180" />
        <source>Could not read the configuration: %1</source>
        <translation>Die Konfiguration konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="188" />
        <source>Audit trail</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="197" />
        <source>Audit filter</source>
        <translation>Protokollfilter</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="198" />
        <source>Filter, e.g. actor==admin;entity==targets (RSQL); Enter applies</source>
        <translation>Filter, z. B. actor==admin;entity==targets (RSQL); Eingabe wendet ihn an</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="201" />
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="205" />
        <source>Change details</source>
        <translation>Einzelheiten der Änderung</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="208" />
        <source>Select a change to see what was asked, and the resource before and after.</source>
        <translation>Eine Änderung auswählen, um die Anfrage und die Ressource vorher und nachher zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/settingspage.cpp" line="217" />
        <source>%n change(s) shown, newest first. Only the retention period removes entries.</source>
        <translation>
            <numerusform>%n Änderung angezeigt, die neueste zuerst. Nur die Aufbewahrungsfrist entfernt Einträge.</numerusform>
            <numerusform>%n Änderungen angezeigt, die neuesten zuerst. Nur die Aufbewahrungsfrist entfernt Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="221" />
        <source>Could not read the audit trail: %1</source>
        <translation>Das Änderungsprotokoll ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="264" />
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="268" />
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="281" />
        <source>Add an operator</source>
        <translation>Einen Bediener hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="302" />
        <source>Change operator %1</source>
        <translation>Bediener %1 ändern</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="302" />
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="310" />
        <location filename="../app/console/pages/settingspage.cpp" line="318" />
        <source>Delete operator</source>
        <translation>Bediener löschen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="311" />
        <source>Delete the operator %1? Their sign-in and tokens stop working at once.</source>
        <translation>Den Bediener %1 löschen? Anmeldung und Tokens funktionieren sofort nicht mehr.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="312" />
        <source>&amp;Delete %1</source>
        <translation>%1 &amp;löschen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="318" />
        <source>%1 was not deleted: %2</source>
        <translation>%1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <location filename="../app/console/pages/settingspage.cpp" line="281" />
        <source>The account was not created: %1</source>
        <translation>Das Konto wurde nicht angelegt: %1</translation>
    </message>
</context>
<context>
    <name>Flotilla::SoftwareModuleModel</name>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="57" />
        <source>The server sent a list of software modules the console cannot read: %1</source>
        <translation>Der Server hat eine Liste von Softwaremodulen gesendet, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="177" />
        <source>%n artifact(s)</source>
        <translation>
            <numerusform>%n Artefakt</numerusform>
            <numerusform>%n Artefakte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="197" />
        <source>SHA-256: %1
SHA-1: %2
MD5: %3</source>
        <translation>SHA-256: %1
SHA-1: %2
MD5: %3</translation>
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="222" />
        <source>Module / artifact</source>
        <translation>Modul / Artefakt</translation>
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="224" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="226" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="228" />
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../app/console/models/softwaremodulemodel.cpp" line="230" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>Flotilla::SoftwarePage</name>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="41" />
        <source>Cancel upload</source>
        <translation>Hochladen abbrechen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="47" />
        <source>Software modules and their artifacts</source>
        <translation>Softwaremodule und ihre Artefakte</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="55" />
        <source>Copy SHA-256</source>
        <translation>SHA-256 kopieren</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="62" />
        <location filename="../app/console/pages/softwarepage.cpp" line="107" />
        <source>Distribution sets</source>
        <translation>Distributionssets</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="71" />
        <source>Upload progress</source>
        <translation>Fortschritt des Hochladens</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="85" />
        <source>New &amp;module…</source>
        <translation>Neues &amp;Modul …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="86" />
        <source>&amp;Upload artifacts…</source>
        <translation>Artefakte &amp;hochladen …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="87" />
        <location filename="../app/console/pages/softwarepage.cpp" line="105" />
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="89" />
        <source>Drop files on this page to upload them to the selected module.</source>
        <translation>Dateien auf diese Seite ziehen, um sie zum gewählten Modul hochzuladen.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="97" />
        <source>Software modules</source>
        <translation>Softwaremodule</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="104" />
        <source>New &amp;distribution set…</source>
        <translation>Neues &amp;Distributionsset …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="133" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="133" />
        <source>The type was not created: %1</source>
        <translation>Der Typ wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="150" />
        <source>Module %1 %2 created</source>
        <translation>Modul %1 %2 angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="152" />
        <source>New module</source>
        <translation>Neues Modul</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="152" />
        <source>The module was not created: %1</source>
        <translation>Das Modul wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="171" />
        <source>Distribution set %1 %2 created</source>
        <translation>Distributionsset %1 %2 angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="173" />
        <source>New distribution set</source>
        <translation>Neues Distributionsset</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="173" />
        <source>The set was not created: %1</source>
        <translation>Das Set wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="181" />
        <location filename="../app/console/pages/softwarepage.cpp" line="234" />
        <location filename="../app/console/pages/softwarepage.cpp" line="320" />
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="181" />
        <location filename="../app/console/pages/softwarepage.cpp" line="320" />
        <source>Select the module the files belong to first.</source>
        <translation>Wählen Sie zuerst das Modul, zu dem die Dateien gehören.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="184" />
        <source>Upload artifacts</source>
        <translation>Artefakte hochladen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="209" />
        <source>Uploading %1</source>
        <translation>Lade %1 hoch</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="222" />
        <source>%1 uploaded (SHA-256 %2)</source>
        <translation>%1 hochgeladen (SHA-256 %2)</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="235" />
        <source>%1 was not uploaded: %2</source>
        <translation>%1 wurde nicht hochgeladen: %2</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="246" />
        <source>Upload canceled</source>
        <translation>Hochladen abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="261" />
        <location filename="../app/console/pages/softwarepage.cpp" line="266" />
        <location filename="../app/console/pages/softwarepage.cpp" line="270" />
        <location filename="../app/console/pages/softwarepage.cpp" line="282" />
        <location filename="../app/console/pages/softwarepage.cpp" line="286" />
        <location filename="../app/console/pages/softwarepage.cpp" line="290" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="262" />
        <source>Delete the artifact %1? Devices that still need it can no longer download it.</source>
        <translation>Das Artefakt %1 löschen? Geräte, die es noch brauchen, können es nicht mehr herunterladen.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="263" />
        <source>Delete the module %1 and its artifacts? A module that a distribution set uses cannot be deleted; the server will say which sets use it.</source>
        <translation>Das Modul %1 und seine Artefakte löschen? Ein Modul, das ein Distributionsset verwendet, kann nicht gelöscht werden; der Server nennt die Sets.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="270" />
        <location filename="../app/console/pages/softwarepage.cpp" line="290" />
        <source>%1 was not deleted: %2</source>
        <translation>%1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="283" />
        <source>Delete the distribution set %1? A set that targets run, or that actions or rollouts use, cannot be deleted; the server will say what uses it.</source>
        <translation>Das Distributionsset %1 löschen? Ein Set, das Zielgeräte ausführen oder das Aktionen oder Rollouts verwenden, kann nicht gelöscht werden; der Server nennt, was es verwendet.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/softwarepage.cpp" line="300" />
        <source>SHA-256 copied</source>
        <translation>SHA-256 kopiert</translation>
    </message>
</context>
<context>
    <name>Flotilla::StatusLabels</name>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="12" />
        <source>In sync</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="13" />
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="14" />
        <location filename="../qml/style/statuslabels.cpp" line="45" />
        <location filename="../qml/style/statuslabels.cpp" line="69" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="15" />
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="17" />
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="23" />
        <source>Runs the software assigned to it</source>
        <translation>Führt die ihm zugewiesene Software aus</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="24" />
        <source>An update is on its way</source>
        <translation>Ein Update ist unterwegs</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="25" />
        <source>Its last update failed</source>
        <translation>Sein letztes Update ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="26" />
        <source>Has polled, nothing assigned yet</source>
        <translation>Hat abgefragt, noch nichts zugewiesen</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="28" />
        <source>Created here; has never polled</source>
        <translation>Hier angelegt; hat nie abgefragt</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="34" />
        <location filename="../qml/style/statuslabels.cpp" line="68" />
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="35" />
        <source>Waiting for confirmation</source>
        <translation>Wartet auf Bestätigung</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="36" />
        <location filename="../qml/style/statuslabels.cpp" line="61" />
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="37" />
        <source>Retrieved</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="38" />
        <source>Downloading</source>
        <translation>Lädt herunter</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="39" />
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="40" />
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="41" />
        <source>Canceling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="42" />
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="43" />
        <source>Cancel rejected</source>
        <translation>Abbruch abgelehnt</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="44" />
        <location filename="../qml/style/statuslabels.cpp" line="65" />
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="46" />
        <source>Denied by the device</source>
        <translation>Vom Gerät abgelehnt</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="47" />
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="56" />
        <source>Creating</source>
        <translation>Wird angelegt</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="57" />
        <source>Waiting for approval</source>
        <translation>Wartet auf Genehmigung</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="58" />
        <source>Approval denied</source>
        <translation>Genehmigung abgelehnt</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="59" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="60" />
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="62" />
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="63" />
        <source>Stopping</source>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="64" />
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../qml/style/statuslabels.cpp" line="66" />
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
</context>
<context>
    <name>Flotilla::StatusStyle</name>
    <message>
        <location filename="../app/console/statusstyle.cpp" line="136" />
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/statusstyle.cpp" line="138" />
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/statusstyle.cpp" line="140" />
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/statusstyle.cpp" line="141" />
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flotilla::TargetTableModel</name>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="114" />
        <source>The server sent a list of targets the console cannot read: %1</source>
        <translation>Der Server hat eine Liste von Zielen gesendet, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="167" />
        <source>Loading…</source>
        <translation>Lädt …</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="206" />
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="231" />
        <source>Controller ID</source>
        <translation>Controller-ID</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="233" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="235" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="237" />
        <source>Last poll</source>
        <translation>Letzte Abfrage</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="239" />
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="241" />
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <location filename="../app/console/models/targettablemodel.cpp" line="243" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>Flotilla::TargetsPage</name>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="54" />
        <source>Filter (RSQL), e.g. updateStatus==error or name==cam*;attribute.hw==rev2</source>
        <translation>Filter (RSQL), z. B. updateStatus==error oder name==cam*;attribute.hw==rev2</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="55" />
        <source>Target filter</source>
        <translation>Zielgerätefilter</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="64" />
        <source>Targets</source>
        <translation>Zielgeräte</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="85" />
        <source>&amp;New target…</source>
        <translation>&amp;Neues Zielgerät …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="86" />
        <source>&amp;Deploy…</source>
        <translation>&amp;Verteilen …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="87" />
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="89" />
        <location filename="../app/console/pages/targetspage.cpp" line="326" />
        <location filename="../app/console/pages/targetspage.cpp" line="336" />
        <source>Security token</source>
        <translation>Sicherheitstoken</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="91" />
        <source>Request attributes</source>
        <translation>Attribute anfordern</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="98" />
        <location filename="../app/console/pages/targetspage.cpp" line="232" />
        <source>Select a target to see its actions and attributes.</source>
        <translation>Wählen Sie ein Zielgerät, um seine Aktionen und Attribute zu sehen.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="100" />
        <source>Actions of the target</source>
        <translation>Aktionen des Zielgeräts</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="102" />
        <source>Status history of the action</source>
        <translation>Statusverlauf der Aktion</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="113" />
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="113" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="117" />
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="118" />
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="151" />
        <source>Filter not applied: %1</source>
        <translation>Filter nicht angewendet: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/targetspage.cpp" line="160" />
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n Zielgerät</numerusform>
            <numerusform>%n Zielgeräte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="166" />
        <source>Could not load targets: %1</source>
        <translation>Zielgeräte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="236" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="236" />
        <source>no address yet</source>
        <translation>noch keine Adresse</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="260" />
        <location filename="../app/console/pages/targetspage.cpp" line="268" />
        <source>New target</source>
        <translation>Neues Zielgerät</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="260" />
        <source>Controller ID (what the device calls itself in DDI):</source>
        <translation>Controller-ID (wie sich das Gerät in DDI nennt):</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="266" />
        <source>Target %1 created</source>
        <translation>Zielgerät %1 angelegt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="268" />
        <source>The target was not created: %1</source>
        <translation>Das Zielgerät wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="277" />
        <source>Delete targets</source>
        <translation>Zielgeräte löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/targetspage.cpp" line="278" />
        <source>Delete %n target(s)? Their actions and history are deleted too; a device that polls again registers anew.</source>
        <translation>
            <numerusform>%n Zielgerät löschen? Seine Aktionen und sein Verlauf werden mitgelöscht; fragt das Gerät erneut ab, registriert es sich neu.</numerusform>
            <numerusform>%n Zielgeräte löschen? Ihre Aktionen und ihr Verlauf werden mitgelöscht; ein Gerät, das erneut abfragt, registriert sich neu.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="281" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="287" />
        <source>%1 was not deleted: %2</source>
        <translation>%1 wurde nicht gelöscht: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/console/pages/targetspage.cpp" line="308" />
        <source>%n action(s) created</source>
        <translation>
            <numerusform>%n Aktion angelegt</numerusform>
            <numerusform>%n Aktionen angelegt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="303" />
        <location filename="../app/console/pages/targetspage.cpp" line="312" />
        <source>Deploy</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="303" />
        <location filename="../app/console/pages/targetspage.cpp" line="312" />
        <source>Could not read the configuration: %1</source>
        <translation>Die Konfiguration konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="326" />
        <source>Your account may not read security tokens.</source>
        <translation>Ihr Konto darf keine Sicherheitstokens lesen.</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="327" />
        <source>Security token of %1</source>
        <translation>Sicherheitstoken von %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="328" />
        <source>The device authenticates with:

Authorization: TargetToken %1</source>
        <translation>Das Gerät authentifiziert sich mit:

Authorization: TargetToken %1</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="330" />
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="346" />
        <source>%1 will be asked for its attributes at its next poll</source>
        <translation>%1 wird bei der nächsten Abfrage nach seinen Attributen gefragt</translation>
    </message>
    <message>
        <location filename="../app/console/pages/targetspage.cpp" line="348" />
        <source>%1: attributes not requested: %2</source>
        <translation>%1: Attribute nicht angefordert: %2</translation>
    </message>
</context>
<context>
    <name>Flotilla::UserDialog</name>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="22" />
        <source>Change operator %1</source>
        <translation>Bediener %1 ändern</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="22" />
        <source>Add an operator</source>
        <translation>Einen Bediener hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="25" />
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="28" />
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="30" />
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="33" />
        <source>Administrator: everything, including operators</source>
        <translation>Administrator: alles, auch Bediener</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="34" />
        <source>Operator: targets, software, deployments, rollouts</source>
        <translation>Bediener: Zielgeräte, Software, Verteilungen, Rollouts</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="35" />
        <source>Approver: approves or denies rollouts</source>
        <translation>Freigeber: gibt Rollouts frei oder lehnt sie ab</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="36" />
        <source>Viewer: reads everything, changes nothing</source>
        <translation>Betrachter: sieht alles, ändert nichts</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="51" />
        <source>&amp;Change</source>
        <translation>Ä&amp;ndern</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="51" />
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="53" />
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="54" />
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="54" />
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../app/console/pages/userdialog.cpp" line="55" />
        <source>Roles:</source>
        <translation>Rollen:</translation>
    </message>
</context>
<context>
    <name>Flotilla::UserModel</name>
    <message>
        <location filename="../app/console/models/usermodel.cpp" line="24" />
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../app/console/models/usermodel.cpp" line="24" />
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
</context>
<context>
    <name>Flotilla::WelcomePage</name>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="27" />
        <source>Welcome to Flotilla</source>
        <translation>Willkommen bei Flotilla</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="34" />
        <source>Over-the-air software rollouts for device fleets.
Devices speak the hawkBit DDI API; this console manages targets, software, deployments and rollouts.</source>
        <translation>Software-Rollouts über das Netz für Geräteflotten.
Geräte sprechen die hawkBit-DDI-API; diese Konsole verwaltet Zielgeräte, Software, Verteilungen und Rollouts.</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="56" />
        <source>Connect a Device…</source>
        <translation>Ein Gerät verbinden …</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="67" />
        <source>The server is running and reachable</source>
        <translation>Der Server läuft und ist erreichbar</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="68" />
        <source>A device has connected (polled)</source>
        <translation>Ein Gerät hat sich verbunden (abgefragt)</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="69" />
        <source>Software is uploaded (a software module)</source>
        <translation>Software ist hochgeladen (ein Softwaremodul)</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="70" />
        <source>A first deployment is made</source>
        <translation>Eine erste Verteilung ist gemacht</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="113" />
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../app/console/welcomepage.cpp" line="113" />
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
</context>
<context>
    <name>Flotilla::WindowCalendarStrip</name>
    <message>
        <location filename="../app/console/maintenance/windowcalendarstrip.cpp" line="20" />
        <source>Maintenance windows in the calendar</source>
        <translation>Wartungsfenster im Kalender</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/windowcalendarstrip.cpp" line="142" />
        <source>Window %1–%2</source>
        <translation>Fenster %1–%2</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/windowcalendarstrip.cpp" line="148" />
        <source>The clocks change this day.</source>
        <translation>An diesem Tag wird die Uhr umgestellt.</translation>
    </message>
</context>
<context>
    <name>Flotilla::WindowPreview</name>
    <message>
        <location filename="../app/console/maintenance/windowpreview.cpp" line="45" />
        <source>The clocks go forward: the planned time does not exist this day; the window opens at %1.</source>
        <translation>Die Uhr wird vorgestellt: Die geplante Zeit gibt es an diesem Tag nicht; das Fenster öffnet um %1.</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/windowpreview.cpp" line="58" />
        <source>The clocks go back: %1 occurs twice this day; the window opens at the first.</source>
        <translation>Die Uhr wird zurückgestellt: %1 gibt es an diesem Tag zweimal; das Fenster öffnet beim ersten Mal.</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/windowpreview.cpp" line="65" />
        <source>The clocks change while this window is open; it still lasts %1 by the hour.</source>
        <translation>Die Uhr wird umgestellt, während das Fenster offen ist; es dauert trotzdem %1 echte Zeit.</translation>
    </message>
    <message>
        <location filename="../app/console/maintenance/windowpreview.cpp" line="70" />
        <source>The clocks change this day (not during the window).</source>
        <translation>An diesem Tag wird die Uhr umgestellt (nicht während des Fensters).</translation>
    </message>
</context>
<context>
    <name>RolloutTimeline</name>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="78" />
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="79" />
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="80" />
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="84" />
        <source>%1 actions in %2 groups</source>
        <translation>%1 Aktionen in %2 Gruppen</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="85" />
        <source>select a rollout that has started</source>
        <translation>wählen Sie ein gestartetes Rollout</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="103" />
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="152" />
        <source>Group started %1</source>
        <translation>Gruppe gestartet %1</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="153" />
        <source>Group finished %1</source>
        <translation>Gruppe fertig %1</translation>
    </message>
    <message>
        <location filename="../qml/timeline/RolloutTimeline.qml" line="154" />
        <source>Success threshold reached %1</source>
        <translation>Erfolgsschwelle erreicht %1</translation>
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
    <message>
        <location filename="../app/console/main.cpp" line="38" />
        <source>Devices reach the embedded server at &lt;host:port&gt; (default 0.0.0.0:8080; port 0: any free one).</source>
        <translation>Geräte erreichen den eingebauten Server unter &lt;host:port&gt; (Vorgabe 0.0.0.0:8080; Port 0: ein freier).</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="43" />
        <source>Do not start the embedded server.</source>
        <translation>Den eingebauten Server nicht starten.</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="46" />
        <source>The embedded server's database: sqlite:PATH or postgres://user:pw@host/db (default: flotilla.db in the application data folder).</source>
        <translation>Datenbank des eingebetteten Servers: sqlite:PFAD oder postgres://benutzer:pw@host/db (Standard: flotilla.db im Anwendungsdatenordner).</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="70" />
        <source>Embedded server not started: %1</source>
        <translation>Eingebauter Server nicht gestartet: %1</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="86" />
        <source>Embedded server: devices connect to %1</source>
        <translation>Eingebauter Server: Geräte verbinden sich mit %1</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="89" />
        <source>Embedded server stopped: %1</source>
        <translation>Eingebauter Server angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/console/main.cpp" line="91" />
        <source>Starting the embedded server…</source>
        <translation>Der eingebaute Server startet …</translation>
    </message>
</context>
</TS>
