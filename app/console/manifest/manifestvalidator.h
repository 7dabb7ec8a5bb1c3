#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Flotilla {

struct ManifestProblem
{
    int offset = 0; // in characters, into the text
    int length = 1;
    QString message;
};

// Checks the JSON an operator writes for the Management API as they type: parse errors (where the parser
// stopped) and schema errors for a distribution set, an assignment or a rollout (required keys, types, enums,
// ranges; a maintenance window through the engine's own parser). Each problem carries the text range to
// underline. Templates give a valid start for each kind.
class ManifestValidator
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::ManifestValidator)
public:
    enum class Kind { DistributionSet, Assignment, Rollout };

    static QList<ManifestProblem> validate(Kind kind, const QString &text);
    static QString templateFor(Kind kind);
    static QString nameOf(Kind kind);
};

} // namespace Flotilla
