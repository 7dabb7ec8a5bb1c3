<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConsentScreen</name>
    <message>
        <source>An update is ready</source>
        <translation>Ein Update ist bereit</translation>
    </message>
    <message>
        <source>Download: %1</source>
        <translation>Download: %1</translation>
    </message>
    <message>
        <source>The machine restarts during the update</source>
        <translation>Die Maschine startet während des Updates neu</translation>
    </message>
    <message>
        <source>No restart needed</source>
        <translation>Kein Neustart nötig</translation>
    </message>
    <message>
        <source>Installs by itself on %1</source>
        <translation>Wird am %1 von selbst installiert</translation>
    </message>
    <message>
        <source>No release notes were given.</source>
        <translation>Es gibt keine Versionshinweise.</translation>
    </message>
    <message>
        <source>Install now</source>
        <translation>Jetzt installieren</translation>
    </message>
    <message>
        <source>Later (1 h)</source>
        <translation>Später (1 h)</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Decline this update? It then waits until the operator decides.</source>
        <translation>Dieses Update ablehnen? Es wartet dann, bis der Betreiber entscheidet.</translation>
    </message>
    <message>
        <source>Decline update</source>
        <translation>Update ablehnen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>Flotilla::Kiosk::LocalUpdateClient</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Installed: %1</source>
        <translation>Installiert: %1</translation>
    </message>
    <message>
        <source>No update pending</source>
        <translation>Kein Update ausstehend</translation>
    </message>
    <message>
        <source>No update pending · last checked %1</source>
        <translation>Kein Update ausstehend · zuletzt geprüft %1</translation>
    </message>
    <message>
        <source>An update was postponed; it asks again at %1</source>
        <translation>Ein Update wurde verschoben; es fragt um %1 wieder</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Flotilla kiosk</source>
        <translation>Flotilla-Kiosk</translation>
    </message>
    <message>
        <source>Connecting to the update service…</source>
        <translation>Verbindung zum Update-Dienst wird hergestellt …</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <source>Restarting to finish the update</source>
        <translation>Neustart, um das Update abzuschließen</translation>
    </message>
    <message>
        <source>Downloading the update</source>
        <translation>Das Update wird heruntergeladen</translation>
    </message>
    <message>
        <source>Installing the update</source>
        <translation>Das Update wird installiert</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation>%1 % · %2</translation>
    </message>
    <message>
        <source>Please do not switch the machine off.</source>
        <translation>Bitte die Maschine nicht ausschalten.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>The update was installed</source>
        <translation>Das Update wurde installiert</translation>
    </message>
    <message>
        <source>The update failed</source>
        <translation>Das Update ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1
The machine runs its previous software. Tell your service contact; they see this on the server too.</source>
        <translation>%1
Die Maschine läuft mit ihrer bisherigen Software. Bitte den Service informieren; er sieht dies auch auf dem Server.</translation>
    </message>
</context>
<context>
    <name>WindowScreen</name>
    <message>
        <source>Update ready: waiting for the maintenance window</source>
        <translation>Update bereit: Warten auf das Wartungsfenster</translation>
    </message>
    <message>
        <source>It installs when the window opens.</source>
        <translation>Es wird installiert, sobald das Fenster öffnet.</translation>
    </message>
    <message>
        <source>Opens in %1 (at %2)</source>
        <translation>Öffnet in %1 (um %2)</translation>
    </message>
    <message>
        <source>The window is open: installing shortly</source>
        <translation>Das Fenster ist offen: Installation in Kürze</translation>
    </message>
    <message>
        <source>Install now</source>
        <translation>Jetzt installieren</translation>
    </message>
    <message>
        <source>Update ready to install</source>
        <translation>Update bereit zur Installation</translation>
    </message>
    <message>
        <source>It installs when you say so here.</source>
        <translation>Es wird installiert, sobald Sie es hier bestätigen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Flotilla kiosk: update consent, schedule and progress on the device's screen.</source>
        <translation>Flotilla-Kiosk: Zustimmung, Zeitplan und Fortschritt von Updates auf dem Bildschirm des Geräts.</translation>
    </message>
    <message>
        <source>Run in a window instead of full screen.</source>
        <translation>In einem Fenster statt im Vollbild laufen.</translation>
    </message>
    <message>
        <source>The agent's local API: a socket path or HOST:PORT (default %1).</source>
        <translation>Die lokale API des Agenten: ein Socket-Pfad oder HOST:PORT (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Save the screen to FILE once the agent's first state is shown, then quit.</source>
        <translation>Den Bildschirm in FILE speichern, sobald der erste Zustand des Agenten angezeigt wird, dann beenden.</translation>
    </message>
</context>
</TS>
