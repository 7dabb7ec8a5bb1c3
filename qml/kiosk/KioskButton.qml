import QtQuick

// A touch button: at least Theme.touchTarget tall, a clear pressed state, primary (yellow) or neutral.
Rectangle {
    id: button

    property alias text: label.text
    property bool primary: false
    property bool danger: false
    signal clicked()

    implicitWidth: Math.max(label.implicitWidth + 2 * Theme.margin, 4 * Theme.touchTarget)
    implicitHeight: Theme.touchTarget
    radius: Theme.touchTarget / 6
    color: !enabled ? "#3a4a58" : area.pressed ? Qt.darker(base, 1.3) : base
    border.width: 3
    border.color: activeFocus ? Theme.text : "transparent"
    opacity: enabled ? 1 : 0.6
    readonly property color base: primary ? Theme.accent : danger ? "#7a2a24" : Theme.neutralButton

    Accessible.role: Accessible.Button
    Accessible.name: label.text
    Accessible.onPressAction: button.clicked()

    Text {
        id: label
        anchors.centerIn: parent
        color: button.primary ? Theme.accentText : Theme.text
        font.pixelSize: Theme.bodySize
        font.bold: true
    }
    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
