#include "app/console/welcomepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Flotilla {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
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
    layout->addStretch(3);
}

} // namespace Flotilla
