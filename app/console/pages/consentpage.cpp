#include "app/console/pages/consentpage.h"
#include "app/console/confirm.h"
#include "app/console/models/actionhistorymodel.h"
#include "app/console/models/consentactionmodel.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/pages/decisiondialog.h"
#include "app/console/serverconnection.h"
#include "app/console/tableview.h"
#include "proto/mgmt/mgmtmessages.h"
#include "proto/mgmt/mgmtrequests.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

ConsentPage::ConsentPage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_sets(sets)
    , m_model(new ConsentActionModel(connection, this))
    , m_history(new ActionHistoryModel(connection, this))
    , m_targetFilter(new QLineEdit(this))
    , m_setFilter(new QComboBox(this))
    , m_view(makeTableView(m_model, this))
    , m_historyView(makeTableView(m_history, this))
    , m_confirm(new QPushButton(tr("&Confirm for the device…"), this))
    , m_cancel(new QPushButton(tr("C&ancel the action…"), this))
    , m_autoConfirm(new QPushButton(tr("Turn auto-confirm &on…"), this))
    , m_autoConfirmState(new QLabel(this))
{
    setObjectName(u"consentPage"_s);
    auto *intro = new QLabel(
        tr("With the consent flow on, an update waits here until its device confirms it. A device that denies "
           "leaves its action waiting (it may confirm later); you can confirm on its behalf, cancel the action, or "
           "let a target confirm everything by itself (auto-confirm)."),
        this);
    intro->setWordWrap(true);
    m_targetFilter->setObjectName(u"consentTargetFilter"_s);
    m_targetFilter->setPlaceholderText(tr("Target, e.g. cam-*"));
    m_targetFilter->setAccessibleName(tr("Filter by target"));
    m_targetFilter->setClearButtonEnabled(true);
    m_setFilter->setObjectName(u"consentSetFilter"_s);
    m_setFilter->setAccessibleName(tr("Filter by distribution set"));
    m_setFilter->addItem(tr("All distribution sets"), 0);
    for (QTableView *v : { m_view, m_historyView })
        v->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setObjectName(u"consentView"_s);
    m_view->setAccessibleName(tr("Actions waiting for confirmation"));
    m_view->setColumnWidth(ConsentActionModel::Target, 200);
    m_view->setColumnWidth(ConsentActionModel::Set, 180);
    m_view->setColumnWidth(ConsentActionModel::WaitingSince, 240);
    m_historyView->setObjectName(u"consentHistoryView"_s);
    m_historyView->setAccessibleName(tr("Status history of the action"));
    m_historyView->setColumnWidth(ActionHistoryModel::Time, 150);
    m_historyView->setColumnWidth(ActionHistoryModel::Status, 170);
    m_historyView->setColumnWidth(ActionHistoryModel::Messages, 420);
    m_confirm->setObjectName(u"confirmButton"_s);
    m_cancel->setObjectName(u"cancelActionButton"_s);
    m_autoConfirm->setObjectName(u"autoConfirmButton"_s);
    m_autoConfirmState->setObjectName(u"autoConfirmState"_s);
    for (QPushButton *b : { m_confirm, m_cancel, m_autoConfirm })
        b->setEnabled(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_targetFilter, 2);
    filters->addWidget(m_setFilter, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_cancel);
    buttons->addSpacing(16);
    buttons->addWidget(m_autoConfirm);
    buttons->addWidget(m_autoConfirmState, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_historyView);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_targetFilter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_setFilter, &QComboBox::currentIndexChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this,
            [this] { m_model->setFilter(m_targetFilter->text(), m_setFilter->currentData().toLongLong()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConsentPage::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConsentPage::selectionChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConsentPage::selectionChanged);
    connect(m_confirm, &QPushButton::clicked, this, &ConsentPage::confirmSelected);
    connect(m_cancel, &QPushButton::clicked, this, &ConsentPage::cancelSelected);
    connect(m_autoConfirm, &QPushButton::clicked, this, &ConsentPage::toggleAutoConfirm);
    connect(&m_sets, &ApiListModel::loaded, this, [this] {
        m_model->setSetNames(m_sets.names());
        const qint64 current = m_setFilter->currentData().toLongLong();
        const QSignalBlocker block(m_setFilter);
        m_setFilter->clear();
        m_setFilter->addItem(tr("All distribution sets"), 0);
        const QHash<qint64, QString> names = m_sets.names();
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            m_setFilter->addItem(it.value(), it.key());
        m_setFilter->setCurrentIndex(std::max(0, m_setFilter->findData(current)));
    });
}

QString ConsentPage::selectedTarget() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(ConsentActionModel::ControllerIdRole).toString() : QString();
}

qint64 ConsentPage::selectedAction() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(JsonListModel::IdRole).toLongLong() : 0;
}

void ConsentPage::selectionChanged()
{
    const QString target = selectedTarget();
    m_history->setAction(target, selectedAction());
    m_confirm->setEnabled(!target.isEmpty());
    m_cancel->setEnabled(!target.isEmpty());
    refreshAutoConfirm();
}

void ConsentPage::refreshAutoConfirm()
{
    const QString target = selectedTarget();
    const quint64 generation = ++m_autoConfirmGeneration;
    m_autoConfirm->setEnabled(false);
    if (target.isEmpty()) {
        m_autoConfirmState->clear();
        return;
    }
    ApiReply *reply = m_connection.api().get(u"/targets/%1/autoConfirm"_s.arg(ApiClient::pathSegment(target)));
    connect(reply, &ApiReply::finished, this, [this, generation, target](const QJsonDocument &body) {
        if (generation != m_autoConfirmGeneration)
            return;
        Flotilla::Mgmt::DecodeError error;
        const std::optional<Flotilla::Mgmt::MgmtTargetAutoConfirm> state
            = Flotilla::Mgmt::MgmtTargetAutoConfirm::fromJson(body.object(), &error);
        if (!state)
            return m_autoConfirmState->setText(tr("Auto-confirm state unknown: %1").arg(error.message));
        m_autoConfirmActive = state->active;
        m_autoConfirm->setText(m_autoConfirmActive ? tr("Turn auto-confirm &off") : tr("Turn auto-confirm &on…"));
        m_autoConfirm->setEnabled(true);
        m_autoConfirmState->setText(m_autoConfirmActive ? tr("%1 confirms by itself (turned on by %2: %3)")
                                                              .arg(target, state->initiator.value_or(QString()),
                                                                   state->remark.value_or(QString()))
                                                        : tr("%1 asks its user before each update").arg(target));
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &why) {
        if (generation == m_autoConfirmGeneration)
            m_autoConfirmState->setText(tr("Auto-confirm state unknown: %1").arg(why));
    });
}

void ConsentPage::confirmSelected()
{
    const QString target = selectedTarget();
    const qint64 action = selectedAction();
    if (target.isEmpty())
        return;
    DecisionDialog dialog(tr("Confirm for the device"),
                          tr("Action %1 on %2 will run as if the device had confirmed it: it is offered for "
                             "installation at the device's next poll. Your name and remark are recorded in the "
                             "action's history.")
                              .arg(action)
                              .arg(target),
                          tr("Confirm &for %1").arg(target), false, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Mgmt::MgmtActionConfirmationRequestBodyPut confirmation { u"confirmed"_s, std::nullopt, {} };
    if (!dialog.remark().isEmpty())
        confirmation.details.append(dialog.remark());
    ApiReply *reply = m_connection.api().put(
        u"/targets/%1/actions/%2/confirmation"_s.arg(ApiClient::pathSegment(target)).arg(action),
        confirmation.toJson());
    connect(reply, &ApiReply::finished, this, [this, target, action] {
        Q_EMIT message(tr("Action %1 on %2 confirmed").arg(action).arg(target));
        m_model->reload();
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
        QMessageBox::warning(this, tr("Confirm for the device"), tr("Not confirmed: %1").arg(why));
    });
}

void ConsentPage::cancelSelected()
{
    const QString target = selectedTarget();
    const qint64 action = selectedAction();
    if (target.isEmpty()
        || !confirmDestructive(this, tr("Cancel the action"),
                               tr("Cancel action %1 on %2? The device will not be asked again; to update it later, "
                                  "deploy anew.")
                                   .arg(action)
                                   .arg(target),
                               tr("Cancel &action %1").arg(action)))
        return;
    ApiReply *reply
        = m_connection.api().remove(u"/targets/%1/actions/%2"_s.arg(ApiClient::pathSegment(target)).arg(action));
    connect(reply, &ApiReply::finished, this, [this, target, action] {
        Q_EMIT message(tr("Action %1 on %2 canceled").arg(action).arg(target));
        m_model->reload();
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
        QMessageBox::warning(this, tr("Cancel the action"), tr("Not canceled: %1").arg(why));
    });
}

void ConsentPage::toggleAutoConfirm()
{
    const QString target = selectedTarget();
    if (target.isEmpty())
        return;
    const auto done = [this](ApiReply *reply, const QString &title) {
        connect(reply, &ApiReply::finished, this, [this] {
            refreshAutoConfirm();
            m_model->reload();
        });
        connect(reply, &ApiReply::failed, this,
                [this, title](int, const QString &why) { QMessageBox::warning(this, title, why); });
    };
    if (m_autoConfirmActive) {
        done(m_connection.api().post(u"/targets/%1/autoConfirm/deactivate"_s.arg(ApiClient::pathSegment(target)),
                                     QJsonObject()),
             tr("Turn auto-confirm off"));
        return;
    }
    DecisionDialog dialog(tr("Turn auto-confirm on"),
                          tr("%1 will confirm every update by itself: the actions now waiting on it are confirmed at "
                             "once, and later ones run without asking its user — until auto-confirm is turned off.")
                              .arg(target),
                          tr("Turn &on for %1").arg(target), true, this);
    dialog.setInitiator(m_connection.api().login().user);
    if (dialog.exec() != QDialog::Accepted)
        return;
    done(m_connection.api().post(
             u"/targets/%1/autoConfirm/activate"_s.arg(ApiClient::pathSegment(target)),
             QJsonObject { { "initiator"_L1, dialog.initiator() }, { "remark"_L1, dialog.remark() } }),
         tr("Turn auto-confirm on"));
}

} // namespace Flotilla
