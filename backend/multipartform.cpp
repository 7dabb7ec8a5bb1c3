#include "backend/multipartform.h"

namespace Flotilla {

namespace {
// The value of a "key=value" or key="value" parameter in a header line.
QString parameter(QByteArrayView header, QByteArrayView key)
{
    const QByteArray needle = key.toByteArray() + '=';
    qsizetype at = 0;
    while ((at = header.indexOf(needle, at)) >= 0) {
        // a whole parameter name: preceded by ';' or a space
        if (at == 0 || header.at(at - 1) == ';' || header.at(at - 1) == ' ')
            break;
        at += needle.size();
    }
    if (at < 0)
        return {};
    QByteArrayView rest = header.mid(at + needle.size());
    if (rest.startsWith('"')) {
        const qsizetype end = rest.indexOf('"', 1);
        return QString::fromUtf8(rest.mid(1, end < 0 ? rest.size() - 1 : end - 1));
    }
    const qsizetype end = rest.indexOf(';');
    return QString::fromUtf8(rest.left(end < 0 ? rest.size() : end).trimmed());
}
} // namespace

std::optional<QList<FormPart>> parseMultipartForm(const QByteArray &contentType, const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return std::nullopt;
    const QString boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary.toLatin1();
    const QByteArray separator = "\r\n" + delimiter; // the CRLF before a delimiter belongs to it
    QList<FormPart> parts;
    qsizetype at = body.indexOf(delimiter);
    if (at < 0)
        return std::nullopt;
    for (;;) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return parts; // the closing delimiter
        if (body.mid(at, 2) != "\r\n")
            return std::nullopt;
        at += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        if (headersEnd < 0)
            return std::nullopt;
        FormPart part;
        for (const QByteArray &line : body.mid(at, headersEnd - at).split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("content-disposition:")) {
                part.name = parameter(l, "name");
                part.filename = parameter(l, "filename");
            }
        }
        const qsizetype dataStart = headersEnd + 4;
        const qsizetype next = body.indexOf(separator, dataStart);
        if (next < 0)
            return std::nullopt;
        part.data = QByteArrayView(body).mid(dataStart, next - dataStart);
        parts.append(part);
        at = next + 2;
    }
}

} // namespace Flotilla
