#include "engine/vocabulary.h"

namespace Flotilla::Vocabulary {

QString spell(const char *key, Spelling spelling)
{
    QString out;
    for (const char *c = key; *c; ++c) {
        const QChar ch = QLatin1Char(*c);
        if (ch.isUpper() && c != key && spelling != Spelling::LowerRun)
            out += u'_';
        out += spelling == Spelling::UpperSnake ? ch.toUpper() : ch.toLower();
    }
    return out;
}

} // namespace Flotilla::Vocabulary
