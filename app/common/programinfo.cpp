#include "app/common/programinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Flotilla {

void setApplicationInfo(const QString &programName)
{
    QCoreApplication::setApplicationName(programName);
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOTILLA_VERSION_STRING));
    QCoreApplication::setOrganizationName(QStringLiteral("Flotilla"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("flotilla.invalid"));
}

void addStandardOptions(QCommandLineParser &parser, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
}

} // namespace Flotilla
