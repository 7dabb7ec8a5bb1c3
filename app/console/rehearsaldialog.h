#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Flotilla {

class Rehearsal;

// File → Rehearse with Simulated Devices…: how many devices, how long an install takes, how many fail, how they
// answer a consent question; Start, Stop, and Remove simulated devices. Says plainly that these are simulated
// devices on the connected server, and shows the simulator's status while they run.
class RehearsalDialog : public QDialog
{
    Q_OBJECT
public:
    RehearsalDialog(Rehearsal &rehearsal, QWidget *parent = nullptr);

    QString statusText() const;
    void setDeviceCount(int count);
    void setInstallSeconds(double seconds);
    void setFailurePercent(int percent);

private:
    void updateButtons();

    Rehearsal &m_rehearsal;
    QSpinBox *m_count;
    QDoubleSpinBox *m_install;
    QSpinBox *m_failures;
    QComboBox *m_consent;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_remove;
};

} // namespace Flotilla
