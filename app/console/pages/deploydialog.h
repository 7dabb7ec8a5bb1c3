#pragma once

#include "proto/mgmt/mgmtrequests.h"

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Flotilla {

class DistributionSetModel;
class ServerConnection;

// Deploy: assign a distribution set to the chosen targets — type (forced, soft, download only, time-forced
// with its time), weight, confirmation on the device, maintenance window — saying what will happen before it
// happens. Assign sends one request; the server's refusal is shown in the dialog, which stays open.
class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    DeployDialog(ServerConnection &connection, DistributionSetModel &sets, const QList<Mgmt::MgmtTarget> &targets,
                 bool multiAssignment, QWidget *parent = nullptr);

    // The request body it would send now.
    QJsonArray requestBody() const;
    qint64 selectedSetId() const;
    QString previewText() const;

Q_SIGNALS:
    void assigned(int actions);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updatePreview();
    void submit();

    ServerConnection &m_connection;
    DistributionSetModel &m_sets;
    QList<Mgmt::MgmtTarget> m_targets;
    bool m_multiAssignment;
    QComboBox *m_set;
    QComboBox *m_type;
    QDateTimeEdit *m_forceTime;
    QSpinBox *m_weight;
    QCheckBox *m_confirmation;
    QGroupBox *m_window;
    QLineEdit *m_schedule;
    QLineEdit *m_duration;
    QLineEdit *m_timezone;
    QLabel *m_preview;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_assign = nullptr;
};

} // namespace Flotilla
