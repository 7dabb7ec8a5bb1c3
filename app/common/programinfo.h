#pragma once

#include <QString>

class QCommandLineParser;
class QCoreApplication;

namespace Flotilla {

// Sets application name, version and organisation so that QStandardPaths, QSettings and --version agree
// across all Flotilla programs.
void setApplicationInfo(const QString &programName);

// Adds --help and --version and a description; every Flotilla binary starts its parser with this.
void addStandardOptions(QCommandLineParser &parser, const QString &description);

} // namespace Flotilla
