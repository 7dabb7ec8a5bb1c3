#include "app/console/mainwindow.h"
#include "app/console/manifest/manifesteditor.h"
#include "app/console/pages/consentpage.h"
#include "app/console/pages/overviewpage.h"
#include "app/console/rehearsal.h"
#include "app/console/rehearsaldialog.h"

#include "app/console/aboutdialog.h"
#include "app/console/connectdevicedialog.h"
#include "app/console/connectdialog.h"
#include "app/console/consoleicons.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/pages/rolloutspage.h"
#include "app/console/pages/settingspage.h"
#include "app/console/pages/softwarepage.h"
#include "app/console/pages/targetspage.h"
#include "app/console/pagestack.h"
#include "app/console/serverconnection.h"
#include "app/console/welcomepage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_connection(new ServerConnection(this))
    , m_sets(new DistributionSetModel(*m_connection, this))
    , m_pages(new PageStack(this))
    , m_connectionLabel(new QLabel(this))
    , m_banner(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Flotilla Console"));
    setWindowIcon(QIcon(u":/flotilla/flotilla.svg"_s));

    m_banner->setObjectName(u"connectionBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(u"background: #fff3cd; color: #5c4400; border-bottom: 1px solid #e0c36c;"_s);
    m_banner->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_targets = new TargetsPage(*m_connection, *m_sets, m_pages);
    m_software = new SoftwarePage(*m_connection, *m_sets, m_pages);
    m_rollouts = new RolloutsPage(*m_connection, *m_sets, m_pages);
    m_consent = new ConsentPage(*m_connection, *m_sets, m_pages);
    m_manifests = new ManifestEditor(*m_connection, m_pages);
    m_settings = new SettingsPage(*m_connection, m_pages);
    // In ConsoleIcons::pageNames() order: the bundled icons, drawn in the palette's colours.
    auto *welcome = new WelcomePage(*m_connection, m_pages);
    connect(welcome, &WelcomePage::connectDeviceRequested, this, &MainWindow::showConnectDeviceDialog);
    m_overview = new OverviewPage(*m_connection, m_pages);
    m_pages->addPage({}, tr("Welcome"), welcome);
    m_pages->addPage({}, tr("Overview"), m_overview);
    m_pages->addPage({}, tr("Targets"), m_targets);
    m_pages->addPage({}, tr("Software"), m_software);
    m_pages->addPage({}, tr("Rollouts"), m_rollouts);
    m_pages->addPage({}, tr("Consent"), m_consent);
    m_pages->addPage({}, tr("Manifests"), m_manifests);
    m_pages->addPage({}, tr("Settings"), m_settings);
    updatePageIcons();
    // The overview's numbers lead to the pages that list what they count.
    connect(m_overview, &OverviewPage::targetsFilterRequested, this, [this](const QString &rsql) {
        m_targets->setFilter(rsql);
        m_pages->setCurrentPage(m_targets);
    });
    connect(m_overview, &OverviewPage::consentRequested, this, [this] { m_pages->setCurrentPage(m_consent); });
    connect(m_overview, &OverviewPage::rolloutsRequested, this, [this] { m_pages->setCurrentPage(m_rollouts); });
    connect(m_overview, &OverviewPage::fleetLoaded, this, [this] {
        if (!std::exchange(m_choosingStartPage, false))
            return;
        const int current = m_pages->currentIndex();
        if (current == 0 || current == m_pages->indexOf(m_overview))
            m_pages->setCurrentPage(m_overview->count(u"total"_s) > 0 ? static_cast<QWidget *>(m_overview)
                                                                      : m_pages->page(0));
    });
    connect(m_targets, &TargetsPage::message, this, &MainWindow::showMessage);
    connect(m_software, &SoftwarePage::message, this, &MainWindow::showMessage);
    connect(m_rollouts, &RolloutsPage::message, this, &MainWindow::showMessage);
    connect(m_consent, &ConsentPage::message, this, &MainWindow::showMessage);
    connect(m_settings, &SettingsPage::message, this, &MainWindow::showMessage);

    // Rehearsal mode, labelled in the status bar whenever simulated devices run.
    m_rehearsal = new Rehearsal(*m_connection, this);
    m_rehearsalLabel = new QLabel(this);
    m_rehearsalLabel->setObjectName(u"rehearsalLabel"_s);
    m_rehearsalLabel->setStyleSheet(u"QLabel { color: white; background: #8e24aa; padding: 1px 6px; }"_s);
    m_rehearsalLabel->hide();
    statusBar()->addPermanentWidget(m_rehearsalLabel);
    connect(m_rehearsal, &Rehearsal::started, this, [this](int count) {
        m_rehearsalLabel->setText(tr("Rehearsal: %n simulated device(s)", nullptr, count));
        m_rehearsalLabel->show();
    });
    connect(m_rehearsal, &Rehearsal::stopped, m_rehearsalLabel, &QWidget::hide);

    createMenus();

    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_connectionLabel->setAccessibleName(tr("Server connection"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    setConnectionText(tr("Not connected to a server"));

    connect(&m_connection->events(), &EventClient::stateChanged, this, [this](EventClient::State state) {
        if (state == EventClient::State::Reconnecting) {
            m_banner->setText(tr("The connection to %1 was lost. Reconnecting… what happens meanwhile is shown once "
                                 "it is back.")
                                  .arg(m_connection->url().toString()));
            m_banner->show();
        } else if (state == EventClient::State::Connected) {
            m_banner->hide();
        }
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::setConnectionText(const QString &text)
{
    m_connectionLabel->setText(text);
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::connectToServer(const ServerLogin &login, const QList<QSslCertificate> &trusted)
{
    m_connection->connectTo(login, trusted);
    setConnectionText(tr("Connected to %1").arg(login.url.toString()));
    m_settings->reload();
    // The first page once the server has targets is the Overview; an empty server keeps the Welcome checklist.
    m_choosingStartPage = true;
}

void MainWindow::setEmbeddedLogin(const ServerLogin &login)
{
    m_embedded = login;
    m_useEmbedded->setEnabled(login.isValid());
}

void MainWindow::showConnectDialog()
{
    auto *dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { connectToServer(dialog->login(), dialog->trustedCertificates()); });
    dialog->open();
}

ConnectDeviceDialog *MainWindow::showConnectDeviceDialog()
{
    // One at a time, not modal: the operator copies from it while setting up the device.
    if (!m_connectDevice) {
        m_connectDevice = new ConnectDeviceDialog(*m_connection, this);
        m_connectDevice->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_connectDevice->show();
    m_connectDevice->raise();
    return m_connectDevice;
}

RehearsalDialog *MainWindow::showRehearsalDialog()
{
    if (!m_rehearsalDialog) {
        m_rehearsalDialog = new RehearsalDialog(*m_rehearsal, this);
        m_rehearsalDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_rehearsalDialog->show();
    m_rehearsalDialog->raise();
    return m_rehearsalDialog;
}

void MainWindow::updatePageIcons()
{
    const QStringList names = ConsoleIcons::pageNames();
    for (int i = 0; i < m_pages->count() && i < names.size(); ++i)
        m_pages->setIcon(i, ConsoleIcons::page(names.at(i), palette()));
}

void MainWindow::changeEvent(QEvent *event)
{
    // Light to dark (or back): the page icons take the new palette's colours.
    if (event->type() == QEvent::PaletteChange)
        updatePageIcons();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, saveState());
    event->accept();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(QIcon::fromTheme(u"network-connect"_s), tr("&Connect to Server…"));
    connectAction->setObjectName(u"actionConnect"_s);
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(connectAction, &QAction::triggered, this, &MainWindow::showConnectDialog);
    QAction *connectDevice = file->addAction(tr("Connect a &Device…"));
    connectDevice->setObjectName(u"actionConnectDevice"_s);
    connectDevice->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(connectDevice, &QAction::triggered, this, &MainWindow::showConnectDeviceDialog);
    QAction *rehearse = file->addAction(tr("&Rehearse with Simulated Devices…"));
    rehearse->setObjectName(u"actionRehearse"_s);
    connect(rehearse, &QAction::triggered, this, &MainWindow::showRehearsalDialog);
    m_useEmbedded = file->addAction(tr("Use the &Embedded Server"));
    m_useEmbedded->setObjectName(u"actionUseEmbedded"_s);
    m_useEmbedded->setEnabled(false);
    connect(m_useEmbedded, &QAction::triggered, this, [this] {
        connectToServer(m_embedded);
        setConnectionText(tr("Embedded server"));
    });
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"));
    quit->setObjectName(u"actionQuit"_s);
    // Not every platform theme binds QKeySequence::Quit (offscreen, plain X11): Ctrl+Q everywhere.
    quit->setShortcuts(QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                           ? QList<QKeySequence> { QKeySequence(Qt::CTRL | Qt::Key_Q) }
                           : QKeySequence::keyBindings(QKeySequence::Quit));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList pageNames { tr("&Welcome"),  tr("&Overview"), tr("&Targets"),   tr("&Software"),
                                  tr("&Rollouts"), tr("&Consent"),  tr("&Manifests"), tr("S&ettings") };
    Q_ASSERT(pageNames.size() == m_pages->count());
    for (int i = 0; i < pageNames.size(); ++i) {
        QAction *go = view->addAction(pageNames.at(i));
        go->setObjectName(u"actionPage%1"_s.arg(i));
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_pages->setCurrentIndex(i); });
    }
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setObjectName(u"actionFullScreen"_s);
    fullScreen->setCheckable(true);
    fullScreen->setShortcuts(QKeySequence::keyBindings(QKeySequence::FullScreen).isEmpty()
                                 ? QList<QKeySequence> { QKeySequence(Qt::Key_F11) }
                                 : QKeySequence::keyBindings(QKeySequence::FullScreen));
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(QIcon::fromTheme(u"help-about"_s), tr("&About Flotilla"));
    about->setObjectName(u"actionAbout"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace Flotilla
