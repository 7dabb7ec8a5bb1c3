pragma Singleton
import QtQuick
import QtQuick.Window

// The kiosk's high-contrast palette and touch sizes: readable at arm's length, targets of at least 9 mm.
QtObject {
    readonly property color background: "#0b1620"
    readonly property color panel: "#15283a"
    readonly property color text: "#ffffff"
    readonly property color secondaryText: "#c9d8e4"
    readonly property color accent: "#ffd21f"       // primary actions: dark text on yellow
    readonly property color accentText: "#0b1620"
    readonly property color good: "#3ddc84"
    readonly property color bad: "#ff6b5e"
    readonly property color neutralButton: "#2d4a63"
    // Screen.pixelDensity is pixels per millimetre.
    readonly property real mm: Math.max(Screen.pixelDensity, 3.78)
    readonly property int touchTarget: Math.round(Math.max(12 * mm, 56)) // >= 9 mm with margin
    readonly property int titleSize: Math.round(Math.max(9 * mm, 40))
    readonly property int bodySize: Math.round(Math.max(5.5 * mm, 24))
    readonly property int smallSize: Math.round(Math.max(4.2 * mm, 18))
    readonly property int margin: Math.round(Math.max(8 * mm, 28))
}
