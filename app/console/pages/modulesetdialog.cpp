#include "app/console/pages/modulesetdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

ModuleDialog::ModuleDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_vendor(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"moduleDialog"_s);
    setWindowTitle(tr("New software module"));
    m_name->setObjectName(u"moduleName"_s);
    m_version->setObjectName(u"moduleVersion"_s);
    m_type->setObjectName(u"moduleType"_s);
    m_type->setEditable(true);
    m_type->addItems({ u"os"_s, u"application"_s, u"firmware"_s });
    m_type->setToolTip(tr("A type key; a new one is created with the module"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Vendor:"), m_vendor);
    form->addRow(tr("Description:"), m_description);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ModuleDialog::validate);
    connect(m_version, &QLineEdit::textChanged, this, &ModuleDialog::validate);
    connect(m_type, &QComboBox::currentTextChanged, this, &ModuleDialog::validate);
    validate();
}

void ModuleDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().trimmed().isEmpty() && !m_version->text().trimmed().isEmpty()
                     && !m_type->currentText().trimmed().isEmpty());
}

QJsonObject ModuleDialog::module() const
{
    return { { "name"_L1, m_name->text().trimmed() },
             { "version"_L1, m_version->text().trimmed() },
             { "type"_L1, m_type->currentText().trimmed() },
             { "vendor"_L1, m_vendor->text().trimmed() },
             { "description"_L1, m_description->text().trimmed() } };
}

SetDialog::SetDialog(const QList<QJsonObject> &modules, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_type(new QLineEdit(this))
    , m_modules(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"setDialog"_s);
    setWindowTitle(tr("New distribution set"));
    m_name->setObjectName(u"setName"_s);
    m_version->setObjectName(u"setVersion"_s);
    m_type->setObjectName(u"setType"_s);
    m_type->setText(u"firmware"_s);
    m_type->setToolTip(tr("A set type key; a new one is created requiring the chosen modules' types"));
    m_modules->setObjectName(u"setModules"_s);
    m_modules->setAccessibleName(tr("Modules in the set"));
    for (const QJsonObject &m : modules) {
        auto *item = new QListWidgetItem(
            tr("%1 %2 (%3)")
                .arg(m.value("name"_L1).toString(), m.value("version"_L1).toString(), m.value("type"_L1).toString()),
            m_modules);
        item->setData(Qt::UserRole, m.value("id"_L1).toInteger());
        item->setData(Qt::UserRole + 1, m.value("type"_L1).toString());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Version:"), m_version);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Modules:"), m_modules);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SetDialog::validate);
    connect(m_version, &QLineEdit::textChanged, this, &SetDialog::validate);
    connect(m_modules, &QListWidget::itemChanged, this, &SetDialog::validate);
    validate();
}

void SetDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().trimmed().isEmpty() && !m_version->text().trimmed().isEmpty()
                     && !moduleTypes().isEmpty());
}

QJsonArray SetDialog::moduleTypes() const
{
    QJsonArray types;
    for (int i = 0; i < m_modules->count(); ++i) {
        const QListWidgetItem *item = m_modules->item(i);
        if (item->checkState() == Qt::Checked && !types.contains(item->data(Qt::UserRole + 1).toString()))
            types.append(item->data(Qt::UserRole + 1).toString());
    }
    return types;
}

QJsonObject SetDialog::set() const
{
    QJsonArray modules;
    for (int i = 0; i < m_modules->count(); ++i) {
        const QListWidgetItem *item = m_modules->item(i);
        if (item->checkState() == Qt::Checked)
            modules.append(QJsonObject { { "id"_L1, item->data(Qt::UserRole).toLongLong() } });
    }
    return { { "name"_L1, m_name->text().trimmed() },
             { "version"_L1, m_version->text().trimmed() },
             { "type"_L1, m_type->text().trimmed() },
             { "modules"_L1, modules } };
}

} // namespace Flotilla
