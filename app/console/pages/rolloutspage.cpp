#include "app/console/pages/rolloutspage.h"
#include "app/console/confirm.h"
#include "app/console/models/actionhistorymodel.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/models/rolloutgroupmodel.h"
#include "app/console/models/rolloutspanmodel.h"
#include "app/console/models/rollouttablemodel.h"
#include "app/console/pages/groupprogressdelegate.h"
#include "app/console/pages/rolloutchart.h"
#include "app/console/pages/rolloutdialog.h"
#include "app/console/serverconnection.h"
#include "app/console/tableview.h"
#include "engine/rolloutstatemachine.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWidget>
#include <QSplitter>
#include <QTabWidget>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Flotilla_TimelinePlugin)
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
struct Command
{
    const char *name;
    RolloutEvent event;
    const char *label;
};
const Command commands[] = {
    { "start", RolloutEvent::Start, QT_TRANSLATE_NOOP("Flotilla::RolloutsPage", "&Start") },
    { "pause", RolloutEvent::Pause, QT_TRANSLATE_NOOP("Flotilla::RolloutsPage", "&Pause") },
    { "resume", RolloutEvent::Resume, QT_TRANSLATE_NOOP("Flotilla::RolloutsPage", "&Resume") },
    { "approve", RolloutEvent::Approve, QT_TRANSLATE_NOOP("Flotilla::RolloutsPage", "&Approve") },
    { "deny", RolloutEvent::Deny, QT_TRANSLATE_NOOP("Flotilla::RolloutsPage", "&Deny") },
    { "stop", RolloutEvent::Stop, QT_TRANSLATE_NOOP("Flotilla::RolloutsPage", "S&top") },
};
} // namespace

QStringList RolloutsPage::allowedCommands(const QString &status)
{
    QStringList allowed;
    for (int s = 0; s <= int(RolloutState::Finished); ++s) {
        if (nameOf(RolloutState(s)).toLower() != status)
            continue;
        for (const Command &c : commands) {
            if (RolloutStateMachine::allows(RolloutState(s), c.event))
                allowed << QLatin1StringView(c.name);
        }
    }
    return allowed;
}

RolloutsPage::RolloutsPage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_sets(sets)
    , m_model(new RolloutTableModel(connection, this))
    , m_groups(new RolloutGroupModel(connection, this))
    , m_view(makeTableView(m_model, this))
    , m_groupView(makeTableView(m_groups, this))
    , m_spans(new RolloutSpanModel(connection, this))
    , m_chart(new RolloutChart(*m_spans, this))
    , m_views(new QTabWidget(this))
    , m_trackHistory(new ActionHistoryModel(connection, this))
{
    setObjectName(u"rolloutsPage"_s);
    for (QTableView *v : { m_view, m_groupView })
        v->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setObjectName(u"rolloutView"_s);
    m_view->setAccessibleName(tr("Rollouts"));
    m_view->setColumnWidth(RolloutTableModel::Name, 200);
    m_view->setColumnWidth(RolloutTableModel::Set, 160);
    m_view->setColumnWidth(RolloutTableModel::Status, 150);
    m_groupView->setObjectName(u"groupView"_s);
    m_groupView->setAccessibleName(tr("Groups of the rollout"));
    m_groupView->setItemDelegateForColumn(RolloutGroupModel::Progress, new GroupProgressDelegate(m_groupView));
    m_groupView->setColumnWidth(RolloutGroupModel::Name, 140);
    m_groupView->setColumnWidth(RolloutGroupModel::Progress, 260);

    auto *buttons = new QHBoxLayout;
    auto *create = new QPushButton(tr("&New rollout…"), this);
    create->setObjectName(u"newRolloutButton"_s);
    connect(create, &QPushButton::clicked, this, &RolloutsPage::createRollout);
    buttons->addWidget(create);
    buttons->addSpacing(16);
    for (const Command &c : commands) {
        auto *b = new QPushButton(tr(c.label), this);
        const QString name = QLatin1StringView(c.name);
        b->setObjectName(name + u"Button"_s);
        b->setEnabled(false);
        connect(b, &QPushButton::clicked, this, [this, name] { sendCommand(name); });
        m_commands.insert(name, b);
        buttons->addWidget(b);
    }
    buttons->addStretch();

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    auto *details = new QSplitter(Qt::Horizontal, split);
    details->addWidget(m_groupView);
    m_views->setObjectName(u"rolloutViews"_s);
    m_views->addTab(m_chart, tr("Progress"));
    m_views->addTab(new QWidget(m_views), tr("Timeline")); // made when first shown: QML costs start-up time
    connect(m_views, &QTabWidget::currentChanged, this, [this](int i) {
        if (i == 1)
            ensureTimeline();
    });
    details->addWidget(m_views);
    details->setSizes({ 500, 500 });
    m_chart->setObjectName(u"rolloutChart"_s);
    split->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id = current.isValid() ? current.data(JsonListModel::IdRole).toLongLong() : 0;
                m_groups->setRollout(id);
                m_spans->setRollout(id);
                m_trackHistory->setAction({}, 0);
                updateButtons();
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RolloutsPage::updateButtons);
    connect(&m_sets, &ApiListModel::loaded, this, [this] { m_model->setSetNames(m_sets.names()); });
}

void RolloutsPage::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    const QStringList allowed
        = current.isValid() ? allowedCommands(current.data(RolloutTableModel::StatusRole).toString()) : QStringList();
    for (auto it = m_commands.cbegin(); it != m_commands.cend(); ++it)
        it.value()->setEnabled(allowed.contains(it.key()));
}

void RolloutsPage::createRollout()
{
    auto *dialog = new RolloutDialog(m_connection, m_sets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RolloutDialog::created, this, [this](qint64 id, bool startNow) {
        Q_EMIT message(tr("Rollout %1 created").arg(id));
        if (startNow)
            m_connection.api().post(u"/rollouts/%1/start"_s.arg(id), QJsonValue());
    });
    dialog->open();
}

void RolloutsPage::sendCommand(const QString &command)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(JsonListModel::IdRole).toLongLong();
    const QString name = current.siblingAtColumn(RolloutTableModel::Name).data().toString();
    if (command == u"stop"_s || command == u"deny"_s) {
        if (!confirmDestructive(this, tr("Rollout %1").arg(name),
                                command == u"stop"_s
                                    ? tr("Stop %1? Its open actions are canceled; it cannot be resumed.").arg(name)
                                    : tr("Deny %1? It can then never start.").arg(name),
                                command == u"stop"_s ? tr("Stop") : tr("Deny")))
            return;
    }
    ApiReply *reply = m_connection.api().post(u"/rollouts/%1/%2"_s.arg(id).arg(command), QJsonValue());
    connect(reply, &ApiReply::failed, this, [this, name, command](int, const QString &why) {
        QMessageBox::warning(this, tr("Rollout %1").arg(name), tr("%1 was refused: %2").arg(command, why));
    });
}

QQuickWidget *RolloutsPage::ensureTimeline()
{
    if (m_timeline)
        return m_timeline;
    m_timeline = new QQuickWidget(m_views);
    m_timeline->setObjectName(u"timelineWidget"_s);
    m_timeline->setAccessibleName(tr("Timeline of the rollout"));
    m_timeline->setResizeMode(QQuickWidget::SizeRootObjectToView);
    // Qt 6.8's QQuickWidget has no loadFromModule/initial properties: a component of its engine does it.
    auto *component = new QQmlComponent(m_timeline->engine(), m_timeline);
    component->loadFromModule(u"Flotilla.Timeline"_s, u"RolloutTimeline"_s);
    QObject *root = component->createWithInitialProperties(
        { { u"spans"_s, QVariant::fromValue(static_cast<QObject *>(m_spans)) },
          { u"history"_s, QVariant::fromValue(static_cast<QObject *>(m_trackHistory)) } });
    if (root) {
        m_timeline->setContent(QUrl(), component, root);
        connect(root, SIGNAL(actionSelected(double)), this, SLOT(showActionTrack(double)));
    } else {
        for (const QQmlError &e : component->errors())
            qWarning().noquote() << e.toString();
    }
    const auto thresholds = [this] {
        QVariantList list;
        for (int row = 0; row < m_groups->rowCount(); ++row)
            list << m_groups->rowAt(row).successThreshold;
        if (QQuickItem *item = m_timeline->rootObject())
            item->setProperty("thresholds", list);
    };
    connect(m_groups, &ApiListModel::loaded, m_timeline, thresholds);
    thresholds();
    const QSignalBlocker block(m_views);
    const int index = m_views->currentIndex();
    delete m_views->widget(1);
    m_views->insertTab(1, m_timeline, tr("Timeline"));
    m_views->setCurrentIndex(index);
    return m_timeline;
}

void RolloutsPage::showActionTrack(double actionId)
{
    const int row = m_spans->rowOf(qint64(actionId));
    if (row < 0)
        return;
    m_trackHistory->setAction(m_spans->rowAt(row).target, qint64(actionId));
}

} // namespace Flotilla
