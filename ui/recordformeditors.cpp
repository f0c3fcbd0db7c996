// SPDX-License-Identifier: GPL-3.0-or-later
// RecordForm's editors: the right one for each column as the table declares it, and the choices its pickers offer
// (references, Plane's workspaces and projects, the codes known and in use).
#include "domain/campaignname.h"
#include "domain/vocabulary.h"
#include "editors/choicecombo.h"
#include "editors/jsonedit.h"
#include "editors/keyvalueedit.h"
#include "editors/listedit.h"
#include "editors/moneyedit.h"
#include "editors/optionaldateedit.h"
#include "recordform.h"
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
#include <QSqlRecord>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace agency::ui {

using tables::ColumnKind;

QWidget* RecordForm::createEditor(const tables::ColumnSpec& column)
{
    const QString name = column.name;
    auto changed = [this, name]() { write(name); };
    switch (column.kind) {
    case ColumnKind::Money:
    case ColumnKind::Percent: {
        auto* edit
            = new DecimalEdit(column.kind == ColumnKind::Money ? DecimalEdit::Kind::Money : DecimalEdit::Kind::Percent,
                column.size > 0 ? column.size : 10, this);
        connect(edit, &DecimalEdit::valueChanged, this, changed);
        return edit;
    }
    case ColumnKind::Date: {
        auto* edit = new OptionalDateEdit(this);
        connect(edit, &OptionalDateEdit::dateChanged, this, changed);
        return edit;
    }
    case ColumnKind::Boolean: {
        auto* box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this, changed);
        return box;
    }
    case ColumnKind::Choice:
    case ColumnKind::Reference: {
        auto* combo = new ChoiceCombo(this);
        if (column.kind == ColumnKind::Choice) {
            QList<QPair<QString, QString>> choices;
            for (const QString& value : column.choices)
                choices.append({ value, domain::valueLabel(value) });
            combo->setChoices(choices, false);
        }
        const tables::TableSpec* referenced
            = column.kind == ColumnKind::Reference ? tables::specFor(column.references) : nullptr;
        if (referenced && referenced->pickerLimit > 0) {
            // The list holds the first few (the newest thousand campaigns); typing finds any row on the server.
            if (!m_finder && tables::BackgroundReader::canClone(m_model->database()))
                m_finder = std::make_unique<tables::BackgroundReader>(m_model->database());
            combo->setSearch([this, table = column.references](const QString& text, const ChoiceCombo::Show& show) {
                const auto pairs = [](const QList<tables::LookupNames::Choice>& choices) {
                    QList<QPair<QString, QString>> found;
                    for (const auto& choice : choices)
                        found.append({ choice.id, choice.name });
                    return found;
                };
                if (!m_finder) { // an in-memory database: no second connection sees it
                    show(pairs(m_model->lookups().search(table, text)));
                    return;
                }
                // The newest search wins: one still running is stopped on the server.
                m_finder->run([table, text, show, pairs](QSqlDatabase clone, const auto&) {
                    const auto found = clone.isOpen() ? pairs(tables::LookupNames(clone).search(table, text))
                                                      : QList<QPair<QString, QString>>();
                    return [show, found]() { show(found); };
                });
            });
            combo->lineEdit()->setPlaceholderText(tr("Type to find a campaign by name, client or type"));
        }
        connect(combo, &ChoiceCombo::valueChanged, this, changed);
        if (const tables::ColumnSpec* project = m_model->spec().planeColumn(tables::PlaneLink::Project);
            project && project->narrowedBy == name)
            connect(combo, &ChoiceCombo::valueChanged, this, &RecordForm::loadPlaneProjects);
        return combo;
    }
    case ColumnKind::PlaneReference: {
        // Workspaces and projects are picked from Plane's lists; an issue (of thousands) is pasted as its id.
        if (m_model->lookups().plane().isAvailable() && column.plane != tables::PlaneLink::Issue) {
            auto* combo = new ChoiceCombo(this);
            connect(combo, &ChoiceCombo::valueChanged, this, changed);
            return combo;
        }
        auto* edit = new QLineEdit(this);
        edit->setPlaceholderText(tr("Plane UUID, e.g. 3f2b6c1e-…"));
        edit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9a-fA-F-]{0,36}")), edit));
        connect(edit, &QLineEdit::textEdited, this, changed);
        return edit;
    }
    case ColumnKind::Kpis: {
        auto* edit = new KeyValueEdit(this);
        connect(edit, &KeyValueEdit::jsonChanged, this, changed);
        return edit;
    }
    case ColumnKind::JsonArray: {
        auto* edit = new ListEdit(this);
        connect(edit, &ListEdit::jsonChanged, this, changed);
        return edit;
    }
    case ColumnKind::JsonObject: {
        auto* edit = new JsonEdit(this);
        if (column.holdsName && m_name)
            edit->setHiddenKey(domain::campaignNameKey()); // the Name field above shows it, once
        connect(edit, &JsonEdit::jsonChanged, this, changed);
        return edit;
    }
    case ColumnKind::Integer: {
        auto* edit = new QLineEdit(this);
        edit->setValidator(new QIntValidator(
            column.nonNegative ? 0 : std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), edit));
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        connect(edit, &QLineEdit::textEdited, this, changed);
        return edit;
    }
    default:
        break;
    }
    if (!column.suggestions.isEmpty()) { // a suggested list, open to the agency's own types
        auto* combo = new ChoiceCombo(this);
        combo->setEditable(true);
        QList<QPair<QString, QString>> types;
        for (const QString& type : column.suggestions)
            types.append({ type, domain::valueLabel(type) }); // shown in the person's language, stored as the code
        combo->setChoices(types, false);
        connect(combo, &ChoiceCombo::valueChanged, this, changed);
        connect(combo, &QComboBox::editTextChanged, this, changed);
        return combo;
    }
    if (column.multiline) {
        auto* edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(80);
        connect(edit, &QPlainTextEdit::textChanged, this, [this, name]() { write(name); });
        return edit;
    }
    auto* edit = new QLineEdit(this);
    if (column.size > 0)
        edit->setMaxLength(column.size);
    connect(edit, &QLineEdit::textEdited, this, changed);
    return edit;
}

void RecordForm::reloadChoices()
{
    // (The pickers say nothing of lists and values set here: only a person's choice is written.)
    for (const tables::ColumnSpec& column : m_model->spec().columns) {
        auto* combo = qobject_cast<ChoiceCombo*>(m_editors.value(column.name));
        if (!combo)
            continue;
        if (!column.suggestions.isEmpty() && !m_inUseRead.contains(column.name)) {
            // The known codes, then the spellings in use (read once: "Google Ads" typed by someone is offered too,
            // so that the next person picks it rather than typing a third).
            m_inUseRead.insert(column.name);
            QList<QPair<QString, QString>> types;
            QStringList listed = column.suggestions;
            for (const QString& used : tables::valuesInUse(m_model->database(), m_model->spec(), column.name)) {
                if (!listed.contains(used))
                    listed << used;
            }
            for (const QString& type : std::as_const(listed))
                types.append({ type, domain::valueLabel(type) });
            const QString value = combo->value();
            combo->setChoices(types, false);
            combo->setValue(value);
            continue;
        }
        if (column.kind == ColumnKind::Reference) {
            combo->setLabelOf(
                [this, table = column.references](const QString& id) { return m_model->lookups().name(table, id); });
            QList<QPair<QString, QString>> choices;
            for (const auto& choice : m_model->lookups().choices(column.references))
                choices.append({ choice.id, choice.name });
            combo->setChoices(choices, !column.required);
        } else if (column.plane == tables::PlaneLink::Workspace) {
            QList<QPair<QString, QString>> choices;
            for (const auto& workspace : m_model->lookups().plane().workspaces())
                choices.append({ workspace.id, workspace.name });
            combo->setChoices(choices, true);
        }
    }
    loadPlaneProjects();
}

void RecordForm::loadPlaneProjects()
{
    const tables::ColumnSpec* project = m_model->spec().planeColumn(tables::PlaneLink::Project);
    if (!project)
        return;
    auto* combo = qobject_cast<ChoiceCombo*>(m_editors.value(project->name));
    auto* client = qobject_cast<ChoiceCombo*>(m_editors.value(project->narrowedBy));
    if (!combo || !client)
        return;
    // Projects of the client's Plane workspace only.
    const QString workspace = m_model->lookups().workspaceOfClient(client->value());
    QList<QPair<QString, QString>> choices;
    for (const auto& project : m_model->lookups().plane().projects(workspace))
        choices.append({ project.id, project.archived ? tr("%1 (archived)").arg(project.name) : project.name });
    combo->setChoices(choices, true);
}

} // namespace agency::ui
