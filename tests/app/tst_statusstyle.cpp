// One status vocabulary on screen: the console's tables and charts (StatusStyle) and the QML timeline
// (TimelineStyle) colour every state the same, on light and dark palettes, from one table (StatusPalette), and
// name it the same (StatusLabels).
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"
#include "qml/style/statuspalette.h"
#include "qml/timeline/timelinestyle.h"

#include <QApplication>
#include <QPalette>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestStatusStyle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void widgetsAndTimelineAgree_data();
    void widgetsAndTimelineAgree();
    void statesThatMeanDifferentThingsLookDifferent_data();
    void statesThatMeanDifferentThingsLookDifferent();
    void everyActionStateHasALabel_data();
    void everyActionStateHasALabel();
    void targetStatesDifferInShape();
};

namespace {
// Every action status and history status the Management API and the timeline use.
const QStringList actionStatuses = { u"scheduled"_s, u"wait_for_confirmation"_s,
                                     u"running"_s,   u"canceling"_s,
                                     u"canceled"_s,  u"finished"_s,
                                     u"error"_s,     u"downloaded"_s,
                                     u"warning"_s,   u"retrieved"_s,
                                     u"download"_s,  u"canceled_rejected"_s,
                                     u"denied"_s,    u"confirmed"_s };

void usePalette(bool dark)
{
    QPalette p = QApplication::palette();
    p.setColor(QPalette::Window, dark ? QColor(0x20, 0x20, 0x20) : QColor(0xf5, 0xf5, 0xf5));
    QApplication::setPalette(p);
}
} // namespace

void TestStatusStyle::widgetsAndTimelineAgree_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("dark");
    for (bool dark : { false, true }) {
        for (const QString &s : actionStatuses)
            QTest::addRow("%s %s", qPrintable(s), dark ? "dark" : "light") << s << dark;
    }
}

void TestStatusStyle::widgetsAndTimelineAgree()
{
    QFETCH(QString, status);
    QFETCH(bool, dark);
    usePalette(dark);
    QCOMPARE(StatusStyle::actionColor(status), TimelineStyle::colourFor(status));
    QCOMPARE(StatusStyle::actionColor(status.toUpper()), StatusStyle::actionColor(status)); // any case
    const auto tone = dark ? StatusPalette::Tone::Dark : StatusPalette::Tone::Light;
    QCOMPARE(StatusStyle::actionColor(status), StatusPalette::action(status, tone));
    // A dark background gets the lighter tone, so the colour reads on it.
    QVERIFY(StatusPalette::action(status, StatusPalette::Tone::Dark).lightness()
            > StatusPalette::action(status, StatusPalette::Tone::Light).lightness());
}

void TestStatusStyle::statesThatMeanDifferentThingsLookDifferent_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("finished / error") << u"finished"_s << u"error"_s;
    QTest::newRow("finished / running") << u"finished"_s << u"running"_s;
    QTest::newRow("running / error") << u"running"_s << u"error"_s;
    QTest::newRow("waiting for a person / waiting for its turn") << u"wait_for_confirmation"_s << u"scheduled"_s;
    QTest::newRow("downloaded / finished") << u"downloaded"_s << u"finished"_s;
    QTest::newRow("canceled / running") << u"canceled"_s << u"running"_s;
    QTest::newRow("warning / error") << u"warning"_s << u"error"_s;
}

void TestStatusStyle::statesThatMeanDifferentThingsLookDifferent()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    for (bool dark : { false, true }) {
        usePalette(dark);
        QVERIFY(TimelineStyle::colourFor(a) != TimelineStyle::colourFor(b));
    }
    // Targets: the same meanings in the same colours as actions.
    QCOMPARE(StatusPalette::target(u"in_sync"_s), StatusPalette::action(u"finished"_s));
    QCOMPARE(StatusPalette::target(u"error"_s), StatusPalette::action(u"error"_s));
    QCOMPARE(StatusPalette::target(u"pending"_s), StatusPalette::action(u"running"_s));
    QCOMPARE(StatusPalette::rollout(u"finished"_s), StatusPalette::action(u"finished"_s));
}

void TestStatusStyle::everyActionStateHasALabel_data()
{
    QTest::addColumn<QString>("status");
    for (const QString &s : actionStatuses)
        QTest::newRow(qPrintable(s)) << s;
}

void TestStatusStyle::everyActionStateHasALabel()
{
    QFETCH(QString, status);
    const QString label = StatusLabels::action(status);
    QVERIFY2(!label.isEmpty() && label != status, qPrintable(label));
    QVERIFY(!StatusStyle::actionIcon(status).isNull());
    // The timeline names it as the tables do: one table of names (StatusLabels).
    QCOMPARE(TimelineStyle::labelFor(status), label);
}

// Not colour alone: the target states' icons differ in their shapes (the drawn pixels, colour ignored), so an
// operator who cannot tell green from red still tells in sync from error.
void TestStatusStyle::targetStatesDifferInShape()
{
    const QStringList states = { u"in_sync"_s, u"pending"_s, u"error"_s, u"registered"_s, u"unknown"_s };
    QList<QImage> shapes;
    for (const QString &state : states) {
        const QImage image
            = StatusStyle::targetIcon(state).pixmap(16, 16).toImage().convertToFormat(QImage::Format_ARGB32);
        QImage shape(image.size(), QImage::Format_Grayscale8);
        int drawn = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                // Ink that differs from the badge's own fill: the glyph, whatever its colour.
                const QColor c = QColor::fromRgba(image.pixel(x, y));
                const int ink = c.alpha() > 128 ? (c.lightness() > 200 ? 255 : 128) : 0;
                shape.setPixel(x, y, qRgb(ink, ink, ink));
                drawn += ink > 0;
            }
        }
        QVERIFY2(drawn > 20, qPrintable(state));
        for (qsizetype i = 0; i < shapes.size(); ++i)
            QVERIFY2(shapes.at(i) != shape, qPrintable(states.at(i) + u" and "_s + state + u" share a shape"_s));
        shapes << shape;
    }
}

QTEST_MAIN(TestStatusStyle)
#include "tst_statusstyle.moc"
