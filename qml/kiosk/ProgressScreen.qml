import QtQuick

// Downloading, installing or restarting: the phase, a bar, and what is left. Nothing on this screen can be
// dismissed: the machine is being updated.
Item {
    id: screen
    required property var client
    readonly property bool downloading: client.state === LocalUpdateClient.Downloading
    readonly property real fraction: downloading
        ? (client.bytesTotal > 0 ? client.bytesDone / client.bytesTotal : 0)
        : (client.percent >= 0 ? client.percent / 100 : -1)

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.margin / 2
        Text {
            objectName: "progressTitle"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.client.state === LocalUpdateClient.Rebooting ? qsTr("Restarting to finish the update")
                  : screen.downloading ? qsTr("Downloading the update")
                  : qsTr("Installing the update")
            color: Theme.text
            font.pixelSize: Theme.titleSize
            font.bold: true
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.client.title
            color: Theme.accent
            font.pixelSize: Theme.bodySize
        }
        Rectangle {
            width: parent.width
            height: Theme.touchTarget / 2
            radius: height / 2
            color: Theme.panel
            Rectangle {
                width: screen.fraction >= 0 ? parent.width * screen.fraction : parent.width / 4
                height: parent.height
                radius: height / 2
                color: Theme.accent
                // Unknown progress: a block that moves.
                SequentialAnimation on x {
                    running: screen.fraction < 0 && screen.visible
                    loops: Animation.Infinite
                    NumberAnimation { from: 0; to: screen.width * 0.6; duration: 1500 }
                    NumberAnimation { from: screen.width * 0.6; to: 0; duration: 1500 }
                }
            }
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.downloading
                  ? qsTr("%1 of %2").arg(screen.client.formatBytes(screen.client.bytesDone))
                                    .arg(screen.client.formatBytes(screen.client.bytesTotal))
                  : screen.client.percent >= 0 ? qsTr("%1 % · %2").arg(screen.client.percent).arg(screen.client.step)
                  : screen.client.step
            color: Theme.secondaryText
            font.pixelSize: Theme.bodySize
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Please do not switch the machine off.")
            color: Theme.text
            font.pixelSize: Theme.smallSize
        }
    }
}
