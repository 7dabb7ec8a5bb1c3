import QtQuick
import QtQuick.Window

// The kiosk's top-level window: full screen on the device's display unless started with --windowed.
Window {
    id: root

    property bool windowed: false

    width: 1024
    height: 600
    visibility: windowed ? Window.Windowed : Window.FullScreen
    visible: true
    color: "#10202c"
    title: qsTr("Flotilla")

    Column {
        anchors.centerIn: parent
        spacing: 16

        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Flotilla")
            color: "#e8f1f7"
            font.pixelSize: 48
            font.bold: true
        }
        Text {
            objectName: "statusText"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("No update pending")
            color: "#9fb8c8"
            font.pixelSize: 24
        }
    }
}
