#include "backend/queryparameters.h"

namespace Flotilla::QueryParameters {

namespace {
// A decimal whole number and nothing else: an optional minus and digits (QString::toInt alone also takes
// surrounding spaces and stops at a NUL, so "5%00x" would be 5; hawkBit's Integer.parseInt refuses both).
std::optional<int> wholeNumber(const QString &text)
{
    const qsizetype digits = text.startsWith(u'-') ? text.size() - 1 : text.size();
    if (digits < 1 || digits > 10)
        return std::nullopt;
    for (qsizetype i = text.size() - digits; i < text.size(); ++i) {
        if (text.at(i) < u'0' || text.at(i) > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const int n = text.toInt(&ok);
    return ok ? std::optional(n) : std::nullopt;
}
} // namespace

std::optional<int> intValue(const QUrlQuery &query, const QString &name, int fallback, int min, int max)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const std::optional<int> value = wholeNumber(query.queryItemValue(name, QUrl::FullyDecoded));
    if (!value || *value < min || *value > max)
        return std::nullopt;
    return value;
}

int actionHistory(const QUrlQuery &query)
{
    return wholeNumber(query.queryItemValue(QStringLiteral("actionHistory"), QUrl::FullyDecoded)).value_or(0);
}

} // namespace Flotilla::QueryParameters
