#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Flotilla {

// A multipart/form-data body (RFC 7578) split into its parts. Qt builds such bodies (QHttpMultiPart) but does
// not parse them; this does, over the body it is given (parts view into it, nothing is copied).
struct FormPart
{
    QString name;
    QString filename;
    QByteArrayView data;
};

// contentType is the request's Content-Type header (it carries the boundary). nullopt: not a valid form.
std::optional<QList<FormPart>> parseMultipartForm(const QByteArray &contentType, const QByteArray &body);

} // namespace Flotilla
