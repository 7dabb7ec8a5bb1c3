#include "app/console/aboutdialog.h"

#include <ksyntaxhighlighting_version.h>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Flotilla {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Flotilla"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/flotilla/flotilla.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setText(QStringLiteral("<h2>Flotilla Console %1</h2><p>%2</p><p>%3</p>")
                      .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                           tr("Over-the-air software rollouts for device fleets.").toHtmlEscaped(),
                           versionText().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addSpacing(12);
    row->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString AboutDialog::versionText()
{
    return tr("Qt %1 (built with %2)\nKSyntaxHighlighting %3")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING));
}

} // namespace Flotilla
