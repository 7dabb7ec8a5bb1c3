import QtQuick

// Downloaded and waiting for the maintenance window: when it opens (a countdown in local time), or a plain
// statement when the server did not say.
Item {
    id: screen
    required property var client
    property real now: Date.now()

    Timer { interval: 1000; repeat: true; running: screen.visible; onTriggered: screen.now = Date.now() }

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.margin / 2
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.client.state === LocalUpdateClient.ReadyToInstall
                  ? qsTr("Update ready to install")
                  : qsTr("Update ready: waiting for the maintenance window")
            color: Theme.text
            font.pixelSize: Theme.titleSize * 0.8
            font.bold: true
            wrapMode: Text.Wrap
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.client.title
            color: Theme.accent
            font.pixelSize: Theme.bodySize
        }
        Text {
            objectName: "countdown"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            readonly property real start: screen.client.windowStart.getTime()
            text: screen.client.state === LocalUpdateClient.ReadyToInstall
                  ? qsTr("It installs when you say so here.")
                  : isNaN(start) ? qsTr("It installs when the window opens.")
                  : start > screen.now
                    ? qsTr("Opens in %1 (at %2)").arg(screen.client.formatDuration((start - screen.now) / 1000))
                                                  .arg(Qt.formatDateTime(screen.client.windowStart, "ddd hh:mm"))
                    : qsTr("The window is open: installing shortly")
            color: Theme.text
            font.pixelSize: Theme.bodySize
        }
        KioskButton {
            objectName: "installNowButton"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: screen.client.installNowAllowed
            primary: true
            text: qsTr("Install now")
            enabled: !screen.client.busy
            onClicked: screen.client.installNow(screen.client.actionId)
        }
    }
}
