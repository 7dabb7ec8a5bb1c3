import QtQuick

// How the last update ended: success, or the failure with the agent's reason, which names what went wrong.
Item {
    id: screen
    required property var client
    readonly property bool ok: client.state === LocalUpdateClient.Succeeded

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        spacing: Theme.margin / 2
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: screen.ok ? "✓" : "!"
            color: screen.ok ? Theme.good : Theme.bad
            font.pixelSize: Theme.titleSize * 2
            font.bold: true
        }
        Text {
            objectName: "resultTitle"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.ok ? qsTr("The update was installed") : qsTr("The update failed")
            color: Theme.text
            font.pixelSize: Theme.titleSize
            font.bold: true
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: screen.ok ? screen.client.installedVersion
                  : qsTr("%1\nThe machine runs its previous software. Tell your service contact; they see this on the server too.")
                        .arg(screen.client.message)
            color: Theme.secondaryText
            font.pixelSize: Theme.bodySize
            wrapMode: Text.Wrap
            maximumLineCount: 8
            elide: Text.ElideRight
        }
    }
}
