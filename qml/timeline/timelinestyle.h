#pragma once

#include <QColor>
#include <QObject>
#include <QQmlEngine>

namespace Flotilla {

// The colour and name of an action's state on the timeline, for C++ (TimelineBars) and QML (ActionTrack) alike: the
// console's one status palette (qml/style), so the timeline and the tables agree.
class TimelineStyle : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;
    Q_INVOKABLE static QColor colourFor(const QString &status);
    // What the state is called on screen (translated; StatusLabels, as the console's tables say it).
    Q_INVOKABLE static QString labelFor(const QString &status);
};

} // namespace Flotilla
