#!/usr/bin/env python3
"""Fills translations/flotilla_de.ts from the table below (used after lupdate adds new strings).

Usage: tools/translate_de.py            fill in what the table knows; report what is still unfinished
Exit code 1 when some entry stays unfinished, so a forgotten string is noticed.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GERMAN = {
    "About Flotilla": "Über Flotilla",
    "Over-the-air software rollouts for device fleets.": "Software-Rollouts über das Netz für Geräteflotten.",
    "Qt %1 (built with %2)\nKSyntaxHighlighting %3": "Qt %1 (erstellt mit %2)\nKSyntaxHighlighting %3",
    "Flotilla Console": "Flotilla-Konsole",
    "Welcome": "Willkommen",
    "Server connection": "Serververbindung",
    "Not connected to a server": "Mit keinem Server verbunden",
    "&File": "&Datei",
    "&Quit": "&Beenden",
    "&View": "&Ansicht",
    "&Full Screen": "&Vollbild",
    "&Help": "&Hilfe",
    "&About Flotilla": "&Über Flotilla",
    "About &Qt": "Über &Qt",
    "Pages": "Seiten",
    "Welcome to Flotilla": "Willkommen bei Flotilla",
    "Over-the-air software rollouts for device fleets.\nDevices speak the hawkBit DDI API; this console manages "
    "targets, software, deployments and rollouts.":
        "Software-Rollouts über das Netz für Geräteflotten.\nGeräte sprechen die hawkBit-DDI-API; diese Konsole "
        "verwaltet Zielgeräte, Software, Verteilungen und Rollouts.",
    "Flotilla operator console.": "Flotilla-Bedienkonsole.",
    "Save a screenshot of the main window to <file> once it is shown, then quit.":
        "Ein Bildschirmfoto des Hauptfensters in <file> speichern, sobald es angezeigt wird, dann beenden.",
    "Devices reach the embedded server at <host:port> (default 0.0.0.0:8080; port 0: any free one).":
        "Geräte erreichen den eingebauten Server unter <host:port> (Vorgabe 0.0.0.0:8080; Port 0: ein freier).",
    "Do not start the embedded server.": "Den eingebauten Server nicht starten.",
    "Embedded server not started: %1": "Eingebauter Server nicht gestartet: %1",
    "Embedded server: devices connect to %1": "Eingebauter Server: Geräte verbinden sich mit %1",
    "Embedded server stopped: %1": "Eingebauter Server angehalten: %1",
    "Starting the embedded server…": "Der eingebaute Server startet …",
    # The console pages (a tuple: singular and plural of a %n message).

 "Time": "Zeit", "Status": "Status", "Messages": "Meldungen", "Code": "Code", "Action": "Aktion",
 "Distribution set": "Distributionsset", "Type": "Typ", "Last change": "Letzte Änderung", "Rollout": "Rollout",
 "Requires confirmation on the device": "Erfordert Bestätigung auf dem Gerät", "Forced": "Erzwungen", "Soft": "Weich",
 "Download only": "Nur herunterladen", "Time-forced": "Zeitgesteuert erzwungen", "No target is selected.": "Kein Zielgerät ausgewählt.",
 "%n new action(s)": ("%n neue Aktion", "%n neue Aktionen"),
 "%n target(s) have an open action that will be canceled": ("%n Zielgerät hat eine offene Aktion, die abgebrochen wird", "%n Zielgeräte haben eine offene Aktion, die abgebrochen wird"),
 "%n target(s) already run or wait for this set and are left alone": ("%n Zielgerät hat oder erwartet dieses Set bereits und bleibt unverändert", "%n Zielgeräte haben oder erwarten dieses Set bereits und bleiben unverändert"),
 "%n target(s): ": ("%n Zielgerät: ", "%n Zielgeräte: "),
 "Connect to a server": "Mit einem Server verbinden", "Server URL": "Server-URL", "User name": "Benutzername",
 "empty for a bearer token": "leer für ein Bearer-Token", "Password or token": "Passwort oder Token", "Connect": "Verbinden",
 "Server:": "Server:", "User:": "Benutzer:", "Password or token:": "Passwort oder Token:",
 "Give the server's URL and a password or token.": "Geben Sie die URL des Servers und ein Passwort oder Token an.",
 "Connecting to %1…": "Verbinde mit %1 …",
 "The server does not accept this user and password or token.": "Der Server akzeptiert diesen Benutzer und dieses Passwort oder Token nicht.",
 "Could not connect: %1": "Keine Verbindung möglich: %1",
 "Trust this certificate (SHA-256 %1) for this session": "Diesem Zertifikat (SHA-256 %1) für diese Sitzung vertrauen",
 "Only within a maintenance window": "Nur innerhalb eines Wartungsfensters", "Assign a distribution set": "Ein Distributionsset zuweisen",
 "Action type": "Aktionstyp", "Forced: install at once": "Erzwungen: sofort installieren",
 "Soft: the device decides when": "Weich: das Gerät entscheidet, wann",
 "Time-forced: soft until a time, then forced": "Zeitgesteuert: weich bis zu einem Zeitpunkt, dann erzwungen",
 "Forced from": "Erzwungen ab", "Weight": "Gewicht",
 "With multi-assignment, a device gets the heaviest open action first": "Bei Mehrfachzuweisung erhält ein Gerät zuerst die schwerste offene Aktion",
 "Quartz cron, e.g. 0 0 2 ? * SAT": "Quartz-Cron, z. B. 0 0 2 ? * SAT", "Schedule": "Zeitplan", "Duration": "Dauer",
 "Time zone": "Zeitzone", "Schedule:": "Zeitplan:", "Duration:": "Dauer:", "Time zone:": "Zeitzone:", "Assign": "Zuweisen",
 "Distribution set:": "Distributionsset:", "Type:": "Typ:", "Forced from:": "Erzwungen ab:", "Weight:": "Gewicht:",
 "There is no complete distribution set to assign yet (Software page).": "Es gibt noch kein vollständiges Distributionsset zum Zuweisen (Seite Software).",
 "The server refused the assignment: %1": "Der Server hat die Zuweisung abgelehnt: %1",
 "Name": "Name", "Version": "Version", "Modules": "Module", "State": "Zustand",
 "A mandatory module type is missing: it cannot be assigned yet": "Ein Pflicht-Modultyp fehlt: es kann noch nicht zugewiesen werden",
 "Assigned at least once: its modules can no longer change": "Mindestens einmal zugewiesen: seine Module können sich nicht mehr ändern",
 "Incomplete": "Unvollständig", "Locked": "Gesperrt", "Ready": "Bereit", "no targets": "keine Zielgeräte",
 "Targets": "Zielgeräte", "Software": "Software", "Rollouts": "Rollouts", "Settings": "Einstellungen",
 "The connection to %1 was lost. Reconnecting… what happens meanwhile is shown once it is back.": "Die Verbindung zu %1 ist unterbrochen. Verbinde neu … was inzwischen geschieht, wird danach angezeigt.",
 "Connected to %1": "Verbunden mit %1", "&Connect to Server…": "Mit Server &verbinden …",
 "Use the &Embedded Server": "&Eingebauten Server verwenden", "Embedded server": "Eingebauter Server",
 "&Welcome": "&Willkommen", "&Targets": "&Zielgeräte", "&Software": "&Software", "&Rollouts": "&Rollouts", "S&ettings": "E&instellungen",
 "New software module": "Neues Softwaremodul", "A type key; a new one is created with the module": "Ein Typschlüssel; ein neuer wird mit dem Modul angelegt",
 "Name:": "Name:", "Version:": "Version:", "Vendor:": "Hersteller:", "Description:": "Beschreibung:",
 "Needs approval before it can start": "Muss vor dem Start genehmigt werden", "New rollout": "Neues Rollout",
 "RSQL, e.g. attribute.hw==rev2;updateStatus!=error": "RSQL, z. B. attribute.hw==rev2;updateStatus!=error",
 "Targets of the rollout": "Zielgeräte des Rollouts", "Success threshold": "Erfolgsschwelle",
 "then start the next group": "dann die nächste Gruppe starten", "then pause the rollout": "dann das Rollout pausieren",
 "Error threshold": "Fehlerschwelle", "Start it myself": "Selbst starten", "Start as soon as it is created": "Sofort nach dem Anlegen starten",
 "Start at a time": "Zu einem Zeitpunkt starten", "Create": "Anlegen", "Targets:": "Zielgeräte:", "Groups:": "Gruppen:",
 "A group succeeds at:": "Eine Gruppe ist erfolgreich bei:", "Pause when failed reach:": "Pausieren, wenn Fehlschläge erreichen:",
 "Start:": "Start:", "Type a filter to see how many targets it matches.": "Geben Sie einen Filter ein, um zu sehen, wie viele Zielgeräte er trifft.",
 "Matches %n target(s)": ("Trifft %n Zielgerät", "Trifft %n Zielgeräte"), ", about %1 per group": ", etwa %1 je Gruppe",
 "Not a valid filter: %1": "Kein gültiger Filter: %1", "The server refused the rollout: %1": "Der Server hat das Rollout abgelehnt: %1",
 "Group": "Gruppe", "Progress": "Fortschritt", "Success / error at": "Erfolg / Fehler bei",
 "%1 finished, %2 failed, %3 running of %4": "%1 fertig, %2 fehlgeschlagen, %3 laufend von %4",
 "%1 %": "%1 %", "%1 % / %2 %": "%1 % / %2 %", "Groups": "Gruppen", "Created": "Angelegt",
 "&Start": "&Starten", "&Pause": "&Pausieren", "&Resume": "&Fortsetzen", "&Approve": "&Genehmigen", "&Deny": "&Ablehnen", "S&top": "An&halten",
 "Groups of the rollout": "Gruppen des Rollouts", "&New rollout…": "&Neues Rollout …", "Rollout %1 created": "Rollout %1 angelegt",
 "Rollout %1": "Rollout %1", "Stop %1? Its open actions are canceled; it cannot be resumed.": "%1 anhalten? Seine offenen Aktionen werden abgebrochen; es kann nicht fortgesetzt werden.",
 "Deny %1? It can then never start.": "%1 ablehnen? Es kann dann nie starten.", "Stop": "Anhalten", "Deny": "Ablehnen",
 "%1 was refused: %2": "%1 wurde abgelehnt: %2", "New distribution set": "Neues Distributionsset",
 "A set type key; a new one is created requiring the chosen modules' types": "Ein Set-Typschlüssel; ein neuer wird angelegt, der die Typen der gewählten Module verlangt",
 "Modules in the set": "Module im Set", "%1 %2 (%3)": "%1 %2 (%3)", "Modules:": "Module:",
 "A new assignment closes the target's open action (otherwise it cancels it)": "Eine neue Zuweisung schließt die offene Aktion des Zielgeräts (sonst bricht sie sie ab)",
 "Devices must confirm an update before it runs (consent flow)": "Geräte müssen ein Update bestätigen, bevor es läuft (Zustimmung)",
 "Several open actions per target, ordered by weight (multi-assignment)": "Mehrere offene Aktionen je Zielgerät, nach Gewicht geordnet (Mehrfachzuweisung)",
 "Polling time": "Abfrageintervall", "Polling overdue time": "Überfällig nach", "Devices and deployments": "Geräte und Verteilungen",
 "Devices poll every:": "Geräte fragen ab alle:", "A device is overdue after:": "Ein Gerät ist überfällig nach:",
 "Embedded server address": "Adresse des eingebauten Servers", "Devices connect to (host:port):": "Geräte verbinden sich mit (Host:Port):",
 "Used from the next start of the console.": "Gilt ab dem nächsten Start der Konsole.",
 "The embedded server will listen on %1 from the next start": "Der eingebaute Server lauscht ab dem nächsten Start auf %1",
 "Add &user…": "&Benutzer hinzufügen …", "Operators": "Bediener", "Could not read the configuration: %1": "Die Konfiguration konnte nicht gelesen werden: %1",
 "Saved.": "Gespeichert.", "Not saved: %1": "Nicht gespeichert: %1", "Add an operator": "Einen Bediener hinzufügen",
 "Administrator (everything, including users)": "Administrator (alles, auch Benutzer)", "User name:": "Benutzername:", "Password:": "Passwort:",
 "The account was not created: %1": "Das Konto wurde nicht angelegt: %1",
 "%n artifact(s)": ("%n Artefakt", "%n Artefakte"), "SHA-256: %1\nSHA-1: %2\nMD5: %3": "SHA-256: %1\nSHA-1: %2\nMD5: %3",
 "Module / artifact": "Modul / Artefakt", "Size": "Größe", "SHA-256": "SHA-256", "Cancel upload": "Hochladen abbrechen",
 "Software modules and their artifacts": "Softwaremodule und ihre Artefakte", "Copy SHA-256": "SHA-256 kopieren",
 "Distribution sets": "Distributionssets", "Upload progress": "Fortschritt des Hochladens", "New &module…": "Neues &Modul …",
 "&Upload artifacts…": "Artefakte &hochladen …", "Delete…": "Löschen …",
 "Drop files on this page to upload them to the selected module.": "Dateien auf diese Seite ziehen, um sie zum gewählten Modul hochzuladen.",
 "Software modules": "Softwaremodule", "New &distribution set…": "Neues &Distributionsset …",
 "The type was not created: %1": "Der Typ wurde nicht angelegt: %1", "Module %1 %2 created": "Modul %1 %2 angelegt",
 "New module": "Neues Modul", "The module was not created: %1": "Das Modul wurde nicht angelegt: %1",
 "Distribution set %1 %2 created": "Distributionsset %1 %2 angelegt", "The set was not created: %1": "Das Set wurde nicht angelegt: %1",
 "Upload": "Hochladen", "Select the module the files belong to first.": "Wählen Sie zuerst das Modul, zu dem die Dateien gehören.",
 "Upload artifacts": "Artefakte hochladen", "Uploading %1": "Lade %1 hoch", "%1 uploaded (SHA-256 %2)": "%1 hochgeladen (SHA-256 %2)",
 "%1 was not uploaded: %2": "%1 wurde nicht hochgeladen: %2", "Upload canceled": "Hochladen abgebrochen", "Delete": "Löschen",
 "Delete the artifact %1? Devices that still need it can no longer download it.": "Das Artefakt %1 löschen? Geräte, die es noch brauchen, können es nicht mehr herunterladen.",
 "Delete the module %1 and its artifacts? A module that a distribution set uses cannot be deleted; the server will say which sets use it.": "Das Modul %1 und seine Artefakte löschen? Ein Modul, das ein Distributionsset verwendet, kann nicht gelöscht werden; der Server nennt die Sets.",
 "%1 was not deleted: %2": "%1 wurde nicht gelöscht: %2",
 "Delete the distribution set %1? A set that targets run, or that actions or rollouts use, cannot be deleted; the server will say what uses it.": "Das Distributionsset %1 löschen? Ein Set, das Zielgeräte ausführen oder das Aktionen oder Rollouts verwenden, kann nicht gelöscht werden; der Server nennt, was es verwendet.",
 "SHA-256 copied": "SHA-256 kopiert", "In sync": "Aktuell", "Pending": "Ausstehend", "Error": "Fehler", "Registered": "Registriert",
 "Unknown": "Unbekannt", "Runs the software assigned to it": "Führt die ihm zugewiesene Software aus", "An update is on its way": "Ein Update ist unterwegs",
 "Its last update failed": "Sein letztes Update ist fehlgeschlagen", "Has polled, nothing assigned yet": "Hat abgefragt, noch nichts zugewiesen",
 "Created here; has never polled": "Hier angelegt; hat nie abgefragt", "Scheduled": "Geplant", "Waiting for confirmation": "Wartet auf Bestätigung",
 "Running": "Läuft", "Retrieved": "Abgerufen", "Downloading": "Lädt herunter", "Downloaded": "Heruntergeladen", "Warning": "Warnung",
 "Canceling": "Wird abgebrochen", "Canceled": "Abgebrochen", "Cancel rejected": "Abbruch abgelehnt", "Finished": "Fertig",
 "Denied by the device": "Vom Gerät abgelehnt", "Confirmed": "Bestätigt", "Creating": "Wird angelegt", "Waiting for approval": "Wartet auf Genehmigung",
 "Approval denied": "Genehmigung abgelehnt", "Starting": "Startet", "Paused": "Pausiert", "Stopping": "Wird angehalten", "Stopped": "Angehalten",
 "Deleting": "Wird gelöscht", "just now": "gerade eben",
 "%n min ago": ("vor %n Min.", "vor %n Min."), "%n h ago": ("vor %n Std.", "vor %n Std."), "%n day(s) ago": ("vor %n Tag", "vor %n Tagen"),
 "Loading…": "Lädt …", "never": "nie", "Controller ID": "Controller-ID", "Last poll": "Letzte Abfrage", "Installed": "Installiert",
 "Assigned": "Zugewiesen", "Address": "Adresse",
 "Filter (RSQL), e.g. updateStatus==error or name==cam*;attribute.hw==rev2": "Filter (RSQL), z. B. updateStatus==error oder name==cam*;attribute.hw==rev2",
 "Target filter": "Zielgerätefilter", "&New target…": "&Neues Zielgerät …", "&Deploy…": "&Verteilen …", "Security token": "Sicherheitstoken",
 "Request attributes": "Attribute anfordern", "Select a target to see its actions and attributes.": "Wählen Sie ein Zielgerät, um seine Aktionen und Attribute zu sehen.",
 "Actions of the target": "Aktionen des Zielgeräts", "Status history of the action": "Statusverlauf der Aktion", "Attribute": "Attribut",
 "Value": "Wert", "Actions": "Aktionen", "Attributes": "Attribute", "Filter not applied: %1": "Filter nicht angewendet: %1",
 "%n target(s)": ("%n Zielgerät", "%n Zielgeräte"), "Could not load targets: %1": "Zielgeräte konnten nicht geladen werden: %1",
 "%1 — %2": "%1 — %2", "no address yet": "noch keine Adresse", "New target": "Neues Zielgerät",
 "Controller ID (what the device calls itself in DDI):": "Controller-ID (wie sich das Gerät in DDI nennt):",
 "Target %1 created": "Zielgerät %1 angelegt", "The target was not created: %1": "Das Zielgerät wurde nicht angelegt: %1",
 "Delete targets": "Zielgeräte löschen",
 "Delete %n target(s)? Their actions and history are deleted too; a device that polls again registers anew.": ("%n Zielgerät löschen? Seine Aktionen und sein Verlauf werden mitgelöscht; fragt das Gerät erneut ab, registriert es sich neu.", "%n Zielgeräte löschen? Ihre Aktionen und ihr Verlauf werden mitgelöscht; ein Gerät, das erneut abfragt, registriert sich neu."),
 "%n action(s) created": ("%n Aktion angelegt", "%n Aktionen angelegt"), "Deploy": "Verteilen",
 "Your account may not read security tokens.": "Ihr Konto darf keine Sicherheitstokens lesen.", "Security token of %1": "Sicherheitstoken von %1",
 "The device authenticates with:\n\nAuthorization: TargetToken %1": "Das Gerät authentifiziert sich mit:\n\nAuthorization: TargetToken %1",
 "Copy": "Kopieren", "%1 will be asked for its attributes at its next poll": "%1 wird bei der nächsten Abfrage nach seinen Attributen gefragt",
 "%1: attributes not requested: %2": "%1: Attribute nicht angefordert: %2", "User": "Benutzer", "Roles": "Rollen",
    # stop 12: chart, operators, client messages
    "The server's certificate is not trusted: %1": "Dem Zertifikat des Servers wird nicht vertraut: %1",
    "HTTP %1 %2": "HTTP %1 %2",
    "The server's answer is not JSON: %1": "Die Antwort des Servers ist kein JSON: %1",
    "Rollout progress over time": "Fortschritt des Rollouts über die Zeit",
    "Target": "Zielgerät",
    "Started": "Begonnen",
    "Closed": "Abgeschlossen",
    "C&hange…": "Ä&ndern…",
    "De&lete…": "&Löschen…",
    "Change operator %1": "Bediener %1 ändern",
    "Nothing was changed: %1": "Nichts wurde geändert: %1",
    "Delete operator": "Bediener löschen",
    "Delete the operator %1? Their sign-in and tokens stop working at once.": "Den Bediener %1 löschen? Anmeldung und Tokens funktionieren sofort nicht mehr.",
    "&Delete %1": "%1 &löschen",
    "Password": "Passwort",
    "unchanged": "unverändert",
    "Administrator: everything, including operators": "Administrator: alles, auch Bediener",
    "Operator: targets, software, deployments, rollouts": "Bediener: Zielgeräte, Software, Verteilungen, Rollouts",
    "Approver: approves or denies rollouts": "Freigeber: gibt Rollouts frei oder lehnt sie ab",
    "Viewer: reads everything, changes nothing": "Betrachter: sieht alles, ändert nichts",
    "&Change": "Ä&ndern",
    "&Add": "&Hinzufügen",
    "New password:": "Neues Passwort:",
    "Roles:": "Rollen:",
    "Connecting was canceled.": "Der Verbindungsaufbau wurde abgebrochen.",
    "in equal groups:": "in gleich großen Gruppen:",
    "by percentage of the targets left:": "nach Prozent der verbleibenden Zielgeräte:",
    "How targets are split into groups": "Wie die Zielgeräte auf Gruppen verteilt werden",
    "e.g. 5, 25, 100 (the last 100 % takes all that are left)": "z. B. 5, 25, 100 (die letzten 100 % nehmen alle übrigen)",
    "Group percentages": "Prozentanteile der Gruppen",
    "the percentages must be numbers above 0 and up to 100, separated by commas": "die Prozente müssen Zahlen über 0 und bis 100 sein, durch Kommas getrennt",
    "groups of %1": "Gruppen mit %1",
    "%n target(s) in no group (end with 100 % to take them all)": ("%n Zielgerät in keiner Gruppe (mit 100 % enden, um alle aufzunehmen)", "%n Zielgeräte in keiner Gruppe (mit 100 % enden, um alle aufzunehmen)"),
    "The embedded server's database: sqlite:PATH or postgres://user:pw@host/db (default: flotilla.db in the application data folder).": "Datenbank des eingebetteten Servers: sqlite:PFAD oder postgres://benutzer:pw@host/db (Standard: flotilla.db im Anwendungsdatenordner).",
}

path = Path(__file__).resolve().parent.parent / "translations" / "flotilla_de.ts"
tree = ET.parse(path)
unfinished = []
for message in tree.iter("message"):
    source = message.findtext("source")
    translation = message.find("translation")
    if source in GERMAN:
        german = GERMAN[source]
        if message.get("numerus") == "yes":
            forms = german if isinstance(german, tuple) else (german, german)
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = german
        translation.attrib.pop("type", None)
    elif translation.get("type") == "unfinished" or not (translation.text or "").strip():
        unfinished.append(source)
tree.write(path, encoding="utf-8", xml_declaration=True)
text = path.read_text(encoding="utf-8")
text = text.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
for s in unfinished:
    print(f"unfinished: {s!r}", file=sys.stderr)
sys.exit(1 if unfinished else 0)
