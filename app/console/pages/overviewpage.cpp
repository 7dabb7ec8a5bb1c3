#include "app/console/pages/overviewpage.h"
#include "app/console/models/errorsummarymodel.h"
#include "app/console/models/rolloutsinflightmodel.h"
#include "app/console/pages/fleetchart.h"
#include "app/console/pages/groupprogressdelegate.h"
#include "app/console/serverconnection.h"
#include "app/console/statusstyle.h"
#include "app/console/tableview.h"
#include "qml/style/statuslabels.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
enum Card { FleetCard = 1, ConsentCard = 2, RolloutsCard = 4, ErrorsCard = 8, AllCards = 15 };

QTableView *cardTable(QAbstractItemModel *model, const QString &name, const QString &accessibleName, QWidget *parent)
{
    QTableView *view = makeTableView(model, parent);
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setShowGrid(false);
    view->setTabKeyNavigation(false);
    return view;
}
} // namespace

OverviewPage::OverviewPage(ServerConnection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_chart(new FleetChart(this))
    , m_rollouts(new RolloutsInFlightModel(connection, this))
    , m_errors(new ErrorSummaryModel(connection, 24, 10, this))
    , m_consentText(new QLabel(this))
    , m_overdueHint(new QLabel(this))
    , m_fleetRefresh(new QTimer(this))
    , m_consentRefresh(new QTimer(this))
    , m_nextOverdue(new QTimer(this))
{
    setObjectName(u"overviewPage"_s);

    // The fleet: the chart, and a button per state (what the keyboard and a screen reader use).
    auto *fleet = new QGroupBox(tr("Fleet"), this);
    auto *states = new QVBoxLayout;
    for (const QString &state : FleetChart::states())
        states->addWidget(numberButton(state, StatusStyle::targetIcon(state)));
    states->addStretch(1);
    auto *fleetLayout = new QHBoxLayout(fleet);
    fleetLayout->addWidget(m_chart, 1);
    fleetLayout->addLayout(states);
    connect(m_chart, &FleetChart::stateClicked, this, &OverviewPage::openFilter);

    // Devices that need a look: overdue, never seen.
    auto *attention = new QGroupBox(tr("Devices"), this);
    auto *attentionLayout = new QVBoxLayout(attention);
    attentionLayout->addWidget(numberButton(u"overdue"_s));
    m_overdueHint->setObjectName(u"overdueHint"_s);
    m_overdueHint->setWordWrap(true);
    attentionLayout->addWidget(m_overdueHint);
    attentionLayout->addWidget(numberButton(u"neverSeen"_s));
    attentionLayout->addStretch(1);

    // Consent.
    auto *consent = new QGroupBox(tr("Consent"), this);
    auto *consentLayout = new QVBoxLayout(consent);
    m_consentText->setObjectName(u"consentText"_s);
    m_consentText->setWordWrap(true);
    consentLayout->addWidget(m_consentText);
    QPushButton *review = numberButton(u"consent"_s);
    review->setText(tr("Review on the Consent page"));
    consentLayout->addWidget(review);
    consentLayout->addStretch(1);

    // Rollouts in flight and the top errors: tables, activated (Enter, double-click) to go there.
    auto *rollouts = new QGroupBox(tr("Rollouts in flight"), this);
    m_rolloutView = cardTable(m_rollouts, u"rolloutsInFlight"_s, tr("Rollouts in flight"), rollouts);
    m_rolloutView->setItemDelegateForColumn(RolloutsInFlightModel::Progress, new GroupProgressDelegate(m_rolloutView));
    m_rolloutView->horizontalHeader()->resizeSection(RolloutsInFlightModel::Name, 180);
    m_rolloutView->horizontalHeader()->resizeSection(RolloutsInFlightModel::Progress, 200);
    auto *rolloutsLayout = new QVBoxLayout(rollouts);
    rolloutsLayout->addWidget(m_rolloutView);
    rolloutsLayout->addWidget(failureLabel(m_rollouts, u"rolloutsInFlightFailure"_s, RolloutsCard));
    connect(m_rolloutView, &QAbstractItemView::activated, this, &OverviewPage::rolloutsRequested);

    auto *errors = new QGroupBox(tr("Most frequent errors, last 24 hours"), this);
    m_errorView = cardTable(m_errors, u"topErrors"_s, tr("Most frequent errors of the last 24 hours"), errors);
    m_errorView->horizontalHeader()->setSectionResizeMode(ErrorSummaryModel::Message, QHeaderView::Stretch);
    m_errorView->horizontalHeader()->setStretchLastSection(false);
    auto *errorsLayout = new QVBoxLayout(errors);
    errorsLayout->addWidget(m_errorView);
    errorsLayout->addWidget(failureLabel(m_errors, u"topErrorsFailure"_s, ErrorsCard));
    connect(m_errorView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString filter = index.data(ErrorSummaryModel::FilterRole).toString();
        if (!filter.isEmpty())
            Q_EMIT targetsFilterRequested(filter);
    });

    auto *grid = new QGridLayout(this);
    grid->addWidget(fleet, 0, 0, 2, 1);
    grid->addWidget(attention, 0, 1);
    grid->addWidget(consent, 1, 1);
    grid->addWidget(rollouts, 2, 0, 1, 2);
    grid->addWidget(errors, 3, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setRowStretch(2, 1);
    grid->setRowStretch(3, 1);

    // Live: an event marks a card stale; a burst costs one request per card.
    m_fleetRefresh->setSingleShot(true);
    m_fleetRefresh->setInterval(1000);
    connect(m_fleetRefresh, &QTimer::timeout, this, &OverviewPage::refreshFleet);
    m_consentRefresh->setSingleShot(true);
    m_consentRefresh->setInterval(1000);
    connect(m_consentRefresh, &QTimer::timeout, this, &OverviewPage::refreshConsent);
    m_nextOverdue->setSingleShot(true);
    connect(m_nextOverdue, &QTimer::timeout, this, &OverviewPage::fleetChanged);
    connect(&m_connection, &ServerConnection::event, this, [this](const QString &type) {
        if (type.startsWith(u"target."_s))
            fleetChanged();
        if (type.startsWith(u"action."_s) && !m_consentRefresh->isActive())
            m_consentRefresh->start();
    });
    connect(m_rollouts, &ApiListModel::loaded, this, [this] { cardLoaded(RolloutsCard); });
    connect(m_errors, &ApiListModel::loaded, this, [this] { cardLoaded(ErrorsCard); });
    auto all = [this] {
        ++m_generation;
        m_pendingCards = AllCards;
        refreshFleet();
        refreshConsent();
    };
    connect(&m_connection, &ServerConnection::serverChanged, this, all);
    connect(&m_connection, &ServerConnection::resyncNeeded, this, all);
    for (const QString &key : FleetChart::states())
        setNumber(key, -1, StatusLabels::target(key), {});
    all();
}

QPushButton *OverviewPage::numberButton(const QString &key, const QIcon &icon)
{
    auto *button = new QPushButton(icon, QString(), this);
    button->setObjectName(u"overview-"_s + key);
    // Flat and as wide as its text (left in its card); no style sheet, so it follows palette changes.
    button->setFlat(true);
    button->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    button->setEnabled(false);
    connect(button, &QPushButton::clicked, this, [this, key] {
        if (key == u"consent"_s)
            Q_EMIT consentRequested();
        else
            openFilter(key);
    });
    m_buttons.insert(key, button);
    return button;
}

void OverviewPage::setNumber(const QString &key, qint64 value, const QString &text, const QString &accessible)
{
    if (value >= 0)
        m_counts.insert(key, value);
    else
        m_counts.remove(key);
    QPushButton *button = m_buttons.value(key);
    if (!button)
        return;
    if (key != u"consent"_s)
        button->setText(value >= 0 ? u"%1  %2"_s.arg(QLocale().toString(value), text) : u"–  "_s + text);
    button->setAccessibleName(accessible.isEmpty() ? text : accessible);
    button->setEnabled(value > 0);
}

void OverviewPage::openFilter(const QString &key)
{
    const QString filter = m_filters.value(key);
    if (!filter.isEmpty())
        Q_EMIT targetsFilterRequested(filter);
}

void OverviewPage::fleetChanged()
{
    if (!isVisible())
        m_fleetStale = true;
    else if (!m_fleetRefresh->isActive())
        m_fleetRefresh->start();
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_fleetStale, false))
        refreshFleet();
}

void OverviewPage::refreshFleet()
{
    m_fleetRefresh->stop();
    if (!m_connection.isOpen())
        return;
    const quint64 generation = m_generation;
    ApiReply *reply = m_connection.api().get(u"/overview/targets"_s);
    connect(reply, &ApiReply::finished, this, [this, generation](const QJsonDocument &body) {
        if (generation != m_generation)
            return;
        Mgmt::DecodeError error;
        const std::optional<Mgmt::MgmtFleetOverview> fleet = Mgmt::MgmtFleetOverview::fromJson(body.object(), &error);
        if (!fleet)
            return showFleetError(tr("The server sent counts the console cannot read: %1").arg(error.message));
        showFleet(*fleet);
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &why) {
        if (generation == m_generation)
            showFleetError(tr("Could not count the fleet: %1").arg(why));
    });
}

void OverviewPage::showFleet(const Mgmt::MgmtFleetOverview &o)
{
    m_filters.clear();
    for (auto it = o.filters.cbegin(); it != o.filters.cend(); ++it)
        m_filters.insert(it.key(), it.value());
    QHash<QString, qint64> counts;
    for (const QString &state : FleetChart::states()) {
        const qint64 n = o.updateStatus.value(state);
        counts.insert(state, n);
        const QString label = StatusLabels::target(state);
        setNumber(state, n, label,
                  tr("%1: %2 targets. Show them on the Targets page").arg(label, QLocale().toString(n)));
    }
    m_chart->setCounts(counts);
    m_counts.insert(u"total"_s, o.total);

    const qint64 overdue = o.overdue;
    const qint64 neverSeen = o.neverSeen;
    setNumber(u"overdue"_s, overdue, tr("overdue: no poll within the polling and overdue time"),
              tr("%1 targets overdue. Show them on the Targets page").arg(overdue));
    setNumber(u"neverSeen"_s, neverSeen, tr("never seen: created, never polled"),
              tr("%1 targets never seen. Show them on the Targets page").arg(neverSeen));
    m_buttons.value(u"overdue"_s)->setIcon(StatusStyle::actionIcon(overdue ? u"warning"_s : u"finished"_s));
    m_buttons.value(u"neverSeen"_s)->setIcon(StatusStyle::targetIcon(u"unknown"_s));

    // No event says that a device fell silent: wake when the next one would turn overdue.
    m_nextOverdue->stop();
    m_overdueHint->clear();
    if (o.nextOverdueAt) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(*o.nextOverdueAt);
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(at);
        m_nextOverdue->start(int(std::clamp<qint64>(ms + 1000, 1000, 24 * 3600 * 1000)));
        m_overdueHint->setText(tr("Next device turns overdue at %1 unless it polls")
                                   .arg(QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat)));
    }
    Q_EMIT fleetLoaded();
    cardLoaded(FleetCard);
}

QLabel *OverviewPage::failureLabel(ApiListModel *model, const QString &name, int card)
{
    // Why a card's table is empty when it could not be loaded; hidden while it loads fine.
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #c62828"_s);
    label->hide();
    connect(model, &ApiListModel::loaded, label, &QLabel::hide);
    connect(model, &ApiListModel::loadFailed, this, [this, label, card](const QString &why) {
        label->setText(tr("Could not load this card: %1").arg(why));
        label->show();
        cardLoaded(card);
    });
    return label;
}

void OverviewPage::showFleetError(const QString &message)
{
    m_nextOverdue->stop();
    m_overdueHint->setText(message);
    cardLoaded(FleetCard);
}

void OverviewPage::cardLoaded(int card)
{
    if (!(m_pendingCards & card))
        return;
    m_pendingCards &= ~card;
    if (m_pendingCards == 0)
        Q_EMIT loaded();
}

void OverviewPage::refreshConsent()
{
    m_consentRefresh->stop();
    if (!m_connection.isOpen())
        return;
    const quint64 generation = m_generation;
    QUrlQuery query;
    query.addQueryItem(u"q"_s, u"status==wait_for_confirmation"_s);
    query.addQueryItem(u"limit"_s, u"1"_s);
    ApiReply *reply = m_connection.api().get(u"/actions"_s, query);
    connect(reply, &ApiReply::finished, this, [this, generation](const QJsonDocument &body) {
        if (generation != m_generation)
            return;
        const qint64 waiting = body.object().value("total"_L1).toInteger();
        // Whole sentences per number, not "action(s)": English has no plural forms file to fill them in.
        m_consentText->setText(waiting == 0 ? tr("No action waits for consent.")
                                   : waiting == 1
                                   ? tr("One action waits for a device's consent.")
                                   : tr("%1 actions wait for a device's consent.").arg(QLocale().toString(waiting)));
        setNumber(u"consent"_s, waiting, {},
                  tr("Actions waiting for consent: %1. Review them on the Consent page").arg(waiting));
        Q_EMIT consentLoaded();
        cardLoaded(ConsentCard);
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &why) {
        if (generation != m_generation)
            return;
        m_consentText->setText(tr("Could not count the actions waiting for consent: %1").arg(why));
        cardLoaded(ConsentCard);
    });
}

} // namespace Flotilla
