// A rollout unfolding in time: one lane per group, each action a bar (pale while it waits, then coloured by its
// state), group start/finish and success-threshold markers, maintenance windows shaded, a "now" line. Wheel or
// pinch zooms, dragging pans, "Now" jumps back; clicking a bar shows that action's history as a track below.
// Presentation only: TimelineModel and TimelineBars (C++) hold the data and draw the bars.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Flotilla.Timeline

Rectangle {
    id: root
    objectName: "rolloutTimeline"
    required property var spans        // a list model: actionId, label, lane, status, createdMs, startedMs, endMs
    property var history: null         // the selected action's status history: atMs, status, messages, code
    property var thresholds: []        // success threshold (%) per group, in group order
    property var windows: []           // [{startMs, endMs}] to shade
    property real selectedAction: 0
    property alias model: timeline
    property alias bars: bars
    property real viewStart: 0
    property real viewEnd: 0
    property bool viewInitialised: false
    readonly property real span: Math.max(1000, viewEnd - viewStart)
    signal actionSelected(real actionId)

    color: palette.base
    SystemPalette { id: palette }

    TimelineModel {
        id: timeline
        spans: root.spans
        thresholds: root.thresholds
        windows: root.windows
        onLayoutUpdated: {
            // The first data sets the view; later updates keep zoom and pan.
            if (!root.viewInitialised && timeline.laneCount > 0) {
                const pad = Math.max(5000, (timeline.lastMs - timeline.firstMs) * 0.05)
                root.viewStart = timeline.firstMs - pad
                root.viewEnd = Math.max(timeline.lastMs, clock.now) + pad
                root.viewInitialised = true
            }
        }
    }
    Timer {
        id: clock
        property real now: Date.now()
        interval: 1000; running: true; repeat: true
        onTriggered: now = Date.now()
    }
    function zoomAround(x, factor) {
        const t = bars.timeForX(x)
        const newSpan = Math.min(Math.max(root.span * factor, 2000), 400 * 24 * 3600 * 1000)
        root.viewStart = t - (x / Math.max(1, bars.width)) * newSpan
        root.viewEnd = root.viewStart + newSpan
    }
    function jumpToNow() {
        root.viewEnd = clock.now + root.span * 0.1
        root.viewStart = root.viewEnd - root.span
    }
    // x of a moment in the plot; a QML function, so bindings using it follow viewStart/viewEnd.
    function xOf(ms) {
        return (ms - root.viewStart) / root.span * plot.width
    }
    function timeText(ms) {
        const d = new Date(ms)
        return root.span > 2 * 24 * 3600 * 1000 ? d.toLocaleDateString(Qt.locale(), "d MMM")
             : root.span > 10 * 60 * 1000 ? d.toLocaleTimeString(Qt.locale(), "HH:mm")
             : d.toLocaleTimeString(Qt.locale(), "HH:mm:ss")
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 4
            Button { objectName: "nowButton"; text: qsTr("Now"); onClicked: root.jumpToNow() }
            Button { text: qsTr("Zoom in"); onClicked: root.zoomAround(bars.width / 2, 0.5) }
            Button { text: qsTr("Zoom out"); onClicked: root.zoomAround(bars.width / 2, 2) }
            Label {
                Layout.fillWidth: true
                color: palette.text
                text: qsTr("%1 actions in %2 groups").arg(timeline.rowCount()).arg(timeline.laneCount)
                      + (timeline.laneCount ? "" : " — " + qsTr("select a rollout that has started"))
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            Column {   // lane names
                Layout.preferredWidth: 80
                Layout.alignment: Qt.AlignTop
                Repeater {
                    model: timeline.laneCount
                    Label {
                        required property int index
                        width: 80; height: bars.laneHeight
                        verticalAlignment: Text.AlignVCenter
                        leftPadding: 6
                        color: palette.text
                        text: qsTr("Group %1").arg(index + 1)
                    }
                }
            }
            Item {
                id: plot
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                Repeater {   // maintenance windows, behind everything
                    model: root.windows
                    Rectangle {
                        required property var modelData
                        objectName: "maintenanceWindowShade"
                        x: root.xOf(modelData.startMs); width: root.xOf(modelData.endMs) - x
                        y: 0; height: plot.height
                        color: Qt.alpha(palette.highlight, 0.12)
                        visible: root.viewStart >= 0
                    }
                }
                Repeater {   // lane separators
                    model: timeline.laneCount
                    Rectangle {
                        required property int index
                        width: plot.width; height: 1; y: (index + 1) * bars.laneHeight
                        color: palette.mid; opacity: 0.4
                    }
                }
                TimelineBars {
                    id: bars
                    objectName: "timelineBars"
                    width: plot.width
                    height: timeline.laneCount * laneHeight
                    model: timeline
                    viewStart: root.viewStart
                    viewEnd: root.viewEnd
                    nowMs: clock.now
                    laneHeight: 36
                }
                Repeater {   // group start / finish / threshold markers
                    model: timeline.markers
                    Rectangle {
                        required property var modelData
                        x: root.xOf(modelData.ms) - width / 2
                        y: modelData.lane * bars.laneHeight
                        width: modelData.kind === "threshold" ? 3 : 2
                        height: bars.laneHeight
                        color: modelData.kind === "start" ? "#1565c0" : modelData.kind === "finish" ? "#2e7d32" : "#f9a825"
                        ToolTip.visible: markerHover.hovered
                        ToolTip.text: modelData.kind === "start" ? qsTr("Group started %1").arg(root.timeText(modelData.ms))
                                    : modelData.kind === "finish" ? qsTr("Group finished %1").arg(root.timeText(modelData.ms))
                                    : qsTr("Success threshold reached %1").arg(root.timeText(modelData.ms))
                        HoverHandler { id: markerHover }
                    }
                }
                Rectangle {   // now
                    objectName: "nowLine"
                    x: root.xOf(clock.now); width: 2; height: plot.height
                    color: "#e53935"
                }
                Repeater {   // time axis
                    model: 6
                    Label {
                        required property int index
                        readonly property real ms: root.viewStart + root.span * (index + 0.5) / 6
                        x: root.xOf(ms) - width / 2
                        y: plot.height - height - 2
                        color: palette.placeholderText
                        text: root.timeText(ms)
                    }
                }
                WheelHandler {
                    onWheel: event => root.zoomAround(point.position.x, event.angleDelta.y > 0 ? 0.8 : 1.25)
                }
                PinchHandler {
                    target: null
                    property real lastScale: 1
                    onActiveChanged: lastScale = 1
                    onActiveScaleChanged: {
                        root.zoomAround(centroid.position.x, lastScale / activeScale)
                        lastScale = activeScale
                    }
                }
                DragHandler {
                    target: null
                    property real lastX: 0
                    onActiveChanged: lastX = 0
                    onTranslationChanged: {
                        const dt = -(translation.x - lastX) / Math.max(1, bars.width) * root.span
                        root.viewStart += dt
                        root.viewEnd += dt
                        lastX = translation.x
                    }
                }
                TapHandler {
                    onTapped: eventPoint => {
                        const id = bars.actionAt(eventPoint.position.x, eventPoint.position.y)
                        if (id > 0) {
                            root.selectedAction = id
                            root.actionSelected(id)
                        }
                    }
                }
            }
        }
        ActionTrack {
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            visible: root.selectedAction > 0 && root.history !== null
            history: root.history
            actionId: root.selectedAction
        }
    }
}
