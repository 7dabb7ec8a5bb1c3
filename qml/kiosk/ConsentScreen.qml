import QtQuick
import QtQuick.Layouts

// An update asks for consent: what it installs, how big, whether the machine restarts, and three choices.
// Declining asks once more, because the update then waits until the operator decides.
Item {
    id: screen
    required property var client
    readonly property var consent: client.consents.length > 0 ? client.consents[0] : null
    property bool confirmingDecline: false

    onConsentChanged: confirmingDecline = false

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin / 2
        visible: screen.consent !== null

        Text {
            text: qsTr("An update is ready")
            color: Theme.text
            font.pixelSize: Theme.titleSize
            font.bold: true
        }
        Text {
            objectName: "consentTitle"
            Layout.fillWidth: true
            text: screen.consent ? screen.consent.title : ""
            color: Theme.accent
            font.pixelSize: Theme.bodySize
            font.bold: true
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            text: {
                if (!screen.consent)
                    return ""
                let facts = [qsTr("Download: %1").arg(screen.client.formatBytes(screen.consent.downloadSize))]
                facts.push(screen.consent.rebootRequired ? qsTr("The machine restarts during the update")
                                                         : qsTr("No restart needed"))
                if (!isNaN(screen.consent.deadline.getTime()))
                    facts.push(qsTr("Installs by itself on %1").arg(Qt.formatDateTime(screen.consent.deadline, "ddd hh:mm")))
                return facts.join("  ·  ")
            }
            color: Theme.secondaryText
            font.pixelSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            radius: Theme.mm * 2
            clip: true
            Flickable {
                anchors.fill: parent
                anchors.margins: Theme.margin / 2
                contentHeight: notes.implicitHeight
                Text {
                    id: notes
                    width: parent.width
                    text: screen.consent && screen.consent.releaseNotes.length > 0
                          ? screen.consent.releaseNotes : qsTr("No release notes were given.")
                    color: Theme.text
                    font.pixelSize: Theme.smallSize
                    wrapMode: Text.Wrap
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin / 2
            visible: !screen.confirmingDecline
            KioskButton {
                objectName: "installNowButton"
                primary: true
                text: qsTr("Install now")
                enabled: !screen.client.busy
                onClicked: screen.client.confirm(screen.consent.actionId)
            }
            KioskButton {
                objectName: "laterButton"
                text: qsTr("Later (1 h)")
                enabled: !screen.client.busy
                onClicked: screen.client.postpone(screen.consent.actionId, 60)
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "declineButton"
                text: qsTr("Decline")
                enabled: !screen.client.busy
                onClicked: screen.confirmingDecline = true
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin / 2
            visible: screen.confirmingDecline
            Text {
                Layout.fillWidth: true
                text: qsTr("Decline this update? It then waits until the operator decides.")
                color: Theme.text
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
            }
            KioskButton {
                objectName: "confirmDeclineButton"
                danger: true
                text: qsTr("Decline update")
                enabled: !screen.client.busy
                onClicked: screen.client.deny(screen.consent.actionId)
            }
            KioskButton {
                objectName: "keepButton"
                text: qsTr("Back")
                onClicked: screen.confirmingDecline = false
            }
        }
    }
}
