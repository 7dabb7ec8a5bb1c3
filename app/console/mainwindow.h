#pragma once

#include "client/apiclient.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;

namespace Flotilla {

class ConnectDeviceDialog;
class Rehearsal;
class RehearsalDialog;
class ConsentPage;
class DistributionSetModel;
class ManifestEditor;
class OverviewPage;
class PageStack;
class RolloutsPage;
class ServerConnection;
class SettingsPage;
class SoftwarePage;
class TargetsPage;

// Composes the console's pages, menus and status bar around one ServerConnection. Pages do the work; the main
// window only arranges them, offers File → Connect, and shows a banner while the server is out of reach.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    PageStack *pages() const { return m_pages; }
    ServerConnection &connection() const { return *m_connection; }
    OverviewPage *overviewPage() const { return m_overview; }
    TargetsPage *targetsPage() const { return m_targets; }
    SoftwarePage *softwarePage() const { return m_software; }
    RolloutsPage *rolloutsPage() const { return m_rollouts; }
    SettingsPage *settingsPage() const { return m_settings; }
    ConsentPage *consentPage() const { return m_consent; }
    ManifestEditor *manifestEditor() const { return m_manifests; }
    DistributionSetModel *distributionSets() const { return m_sets; }

    void setConnectionText(const QString &text);
    // Talk to this server from now on (the embedded one, or one chosen in File → Connect).
    void connectToServer(const ServerLogin &login, const QList<QSslCertificate> &trusted = {});
    // The embedded server, when there is one: File → Use the embedded server returns to it.
    void setEmbeddedLogin(const ServerLogin &login);

public Q_SLOTS:
    void showConnectDialog();
    // File → Connect a Device… and the Welcome page's button; the dialog stays open beside the window.
    ConnectDeviceDialog *showConnectDeviceDialog();
    // File → Rehearse with Simulated Devices… (one, not modal).
    RehearsalDialog *showRehearsalDialog();
    Rehearsal *rehearsal() const { return m_rehearsal; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void updatePageIcons();
    QPointer<ConnectDeviceDialog> m_connectDevice;
    Rehearsal *m_rehearsal = nullptr;
    QPointer<RehearsalDialog> m_rehearsalDialog;
    QLabel *m_rehearsalLabel = nullptr;
    void showAbout();
    void showMessage(const QString &text);

    ServerConnection *m_connection;
    DistributionSetModel *m_sets;
    PageStack *m_pages = nullptr;
    OverviewPage *m_overview = nullptr;
    TargetsPage *m_targets = nullptr;
    SoftwarePage *m_software = nullptr;
    RolloutsPage *m_rollouts = nullptr;
    SettingsPage *m_settings = nullptr;
    ConsentPage *m_consent = nullptr;
    ManifestEditor *m_manifests = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_banner = nullptr;
    ServerLogin m_embedded;
    QAction *m_useEmbedded = nullptr;
    bool m_choosingStartPage = false; // after a connect: Overview once the server has targets, else Welcome
};

} // namespace Flotilla
