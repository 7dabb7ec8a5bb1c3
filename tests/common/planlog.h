#pragma once

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

// Query plans as PostgreSQL's auto_explain writes them to the server log (PostgresFixture::logPath()), for the
// plan benchmark (tests/bench/queryplans.cpp) and the plan test (tests/backend/tst_queryplans.cpp).
namespace PlanCheck {

using namespace Qt::StringLiterals;

// What the server appended to its log since the last look: auto_explain's entries, one plan each (without the
// query text and the cost estimates).
class PlanLog
{
public:
    explicit PlanLog(QString path)
        : m_path(std::move(path))
    {
        skip();
    }

    void skip() { m_offset = QFileInfo(m_path).size(); }

    QStringList plans()
    {
        QFile f(m_path);
        if (!f.open(QIODevice::ReadOnly) || !f.seek(m_offset))
            return {};
        const QString text = QString::fromUtf8(f.readAll());
        m_offset = f.pos();
        static const QRegularExpression costs(u"\\s+\\(cost=[^)]*\\)"_s);
        QStringList plans;
        QString current;
        bool inPlan = false;
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith(u'\t') && inPlan) {
                if (!line.startsWith(u"\tQuery Text:"_s) && !line.startsWith(u"\tQuery Parameters:"_s))
                    current += u"    "_s + QString(line.mid(1)).remove(costs) + u'\n';
                continue;
            }
            if (inPlan && !current.isEmpty())
                plans << current;
            current.clear();
            inPlan = line.contains(u"duration:"_s) && line.contains(u"plan:"_s);
        }
        if (inPlan && !current.isEmpty())
            plans << current;
        return plans;
    }

private:
    QString m_path;
    qint64 m_offset = 0;
};

// The tables that grow with the fleet.
inline const QString &largeTables()
{
    static const QString tables
        = u"targets|actions|target_attributes|target_tag_assignments|action_status|rollout_group_targets"_s;
    return tables;
}

// Empty, or what makes a plan (auto_explain with actual rows) a large scan: a sequential scan of one of the large
// tables, or any scan node that reads more than `limit` rows of one (rows returned and rows its filter removed,
// times its loops): an index walked end to end is no better than the table.
inline QString largeScanIn(const QString &plan, qint64 limit)
{
    static const QRegularExpression node(
        u"(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan)(?: Backward)?(?: using \\S+)? on (%1)\\b.*"
        "\\(actual rows=(\\d+) loops=(\\d+)\\)"_s.arg(largeTables()));
    static const QRegularExpression removed(u"Rows Removed by (?:Filter|Index Recheck): (\\d+)"_s);
    const QStringList lines = plan.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = node.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        qint64 perLoop = m.captured(3).toLongLong();
        // The node's own detail lines follow it, up to the next node.
        for (qsizetype j = i + 1; j < lines.size() && !lines.at(j).contains(u"->"_s); ++j) {
            if (const QRegularExpressionMatch r = removed.match(lines.at(j)); r.hasMatch())
                perLoop += r.captured(1).toLongLong();
        }
        const qint64 read = perLoop * m.captured(4).toLongLong();
        if (m.captured(1) == u"Seq Scan"_s)
            return u"a sequential scan of %1 (%2 rows)"_s.arg(m.captured(2)).arg(read);
        if (read > limit)
            return u"%1 rows of %2 read (%3)"_s.arg(read).arg(m.captured(2), m.captured(1).toLower());
    }
    return {};
}

} // namespace PlanCheck
