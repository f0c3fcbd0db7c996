// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordform.h"

#include "domain/campaignname.h"
#include "domain/vocabulary.h"
#include "editors/choicecombo.h"
#include "editors/jsonedit.h"
#include "editors/keyvalueedit.h"
#include "editors/listedit.h"
#include "editors/moneyedit.h"
#include "editors/optionaldateedit.h"
#include "tables/backgroundreader.h"
#include "tables/columnvalues.h"
#include "tables/valuemerge.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDataWidgetMapper>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QMetaProperty>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSqlRecord>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace agency::ui {

namespace {
    using tables::ColumnKind;

    QVariant userValue(QWidget* editor)
    {
        const QMetaProperty property = editor->metaObject()->userProperty();
        return property.isValid() ? property.read(editor) : QVariant();
    }

    // How the form reads the model: an editor is given the model's value only when that value is not what the
    // editor already holds. The echo of what a person is typing (the model tells every view of each change, and
    // QDataWidgetMapper then fills every field anew) never reaches the field being typed in, and a refresh that
    // brings the same value leaves the cursor, the selection and the scroll position where they were: setting a
    // text puts the cursor at its start (a multi-line field) or end (a line), and typing went in backwards.
    class FormDelegate : public QStyledItemDelegate {
    public:
        FormDelegate(QWidget* const* writing, QObject* parent)
            : QStyledItemDelegate(parent)
            , m_writing(writing)
        {
        }
        void setEditorData(QWidget* editor, const QModelIndex& index) const override
        {
            if (editor == *m_writing)
                return; // the value it has just written
            const QVariant value = index.data(Qt::EditRole);
            const QVariant shown = userValue(editor);
            if (shown == value || (isEmptyValue(shown) && isEmptyValue(value)))
                return;
            // A value brought in is not an edit: the field says nothing of it (only a person's edits are written).
            const QSignalBlocker quiet(editor);
            QStyledItemDelegate::setEditorData(editor, index);
        }
        void setModelData(
            QWidget* /*editor*/, QAbstractItemModel* /*model*/, const QModelIndex& /*index*/) const override
        {
            // Each field writes through RecordForm::write() as it changes.
        }

    protected:
        // The keys stay the field's own. An item delegate takes Tab from a field (to "close" it as a cell of a table
        // view) and keeps it there for good while a validator finds the text unfinished, an empty count among them.
        bool eventFilter(QObject* /*watched*/, QEvent* /*event*/) override { return false; }

    private:
        static bool isEmptyValue(const QVariant& value)
        {
            return value.isNull() || (value.canConvert<QString>() && value.toString().isEmpty());
        }
        QWidget* const* m_writing;
    };
}

RecordForm::~RecordForm() = default;

RecordForm::RecordForm(tables::AgencyTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_mapper(new QDataWidgetMapper(this))
{
    m_mapper->setModel(model);
    m_mapper->setSubmitPolicy(QDataWidgetMapper::ManualSubmit); // writes go through write(), one field at a time
    m_mapper->setItemDelegate(new FormDelegate(&m_writing, m_mapper));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    // In the order a person fills a record in: its name first, then the rest as the table has them, the links to
    // Plane after those (chosen from Plane's own lists, or pasted as ids where Plane's tables are not there), then
    // what the database keeps by itself.
    QList<const tables::ColumnSpec*> ordered;
    const QString& nameColumn = model->spec().nameColumn;
    if (const tables::ColumnSpec* name = model->spec().column(nameColumn))
        ordered << name;
    for (const bool plane : { false, true }) {
        for (const tables::ColumnSpec& column : model->spec().columns) {
            if (column.name != nameColumn && !tables::isAuditColumn(column.name)
                && (column.kind == ColumnKind::PlaneReference) == plane)
                ordered << &column;
        }
    }
    for (const tables::ColumnSpec& column : model->spec().columns) {
        if (tables::isAuditColumn(column.name))
            ordered << &column;
    }
    QWidget* previous = nullptr;
    // A campaign's name: no column of its own, kept in its metadata (or its Plane project's), typed as plain text.
    if (tables::LookupNames::isLabelled(model->spec()) && model->spec().namingColumn()) {
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("campaign_name"));
        m_name->setAccessibleName(tr("Name"));
        m_name->setPlaceholderText(tr("e.g. Harbour relaunch (else shown as client · type · start)"));
        m_nameMessage = addField(form, tr("Name"), m_name);
        connect(m_name, &QLineEdit::textEdited, this, &RecordForm::writeName);
        previous = m_name;
        m_order << m_name;
    }
    for (const tables::ColumnSpec* spec : std::as_const(ordered)) {
        const tables::ColumnSpec& column = *spec;
        if (column.kind == ColumnKind::Uuid || model->rights().hidden().contains(column.name))
            continue; // no field for what the role may not read (the page's banner says which)
        const QString label = tables::columnLabel(column.name) + (column.required ? QStringLiteral(" *") : QString());
        if (tables::isAuditColumn(column.name) || column.readOnly) { // what the database or an import wrote
            auto* value = new QLabel(this);
            value->setObjectName(column.name);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_readOnly.insert(column.name, value);
            form->addRow(tables::columnLabel(column.name), value);
            continue;
        }
        QWidget* editor = createEditor(column);
        editor->setObjectName(column.name);
        editor->setAccessibleName(tables::columnLabel(column.name));
        m_editors.insert(column.name, editor);
        m_mapper->addMapping(editor, model->fieldIndex(column.name));

        m_messages.insert(column.name, addField(form, label, editor));
        if (previous)
            setTabOrder(previous, editor);
        previous = editor;
        m_order << editor;
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    reloadChoices();
    setCurrentRow(-1);

    connect(model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex& from, const QModelIndex& to, const QList<int>& roles) {
            // A change of the row's values (typed here, edited in another view): the mapper brings the editors
            // their values (FormDelegate: only those that differ); what else the form shows follows here. Names
            // shown being looked up again (DisplayRole alone) change nothing here.
            if (!roles.isEmpty() && !roles.contains(Qt::EditRole))
                return;
            if (m_row < from.row() || m_row > to.row())
                return;
            const tables::ColumnSpec* project = m_model->spec().planeColumn(tables::PlaneLink::Project);
            const int narrowing = project ? m_model->fieldIndex(project->narrowedBy) : -1;
            showRowState(narrowing >= from.column() && narrowing <= to.column());
        });
}

QLabel* RecordForm::addField(QFormLayout* form, const QString& label, QWidget* editor)
{
    // The editor with its message under it (hidden until there is something to say), both children of the form like
    // the row's label, which is the editor's buddy: a screen reader names the field by its label (on Linux a combo
    // box's name is its value, and the label reaches it only as the sibling labelling it).
    auto* message = new QLabel(this);
    message->setObjectName(editor->objectName() + QStringLiteral("_message"));
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #c62828;"));
    message->hide();
    auto* stack = new QVBoxLayout;
    stack->setContentsMargins(0, 0, 0, 0);
    stack->setSpacing(2);
    stack->addWidget(editor);
    stack->addWidget(message);
    form->addRow(label, stack);
    if (auto* rowLabel = qobject_cast<QLabel*>(form->labelForField(stack)))
        rowLabel->setBuddy(editor);
    // Its parts that take the focus (a date's check box, a KPI table's buttons) are named as parts of it.
    const QString name = editor->accessibleName();
    const QList<QWidget*> parts = editor->findChildren<QWidget*>();
    for (QWidget* part : parts) {
        if (!(part->focusPolicy() & Qt::TabFocus) || !part->accessibleName().isEmpty())
            continue;
        const auto* button = qobject_cast<QAbstractButton*>(part);
        const QString words = button ? QString(button->text()).remove(u'&') : QString();
        part->setAccessibleName(words.isEmpty() ? name : tr("%1: %2").arg(name, words));
    }
    return message;
}

bool RecordForm::focusFirstField()
{
    for (QWidget* editor : std::as_const(m_order)) {
        if (editor->isEnabled() && editor->isVisibleTo(this)) {
            editor->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return false;
}

void RecordForm::setCurrentRow(int row)
{
    m_row = row >= 0 && row < m_model->rowCount() ? row : -1;
    if (m_row < 0) { // nothing selected: nothing shown (the mapper would leave the last row's values in place)
        m_mapper->setCurrentIndex(-1);
        for (QWidget* editor : std::as_const(m_editors)) {
            if (const QMetaProperty property = editor->metaObject()->userProperty(); property.isValid()) {
                const QSignalBlocker quiet(editor); // emptied, not edited
                property.write(editor, QVariant(property.metaType(), nullptr));
            }
            editor->setEnabled(false);
        }
        for (QLabel* value : std::as_const(m_readOnly))
            value->clear();
        if (m_name) {
            m_name->clear();
            m_name->setEnabled(false);
        }
    } else {
        m_mapper->setCurrentIndex(m_row);
        showRowState(true);
    }
    refreshProblems();
}

void RecordForm::showRowState(bool projectsToo)
{
    // What the role may change: a column-level grant (UPDATE (industry)) leaves the other fields read-only.
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        it.value()->setEnabled(m_model->mayEdit(m_row, it.key()));
    for (auto it = m_readOnly.cbegin(); it != m_readOnly.cend(); ++it)
        it.value()->setText(m_model->data(m_model->index(m_row, m_model->fieldIndex(it.key()))).toString());
    if (projectsToo) {
        loadPlaneProjects();
        m_mapper->setCurrentIndex(m_row); // the project picker's list depends on the client just loaded
    }
    loadName();
}

void RecordForm::loadName()
{
    if (!m_name)
        return;
    // Linked to a Plane project: that project's name, changed in Plane, not here.
    bool linked = false;
    const QString name = m_row < 0 ? QString() : m_model->givenName(m_row, &linked);
    if (m_name->text() != name) // what is being typed stays as it is, cursor and all
        m_name->setText(name);
    m_name->setReadOnly(linked);
    m_name->setEnabled(m_row >= 0 && m_model->mayEdit(m_row, m_model->spec().namingColumn()->name));
    m_name->setToolTip(linked ? tr("The name of its Plane project: rename it in Plane") : QString());
}

void RecordForm::writeName()
{
    if (m_row < 0)
        return;
    const QString naming = m_model->spec().namingColumn()->name;
    const QString metadata = m_model->valueAt(m_row, naming).toString();
    const auto written
        = domain::withCampaignName(metadata, m_name->text().trimmed().isEmpty() ? QString() : m_name->text());
    m_nameMessage->setText(
        written ? QString() : tr("Metadata below is not valid JSON: correct it, then name the campaign"));
    m_nameMessage->setVisible(!written);
    if (!written)
        return;
    m_writing = m_name;
    m_model->setData(
        m_model->index(m_row, m_model->fieldIndex(naming)), written->isEmpty() ? QVariant() : QVariant(*written));
    m_writing = nullptr;
    m_mapper->setCurrentIndex(m_row); // the Metadata field shows the name in its JSON
    Q_EMIT edited(naming);
}

void RecordForm::write(const QString& column)
{
    if (m_row < 0)
        return;
    QWidget* editor = m_editors.value(column);
    const QVariant value = userValue(editor);
    m_writing = editor; // the value's way back (the model's dataChanged) passes this field by
    m_model->setData(m_model->index(m_row, m_model->fieldIndex(column)), value);
    m_writing = nullptr;
    // Checked as it is typed; the model checks again, with the rules across fields, on Save.
    const tables::ColumnSpec* spec = m_model->spec().column(column);
    const QString problem = spec ? tables::problemWith(*spec, m_model->valueAt(m_row, column)) : QString();
    showMessage(column, problem);
    if (problem.isEmpty() && spec && !spec->suggestions.isEmpty())
        warnOfNearDuplicate(column);
    if (spec && (spec->holdsName || spec->plane == tables::PlaneLink::Project))
        loadName(); // the name typed into the JSON, or the project's
    Q_EMIT edited(column);
}

void RecordForm::warnOfNearDuplicate(const QString& column)
{
    // Another spelling of a type already known or in use ("Google Ads" for google_ads) splits every report by type:
    // said under the field, in amber (it may still be meant, and saves).
    auto* combo = qobject_cast<ChoiceCombo*>(m_editors.value(column));
    if (!combo)
        return;
    QStringList values;
    for (int i = 0; i < combo->count(); ++i)
        values << combo->itemData(i).toString();
    const QString near = domain::nearDuplicate(m_model->valueAt(m_row, column).toString(), values);
    if (near.isEmpty())
        return;
    QLabel* label = m_messages.value(column);
    if (!label)
        return;
    label->setText(QStringLiteral("<span style=\"color:#b26a00\">%1</span>")
                       .arg(tr("Did you mean “%1” (%2)? Another spelling of it splits the reports by type.")
                                .arg(near, domain::valueLabel(near))
                                .toHtmlEscaped()));
    label->setVisible(true);
}

void RecordForm::showMessage(const QString& column, const QString& message)
{
    QLabel* label = m_messages.value(column);
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
    if (QWidget* editor = m_editors.value(column)) {
        // A field the role may not change says so where the pointer is (the banner above says it for the page).
        const bool locked = m_row >= 0 && !editor->isEnabled() && !m_model->mayEdit(m_row, column);
        editor->setToolTip(!message.isEmpty() ? message
                : locked ? tr("Read-only: your database role may not change %1 (an administrator can grant it)")
                               .arg(tables::columnLabel(column))
                         : QString());
    }
}

QString RecordForm::messageFor(const QString& column) const
{
    const QLabel* label = m_messages.value(column);
    return label ? label->text() : QString();
}

bool RecordForm::hasInvalidField() const
{
    return std::any_of(
        m_messages.cbegin(), m_messages.cend(), [](const QLabel* label) { return !label->text().isEmpty(); });
}

void RecordForm::refreshProblems()
{
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        const QString problem = m_row < 0
            ? QString()
            : m_model->data(m_model->index(m_row, m_model->fieldIndex(it.key())), tables::AgencyTableModel::ProblemRole)
                  .toString();
        showMessage(it.key(), problem);
    }
}

} // namespace agency::ui
