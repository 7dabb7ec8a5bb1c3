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
}

path = Path(__file__).resolve().parent.parent / "translations" / "flotilla_de.ts"
tree = ET.parse(path)
unfinished = []
for message in tree.iter("message"):
    source = message.findtext("source")
    translation = message.find("translation")
    if source in GERMAN:
        translation.text = GERMAN[source]
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
