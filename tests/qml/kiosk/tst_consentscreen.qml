import QtQuick
import QtTest
import Flotilla.Kiosk

// The consent screen: what it says, the three choices, and Decline asking once more.
Item {
    id: top
    width: 1024
    height: 600

    LocalUpdateClient { id: client }

    ConsentScreen {
        id: screen
        anchors.fill: parent
        client: client
    }

    TestCase {
        name: "ConsentScreen"
        when: windowShown

        function init() {
            fake.feed(client, "WAITING_FOR_CONSENT", true)
            screen.confirmingDecline = false
        }

        function test_showsWhatAPersonNeeds() {
            compare(client.state, LocalUpdateClient.WaitingForConsent)
            compare(findChild(screen, "consentTitle").text, "rootfs 2.0")
            verify(findChild(screen, "installNowButton").visible)
            verify(findChild(screen, "laterButton").visible)
            verify(findChild(screen, "declineButton").visible)
        }

        function test_declineAsksAgain() {
            const decline = findChild(screen, "declineButton")
            mouseClick(decline)
            tryVerify(() => findChild(screen, "confirmDeclineButton").visible)
            verify(!findChild(screen, "installNowButton").visible)
            mouseClick(findChild(screen, "keepButton"))
            tryVerify(() => findChild(screen, "installNowButton").visible)
        }

        function test_buttonsAreTouchSized() {
            for (const name of ["installNowButton", "laterButton", "declineButton"]) {
                const b = findChild(screen, name)
                verify(b.height >= 9 * Math.max(Screen.pixelDensity, 3.78), name + " is " + b.height + " px tall")
            }
        }
    }
}
