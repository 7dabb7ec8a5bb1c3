// flotillad, flotilla-agent and flotilla-um as a user or a service manager meets them: --version, --help,
// a clean exit 0 on SIGTERM and SIGINT, and no GUI module linked.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestHeadlessPrograms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version_data() { programs(); }
    void version();
    void help_data() { programs(); }
    void help();
    void terminationSignal_data();
    void terminationSignal();
    void noGuiLibraries_data() { programs(); }
    void noGuiLibraries();

private:
    static void programs();
    static QString path(const QString &program);
};

void TestHeadlessPrograms::programs()
{
    QTest::addColumn<QString>("program");
    for (const char *p : { "flotillad", "flotilla-agent", "flotilla-um" })
        QTest::newRow(p) << QString::fromLatin1(p);
}

QString TestHeadlessPrograms::path(const QString &program)
{
    const QString dir = qEnvironmentVariable("FLOTILLA_BIN_DIR");
    return dir + QLatin1Char('/') + program;
}

void TestHeadlessPrograms::version()
{
    QFETCH(QString, program);
    QProcess p;
    p.start(path(program), { QStringLiteral("--version") });
    QVERIFY2(p.waitForFinished(10000), qPrintable(p.errorString()));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(),
             program + QLatin1Char(' ') + QStringLiteral(FLOTILLA_VERSION_STRING));
}

void TestHeadlessPrograms::help()
{
    QFETCH(QString, program);
    QProcess p;
    p.start(path(program), { QStringLiteral("--help") });
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("--version")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("--help")), qPrintable(out));

    // An unknown option is an error with a message, not a silent start.
    QProcess bad;
    bad.start(path(program), { QStringLiteral("--no-such-option") });
    QVERIFY(bad.waitForFinished(10000));
    QVERIFY(bad.exitCode() != 0);
    QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("no-such-option")));
}

void TestHeadlessPrograms::terminationSignal_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<int>("signalNumber");
    for (const char *p : { "flotillad", "flotilla-agent", "flotilla-um" }) {
        QTest::addRow("%s SIGTERM", p) << QString::fromLatin1(p) << int(SIGTERM);
        QTest::addRow("%s SIGINT", p) << QString::fromLatin1(p) << int(SIGINT);
    }
}

void TestHeadlessPrograms::terminationSignal()
{
    QFETCH(QString, program);
    QFETCH(int, signalNumber);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // flotillad gets a free loopback port and a scratch database instead of its defaults (port 8080, app data).
    QTemporaryDir scratch;
    QStringList args;
    if (program == QLatin1String("flotillad"))
        args = { QStringLiteral("--listen"),       QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("--database"),     scratch.filePath(QStringLiteral("db")),
                 QStringLiteral("--artifact-dir"), scratch.filePath(QStringLiteral("artifacts")) };
    // The agent needs a server (an unused loopback port: it keeps retrying) and a device name.
    if (program == QLatin1String("flotilla-agent"))
        args = { QStringLiteral("--server"),        QStringLiteral("http://127.0.0.1:9"),
                 QStringLiteral("--controller-id"), QStringLiteral("dev-1"),
                 QStringLiteral("--state-dir"),     scratch.filePath(QStringLiteral("state")) };
    // The UM needs its node, components and slot directory (its agent on an unused port: it keeps retrying).
    if (program == QLatin1String("flotilla-um"))
        args = { QStringLiteral("--agent"),     QStringLiteral("127.0.0.1:9"),
                 QStringLiteral("--node-id"),   QStringLiteral("node-1"),
                 QStringLiteral("--component"), QStringLiteral("rootfs:os"),
                 QStringLiteral("--slot-dir"),  scratch.filePath(QStringLiteral("slots")) };
    p.start(path(program), args);
    QVERIFY(p.waitForStarted());
    // Wait until it says it runs: its signal handlers are installed by then.
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += p.readAll()).contains("started"), 10000);
    QCOMPARE(::kill(p.processId(), signalNumber), 0);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

void TestHeadlessPrograms::noGuiLibraries()
{
    // What the program itself links (its NEEDED entries): a stray link to a GUI module fails here. Libraries
    // those depend on are not the program's choice (Debian's libQt6StateMachine needs libQt6Gui).
    QFETCH(QString, program);
    QProcess readelf;
    readelf.start(QStringLiteral("readelf"), { QStringLiteral("-d"), path(program) });
    QVERIFY(readelf.waitForFinished(10000));
    QCOMPARE(readelf.exitCode(), 0);
    const QString dynamic = QString::fromUtf8(readelf.readAllStandardOutput());
    QVERIFY2(dynamic.contains(QStringLiteral("[libQt6Core.so.6]")), qPrintable(dynamic));
    for (const char *gui :
         { "libQt6Gui", "libQt6Widgets", "libQt6Quick", "libQt6Qml", "libX11", "libGL", "libOpenGL", "libEGL" })
        QVERIFY2(!dynamic.contains(QLatin1Char('[') + QLatin1String(gui)),
                 qPrintable(program + QStringLiteral(" links ") + QLatin1String(gui)));
}

QTEST_GUILESS_MAIN(TestHeadlessPrograms)
#include "tst_headlessprograms.moc"
