#pragma once

#include <QWidget>

namespace Flotilla {

// The first page an operator sees: what Flotilla is and where to start.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
};

} // namespace Flotilla
