#pragma once

#include <QChartView>

class QPieSeries;

namespace Flotilla {

// The fleet by target state as a donut (Qt Charts), in the status colours and the palette's, with the total in
// the middle; a click on a slice names its state. Keyboard users get the same through the overview's buttons.
class FleetChart : public QChartView
{
    Q_OBJECT
public:
    explicit FleetChart(QWidget *parent = nullptr);

    // updateStatus name ("in_sync", ...) -> targets; the slices keep StatusStyle's order.
    void setCounts(const QHash<QString, qint64> &counts);
    static QStringList states(); // in_sync, pending, error, registered, unknown
    qint64 countOf(const QString &state) const;

Q_SIGNALS:
    void stateClicked(const QString &state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QPieSeries *m_series;
    QHash<QString, qint64> m_counts;
};

} // namespace Flotilla
