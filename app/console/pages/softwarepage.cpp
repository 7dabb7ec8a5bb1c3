#include "app/console/pages/softwarepage.h"
#include "app/console/confirm.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/models/softwaremodulemodel.h"
#include "app/console/pages/modulesetdialog.h"
#include "app/console/serverconnection.h"
#include "proto/mgmt/mgmttypes.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

SoftwarePage::SoftwarePage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_sets(sets)
    , m_modules(new SoftwareModuleModel(connection, this))
    , m_moduleView(new QTreeView(this))
    , m_setView(new QTableView(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel upload"), this))
    , m_uploadLabel(new QLabel(this))
{
    setObjectName(u"softwarePage"_s);
    setAcceptDrops(true);
    m_moduleView->setObjectName(u"moduleView"_s);
    m_moduleView->setAccessibleName(tr("Software modules and their artifacts"));
    m_moduleView->setModel(m_modules);
    m_moduleView->setAlternatingRowColors(true);
    m_moduleView->setColumnWidth(SoftwareModuleModel::Name, 220);
    m_moduleView->setColumnWidth(SoftwareModuleModel::Version, 80);
    m_moduleView->setColumnWidth(SoftwareModuleModel::Type, 80);
    m_moduleView->setColumnWidth(SoftwareModuleModel::Size, 90);
    m_moduleView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy SHA-256"), m_moduleView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &SoftwarePage::copySelectedHash);
    m_moduleView->addAction(copy);

    m_setView->setObjectName(u"setView"_s);
    m_setView->setAccessibleName(tr("Distribution sets"));
    m_setView->setModel(&sets);
    m_setView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_setView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_setView->verticalHeader()->hide();
    m_setView->horizontalHeader()->setStretchLastSection(true);
    m_setView->setColumnWidth(DistributionSetModel::Modules, 260);

    m_progress->setObjectName(u"uploadProgress"_s);
    m_progress->setAccessibleName(tr("Upload progress"));
    m_cancel->setObjectName(u"cancelUploadButton"_s);
    m_progress->hide();
    m_cancel->hide();
    m_uploadLabel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &SoftwarePage::cancelUpload);

    auto button = [this](const QString &text, const QString &name, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *moduleButtons = new QHBoxLayout;
    moduleButtons->addWidget(button(tr("New &module…"), u"newModuleButton"_s, &SoftwarePage::createModule));
    moduleButtons->addWidget(button(tr("&Upload artifacts…"), u"uploadButton"_s, &SoftwarePage::uploadWithDialog));
    moduleButtons->addWidget(button(tr("Delete…"), u"deleteModuleButton"_s, &SoftwarePage::deleteSelectedModule));
    moduleButtons->addStretch();
    auto *hint = new QLabel(tr("Drop files on this page to upload them to the selected module."), this);
    hint->setEnabled(false);
    moduleButtons->addWidget(hint);
    auto *uploadRow = new QHBoxLayout;
    uploadRow->addWidget(m_uploadLabel);
    uploadRow->addWidget(m_progress, 1);
    uploadRow->addWidget(m_cancel);

    auto *moduleBox = new QGroupBox(tr("Software modules"), this);
    auto *moduleLayout = new QVBoxLayout(moduleBox);
    moduleLayout->addLayout(moduleButtons);
    moduleLayout->addWidget(m_moduleView);
    moduleLayout->addLayout(uploadRow);

    auto *setButtons = new QHBoxLayout;
    setButtons->addWidget(button(tr("New &distribution set…"), u"newSetButton"_s, &SoftwarePage::createSet));
    setButtons->addWidget(button(tr("Delete…"), u"deleteSetButton"_s, &SoftwarePage::deleteSelectedSet));
    setButtons->addStretch();
    auto *setBox = new QGroupBox(tr("Distribution sets"), this);
    auto *setLayout = new QVBoxLayout(setBox);
    setLayout->addLayout(setButtons);
    setLayout->addWidget(m_setView);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(moduleBox);
    split->addWidget(setBox);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

qint64 SoftwarePage::selectedModuleId() const
{
    const QModelIndex current = m_moduleView->currentIndex();
    return current.isValid() ? current.data(SoftwareModuleModel::ModuleIdRole).toLongLong() : 0;
}

void SoftwarePage::ensureType(const QString &path, const QJsonObject &type, std::function<void()> then)
{
    // Creating a type that exists answers 409, which is fine here: either way it is there afterwards.
    ApiReply *reply = m_connection.api().post(path, QJsonArray { type });
    connect(reply, &ApiReply::finished, this, then);
    connect(reply, &ApiReply::failed, this, [this, then](int status, const QString &why) {
        if (status == 409)
            return then();
        QMessageBox::warning(this, tr("Type"), tr("The type was not created: %1").arg(why));
    });
}

void SoftwarePage::createModule()
{
    ModuleDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Mgmt::MgmtSoftwareModuleRequestBodyPost module = dialog.module();
    const QString type = module.type;
    Mgmt::MgmtSoftwareModuleTypeRequestBodyPost moduleType;
    moduleType.key = type;
    moduleType.name = type;
    ensureType(u"/softwaremoduletypes"_s, moduleType.toJson(), [this, module] {
        ApiReply *reply = m_connection.api().post(u"/softwaremodules"_s, QJsonArray { module.toJson() });
        connect(reply, &ApiReply::finished, this,
                [this, module] { Q_EMIT message(tr("Module %1 %2 created").arg(module.name, module.version)); });
        connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
            QMessageBox::warning(this, tr("New module"), tr("The module was not created: %1").arg(why));
        });
    });
}

void SoftwarePage::createSet()
{
    SetDialog dialog(m_modules->modules(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Mgmt::MgmtDistributionSetRequestBodyPost set = dialog.set();
    Mgmt::MgmtDistributionSetTypeRequestBodyPost type;
    type.key = set.type;
    type.name = set.type;
    for (const QString &key : dialog.moduleTypes())
        type.mandatorymodules.append(Mgmt::MgmtTypeRef { std::nullopt, key });
    ensureType(u"/distributionsettypes"_s, type.toJson(), [this, set] {
        ApiReply *reply = m_connection.api().post(u"/distributionsets"_s, QJsonArray { set.toJson() });
        connect(reply, &ApiReply::finished, this,
                [this, set] { Q_EMIT message(tr("Distribution set %1 %2 created").arg(set.name, set.version)); });
        connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
            QMessageBox::warning(this, tr("New distribution set"), tr("The set was not created: %1").arg(why));
        });
    });
}

void SoftwarePage::uploadWithDialog()
{
    if (!selectedModuleId()) {
        QMessageBox::information(this, tr("Upload"), tr("Select the module the files belong to first."));
        return;
    }
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Upload artifacts"));
    if (!files.isEmpty())
        upload(files);
}

void SoftwarePage::upload(const QStringList &files, qint64 moduleId)
{
    if (!moduleId)
        moduleId = selectedModuleId();
    if (!moduleId || files.isEmpty() || m_upload)
        return;
    m_uploadModule = moduleId;
    m_queue = files;
    uploadNext();
}

void SoftwarePage::uploadNext()
{
    if (m_queue.isEmpty()) {
        m_progress->hide();
        m_cancel->hide();
        m_uploadLabel->hide();
        return;
    }
    const QString file = m_queue.takeFirst();
    m_uploadLabel->setText(tr("Uploading %1").arg(QFileInfo(file).fileName()));
    m_uploadLabel->show();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_upload = m_connection.api().upload(u"/softwaremodules/%1/artifacts"_s.arg(m_uploadModule), file);
    connect(m_upload, &ApiReply::progress, this, [this](qint64 done, qint64 total) {
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(done * 1000 / total));
        }
    });
    connect(m_upload, &ApiReply::finished, this, [this, file](const QJsonDocument &answer) {
        Q_EMIT message(tr("%1 uploaded (SHA-256 %2)")
                           .arg(QFileInfo(file).fileName(),
                                answer.object().value("hashes"_L1).toObject().value("sha256"_L1).toString()));
        m_upload = nullptr;
        uploadNext();
    });
    connect(m_upload, &ApiReply::failed, this, [this, file](int, const QString &why) {
        const bool canceled = m_upload && m_upload->wasCanceled();
        m_upload = nullptr;
        if (canceled) {
            m_queue.clear();
        } else {
            QMessageBox::warning(this, tr("Upload"),
                                 tr("%1 was not uploaded: %2").arg(QFileInfo(file).fileName(), why));
        }
        uploadNext();
    });
}

void SoftwarePage::cancelUpload()
{
    m_queue.clear();
    if (m_upload)
        m_upload->abort();
    Q_EMIT message(tr("Upload canceled"));
}

void SoftwarePage::deleteSelectedModule()
{
    const QModelIndex current = m_moduleView->currentIndex();
    if (!current.isValid())
        return;
    const bool artifact = current.data(SoftwareModuleModel::IsArtifactRole).toBool();
    const QString name = current.siblingAtColumn(0).data().toString();
    const QString path = artifact
        ? u"/softwaremodules/%1/artifacts/%2"_s.arg(current.data(SoftwareModuleModel::ModuleIdRole).toLongLong())
              .arg(current.data(SoftwareModuleModel::IdRole).toLongLong())
        : u"/softwaremodules/%1"_s.arg(current.data(SoftwareModuleModel::IdRole).toLongLong());
    if (!confirmDestructive(
            this, tr("Delete"),
            artifact ? tr("Delete the artifact %1? Devices that still need it can no longer download it.").arg(name)
                     : tr("Delete the module %1 and its artifacts? A module that a distribution set uses "
                          "cannot be deleted; the server will say which sets use it.")
                           .arg(name),
            tr("Delete")))
        return;
    ApiReply *reply = m_connection.api().remove(path);
    connect(reply, &ApiReply::failed, this, [this, name](int, const QString &why) {
        QMessageBox::warning(this, tr("Delete"), tr("%1 was not deleted: %2").arg(name, why));
    });
}

void SoftwarePage::deleteSelectedSet()
{
    const QModelIndex current = m_setView->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(JsonListModel::IdRole).toLongLong();
    const QString name = current.data(DistributionSetModel::DisplayNameRole).toString();
    if (!confirmDestructive(
            this, tr("Delete"),
            tr("Delete the distribution set %1? A set that targets run, or that actions or rollouts use, "
               "cannot be deleted; the server will say what uses it.")
                .arg(name),
            tr("Delete")))
        return;
    ApiReply *reply = m_connection.api().remove(u"/distributionsets/%1"_s.arg(id));
    connect(reply, &ApiReply::failed, this, [this, name](int, const QString &why) {
        QMessageBox::warning(this, tr("Delete"), tr("%1 was not deleted: %2").arg(name, why));
    });
}

void SoftwarePage::copySelectedHash()
{
    const QModelIndex current = m_moduleView->currentIndex();
    if (current.isValid() && current.data(SoftwareModuleModel::IsArtifactRole).toBool()) {
        QApplication::clipboard()->setText(
            current.data(SoftwareModuleModel::HashesRole).toMap().value(u"sha256"_s).toString());
        Q_EMIT message(tr("SHA-256 copied"));
    }
}

void SoftwarePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void SoftwarePage::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    }
    if (files.isEmpty())
        return;
    if (!selectedModuleId()) {
        QMessageBox::information(this, tr("Upload"), tr("Select the module the files belong to first."));
        return;
    }
    event->acceptProposedAction();
    upload(files);
}

} // namespace Flotilla
