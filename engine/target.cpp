#include "engine/target.h"

#include <QRandomGenerator>

namespace Flotilla {

QString Target::generateSecurityToken()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int length = 32;
    QString token(length, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system(); // cryptographically secure
    for (QChar &c : token)
        c = QLatin1Char(alphabet[random->bounded(int(sizeof(alphabet) - 1))]);
    return token;
}

} // namespace Flotilla
