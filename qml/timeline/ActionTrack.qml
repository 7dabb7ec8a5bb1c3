// One action's status history as a horizontal track: a mark per state change (SCHEDULED → RUNNING → DOWNLOAD
// → … → FINISHED), its message and code on hover, and the stretches where the device said nothing for long
// drawn as dashed gaps with their length. ActionTrackModel (C++) places the entries and finds the silences.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Flotilla.Timeline

Rectangle {
    id: track
    objectName: "actionTrack"
    property var history: null
    property real actionId: 0
    property alias model: trackModel
    color: palette.alternateBase
    SystemPalette { id: palette }

    ActionTrackModel { id: trackModel; history: track.history }

    function duration(ms) {
        const m = Math.round(ms / 60000)
        return m < 120 ? qsTr("%1 min").arg(m) : qsTr("%1 h").arg(Math.round(m / 60))
    }

    Label {
        x: 8; y: 4
        color: palette.text
        text: qsTr("Action %1").arg(track.actionId)
              + (trackModel.silences > 0 ? " — " + qsTr("%n silent gap(s)", "", trackModel.silences) : "")
    }
    Item {
        id: line
        x: 24; y: 44; width: track.width - 48; height: 2
        Rectangle { anchors.fill: parent; color: palette.mid }
        Repeater {
            model: trackModel
            Item {
                id: entry
                required property int index
                required property real position
                required property string status
                required property var messages
                required property var code
                required property real silentBeforeMs
                required property real atMs
                x: position * line.width
                // A silence before this entry: a dashed red stretch back to the previous one.
                Row {
                    visible: entry.silentBeforeMs > 0
                    x: -entry.silentBeforeMs / Math.max(1, trackModel.endMs - trackModel.firstMs) * line.width
                    y: -1
                    spacing: 4
                    Repeater {
                        model: Math.max(0, Math.floor(entry.silentBeforeMs / Math.max(1, trackModel.endMs - trackModel.firstMs) * line.width / 10))
                        Rectangle { width: 6; height: 4; color: "#d32f2f" }
                    }
                }
                Label {
                    visible: entry.silentBeforeMs > 0
                    x: -entry.silentBeforeMs / Math.max(1, trackModel.endMs - trackModel.firstMs) * line.width / 2 - width / 2
                    y: -22
                    color: "#d32f2f"
                    text: qsTr("silent %1").arg(track.duration(entry.silentBeforeMs))
                }
                Rectangle {
                    x: -6; y: -5; width: 12; height: 12; radius: 6
                    color: TimelineStyle.colourFor(entry.status)
                    border.color: palette.text
                    HoverHandler { id: hover }
                    ToolTip.visible: hover.hovered
                    ToolTip.text: new Date(entry.atMs).toLocaleString(Qt.locale(), Locale.ShortFormat) + "\n"
                                  + TimelineStyle.labelFor(entry.status) + (entry.code !== undefined && entry.code !== null ? " (" + qsTr("code %1").arg(entry.code) + ")" : "")
                                  + (entry.messages ? "\n" + entry.messages : "")
                }
                Label {   // alternate rows so neighbours' names do not overlap
                    x: -width / 2; y: 10 + (entry.index % 2) * 13
                    font.pixelSize: 10
                    color: palette.text
                    text: TimelineStyle.labelFor(entry.status)
                }
            }
        }
    }
}
