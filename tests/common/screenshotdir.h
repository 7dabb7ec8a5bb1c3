#pragma once

// Where GUI tests put their screenshots: FLOTILLA_SCREENSHOT_DIR, else <build>/tests/screenshots (so every test
// run leaves one PNG per page in the build directory to look at; under Xvfb with xvfb-run for X11 rendering).
#include <QCoreApplication>
#include <QDir>
#include <QString>

namespace FlotillaTest {

inline QString screenshotDir()
{
    QString dir = qEnvironmentVariable("FLOTILLA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots");
    QDir().mkpath(dir);
    return QDir(dir).absolutePath();
}

} // namespace FlotillaTest
