#pragma once

#include <QMainWindow>

class QLabel;

namespace Flotilla {

class PageStack;

// Composes the console's pages, menus and status bar. Pages do the work; the main window only arranges them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    PageStack *pages() const { return m_pages; }
    void setConnectionText(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void showAbout();

    PageStack *m_pages = nullptr;
    QLabel *m_connectionLabel = nullptr;
};

} // namespace Flotilla
