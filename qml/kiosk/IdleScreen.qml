import QtQuick

// Nothing to do: the device's name, what is installed, when the server was last asked. The content drifts
// slowly so that nothing burns into the panel.
Item {
    id: screen
    required property var client

    Column {
        id: content
        spacing: Theme.margin / 2
        x: (screen.width - width) / 2 + drift.dx
        y: (screen.height - height) / 2 + drift.dy

        Text {
            objectName: "deviceName"
            anchors.horizontalCenter: parent.horizontalCenter
            text: screen.client.deviceName
            color: Theme.text
            font.pixelSize: Theme.titleSize
            font.bold: true
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: screen.client.installedVersion.length > 0
            text: qsTr("Installed: %1").arg(screen.client.installedVersion)
            color: Theme.secondaryText
            font.pixelSize: Theme.bodySize
        }
        Text {
            objectName: "statusText"
            anchors.horizontalCenter: parent.horizontalCenter
            text: screen.client.state === LocalUpdateClient.Postponed
                  ? qsTr("An update was postponed; it asks again at %1").arg(Qt.formatTime(screen.client.postponedUntil, "hh:mm"))
                  : isNaN(screen.client.lastCheck.getTime())
                  ? qsTr("No update pending")
                  : qsTr("No update pending · last checked %1").arg(Qt.formatTime(screen.client.lastCheck, "hh:mm"))
            color: Theme.secondaryText
            font.pixelSize: Theme.smallSize
        }
    }

    // Burn-in protection: a slow walk of a few millimetres.
    QtObject {
        id: drift
        property real dx: 0
        property real dy: 0
    }
    SequentialAnimation {
        running: screen.visible
        loops: Animation.Infinite
        NumberAnimation { target: drift; property: "dx"; to: 6 * Theme.mm; duration: 90000; easing.type: Easing.InOutSine }
        NumberAnimation { target: drift; property: "dy"; to: 4 * Theme.mm; duration: 70000; easing.type: Easing.InOutSine }
        NumberAnimation { target: drift; property: "dx"; to: -6 * Theme.mm; duration: 90000; easing.type: Easing.InOutSine }
        NumberAnimation { target: drift; property: "dy"; to: -4 * Theme.mm; duration: 70000; easing.type: Easing.InOutSine }
    }
}
