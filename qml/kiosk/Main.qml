import QtQuick
import QtQuick.Window

// The kiosk's top-level window: full screen on the device's display unless started with --windowed. One screen
// at a time, chosen by the agent's state; a banner while the agent is away.
Window {
    id: root

    property bool windowed: false
    property string agentAddress: ""
    readonly property alias client: client

    width: 1024
    height: 600
    visibility: windowed ? Window.Windowed : Window.FullScreen
    visible: true
    color: Theme.background
    title: qsTr("Flotilla kiosk")

    LocalUpdateClient {
        id: client
        objectName: "client"
        address: root.agentAddress
    }

    Loader {
        anchors.fill: parent
        anchors.topMargin: banner.visible ? banner.height : 0
        sourceComponent: {
            switch (client.state) {
            case LocalUpdateClient.WaitingForConsent: return consentScreen
            case LocalUpdateClient.Downloading:
            case LocalUpdateClient.Installing:
            case LocalUpdateClient.Rebooting: return progressScreen
            case LocalUpdateClient.WaitingForWindow:
            case LocalUpdateClient.ReadyToInstall: return windowScreen
            case LocalUpdateClient.Succeeded:
            case LocalUpdateClient.Failed: return resultScreen
            default: return idleScreen
            }
        }
    }
    Component { id: idleScreen; IdleScreen { client: root.client } }
    Component { id: consentScreen; ConsentScreen { client: root.client } }
    Component { id: progressScreen; ProgressScreen { client: root.client } }
    Component { id: windowScreen; WindowScreen { client: root.client } }
    Component { id: resultScreen; ResultScreen { client: root.client } }

    Rectangle {
        id: banner
        objectName: "agentAwayBanner"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.touchTarget
        visible: !client.connected
        color: Theme.bad
        Text {
            anchors.centerIn: parent
            text: qsTr("Connecting to the update service…")
            color: Theme.text
            font.pixelSize: Theme.bodySize
            font.bold: true
        }
    }
}
