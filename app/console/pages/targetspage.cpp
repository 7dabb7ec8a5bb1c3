#include "app/console/pages/targetspage.h"
#include "app/console/confirm.h"
#include "app/console/models/actionhistorymodel.h"
#include "app/console/models/actiontablemodel.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/models/targettablemodel.h"
#include "app/console/pages/deploydialog.h"
#include "app/console/serverconnection.h"
#include "app/console/tableview.h"
#include "proto/mgmt/mgmtconfiguration.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

TargetsPage::TargetsPage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_sets(sets)
    , m_model(new TargetTableModel(connection, this))
    , m_actions(new ActionTableModel(connection, this))
    , m_history(new ActionHistoryModel(connection, this))
    , m_filter(new QLineEdit(this))
    , m_filterError(new QLabel(this))
    , m_count(new QLabel(this))
    , m_view(makeTableView(m_model, this))
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_actionView(makeTableView(m_actions, this))
    , m_historyView(makeTableView(m_history, this))
    , m_attributes(new QTableWidget(0, 2, this))
{
    setObjectName(u"targetsPage"_s);
    m_filter->setObjectName(u"targetFilter"_s);
    m_filter->setPlaceholderText(tr("Filter (RSQL), e.g. updateStatus==error or name==cam*;attribute.hw==rev2"));
    m_filter->setAccessibleName(tr("Target filter"));
    m_filter->setClearButtonEnabled(true);
    m_filterError->setObjectName(u"filterError"_s);
    m_filterError->setStyleSheet(u"color: #c62828"_s);
    m_filterError->setWordWrap(true);
    m_filterError->hide();
    m_count->setObjectName(u"targetCount"_s);

    m_view->setObjectName(u"targetView"_s);
    m_view->setAccessibleName(tr("Targets"));
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(TargetTableModel::ControllerId, Qt::AscendingOrder);
    m_view->setColumnWidth(TargetTableModel::ControllerId, 180);
    m_view->setColumnWidth(TargetTableModel::Name, 160);
    m_view->setColumnWidth(TargetTableModel::Status, 120);
    m_view->setColumnWidth(TargetTableModel::LastPoll, 110);
    m_view->setColumnWidth(TargetTableModel::Installed, 140);
    m_view->setColumnWidth(TargetTableModel::Assigned, 140);

    auto button = [this](const QString &text, const QString &name, auto slot, bool needsSelection) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        if (needsSelection) {
            b->setEnabled(false);
            m_needSelection << b;
        }
        return b;
    };
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(button(tr("&New target…"), u"newTargetButton"_s, &TargetsPage::createTarget, false));
    buttons->addWidget(button(tr("&Deploy…"), u"deployButton"_s, &TargetsPage::deploySelected, true));
    buttons->addWidget(button(tr("Delete…"), u"deleteTargetButton"_s, &TargetsPage::deleteSelected, true));
    buttons->addStretch();
    buttons->addWidget(button(tr("Security token"), u"tokenButton"_s, &TargetsPage::showSecurityToken, true));
    buttons->addWidget(
        button(tr("Request attributes"), u"requestAttributesButton"_s, &TargetsPage::requestAttributes, true));

    m_title->setObjectName(u"targetTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setText(tr("Select a target to see its actions and attributes."));
    m_actionView->setObjectName(u"actionView"_s);
    m_actionView->setAccessibleName(tr("Actions of the target"));
    m_historyView->setObjectName(u"historyView"_s);
    m_historyView->setAccessibleName(tr("Status history of the action"));
    m_historyView->setColumnWidth(ActionHistoryModel::Time, 150);
    m_historyView->setColumnWidth(ActionHistoryModel::Status, 170);
    m_actionView->setColumnWidth(ActionTableModel::Status, 170);
    m_actionView->setColumnWidth(ActionTableModel::Set, 150);
    m_actionView->setColumnWidth(ActionTableModel::Updated, 150);
    m_historyView->setColumnWidth(ActionHistoryModel::Messages, 520);
    auto *actionsSplit = new QSplitter(Qt::Vertical, this);
    actionsSplit->addWidget(m_actionView);
    actionsSplit->addWidget(m_historyView);
    m_attributes->setObjectName(u"attributeView"_s);
    m_attributes->setHorizontalHeaderLabels({ tr("Attribute"), tr("Value") });
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    m_attributes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(actionsSplit, tr("Actions"));
    m_tabs->addTab(m_attributes, tr("Attributes"));
    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_tabs);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_filterError);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    // Filter as you type, once typing pauses; errors from the server's parser appear under the box.
    auto *debounce = m_filterDebounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(400);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, debounce, [this, debounce] {
        debounce->stop();
        m_model->setFilter(m_filter->text());
    });
    connect(debounce, &QTimer::timeout, this, [this] { m_model->setFilter(m_filter->text()); });
    connect(m_model, &TargetTableModel::filterError, this, [this](const QString &message) {
        m_filterError->setText(tr("Filter not applied: %1").arg(message));
        m_filterError->show();
        m_filter->setStyleSheet(u"QLineEdit { border: 1px solid #c62828; }"_s);
    });
    connect(m_model, &TargetTableModel::filterAccepted, this, [this] {
        m_filterError->hide();
        m_filter->setStyleSheet(QString());
    });
    auto updateCount = [this] {
        m_count->setText(tr("%n target(s)", nullptr, int(m_model->total())));
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateCount);
    connect(m_model, &TargetTableModel::loadFailed, this,
            [this](const QString &why) { Q_EMIT message(tr("Could not load targets: %1").arg(why)); });
    updateCount();

    connect(&m_sets, &ApiListModel::loaded, this, [this] {
        m_model->setSetNames(m_sets.names());
        m_actions->setSetNames(m_sets.names());
    });

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        for (QPushButton *b : std::as_const(m_needSelection))
            b->setEnabled(!rows.isEmpty());
        showTarget(rows.size() == 1 ? m_model->targetAt(rows.first().row()).value_or(Mgmt::MgmtTarget())
                                    : Mgmt::MgmtTarget());
    });
    connect(m_actionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_history->setAction(m_current,
                                     current.isValid() ? current.data(JsonListModel::IdRole).toLongLong() : 0);
            });
    // A target whose page was not loaded when it was selected: show it once it is.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (rows.size() == 1 && m_current.isEmpty())
            showTarget(m_model->targetAt(rows.first().row()).value_or(Mgmt::MgmtTarget()));
    });

    auto *del = new QShortcut(QKeySequence::Delete, m_view);
    connect(del, &QShortcut::activated, this, &TargetsPage::deleteSelected);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filter, [this] { m_filter->setFocus(Qt::ShortcutFocusReason); });
}

QList<Mgmt::MgmtTarget> TargetsPage::selectedTargets() const
{
    QList<Mgmt::MgmtTarget> list;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
        if (const std::optional<Mgmt::MgmtTarget> t = m_model->targetAt(i.row()))
            list << *t;
    }
    return list;
}

void TargetsPage::setFilter(const QString &rsql)
{
    m_filter->setText(rsql);
    m_filterDebounce->stop();
    m_model->setFilter(rsql);
}

QString TargetsPage::filter() const
{
    return m_filter->text();
}

void TargetsPage::fail(const QString &what, const QString &message)
{
    QMessageBox::warning(this, what, message);
}

void TargetsPage::showTarget(const Mgmt::MgmtTarget &target)
{
    m_current = target.controllerId;
    m_actions->setTarget(m_current, target.id);
    m_history->setAction(m_current, 0);
    if (m_current.isEmpty()) {
        m_title->setText(tr("Select a target to see its actions and attributes."));
        m_attributes->setRowCount(0);
        return;
    }
    m_title->setText(tr("%1 — %2").arg(m_current, target.address.isEmpty() ? tr("no address yet") : target.address));
    loadAttributes(m_current);
}

void TargetsPage::loadAttributes(const QString &controllerId)
{
    ApiReply *reply = m_connection.api().get(u"/targets/%1/attributes"_s.arg(ApiClient::pathSegment(controllerId)));
    connect(reply, &ApiReply::finished, this, [this, controllerId](const QJsonDocument &body) {
        if (controllerId != m_current)
            return;
        const QJsonObject attributes = body.object();
        m_attributes->setRowCount(int(attributes.size()));
        int row = 0;
        for (auto it = attributes.begin(); it != attributes.end(); ++it, ++row) {
            m_attributes->setItem(row, 0, new QTableWidgetItem(it.key()));
            m_attributes->setItem(row, 1, new QTableWidgetItem(it.value().toString()));
        }
    });
}

void TargetsPage::createTarget()
{
    bool ok = false;
    const QString id
        = QInputDialog::getText(this, tr("New target"), tr("Controller ID (what the device calls itself in DDI):"),
                                QLineEdit::Normal, QString(), &ok)
              .trimmed();
    if (!ok || id.isEmpty())
        return;
    ApiReply *reply = m_connection.api().post(u"/targets"_s, QJsonArray { QJsonObject { { "controllerId"_L1, id } } });
    connect(reply, &ApiReply::finished, this, [this, id] { Q_EMIT message(tr("Target %1 created").arg(id)); });
    connect(reply, &ApiReply::failed, this,
            [this](int, const QString &why) { fail(tr("New target"), tr("The target was not created: %1").arg(why)); });
}

void TargetsPage::deleteSelected()
{
    const QList<Mgmt::MgmtTarget> targets = selectedTargets();
    if (targets.isEmpty())
        return;
    if (!confirmDestructive(
            this, tr("Delete targets"),
            tr("Delete %n target(s)? Their actions and history are deleted too; a device that polls again "
               "registers anew.",
               nullptr, int(targets.size())),
            tr("Delete")))
        return;
    for (const Mgmt::MgmtTarget &t : targets) {
        const QString id = t.controllerId;
        ApiReply *reply = m_connection.api().remove(u"/targets/%1"_s.arg(ApiClient::pathSegment(id)));
        connect(reply, &ApiReply::failed, this,
                [this, id](int, const QString &why) { Q_EMIT message(tr("%1 was not deleted: %2").arg(id, why)); });
    }
}

void TargetsPage::deploySelected()
{
    const QList<Mgmt::MgmtTarget> targets = selectedTargets();
    if (targets.isEmpty())
        return;
    // Whether assigning cancels open actions depends on the tenant's multi-assignment setting.
    ApiReply *reply = m_connection.api().get(u"/system/configs"_s);
    connect(reply, &ApiReply::finished, this, [this, targets](const QJsonDocument &body) {
        Mgmt::DecodeError error;
        const std::optional<Mgmt::MgmtTenantConfiguration> config
            = Mgmt::MgmtTenantConfiguration::fromJson(body.object(), &error);
        if (!config)
            return fail(tr("Deploy"), tr("Could not read the configuration: %1").arg(error.message));
        const bool multi = config->value(u"multi.assignments.enabled"_s).toBool();
        auto *dialog = new DeployDialog(m_connection, m_sets, targets, multi, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &DeployDialog::assigned, this,
                [this](int n) { Q_EMIT message(tr("%n action(s) created", nullptr, n)); });
        dialog->open();
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
        fail(tr("Deploy"), tr("Could not read the configuration: %1").arg(why));
    });
}

void TargetsPage::showSecurityToken()
{
    const QList<Mgmt::MgmtTarget> targets = selectedTargets();
    if (targets.size() != 1)
        return;
    const QString id = targets.first().controllerId;
    ApiReply *reply = m_connection.api().get(u"/targets/%1"_s.arg(ApiClient::pathSegment(id)));
    connect(reply, &ApiReply::finished, this, [this, id](const QJsonDocument &body) {
        const QString token = body.object().value("securityToken"_L1).toString();
        if (token.isEmpty())
            return fail(tr("Security token"), tr("Your account may not read security tokens."));
        QMessageBox box(QMessageBox::Information, tr("Security token of %1").arg(id),
                        tr("The device authenticates with:\n\nAuthorization: TargetToken %1").arg(token),
                        QMessageBox::Close, this);
        QPushButton *copy = box.addButton(tr("Copy"), QMessageBox::ActionRole);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
        if (box.clickedButton() == copy)
            QApplication::clipboard()->setText(token);
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) { fail(tr("Security token"), why); });
}

void TargetsPage::requestAttributes()
{
    for (const Mgmt::MgmtTarget &t : selectedTargets()) {
        const QString id = t.controllerId;
        ApiReply *reply = m_connection.api().put(u"/targets/%1"_s.arg(ApiClient::pathSegment(id)),
                                                 QJsonObject { { "requestAttributes"_L1, true } });
        connect(reply, &ApiReply::finished, this,
                [this, id] { Q_EMIT message(tr("%1 will be asked for its attributes at its next poll").arg(id)); });
        connect(reply, &ApiReply::failed, this, [this, id](int, const QString &why) {
            Q_EMIT message(tr("%1: attributes not requested: %2").arg(id, why));
        });
    }
}

} // namespace Flotilla
