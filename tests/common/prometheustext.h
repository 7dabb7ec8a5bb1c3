#pragma once

// Prometheus' text exposition format (0.0.4) as a scraper reads it, for the tests of GET /metrics: every sample by
// its series as printed ("name{labels}"), the families' # TYPE lines in order, and every line that is not the
// format (a malformed line, a value that is not a number, a sample outside its family).
#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace FlotillaTest {

struct PrometheusText
{
    QHash<QString, double> samples;
    QStringList typed;
    QStringList problems;

    double value(const QString &series) const { return samples.value(series, 0); }
    bool has(const QString &series) const { return samples.contains(series); }

    static PrometheusText parse(const QByteArray &body)
    {
        using namespace Qt::StringLiterals;
        static const QRegularExpression sample(
            uR"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})? (\S+)$)"_s);
        static const QRegularExpression type(
            uR"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)"_s);
        PrometheusText out;
        for (const QByteArray &raw : body.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.isEmpty() || line.startsWith(u"# HELP "_s))
                continue;
            if (const QRegularExpressionMatch m = type.match(line); m.hasMatch()) {
                out.typed.append(m.captured(1));
                continue;
            }
            const QRegularExpressionMatch m = sample.match(line);
            if (!m.hasMatch()) {
                out.problems.append(line);
                continue;
            }
            // A sample belongs to the family typed last (histograms: name_bucket, _sum, _count).
            const QString name = m.captured(1);
            const QString family = out.typed.isEmpty() ? QString() : out.typed.last();
            if (name != family && name != family + u"_bucket"_s && name != family + u"_sum"_s
                && name != family + u"_count"_s)
                out.problems.append(u"not under its # TYPE: "_s + line);
            const QString text = m.captured(7);
            bool number = false;
            const double v = text == u"+Inf"_s ? qInf() : text.toDouble(&number);
            if (!number && text != u"+Inf"_s) {
                out.problems.append(u"not a number: "_s + line);
                continue;
            }
            out.samples.insert(line.left(line.size() - text.size() - 1), v);
        }
        return out;
    }
};

} // namespace FlotillaTest
