#pragma once

#include <QWidget>

namespace Flotilla {

// The first page an operator sees: what Flotilla is and where to start.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

Q_SIGNALS:
    // Its main button: how to get a first device talking to the server.
    void connectDeviceRequested();
};

} // namespace Flotilla
