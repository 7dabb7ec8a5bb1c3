#pragma once

#include <QObject>

class QAbstractItemView;

namespace Flotilla {

// Watches a view and emits painted() once, after the first paint that shows loaded data in its first row (a
// view showing "Loading…" does not count). bench_console uses it through --report-first-paint to measure
// "start to first useful window".
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // role: the model role that is true once a row's data is there.
    FirstPaintProbe(QAbstractItemView *view, int loadedRole, QObject *parent = nullptr);

Q_SIGNALS:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    int m_loadedRole;
    bool m_done = false;
};

} // namespace Flotilla
