// The manifest editor: JSON highlighting by KSyntaxHighlighting (a key gets the definition's key format, in a
// theme that follows the palette), validation as you type (parse and schema errors with the right range and
// message), templates that are valid, and Apply through the Management API against an embedded server.
#include "app/console/manifest/manifesteditor.h"
#include "app/console/manifest/manifestvalidator.h"
#include "app/console/serverconnection.h"
#include "tests/app/consolefixture.h"
#include "tests/common/screenshotdir.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Flotilla::ManifestValidator::Kind)

namespace {
// The character format the highlighter gave the character at `position`.
QTextCharFormat formatAt(QPlainTextEdit *edit, int position)
{
    const QTextBlock block = edit->document()->findBlock(position);
    const int inBlock = position - block.position();
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (inBlock >= r.start && inBlock < r.start + r.length)
            return r.format;
    return {};
}
} // namespace

class TestManifestEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templatesAreValid_data();
    void templatesAreValid();
    void validation_data();
    void validation();
    void highlightsKeysAndValues();
    void themeFollowsThePalette();
    void underlinesAndListsProblems();
    void appliesThroughTheApi();
};

void TestManifestEditor::templatesAreValid_data()
{
    QTest::addColumn<ManifestValidator::Kind>("kind");
    QTest::newRow("set") << ManifestValidator::Kind::DistributionSet;
    QTest::newRow("assignment") << ManifestValidator::Kind::Assignment;
    QTest::newRow("rollout") << ManifestValidator::Kind::Rollout;
}

void TestManifestEditor::templatesAreValid()
{
    QFETCH(ManifestValidator::Kind, kind);
    const QList<ManifestProblem> problems = ManifestValidator::validate(kind, ManifestValidator::templateFor(kind));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().message));
}

void TestManifestEditor::validation_data()
{
    using K = ManifestValidator::Kind;
    QTest::addColumn<ManifestValidator::Kind>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // part of the first problem's message
    QTest::addColumn<QString>("underlined"); // the text the first problem covers (its start)
    // Where the parser stopped: inside the key that lacks the comma before it.
    QTest::newRow("missing comma") << K::DistributionSet << u"{\"name\": \"a\" \"version\": \"1\"}"_s << u"JSON"_s
                                   << u"version"_s;
    QTest::newRow("unterminated") << K::Rollout << u"{\"name\": \"a\""_s << u"JSON"_s << QString();
    QTest::newRow("set without version") << K::DistributionSet << u"{\"name\": \"a\", \"type\": \"os\"}"_s
                                         << u"\"version\" is missing"_s << u"{"_s;
    QTest::newRow("set name not text") << K::DistributionSet << u"{\"name\": 5, \"version\": \"1\", \"type\": \"os\"}"_s
                                       << u"\"name\" must be a non-empty text"_s << u"\"name\""_s;
    QTest::newRow("unknown key") << K::DistributionSet
                                 << u"{\"name\": \"a\", \"version\": \"1\", \"type\": \"os\", \"colour\": 1}"_s
                                 << u"unknown key \"colour\""_s << u"\"colour\""_s;
    QTest::newRow("wrong action type")
        << K::Assignment << u"{\"distributionSetId\": 1, \"targets\": [{\"id\": \"a\", \"type\": \"now\"}]}"_s
        << u"\"type\" must be one of"_s << u"\"type\""_s;
    QTest::newRow("weight out of range")
        << K::Assignment << u"{\"distributionSetId\": 1, \"targets\": [{\"id\": \"a\", \"weight\": 5000}]}"_s
        << u"from 0 to 1000"_s << u"\"weight\""_s;
    QTest::newRow("bad maintenance window")
        << K::Assignment
        << u"{\"distributionSetId\": 1, \"targets\": [{\"id\": \"a\", \"maintenanceWindow\": {\"schedule\": \"0 61 2 * * ?\", \"duration\": \"01:00:00\", \"timezone\": \"UTC\"}}]}"_s
        << u"maintenanceWindow"_s << u"\"schedule\""_s;
    QTest::newRow("no targets") << K::Assignment << u"{\"distributionSetId\": 1, \"targets\": []}"_s
                                << u"at least one"_s << u"\"targets\""_s;
    QTest::newRow("rollout without groups")
        << K::Rollout << u"{\"name\": \"r\", \"distributionSetId\": 1, \"targetFilterQuery\": \"id==*\"}"_s
        << u"\"amountGroups\" is missing"_s << u"{"_s;
    QTest::newRow("rollout threshold")
        << K::Rollout
        << u"{\"name\": \"r\", \"distributionSetId\": 1, \"targetFilterQuery\": \"id==*\", \"amountGroups\": 2, \"successCondition\": {\"expression\": \"150\"}}"_s
        << u"percentage"_s << u"{"_s;
    QTest::newRow("not an object") << K::Rollout << u"[1, 2]"_s << u"JSON object"_s << u"["_s;
}

void TestManifestEditor::validation()
{
    QFETCH(ManifestValidator::Kind, kind);
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(QString, underlined);
    const QList<ManifestProblem> problems = ManifestValidator::validate(kind, text);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().message.contains(message), qPrintable(problems.first().message));
    QVERIFY(problems.first().offset >= 0 && problems.first().offset <= text.size());
    if (!underlined.isEmpty())
        QCOMPARE(text.mid(problems.first().offset, underlined.size()), underlined);
}

void TestManifestEditor::highlightsKeysAndValues()
{
    ServerConnection connection;
    ManifestEditor editor(connection);
    editor.show();
    QPlainTextEdit *edit = editor.editor();
    edit->setPlainText(u"{\n  \"name\": \"camera\",\n  \"weight\": 500,\n  \"flag\": true\n}\n"_s);
    QCoreApplication::processEvents();
    const QString text = edit->toPlainText();
    const QTextCharFormat key = formatAt(edit, int(text.indexOf(u"name"_s)));
    const QTextCharFormat value = formatAt(edit, int(text.indexOf(u"camera"_s)));
    const QTextCharFormat number = formatAt(edit, int(text.indexOf(u"500"_s)));
    // The JSON definition's own key format, in the editor's theme.
    KSyntaxHighlighting::Repository repository;
    const KSyntaxHighlighting::Definition json = repository.definitionForName(u"JSON"_s);
    QVERIFY(json.isValid());
    const KSyntaxHighlighting::Theme theme = repository.themeForPalette(editor.palette());
    QHash<QString, QColor> colourOf;
    for (const KSyntaxHighlighting::Format &f : json.formats())
        colourOf.insert(f.name(), f.textColor(theme));
    QVERIFY2(colourOf.contains(u"Style_String_Key"_s), qPrintable(colourOf.keys().join(u", "_s)));
    QCOMPARE(key.foreground().color(), colourOf.value(u"Style_String_Key"_s));
    QCOMPARE(value.foreground().color(), colourOf.value(u"Style_String_Value"_s));
    QCOMPARE(number.foreground().color(), colourOf.value(u"Style_Decimal"_s));
    QVERIFY(value.foreground().color() != key.foreground().color());
    QVERIFY(number.foreground().color() != value.foreground().color());
}

void TestManifestEditor::themeFollowsThePalette()
{
    ServerConnection connection;
    ManifestEditor editor(connection);
    editor.editor()->setPlainText(u"{\"name\": \"x\"}"_s);
    QCoreApplication::processEvents();
    const QColor light = formatAt(editor.editor(), 2).foreground().color();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    editor.setPalette(dark);
    QCoreApplication::processEvents();
    const QColor darkKey = formatAt(editor.editor(), 2).foreground().color();
    QVERIFY2(darkKey != light, qPrintable(darkKey.name() + u" == "_s + light.name()));
    QVERIFY(darkKey.lightness() > 100); // readable on the dark base
}

void TestManifestEditor::underlinesAndListsProblems()
{
    ServerConnection connection;
    ManifestEditor editor(connection);
    editor.setKind(ManifestValidator::Kind::DistributionSet);
    editor.useTemplate();
    QVERIFY(editor.problems().isEmpty());
    auto *list = editor.findChild<QListWidget *>(u"manifestProblems"_s);
    QCOMPARE(list->count(), 1); // "No problems"
    // Typing breaks it: the problem is underlined (extra selection with a tooltip) and listed with its line.
    QTextCursor c = editor.editor()->textCursor();
    c.movePosition(QTextCursor::Start);
    c.movePosition(QTextCursor::Down);
    c.movePosition(QTextCursor::EndOfLine);
    editor.editor()->setTextCursor(c);
    QTest::keyClicks(editor.editor(), u" \"colour\": 1,"_s);
    QTRY_COMPARE(editor.problems().size(), 1);
    QVERIFY(editor.problems().first().message.contains(u"colour"_s));
    const QList<QTextEdit::ExtraSelection> marks = editor.editor()->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().format.underlineStyle(), QTextCharFormat::WaveUnderline);
    QCOMPARE(marks.first().cursor.selectedText(), u"\"colour\""_s);
    QVERIFY(marks.first().format.toolTip().contains(u"colour"_s));
    QCOMPARE(list->count(), 1);
    QVERIFY2(list->item(0)->text().startsWith(u"Line 2:"_s), qPrintable(list->item(0)->text()));
    QVERIFY(!editor.findChild<QPushButton *>(u"applyButton"_s)->isEnabled());
}

void TestManifestEditor::appliesThroughTheApi()
{
    EmbeddedServer server;
    QVERIFY(server.start());
    QVERIFY(server.createTargets(u"cam-"_s, 2));
    const qint64 firstSet = server.createSet();
    const qint64 module = server.api->get(u"/softwaremodules"_s).json()["content"_L1][0]["id"_L1].toInteger();
    ServerConnection connection;
    server.connect(connection);
    ManifestEditor editor(connection);
    editor.show();
    auto *apply = editor.findChild<QPushButton *>(u"applyButton"_s);
    QSignalSpy applied(&editor, &ManifestEditor::applied);

    // A set.
    editor.setKind(ManifestValidator::Kind::DistributionSet);
    editor.editor()->setPlainText(
        uR"({"name": "firmware", "version": "2.0", "type": "fw", "modules": [ { "id": %1 } ]})"_s.arg(module));
    editor.validateNow();
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(applied.takeFirst().first().toInt(), 200);
    QVERIFY2(editor.answer().contains(u"\"version\": \"2.0\""_s), qPrintable(editor.answer()));
    QCOMPARE(server.api->get(u"/distributionsets"_s).json()["total"_L1].toInt(), 2);

    // An assignment of the first set to both cameras.
    editor.setKind(ManifestValidator::Kind::Assignment);
    editor.editor()->setPlainText(
        uR"({"distributionSetId": %1, "targets": [ { "id": "cam-000" }, { "id": "cam-001", "type": "soft" } ]})"_s.arg(
            firstSet));
    editor.validateNow();
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(applied.size(), 1);
    QCOMPARE(applied.takeFirst().first().toInt(), 200);
    QCOMPARE(server.api->get(u"/targets/cam-001/actions"_s).json()["total"_L1].toInt(), 1);

    // The server's refusal is shown as it said it: a set type that does not exist.
    editor.setKind(ManifestValidator::Kind::DistributionSet);
    editor.editor()->setPlainText(uR"({"name": "other", "version": "1", "type": "nosuchtype"})"_s);
    editor.validateNow();
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(applied.size(), 1);
    QVERIFY(applied.takeFirst().first().toInt() >= 400);
    QVERIFY2(editor.answer().contains(u"refused"_s) && editor.answer().contains(u"nosuchtype"_s),
             qPrintable(editor.answer()));
    {
        editor.resize(900, 640);
        editor.setKind(ManifestValidator::Kind::Rollout);
        editor.useTemplate();
        QTextCursor c = editor.editor()->textCursor();
        c.movePosition(QTextCursor::Start);
        c.movePosition(QTextCursor::Down, QTextCursor::MoveAnchor, 4);
        c.movePosition(QTextCursor::EndOfLine);
        editor.editor()->setTextCursor(c);
        editor.editor()->insertPlainText(u"\n  \"colour\": \"red\","_s);
        editor.validateNow();
        QVERIFY(editor.grab().save(screenshotDir() + u"/console-manifest-editor.png"_s));
    }
}

QTEST_MAIN(TestManifestEditor)
#include "tst_manifesteditor.moc"
