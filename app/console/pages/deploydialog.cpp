#include "app/console/pages/deploydialog.h"
#include "app/console/confirm.h"
#include "app/console/maintenance/maintenancewindowdialog.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/pages/assignmentpreview.h"
#include "app/console/serverconnection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

DeployDialog::DeployDialog(ServerConnection &connection, DistributionSetModel &sets,
                           const QList<Mgmt::MgmtTarget> &targets, bool multiAssignment, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_sets(sets)
    , m_targets(targets)
    , m_multiAssignment(multiAssignment)
    , m_set(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_forceTime(new QDateTimeEdit(QDateTime::currentDateTime().addDays(1), this))
    , m_weight(new QSpinBox(this))
    , m_confirmation(new QCheckBox(tr("Requires confirmation on the device"), this))
    , m_window(new QGroupBox(tr("Only within a maintenance window"), this))
    , m_schedule(new QLineEdit(this))
    , m_duration(new QLineEdit(u"01:00:00"_s, this))
    , m_timezone(new QLineEdit(QString::fromUtf8(QTimeZone::systemTimeZoneId()), this))
    , m_preview(new QLabel(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(u"deployDialog"_s);
    setWindowTitle(tr("Assign a distribution set"));
    for (int row = 0; row < sets.rowCount(); ++row) {
        const QModelIndex i = sets.index(row, 0);
        if (sets.rowAt(row).complete)
            m_set->addItem(i.data(DistributionSetModel::DisplayNameRole).toString(), i.data(JsonListModel::IdRole));
    }
    m_set->setObjectName(u"setCombo"_s);
    m_set->setAccessibleName(tr("Distribution set"));
    m_type->setObjectName(u"typeCombo"_s);
    m_type->setAccessibleName(tr("Action type"));
    m_type->addItem(tr("Forced: install at once"), u"forced"_s);
    m_type->addItem(tr("Soft: the device decides when"), u"soft"_s);
    m_type->addItem(tr("Download only"), u"downloadonly"_s);
    m_type->addItem(tr("Time-forced: soft until a time, then forced"), u"timeforced"_s);
    m_forceTime->setObjectName(u"forceTime"_s);
    m_forceTime->setCalendarPopup(true);
    m_forceTime->setEnabled(false);
    m_forceTime->setAccessibleName(tr("Forced from"));
    m_weight->setRange(0, 1000);
    m_weight->setValue(1000);
    m_weight->setAccessibleName(tr("Weight"));
    m_weight->setToolTip(tr("With multi-assignment, a device gets the heaviest open action first"));
    m_confirmation->setObjectName(u"confirmationCheck"_s);
    m_window->setCheckable(true);
    m_window->setChecked(false);
    m_window->setObjectName(u"windowGroup"_s);
    m_schedule->setPlaceholderText(tr("Quartz cron, e.g. 0 0 2 ? * SAT"));
    m_schedule->setAccessibleName(tr("Schedule"));
    m_duration->setAccessibleName(tr("Duration"));
    m_timezone->setAccessibleName(tr("Time zone"));
    auto *windowForm = new QFormLayout(m_window);
    windowForm->addRow(tr("Schedule:"), m_schedule);
    windowForm->addRow(tr("Duration:"), m_duration);
    windowForm->addRow(tr("Time zone:"), m_timezone);
    // Planning by choices, with the next windows and DST shown, instead of writing cron by hand.
    auto *plan = new QPushButton(tr("&Plan the window…"), m_window);
    plan->setObjectName(u"planWindowButton"_s);
    connect(plan, &QPushButton::clicked, this, [this] {
        MaintenanceWindowDialog dialog(this);
        dialog.setWindow(m_schedule->text(), m_duration->text(), m_timezone->text());
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_schedule->setText(dialog.schedule());
        m_duration->setText(dialog.duration());
        m_timezone->setText(dialog.timezone());
    });
    windowForm->addRow(QString(), plan);

    m_preview->setObjectName(u"preview"_s);
    m_preview->setWordWrap(true);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828"_s);
    m_error->hide();

    m_assign = m_buttons->addButton(tr("Assign"), QDialogButtonBox::AcceptRole);
    m_assign->setObjectName(u"assignButton"_s);
    m_assign->setDefault(false); // a stray Enter does not deploy
    m_assign->setAutoDefault(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Distribution set:"), m_set);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Forced from:"), m_forceTime);
    form->addRow(tr("Weight:"), m_weight);
    form->addRow(QString(), m_confirmation);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_window);
    layout->addWidget(m_preview);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { m_forceTime->setEnabled(m_type->currentData().toString() == u"timeforced"_s); });
    connect(m_set, &QComboBox::currentIndexChanged, this, &DeployDialog::updatePreview);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DeployDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePreview();
}

void DeployDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    makeCancelTheDefault(m_buttons); // Enter cancels, never deploys
}

qint64 DeployDialog::selectedSetId() const
{
    return m_set->currentData().toLongLong();
}

QString DeployDialog::previewText() const
{
    return m_preview->text();
}

void DeployDialog::updatePreview()
{
    if (m_set->count() == 0) {
        m_preview->setText(tr("There is no complete distribution set to assign yet (Software page)."));
        m_assign->setEnabled(false);
        return;
    }
    m_preview->setText(AssignmentPreview::of(m_targets, selectedSetId(), m_multiAssignment).describe());
}

QJsonArray DeployDialog::requestBody() const
{
    QJsonArray body;
    for (const Mgmt::MgmtTarget &t : m_targets) {
        Mgmt::MgmtTargetAssignmentRequestBody item;
        item.id = t.controllerId;
        item.type = m_type->currentData().toString();
        item.weight = m_weight->value();
        item.confirmationRequired = m_confirmation->isChecked();
        if (m_type->currentData().toString() == u"timeforced"_s)
            item.forcetime = m_forceTime->dateTime().toMSecsSinceEpoch();
        if (m_window->isChecked())
            item.maintenanceWindow
                = Mgmt::MgmtMaintenanceWindow { m_schedule->text().trimmed(), m_duration->text().trimmed(),
                                                m_timezone->text().trimmed() };
        body.append(item.toJson());
    }
    return body;
}

void DeployDialog::submit()
{
    m_error->hide();
    setEnabled(false);
    ApiReply *reply
        = m_connection.api().post(u"/distributionsets/%1/assignedTargets"_s.arg(selectedSetId()), requestBody());
    connect(reply, &ApiReply::finished, this, [this](const QJsonDocument &answer) {
        setEnabled(true);
        Mgmt::DecodeError error;
        const auto result = Mgmt::MgmtTargetAssignmentResponseBody::fromJson(answer.object(), &error);
        if (!result) { // the server took it; say so rather than guess how many
            m_error->setText(tr("The server took the assignment but sent an answer the console cannot read: %1; "
                                "see the targets' actions")
                                 .arg(error.message));
            return m_error->show();
        }
        Q_EMIT assigned(result->assigned);
        accept();
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &message) {
        setEnabled(true);
        m_error->setText(tr("The server refused the assignment: %1").arg(message));
        m_error->show();
    });
}

} // namespace Flotilla
