#pragma once

#include <QStyledItemDelegate>

namespace Flotilla {

// Draws a rollout group's counts as one stacked bar: finished (green), error (red), running (blue), the rest
// (not yet started) empty, with "finished/total" on top. Reads RolloutGroupModel::CountsRole.
class GroupProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Flotilla
