#include "app/console/welcomepage.h"

#include "app/console/serverconnection.h"

#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

WelcomePage::WelcomePage(ServerConnection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/flotilla/flotilla.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignHCenter);

    auto *title = new QLabel(tr("Welcome to Flotilla"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignHCenter);

    auto *text = new QLabel(tr("Over-the-air software rollouts for device fleets.\n"
                               "Devices speak the hawkBit DDI API; this console manages targets, software, "
                               "deployments and rollouts."),
                            this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    text->setFixedWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(12);
    layout->addWidget(title);
    layout->addSpacing(8);
    // Centred by stretches, not an alignment flag: a layout item with an alignment ignores heightForWidth, which
    // clips word-wrapped text.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(text);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addSpacing(16);
    auto *connectDevice = new QPushButton(tr("Connect a Device…"), this);
    connectDevice->setObjectName(QStringLiteral("connectDeviceButton"));
    connectDevice->setDefault(true);
    connect(connectDevice, &QPushButton::clicked, this, &WelcomePage::connectDeviceRequested);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(connectDevice);
    buttonRow->addStretch(1);
    layout->addLayout(buttonRow);
    layout->addSpacing(16);

    m_texts[ServerReachable] = tr("The server is running and reachable");
    m_texts[DeviceConnected] = tr("A device has connected (polled)");
    m_texts[SoftwareUploaded] = tr("Software is uploaded (a software module)");
    m_texts[FirstDeployment] = tr("A first deployment is made");
    auto *checklist = new QVBoxLayout;
    for (int i = 0; i < StepCount; ++i) {
        m_steps[i] = new QLabel(this);
        m_steps[i]->setObjectName(u"welcomeStep%1"_s.arg(i));
        checklist->addWidget(m_steps[i]);
        setDone(Step(i), false);
    }
    auto *checklistRow = new QHBoxLayout;
    checklistRow->addStretch(1);
    checklistRow->addLayout(checklist);
    checklistRow->addStretch(1);
    layout->addLayout(checklistRow);
    layout->addStretch(3);

    // Events come in bursts (a rollout creates thousands of actions): one refresh per half second at most.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(500);
    connect(m_refresh, &QTimer::timeout, this, [this] { refresh(false); });
    connect(&m_connection, &ServerConnection::serverChanged, this, [this] { refresh(true); });
    connect(&m_connection, &ServerConnection::resyncNeeded, this, [this] { refresh(true); });
    connect(&m_connection, &ServerConnection::event, this, [this](const QString &type) {
        // Only an event that could tick a step not yet ticked asks again: once a device has connected, a fleet's
        // steady polling (target.polled) costs no request at all.
        Step step = StepCount;
        if (type.startsWith(u"target."_s))
            step = DeviceConnected;
        else if (type.startsWith(u"action."_s))
            step = FirstDeployment;
        else if (type.startsWith(u"repository."_s) || type.startsWith(u"artifact."_s))
            step = SoftwareUploaded;
        if (step != StepCount && !m_done[step] && !m_refresh->isActive())
            m_refresh->start();
    });
    refresh(true);
}

void WelcomePage::setDone(Step step, bool done)
{
    const bool changed = m_done[step] != done;
    m_done[step] = done;
    // A tick or an empty box, not colour alone; the accessible name says which.
    m_steps[step]->setText((done ? u"\u2611  "_s : u"\u2610  "_s) + m_texts[step]);
    m_steps[step]->setAccessibleName(m_texts[step] + u": "_s + (done ? tr("done") : tr("not yet")));
    if (changed)
        Q_EMIT checklistChanged();
}

void WelcomePage::check(Step step, const QString &path, const QString &rsql)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"1"_s);
    if (!rsql.isEmpty())
        query.addQueryItem(u"q"_s, rsql);
    ApiReply *reply = m_connection.api().get(path, query);
    connect(reply, &ApiReply::finished, this, [this, step](const QJsonDocument &body) {
        setDone(step, body.object().value("total"_L1).toInteger() > 0);
        if (step != ServerReachable)
            setDone(ServerReachable, true);
    });
    connect(reply, &ApiReply::failed, this, [this, step](int status) {
        setDone(step, false);
        if (status == 0)
            setDone(ServerReachable, false);
    });
}

void WelcomePage::refresh(bool everyStep)
{
    if (!m_connection.isOpen()) {
        for (int i = 0; i < StepCount; ++i)
            setDone(Step(i), false);
        return;
    }
    // A target that has polled is no longer "unknown" (never seen).
    if (everyStep || !m_done[DeviceConnected])
        check(DeviceConnected, u"/targets"_s, u"updateStatus=out=(unknown)"_s);
    if (everyStep || !m_done[SoftwareUploaded])
        check(SoftwareUploaded, u"/softwaremodules"_s);
    if (everyStep || !m_done[FirstDeployment])
        check(FirstDeployment, u"/actions"_s);
}

} // namespace Flotilla
