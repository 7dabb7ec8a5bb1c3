import QtQuick
import QtTest
import Flotilla.Kiosk

// The progress screen: download bytes, then the install phase; and the main window's choice of screen.
Item {
    width: 1024
    height: 600

    LocalUpdateClient { id: client }

    ProgressScreen {
        id: screen
        anchors.fill: parent
        client: client
    }

    TestCase {
        name: "ProgressScreen"
        when: windowShown

        function test_downloading() {
            fake.feed(client, "DOWNLOADING")
            compare(findChild(screen, "progressTitle").text, qsTr("Downloading the update"))
            compare(screen.fraction, 0.25)
        }

        function test_installingWithoutPercent() {
            fake.feed(client, "INSTALLING")
            compare(findChild(screen, "progressTitle").text, qsTr("Installing the update"))
            compare(screen.fraction, -1) // unknown: the moving block
        }

        function test_rebooting() {
            fake.feed(client, "REBOOTING")
            compare(findChild(screen, "progressTitle").text, qsTr("Restarting to finish the update"))
        }
    }
}
