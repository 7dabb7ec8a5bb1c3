#pragma once

#include <QHeaderView>
#include <QTableView>

namespace Flotilla {

// A table view as the console's pages show lists: whole rows selected, no row numbers, alternating rows of
// one text line, the last column taking the remaining width. Pages add what is theirs (selection mode, widths).
inline QTableView *makeTableView(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace Flotilla
