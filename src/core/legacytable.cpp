// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/legacytable.h"

#include "core/jsonescape.h"
#include "core/pythonformat.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>
#include <algorithm>
#include <optional>
#include <simdjson.h>

namespace tb {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// One JSON value as the DataFrame constructor sees it before dtype=str turns it into text.
struct Cell
{
    enum Kind : unsigned char { Missing, Null, Bool, Int, Float, String, Other };
    Kind kind = Missing;
    QString text; // String: the value; Int: decimal; Other: Python repr
    double number = 0;
    bool flag = false;
};

using Record = std::vector<std::pair<QString, Cell>>;
using CancelCheck = std::function<bool()>;

// Asks `canceled` every `stride` steps (rows, or characters of a delimited file): a
// fraction of a millisecond of work apart, and free next to the work itself.
bool stopRequested(const CancelCheck& canceled, std::size_t step, std::size_t stride = 4096)
{
    return step % stride == 0 && canceled && canceled();
}

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString pythonRepr(const element& value)
{
    switch (value.type()) {
    case element_type::OBJECT: {
        QStringList items;
        for (auto field : simdjson::dom::object(value.get_object().value_unsafe()))
            items.append(
                python::strRepr(fromUtf8(field.key)) + QStringLiteral(": ") + pythonRepr(field.value));
        return QLatin1Char('{') + items.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    case element_type::ARRAY: {
        QStringList items;
        for (element item : simdjson::dom::array(value.get_array().value_unsafe()))
            items.append(pythonRepr(item));
        return python::listRepr(items);
    }
    case element_type::STRING:
        return python::strRepr(fromUtf8(value.get_string().value_unsafe()));
    case element_type::INT64:
        return QString::number(value.get_int64().value_unsafe());
    case element_type::UINT64:
        return QString::number(value.get_uint64().value_unsafe());
    case element_type::DOUBLE:
        return python::floatRepr(value.get_double().value_unsafe());
    case element_type::BOOL:
        return value.get_bool().value_unsafe() ? QStringLiteral("True") : QStringLiteral("False");
    case element_type::NULL_VALUE:
        return QStringLiteral("None");
    }
    return {};
}

Cell toCell(const element& value)
{
    Cell cell;
    switch (value.type()) {
    case element_type::STRING:
        cell.kind = Cell::String;
        cell.text = fromUtf8(value.get_string().value_unsafe());
        break;
    case element_type::INT64:
        cell.kind = Cell::Int;
        cell.number = double(value.get_int64().value_unsafe());
        cell.text = QString::number(value.get_int64().value_unsafe());
        break;
    case element_type::UINT64:
        cell.kind = Cell::Int;
        cell.number = double(value.get_uint64().value_unsafe());
        cell.text = QString::number(value.get_uint64().value_unsafe());
        break;
    case element_type::DOUBLE:
        cell.kind = Cell::Float;
        cell.number = value.get_double().value_unsafe();
        break;
    case element_type::BOOL:
        cell.kind = Cell::Bool;
        cell.flag = value.get_bool().value_unsafe();
        break;
    case element_type::NULL_VALUE:
        cell.kind = Cell::Null;
        break;
    case element_type::OBJECT:
    case element_type::ARRAY:
        cell.kind = Cell::Other;
        cell.text = pythonRepr(value);
        break;
    }
    return cell;
}

Record toRecord(const simdjson::dom::object& object)
{
    // A Python dict: a repeated key keeps its first position and its last value.
    Record record;
    for (auto field : object) {
        const QString key = fromUtf8(field.key);
        auto it = std::find_if(record.begin(), record.end(), [&](const auto& p) { return p.first == key; });
        if (it != record.end())
            it->second = toCell(field.value);
        else
            record.emplace_back(key, toCell(field.value));
    }
    return record;
}

// str(value) after DataFrame(records) inferred the column's dtype and astype(str) ran.
QStringList columnText(const std::vector<Cell>& cells)
{
    bool text = false, boolean = false, integer = false, real = false, null = false, missing = false;
    for (const Cell& c : cells) {
        switch (c.kind) {
        case Cell::String:
        case Cell::Other:
            text = true;
            break;
        case Cell::Bool:
            boolean = true;
            break;
        case Cell::Int:
            integer = true;
            break;
        case Cell::Float:
            real = true;
            break;
        case Cell::Null:
            null = true;
            break;
        case Cell::Missing:
            missing = true;
            break;
        }
    }
    enum { Object, BoolColumn, IntColumn, FloatColumn } dtype = Object;
    if (!text && boolean && !integer && !real && !null && !missing)
        dtype = BoolColumn;
    else if (!text && !boolean && (integer || real))
        dtype = (real || null || missing) ? FloatColumn : IntColumn;
    QStringList out;
    out.reserve(qsizetype(cells.size()));
    for (const Cell& c : cells) {
        switch (c.kind) {
        case Cell::String:
        case Cell::Other:
            out.append(c.text);
            break;
        case Cell::Bool:
            out.append(c.flag ? QStringLiteral("True") : QStringLiteral("False"));
            break;
        case Cell::Int:
            out.append(dtype == FloatColumn ? python::floatRepr(c.number) : c.text);
            break;
        case Cell::Float:
            out.append(python::floatRepr(c.number));
            break;
        case Cell::Null:
            out.append(dtype == FloatColumn ? QStringLiteral("nan") : QStringLiteral("None"));
            break;
        case Cell::Missing:
            out.append(QStringLiteral("nan"));
            break;
        }
    }
    return out;
}

// nullopt once `canceled` returned true.
std::optional<LegacyTable> fromRecords(const std::vector<Record>& records, const CancelCheck& canceled)
{
    QStringList columns;
    QHash<QString, qsizetype> position;
    for (const Record& r : records) {
        for (const auto& [key, cell] : r) {
            Q_UNUSED(cell)
            if (!position.contains(key)) {
                position.insert(key, columns.size());
                columns.append(key);
            }
        }
    }
    std::vector<QStringList> rows(records.size(), QStringList());
    for (QStringList& row : rows)
        row.resize(columns.size());
    for (qsizetype c = 0; c < columns.size(); ++c) {
        std::vector<Cell> cells(records.size());
        for (std::size_t r = 0; r < records.size(); ++r) {
            if (stopRequested(canceled, r))
                return std::nullopt;
            for (const auto& [key, cell] : records[r]) {
                if (key == columns.at(c)) {
                    cells[r] = cell;
                    break;
                }
            }
        }
        const QStringList text = columnText(cells);
        for (std::size_t r = 0; r < records.size(); ++r)
            rows[r][c] = text.at(qsizetype(r));
    }
    return LegacyTable::fromRows(columns, rows);
}

bool isPythonSpace(QChar c)
{
    return c.isSpace() || (c.unicode() >= 0x1C && c.unicode() <= 0x1F);
}

QString pythonStrip(const QString& s)
{
    qsizetype begin = 0, end = s.size();
    while (begin < end && isPythonSpace(s.at(begin)))
        ++begin;
    while (end > begin && isPythonSpace(s.at(end - 1)))
        --end;
    return s.mid(begin, end - begin);
}

enum class JsonRead { Ok, Invalid, Canceled };

// pd.read_json(lines=True): every non-blank stripped line is one record.
JsonRead readJsonLines(
    const QString& text, std::vector<Record>& records, bool& singleArrayLine, const CancelCheck& canceled)
{
    simdjson::dom::parser parser;
    singleArrayLine = false;
    const QStringList lines = text.split(QLatin1Char('\n'));
    std::vector<QByteArray> kept;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (stopRequested(canceled, std::size_t(i)))
            return JsonRead::Canceled;
        const QString stripped = pythonStrip(lines.at(i));
        if (!stripped.isEmpty())
            kept.push_back(stripped.toUtf8());
    }
    for (const QByteArray& line : kept) {
        if (stopRequested(canceled, records.size()))
            return JsonRead::Canceled;
        element root;
        if (parser.parse(line.constData(), std::size_t(line.size())).get(root) != simdjson::SUCCESS)
            return JsonRead::Invalid;
        simdjson::dom::object object;
        if (root.get_object().get(object) == simdjson::SUCCESS) {
            records.push_back(toRecord(object));
        } else if (root.is_array() && kept.size() == 1) {
            singleArrayLine = true; // one row of a DataFrame; read again as plain JSON below
            records.emplace_back();
        } else {
            return JsonRead::Invalid;
        }
    }
    return JsonRead::Ok;
}

// pd.read_json(dtype=str) of a whole document: a list of records.
JsonRead readJsonDocument(const QString& text, std::vector<Record>& records, const CancelCheck& canceled)
{
    simdjson::dom::parser parser;
    const QByteArray bytes = text.toUtf8();
    element root;
    simdjson::dom::array list;
    if (parser.parse(bytes.constData(), std::size_t(bytes.size())).get(root) != simdjson::SUCCESS
        || root.get_array().get(list) != simdjson::SUCCESS)
        return JsonRead::Invalid;
    records.clear();
    for (element item : list) {
        if (stopRequested(canceled, records.size()))
            return JsonRead::Canceled;
        simdjson::dom::object object;
        if (item.get_object().get(object) != simdjson::SUCCESS)
            return JsonRead::Invalid;
        records.push_back(toRecord(object));
    }
    return JsonRead::Ok;
}

// pandas' C parser with dtype=str: quoted fields, doubled quotes, blank lines skipped,
// default NA strings read as missing (and then filled with "").
// False for a bad file or once `canceled` returned true.
bool readDelimited(const QString& text, QChar separator, QStringList& header, std::vector<QStringList>& rows,
    const CancelCheck& canceled)
{
    static const QStringList kNaValues { QStringLiteral(""), QStringLiteral("#N/A"),
        QStringLiteral("#N/A N/A"), QStringLiteral("#NA"), QStringLiteral("-1.#IND"),
        QStringLiteral("-1.#QNAN"), QStringLiteral("-NaN"), QStringLiteral("-nan"), QStringLiteral("1.#IND"),
        QStringLiteral("1.#QNAN"), QStringLiteral("<NA>"), QStringLiteral("N/A"), QStringLiteral("NA"),
        QStringLiteral("NULL"), QStringLiteral("NaN"), QStringLiteral("None"), QStringLiteral("n/a"),
        QStringLiteral("nan"), QStringLiteral("null") };
    std::vector<QStringList> records;
    QStringList fields;
    QString field;
    bool inQuotes = false, fieldQuoted = false, any = false;
    const auto endField = [&] {
        fields.append(fieldQuoted || !kNaValues.contains(field) ? field : QString());
        field.clear();
        fieldQuoted = false;
    };
    const auto endRecord = [&] {
        if (!any && fields.isEmpty() && field.isEmpty()) {
            return; // blank line
        }
        endField();
        records.push_back(fields);
        fields.clear();
        any = false;
    };
    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    for (; i < text.size(); ++i) {
        if (stopRequested(canceled, std::size_t(i), std::size_t(1) << 18))
            return false;
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            inQuotes = fieldQuoted = any = true;
        } else if (c == separator) {
            endField();
            any = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
        } else {
            field += c;
            any = true;
        }
    }
    if (inQuotes)
        return false;
    endRecord();
    if (records.empty())
        return false;
    header = records.front();
    for (std::size_t r = 1; r < records.size(); ++r) {
        QStringList row = records[r];
        if (row.size() > header.size())
            return false;
        row.resize(header.size());
        rows.push_back(row);
    }
    return true;
}

// pandas 1.5 RangeIndex.delete(positions) on range(n): a RangeIndex again when the
// positions form an arithmetic run (maybe_indices_to_slice) that RangeIndex._difference
// can cut out as a range: one end row, the middle of three, both ends, a run at either
// end, everything but the ends, or every other row; else an Int64Index.
bool rangeSurvivesDelete(qsizetype n, const std::vector<qsizetype>& positions)
{
    const qsizetype k = qsizetype(positions.size());
    if (k == 0 || k == n)
        return true;
    const qsizetype first = positions.front(), last = positions.back();
    if (k == 1)
        return first == 0 || first == n - 1 || (n == 3 && first == 1);
    const qsizetype step = positions[1] - first;
    for (qsizetype i = 2; i < k; ++i) {
        if (positions[std::size_t(i)] - positions[std::size_t(i - 1)] != step)
            return false;
    }
    if (k == 2 && first == 0 && last == n - 1)
        return true;
    const bool reachesEnd = last == n - 1 || last == n - 2;
    if (step == 1)
        return first == 0 || last == n - 1 || (first == 1 && last == n - 2);
    if (step == 2)
        return (first == 0 || first == 1) && reachesEnd;
    return false;
}

} // namespace

LegacyTable LegacyTable::fromRows(const QStringList& columns, const std::vector<QStringList>& rows)
{
    LegacyTable table;
    table.m_columns = columns;
    table.m_rows = rows;
    table.m_labels.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        table.m_labels[i] = qint64(i);
    return table;
}

Result<LegacyTable> LegacyTable::read(const QString& path, ReadNotes& notes, const CancelCheck& canceled)
{
    const auto stopped = [&] { return Error::plain(QStringLiteral("canceled")); };
    if (!QFileInfo(path).isFile())
        return Error::plain(QStringLiteral("File %1 does not exist.").arg(path));
    const QString lower = path.toLower();
    const QString extension = path.section(QLatin1Char('.'), -1).toUpper();
    const auto invalid = [&] {
        return Error::plain(QStringLiteral(
            "Your file `%1` does not appear to be in valid %2 format. Please ensure your file is "
            "formatted as a valid %2 file.")
                           .arg(path, extension));
    };
    const bool known = lower.endsWith(QLatin1String(".csv")) || lower.endsWith(QLatin1String(".tsv"))
        || lower.endsWith(QLatin1String(".xlsx")) || lower.endsWith(QLatin1String(".txt"))
        || lower.endsWith(QLatin1String(".jsonl")) || lower.endsWith(QLatin1String(".json"));
    if (!known) {
        QString message = QStringLiteral(
            "Your file must have one of the following extensions: .CSV, .TSV, .XLSX, .TXT, .JSON or .JSONL");
        const QString name = path;
        if (name.contains(QLatin1Char('.')))
            message += QStringLiteral(" Your file `%1` ends with the extension `.%2` which is not supported.")
                           .arg(name, name.section(QLatin1Char('.'), -1));
        else
            message += QStringLiteral(" Your file `%1` is missing a file extension.").arg(name);
        return Error::plain(message);
    }
    if (lower.endsWith(QLatin1String(".xlsx")))
        return Error::plain(
            QStringLiteral("Excel files are not supported; save the first sheet as CSV and try again."));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::plain(QStringLiteral("File %1 cannot be read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    // Python decodes a leading BOM into U+FEFF (pandas' JSON reader then fails on it).
    QStringDecoder decoder(
        QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return invalid();
    if (stopRequested(canceled, 0))
        return stopped();

    if (lower.endsWith(QLatin1String(".csv")) || lower.endsWith(QLatin1String(".tsv"))) {
        const bool csv = lower.endsWith(QLatin1String(".csv"));
        notes.immediate
            = QStringLiteral("\n- Based on your file extension, your file is formatted as a %1 file")
                  .arg(csv ? QStringLiteral("CSV") : QStringLiteral("TSV"));
        notes.necessary = QStringLiteral("Your format `%1` will be converted to `JSONL`")
                              .arg(csv ? QStringLiteral("CSV") : QStringLiteral("TSV"));
        QStringList header;
        std::vector<QStringList> rows;
        if (!readDelimited(text, csv ? QLatin1Char(',') : QLatin1Char('\t'), header, rows, canceled))
            return stopRequested(canceled, 0) ? stopped() : invalid();
        return fromRows(header, rows);
    }
    if (lower.endsWith(QLatin1String(".txt"))) {
        notes.immediate = QStringLiteral("\n- Based on your file extension, you provided a text file");
        notes.necessary = QStringLiteral("Your format `TXT` will be converted to `JSONL`");
        // open(fname, "r") reads with universal newlines.
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
        std::vector<QStringList> rows;
        for (const QString& line : text.split(QLatin1Char('\n')))
            rows.push_back({ QString(), line });
        return fromRows({ QStringLiteral("prompt"), QStringLiteral("completion") }, rows);
    }
    std::vector<Record> records;
    bool singleArrayLine = false;
    const bool jsonl = lower.endsWith(QLatin1String(".jsonl"));
    const auto table = [&]() -> Result<LegacyTable> {
        std::optional<LegacyTable> built = fromRecords(records, canceled);
        if (!built)
            return stopped();
        return std::move(*built);
    };
    const JsonRead lines = readJsonLines(text, records, singleArrayLine, canceled);
    if (lines == JsonRead::Canceled)
        return stopped();
    if (lines != JsonRead::Ok) {
        // A .json file that is not JSON Lines is read as one document (indented JSON).
        const JsonRead document = jsonl ? JsonRead::Invalid : readJsonDocument(text, records, canceled);
        if (document != JsonRead::Ok)
            return document == JsonRead::Canceled ? stopped() : invalid();
        return table();
    }
    if (records.size() == 1) {
        // One row means the file was one JSON document, not JSON Lines: read it again as JSON.
        if (jsonl) {
            notes.immediate = QStringLiteral("\n- Your JSONL file appears to be in a JSON format. Your file "
                                             "will be converted to JSONL format");
            notes.necessary = QStringLiteral("Your format `JSON` will be converted to `JSONL`");
        }
        if (!singleArrayLine)
            return invalid(); // one object: pandas cannot build a frame of scalars
        const JsonRead document = readJsonDocument(text, records, canceled);
        if (document != JsonRead::Ok)
            return document == JsonRead::Canceled ? stopped() : invalid();
        return table();
    }
    if (!jsonl) {
        notes.immediate = QStringLiteral("\n- Your JSON file appears to be in a JSONL format. Your file will "
                                         "be converted to JSONL format");
        notes.necessary = QStringLiteral("Your format `JSON` will be converted to `JSONL`");
    }
    return table();
}

void LegacyTable::selectColumns(const QStringList& names)
{
    std::vector<qsizetype> from;
    for (const QString& name : names)
        from.push_back(m_columns.indexOf(name));
    for (QStringList& row : m_rows) {
        QStringList selected;
        for (qsizetype c : from)
            selected.append(row.at(c));
        row = selected;
    }
    m_columns = names;
}

void LegacyTable::dropRows(const std::vector<bool>& keep)
{
    std::vector<qsizetype> dropped;
    for (std::size_t i = 0; i < keep.size(); ++i) {
        if (!keep[i])
            dropped.push_back(qsizetype(i));
    }
    const bool range = m_rangeIndex && rangeSurvivesDelete(rowCount(), dropped);
    keepRows(keep);
    m_rangeIndex = range;
}

void LegacyTable::keepRows(const std::vector<bool>& keep)
{
    std::vector<QStringList> rows;
    std::vector<qint64> labels;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (keep[i]) {
            rows.push_back(std::move(m_rows[i]));
            labels.push_back(m_labels[i]);
        }
    }
    m_rows = std::move(rows);
    m_labels = std::move(labels);
    m_rangeIndex = false;
}

LegacyTable LegacyTable::takeRows(const std::vector<qsizetype>& positions) const
{
    LegacyTable out;
    out.m_columns = m_columns;
    out.m_rangeIndex = false;
    for (qsizetype p : positions) {
        out.m_rows.push_back(m_rows[std::size_t(p)]);
        out.m_labels.push_back(m_labels[std::size_t(p)]);
    }
    return out;
}

void LegacyTable::appendJsonString(QByteArray& out, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    json::appendEscaped(
        out, std::string_view(utf8.constData(), std::size_t(utf8.size())), json::Escaping::Ujson);
    out += '"';
}

QByteArray LegacyTable::toJsonLines(const QStringList& columns) const
{
    std::vector<qsizetype> from;
    for (const QString& name : columns)
        from.push_back(m_columns.indexOf(name));
    QByteArray out;
    for (const QStringList& row : m_rows) {
        out += '{';
        for (std::size_t c = 0; c < from.size(); ++c) {
            if (c > 0)
                out += ',';
            appendJsonString(out, columns.at(qsizetype(c)));
            out += ':';
            appendJsonString(out, row.at(from[c]));
        }
        out += "}\n";
    }
    if (m_rows.empty())
        out += '\n'; // pandas ends even an empty frame's lines with a newline
    return out;
}

} // namespace tb
