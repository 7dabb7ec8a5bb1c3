#include "agent/localapi/localrequests.h"

#include "device/v1/localupdate.pb.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent::LocalRequests {

namespace {

// A text field: at most `limit` characters, no control characters (a line break only where `lines`), valid UTF-8.
// Empty when it is acceptable, else why not.
QString textError(const std::string &bytes, const char *field, qsizetype limit, bool lines, QString *out)
{
    const QByteArrayView view(bytes.data(), qsizetype(bytes.size()));
    if (!view.isValidUtf8())
        return u"%1 is not valid UTF-8"_s.arg(QLatin1StringView(field));
    *out = QString::fromUtf8(view);
    if (out->size() > limit)
        return u"%1 has %2 characters; at most %3 are taken"_s.arg(QLatin1StringView(field))
            .arg(out->size())
            .arg(limit);
    for (const QChar c : std::as_const(*out)) {
        if (lines && (c == u'\n' || c == u'\t'))
            continue;
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            return u"%1 contains a control character (U+%2)"_s.arg(QLatin1StringView(field))
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'));
    }
    return {};
}

// The action id: required, a bounded token without control characters or spaces.
QString actionIdError(const std::string &bytes, QString *out)
{
    if (bytes.empty())
        return u"action_id is required"_s;
    if (const QString e = textError(bytes, "action_id", MaxActionIdLength, false, out); !e.isEmpty())
        return e;
    if (out->contains(u' '))
        return u"action_id contains a space"_s;
    return {};
}

// What every request carries: the action and who asks (`field` names the latter).
QString actionAndAskerError(const std::string &actionId, const std::string &by, const char *field, QString *idOut,
                            QString *byOut)
{
    if (QString e = actionIdError(actionId, idOut); !e.isEmpty())
        return e;
    return textError(by, field, MaxNameLength, false, byOut);
}

} // namespace

LocalRequest<LocalDecision> decisionOf(const flotilla::device::v1::ConsentDecision &in)
{
    LocalDecision d;
    if (QString e = actionAndAskerError(in.action_id(), in.decided_by(), "decided_by", &d.actionId, &d.by);
        !e.isEmpty())
        return e;
    if (QString e = textError(in.remark(), "remark", MaxRemarkLength, true, &d.remark); !e.isEmpty())
        return e;
    return d;
}

LocalRequest<LocalActionRequest> actionRequestOf(const flotilla::device::v1::ActionRequest &in)
{
    LocalActionRequest r;
    if (QString e = actionAndAskerError(in.action_id(), in.requested_by(), "requested_by", &r.actionId, &r.by);
        !e.isEmpty())
        return e;
    return r;
}

LocalRequest<LocalPostpone> postponeOf(const flotilla::device::v1::PostponeRequest &in, const QDateTime &now)
{
    LocalPostpone p;
    if (QString e = actionAndAskerError(in.action_id(), in.requested_by(), "requested_by", &p.actionId, &p.by);
        !e.isEmpty())
        return e;
    if (in.until() <= 0)
        return u"until (seconds since the epoch) is required"_s;
    // Compared in seconds before any QDateTime is made of it: a huge value is refused, never wrapped round.
    const qint64 nowSecs = now.toSecsSinceEpoch();
    if (in.until() > nowSecs + MaxPostponeSecs)
        return u"until is more than %1 days ahead"_s.arg(MaxPostponeSecs / 86400);
    // A time already past is the agent's to answer ("must lie in the future"), as before.
    p.until = QDateTime::fromSecsSinceEpoch(in.until(), QTimeZone::UTC);
    return p;
}

} // namespace Flotilla::Agent::LocalRequests
