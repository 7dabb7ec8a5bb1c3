#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeView;

namespace Flotilla {

class ApiReply;
class DistributionSetModel;
class ServerConnection;
class SoftwareModuleModel;

// Software: modules with their artifacts (upload by drag and drop or a file dialog, with progress and cancel;
// hashes shown and copyable) and distribution sets composed from modules. Deleting says what depends on it.
class SoftwarePage : public QWidget
{
    Q_OBJECT
public:
    SoftwarePage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent = nullptr);

    SoftwareModuleModel *modules() const { return m_modules; }
    QTreeView *moduleView() const { return m_moduleView; }
    QTableView *setView() const { return m_setView; }
    bool isUploading() const { return m_upload; }

public Q_SLOTS:
    void createModule();
    void createSet();
    // Uploads files to the selected module (or the given one).
    void upload(const QStringList &files, qint64 moduleId = 0);
    void uploadWithDialog();
    void cancelUpload();
    void deleteSelectedModule();
    void deleteSelectedSet();
    void copySelectedHash();

Q_SIGNALS:
    void message(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    qint64 selectedModuleId() const;
    void uploadNext();
    void ensureType(const QString &path, const QJsonObject &type, std::function<void()> then);

    ServerConnection &m_connection;
    DistributionSetModel &m_sets;
    SoftwareModuleModel *m_modules;
    QTreeView *m_moduleView;
    QTableView *m_setView;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_uploadLabel;
    QPointer<ApiReply> m_upload;
    QStringList m_queue;
    qint64 m_uploadModule = 0;
};

} // namespace Flotilla
