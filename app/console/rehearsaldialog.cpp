#include "app/console/rehearsaldialog.h"
#include "app/console/rehearsal.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

RehearsalDialog::RehearsalDialog(Rehearsal &rehearsal, QWidget *parent)
    : QDialog(parent)
    , m_rehearsal(rehearsal)
    , m_count(new QSpinBox(this))
    , m_install(new QDoubleSpinBox(this))
    , m_failures(new QSpinBox(this))
    , m_consent(new QComboBox(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"rehearsalDialog"_s);
    setWindowTitle(tr("Rehearse with Simulated Devices"));
    auto *intro = new QLabel(
        tr("Simulated devices run the real device agent against the connected server, so a rollout, a consent "
           "flow or a maintenance window can be tried before touching a real device. They are the targets "
           "“%1…”, tagged “%2” and with the attribute simulated=true; Remove deletes them all and nothing else.")
            .arg(Rehearsal::Prefix, Rehearsal::TagName),
        this);
    intro->setWordWrap(true);
    m_count->setObjectName(u"deviceCount"_s);
    m_count->setRange(1, 10000);
    m_count->setValue(50);
    m_count->setAccessibleName(tr("Number of simulated devices"));
    m_install->setObjectName(u"installSeconds"_s);
    m_install->setRange(0, 3600);
    m_install->setValue(10);
    m_install->setSuffix(tr(" s"));
    m_install->setAccessibleName(tr("Install time"));
    m_failures->setObjectName(u"failurePercent"_s);
    m_failures->setRange(0, 100);
    m_failures->setSuffix(u" %"_s);
    m_failures->setAccessibleName(tr("Share of installs that fail"));
    m_consent->setObjectName(u"consentAnswer"_s);
    m_consent->addItem(tr("Confirm at once"));
    m_consent->addItem(tr("Confirm after 30 s"));
    m_consent->addItem(tr("Deny"));
    m_consent->addItem(tr("Never answer"));
    m_consent->setAccessibleName(tr("How the devices answer a consent question"));
    m_status->setObjectName(u"rehearsalStatus"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("No simulated device is running."));

    auto *form = new QFormLayout;
    form->addRow(tr("Devices:"), m_count);
    form->addRow(tr("An install takes:"), m_install);
    form->addRow(tr("Installs that fail:"), m_failures);
    form->addRow(tr("Consent questions:"), m_consent);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_start = buttons->addButton(tr("Start"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(u"startRehearsal"_s);
    m_stop = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(u"stopRehearsal"_s);
    m_remove = buttons->addButton(tr("Remove Simulated Devices"), QDialogButtonBox::ActionRole);
    m_remove->setObjectName(u"removeSimulated"_s);
    for (QPushButton *b : { m_start, m_stop, m_remove })
        b->setAutoDefault(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, [this] {
        Sim::DeviceProfile profile;
        profile.name = u"rehearsal"_s;
        profile.installSeconds = m_install->value();
        profile.installFailure = m_failures->value() / 100.0;
        profile.consent = m_consent->currentIndex() == 2 ? Sim::DeviceProfile::ConsentAnswer::Deny
            : m_consent->currentIndex() == 3             ? Sim::DeviceProfile::ConsentAnswer::Never
                                                         : Sim::DeviceProfile::ConsentAnswer::Confirm;
        profile.consentDelaySeconds = m_consent->currentIndex() == 1 ? 30 : 0;
        m_status->setText(tr("Creating %n simulated device(s)…", nullptr, m_count->value()));
        m_start->setEnabled(false);
        m_rehearsal.start(m_count->value(), profile);
    });
    connect(m_stop, &QPushButton::clicked, &m_rehearsal, &Rehearsal::stop);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Removing the simulated devices…"));
        m_remove->setEnabled(false);
        m_rehearsal.remove();
    });
    connect(&m_rehearsal, &Rehearsal::started, this, [this](int count) {
        m_status->setText(tr("%n simulated device(s) running.", nullptr, count));
        updateButtons();
    });
    connect(&m_rehearsal, &Rehearsal::status, this, [this](const QString &line) { m_status->setText(line); });
    connect(&m_rehearsal, &Rehearsal::stopped, this, [this] {
        m_status->setText(tr("Stopped. The simulated devices stay as targets until you remove them."));
        updateButtons();
    });
    connect(&m_rehearsal, &Rehearsal::removed, this, [this](int count) {
        m_status->setText(tr("Removed %n simulated device(s).", nullptr, count));
        updateButtons();
    });
    connect(&m_rehearsal, &Rehearsal::failed, this, [this](const QString &why) {
        m_status->setText(why);
        updateButtons();
    });
    updateButtons();
}

void RehearsalDialog::updateButtons()
{
    const bool running = m_rehearsal.isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_remove->setEnabled(true);
    for (QWidget *w : std::initializer_list<QWidget *> { m_count, m_install, m_failures, m_consent })
        w->setEnabled(!running);
}

QString RehearsalDialog::statusText() const
{
    return m_status->text();
}

void RehearsalDialog::setDeviceCount(int count)
{
    m_count->setValue(count);
}

void RehearsalDialog::setInstallSeconds(double seconds)
{
    m_install->setValue(seconds);
}

void RehearsalDialog::setFailurePercent(int percent)
{
    m_failures->setValue(percent);
}

} // namespace Flotilla
