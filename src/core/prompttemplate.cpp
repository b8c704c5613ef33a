// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/prompttemplate.h"

#include "core/placeholders.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>
#include <algorithm>
#include <optional>

namespace tb {

namespace {

// Top-level keys with a meaning of their own; everything else is a request parameter.
const QLatin1String kMessages("messages");
const QLatin1String kPrompt("prompt");
const QLatin1String kMetadata("x-tunebench");
// Inside x-tunebench.
const QLatin1String kDescription("description");
const QLatin1String kParameters("parameters");
const QLatin1String kDefault("default");
const QLatin1String kMultiline("multiline");
const QLatin1String kFile("file");

// Templates are small; anything bigger was picked by mistake and is not read whole.
constexpr qint64 kMaxTemplateBytes = 16 * 1024 * 1024;

bool isReservedKey(const QString& key)
{
    return key == kMessages || key == kPrompt || key == kMetadata;
}

QString childPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Where every value starts in the source and in which order each object listed its
// keys, by JSON path. QJsonDocument keeps neither, and both matter: errors point at
// line and column, and saving must not reshuffle a hand-written file.
struct SourceMap
{
    QHash<QString, qsizetype> offsets;
    QHash<QString, QStringList> keyOrder;
};

// Walks JSON that QJsonDocument has already accepted, so it can be lenient.
class SourceScanner
{
public:
    SourceScanner(const QByteArray& json, SourceMap& map)
        : m_json(json)
        , m_map(map)
    { }

    void scanValue(const QString& path)
    {
        skipSpace();
        if (atEnd())
            return;
        m_map.offsets.insert(path, m_pos);
        const char c = m_json.at(m_pos);
        if (c == '{') {
            ++m_pos;
            QStringList keys;
            while (!atEnd()) {
                skipSpace();
                if (atEnd())
                    break;
                const char d = m_json.at(m_pos);
                if (d == '}') {
                    ++m_pos;
                    break;
                }
                if (d == ',') {
                    ++m_pos;
                    continue;
                }
                const QString key = scanString();
                skipSpace();
                if (!atEnd() && m_json.at(m_pos) == ':')
                    ++m_pos;
                if (!keys.contains(key))
                    keys.append(key);
                scanValue(childPath(path, key));
            }
            m_map.keyOrder.insert(path, keys);
        } else if (c == '[') {
            ++m_pos;
            qsizetype index = 0;
            while (!atEnd()) {
                skipSpace();
                if (atEnd())
                    break;
                const char d = m_json.at(m_pos);
                if (d == ']') {
                    ++m_pos;
                    break;
                }
                if (d == ',') {
                    ++m_pos;
                    continue;
                }
                scanValue(indexPath(path, index++));
            }
        } else if (c == '"') {
            scanString();
        } else {
            while (!atEnd() && !isDelimiter(m_json.at(m_pos)))
                ++m_pos;
        }
    }

private:
    bool atEnd() const { return m_pos >= m_json.size(); }

    static bool isDelimiter(char c)
    {
        return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_json.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                break;
            ++m_pos;
        }
    }

    QString scanString()
    {
        const qsizetype begin = m_pos;
        qsizetype i = m_pos + 1;
        bool escaped = false;
        while (i < m_json.size() && m_json.at(i) != '"') {
            if (m_json.at(i) == '\\') {
                escaped = true;
                ++i;
            }
            ++i;
        }
        m_pos = qMin(i + 1, m_json.size());
        if (!escaped)
            return QString::fromUtf8(m_json.constData() + begin + 1, i - begin - 1);
        // Let Qt decode the escapes so keys compare equal to QJsonObject's.
        const QByteArray wrapped = '[' + m_json.mid(begin, m_pos - begin) + ']';
        return QJsonDocument::fromJson(wrapped).array().at(0).toString();
    }

    const QByteArray& m_json;
    SourceMap& m_map;
    qsizetype m_pos = 0;
};

// 1-based line and column (in characters, not bytes) of a byte offset in UTF-8 text.
void lineAndColumn(const QByteArray& json, qsizetype offset, int& line, int& column)
{
    offset = qBound<qsizetype>(0, offset, json.size());
    line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(json.at(i)) & 0xC0) != 0x80)
            ++column;
    }
}

// The JSON text of a scalar exactly as QJsonDocument writes it.
QByteArray scalarJson(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true/false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("a list");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Checks the shape of a parsed template and says where the first problem is.
class TemplateChecker
{
public:
    TemplateChecker(const QByteArray& json, const QString& fileName, const SourceMap& map)
        : m_json(json)
        , m_fileName(fileName)
        , m_map(map)
    { }

    std::optional<Error> check(const QJsonObject& root) const
    {
        const bool hasMessages = root.contains(kMessages);
        const bool hasPrompt = root.contains(kPrompt);
        if (hasMessages && hasPrompt) {
            // Point at whichever of the two comes second: that is the one to delete.
            const bool promptLater = m_map.offsets.value(kPrompt) > m_map.offsets.value(kMessages);
            return error(promptLater ? QString(kPrompt) : QString(kMessages),
                QStringLiteral("a template has either \"messages\" or \"prompt\", not both"));
        }
        if (!hasMessages && !hasPrompt)
            return error(
                QString(), QStringLiteral("a template needs \"messages\" (chat) or \"prompt\" (completion)"));
        if (hasMessages) {
            if (auto problem = checkMessages(root.value(kMessages)))
                return problem;
        } else if (!root.value(kPrompt).isString()) {
            return expected(kPrompt, QStringLiteral("a string"), root.value(kPrompt));
        }
        if (root.contains(kMetadata))
            return checkMetadata(root.value(kMetadata));
        return std::nullopt;
    }

    Error error(const QString& path, const QString& message) const
    {
        Error e;
        e.message = message;
        e.file = m_fileName;
        e.path = path;
        // A missing key has no position of its own: use the object that lacks it.
        QString located = path;
        while (!m_map.offsets.contains(located) && !located.isEmpty()) {
            const qsizetype cut
                = qMax(located.lastIndexOf(QLatin1Char('.')), located.lastIndexOf(QLatin1Char('[')));
            located = cut > 0 ? located.left(cut) : QString();
        }
        if (m_map.offsets.contains(located))
            lineAndColumn(m_json, m_map.offsets.value(located), e.line, e.column);
        return e;
    }

private:
    Error expected(const QString& path, const QString& what, const QJsonValue& got) const
    {
        return error(path, QStringLiteral("expected %1, got %2").arg(what, jsonTypeName(got)));
    }

    std::optional<Error> checkMessages(const QJsonValue& value) const
    {
        if (!value.isArray())
            return expected(kMessages, QStringLiteral("a list of messages"), value);
        const QJsonArray messages = value.toArray();
        for (qsizetype i = 0; i < messages.size(); ++i) {
            if (auto problem = checkMessage(indexPath(kMessages, i), messages.at(i)))
                return problem;
        }
        return std::nullopt;
    }

    std::optional<Error> checkMessage(const QString& path, const QJsonValue& value) const
    {
        if (!value.isObject())
            return expected(path, QStringLiteral("a message object"), value);
        const QJsonObject message = value.toObject();
        const QString rolePath = childPath(path, QStringLiteral("role"));
        if (!message.contains(QLatin1String("role")))
            return error(path, QStringLiteral("a message needs a \"role\""));
        if (!message.value(QLatin1String("role")).isString())
            return expected(rolePath, QStringLiteral("a string"), message.value(QLatin1String("role")));
        if (message.contains(QLatin1String("name")) && !message.value(QLatin1String("name")).isString())
            return expected(childPath(path, QStringLiteral("name")), QStringLiteral("a string"),
                message.value(QLatin1String("name")));

        // An assistant message that only calls tools has no content (or null).
        const bool callsTools = message.contains(QLatin1String("tool_calls"))
            || message.contains(QLatin1String("function_call"));
        const QString contentPath = childPath(path, QStringLiteral("content"));
        const QJsonValue content = message.value(QLatin1String("content"));
        if (content.isUndefined() || content.isNull()) {
            if (callsTools)
                return std::nullopt;
            if (content.isNull())
                return expected(contentPath, QStringLiteral("a string"), content);
            return error(path, QStringLiteral("a message needs a \"content\""));
        }
        if (content.isString())
            return std::nullopt;
        if (!content.isArray())
            return expected(contentPath, QStringLiteral("a string or a list of content parts"), content);
        const QJsonArray parts = content.toArray();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString partPath = indexPath(contentPath, i);
            if (!parts.at(i).isObject())
                return expected(partPath, QStringLiteral("a content part object"), parts.at(i));
            const QJsonObject part = parts.at(i).toObject();
            const QJsonValue type = part.value(QLatin1String("type"));
            if (type.isUndefined())
                return error(partPath, QStringLiteral("a content part needs a \"type\""));
            if (!type.isString())
                return expected(
                    childPath(partPath, QStringLiteral("type")), QStringLiteral("a string"), type);
            if (type.toString() == QLatin1String("text") && !part.value(QLatin1String("text")).isString())
                return expected(childPath(partPath, QStringLiteral("text")), QStringLiteral("a string"),
                    part.value(QLatin1String("text")));
        }
        return std::nullopt;
    }

    std::optional<Error> checkMetadata(const QJsonValue& value) const
    {
        if (!value.isObject())
            return expected(kMetadata, QStringLiteral("an object"), value);
        const QJsonObject metadata = value.toObject();
        if (metadata.contains(kDescription) && !metadata.value(kDescription).isString())
            return expected(
                childPath(kMetadata, kDescription), QStringLiteral("a string"), metadata.value(kDescription));
        if (!metadata.contains(kParameters))
            return std::nullopt;
        const QString parametersPath = childPath(kMetadata, kParameters);
        if (!metadata.value(kParameters).isObject())
            return expected(parametersPath, QStringLiteral("an object"), metadata.value(kParameters));
        const QJsonObject parameters = metadata.value(kParameters).toObject();
        for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
            const QString path = childPath(parametersPath, it.key());
            if (!it.value().isObject())
                return expected(path, QStringLiteral("an object"), it.value());
            const QJsonObject spec = it.value().toObject();
            if (spec.contains(kDescription) && !spec.value(kDescription).isString())
                return expected(
                    childPath(path, kDescription), QStringLiteral("a string"), spec.value(kDescription));
            if (spec.contains(kDefault) && !spec.value(kDefault).isString()
                && !spec.value(kDefault).isDouble())
                return expected(
                    childPath(path, kDefault), QStringLiteral("a string or a number"), spec.value(kDefault));
            for (const QLatin1String flag : { kMultiline, kFile }) {
                if (spec.contains(flag) && !spec.value(flag).isBool())
                    return expected(childPath(path, flag), QStringLiteral("true or false"), spec.value(flag));
            }
        }
        return std::nullopt;
    }

    const QByteArray& m_json;
    const QString& m_fileName;
    const SourceMap& m_map;
};

// Writes a template the way people write them by hand (and the book prints them):
// 4-space indents, one message per line, short lists and flat objects on one line.
class TemplateWriter
{
public:
    enum class Context {
        Generic,
        MessageList,
        Message,
        ContentPart,
        Metadata,
        MetadataParameters,
        MetadataParameter
    };

    TemplateWriter(const QHash<QString, QStringList>& keyOrder, const QStringList& parameterOrder)
        : m_keyOrder(keyOrder)
        , m_parameterOrder(parameterOrder)
    { }

    QByteArray write(const QJsonObject& root)
    {
        m_out.clear();
        writeBlockObject(root, QString(), 0, Context::Generic, true);
        m_out += '\n';
        return m_out;
    }

private:
    static bool isFlat(const QJsonValue& value)
    {
        const auto isLeaf = [](const QJsonValue& v) {
            return !(v.isArray() || v.isObject()) || (v.isArray() && v.toArray().isEmpty())
                || (v.isObject() && v.toObject().isEmpty());
        };
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            return std::all_of(array.begin(), array.end(), isLeaf);
        }
        const QJsonObject object = value.toObject();
        return std::all_of(object.begin(), object.end(), isLeaf);
    }

    // Where a known key leads; everything else is Generic.
    static Context childContext(Context parent, const QString& key, bool topLevel)
    {
        if (topLevel && key == kMessages)
            return Context::MessageList;
        if (topLevel && key == kMetadata)
            return Context::Metadata;
        switch (parent) {
        case Context::MessageList:
            return Context::Message;
        case Context::Message:
            return key == QLatin1String("content") ? Context::ContentPart : Context::Generic;
        case Context::Metadata:
            return key == kParameters ? Context::MetadataParameters : Context::Generic;
        case Context::MetadataParameters:
            return Context::MetadataParameter;
        default:
            return Context::Generic;
        }
    }

    QStringList preferredKeys(Context context) const
    {
        switch (context) {
        case Context::Message:
            return { QStringLiteral("role"), QStringLiteral("name"), QStringLiteral("content") };
        case Context::ContentPart:
            return { QStringLiteral("type"), QStringLiteral("text") };
        case Context::Metadata:
            return { kDescription, kParameters };
        case Context::MetadataParameters:
            return m_parameterOrder;
        case Context::MetadataParameter:
            return { kDescription, kDefault, kMultiline, kFile };
        default:
            return {};
        }
    }

    // The loaded order first, then the usual order for this kind of object, then the rest.
    QStringList orderedKeys(const QJsonObject& object, const QString& path, Context context) const
    {
        QStringList keys;
        QSet<QString> seen;
        const auto take = [&](const QString& key) {
            if (object.contains(key) && !seen.contains(key)) {
                seen.insert(key);
                keys.append(key);
            }
        };
        for (const QString& key : m_keyOrder.value(path))
            take(key);
        for (const QString& key : preferredKeys(context))
            take(key);
        for (const QString& key : object.keys())
            take(key);
        return keys;
    }

    void indent(int level) { m_out += QByteArray(level, ' '); }

    void writeKey(const QString& key)
    {
        m_out += scalarJson(key);
        m_out += ": ";
    }

    void writeValue(const QJsonValue& value, const QString& path, int level, Context context)
    {
        if (!value.isArray() && !value.isObject()) {
            m_out += scalarJson(value);
        } else if (context == Context::MessageList && value.isArray()) {
            writeBlockArray(value.toArray(), path, level, context);
        } else if (context == Context::Message || isFlat(value)) {
            writeInline(value, path, context);
        } else if (value.isArray()) {
            writeBlockArray(value.toArray(), path, level, context);
        } else {
            writeBlockObject(value.toObject(), path, level, context, false);
        }
    }

    void writeInline(const QJsonValue& value, const QString& path, Context context)
    {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            const Context elementContext = context == Context::MessageList ? Context::Message : context;
            m_out += '[';
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (i > 0)
                    m_out += ", ";
                writeInline(array.at(i), indexPath(path, i), elementContext);
            }
            m_out += ']';
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            if (object.isEmpty()) {
                m_out += "{}";
                return;
            }
            m_out += "{ ";
            bool first = true;
            for (const QString& key : orderedKeys(object, path, context)) {
                if (!first)
                    m_out += ", ";
                first = false;
                writeKey(key);
                writeInline(object.value(key), childPath(path, key), childContext(context, key, false));
            }
            m_out += " }";
        } else {
            m_out += scalarJson(value);
        }
    }

    void writeBlockArray(const QJsonArray& array, const QString& path, int level, Context context)
    {
        if (array.isEmpty()) {
            m_out += "[]";
            return;
        }
        const Context elementContext = context == Context::MessageList ? Context::Message : context;
        m_out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            indent(level + 4);
            writeValue(array.at(i), indexPath(path, i), level + 4, elementContext);
            m_out += i + 1 < array.size() ? ",\n" : "\n";
        }
        indent(level);
        m_out += ']';
    }

    void writeBlockObject(
        const QJsonObject& object, const QString& path, int level, Context context, bool topLevel)
    {
        if (object.isEmpty()) {
            m_out += "{}";
            return;
        }
        m_out += "{\n";
        const QStringList keys = orderedKeys(object, path, context);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            indent(level + 4);
            writeKey(keys.at(i));
            writeValue(object.value(keys.at(i)), childPath(path, keys.at(i)), level + 4,
                childContext(context, keys.at(i), topLevel));
            m_out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        indent(level);
        m_out += '}';
    }

    const QHash<QString, QStringList>& m_keyOrder;
    const QStringList& m_parameterOrder;
    QByteArray m_out;
};

QStringList namesInContent(const QJsonValue& content)
{
    if (content.isString())
        return placeholderNames(content.toString());
    QStringList names;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue& part : parts) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("text"))
            names += placeholderNames(object.value(QLatin1String("text")).toString());
    }
    return names;
}

QJsonValue renderContent(const QJsonValue& content, const QHash<QString, QString>& values)
{
    if (content.isString())
        return renderPlaceholders(content.toString(), values);
    if (!content.isArray())
        return content;
    QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QJsonObject part = parts.at(i).toObject();
        if (part.value(QLatin1String("type")).toString() != QLatin1String("text"))
            continue;
        part.insert(
            QLatin1String("text"), renderPlaceholders(part.value(QLatin1String("text")).toString(), values));
        parts.replace(i, part);
    }
    return parts;
}

QString defaultText(const QJsonValue& value)
{
    return value.isString() ? value.toString() : QString::fromUtf8(scalarJson(value));
}

} // namespace

PromptTemplate::PromptTemplate()
{
    m_root.insert(kMessages, QJsonArray());
    m_keyOrder.insert(QString(), { kMessages });
}

Result<PromptTemplate> PromptTemplate::fromJson(const QByteArray& json, const QString& fileName)
{
    // A UTF-8 byte order mark is invisible in editors, so columns count from after it.
    const QByteArray text = json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Error e;
        e.message = QStringLiteral("invalid JSON: %1").arg(parseError.errorString());
        e.file = fileName;
        lineAndColumn(text, parseError.offset, e.line, e.column);
        return e;
    }

    SourceMap map;
    SourceScanner(text, map).scanValue(QString());
    const TemplateChecker checker(text, fileName, map);
    if (!document.isObject())
        return checker.error(QString(), QStringLiteral("expected a JSON object at the top level"));
    const QJsonObject root = document.object();
    if (auto problem = checker.check(root))
        return *problem;

    PromptTemplate result;
    result.m_root = root;
    result.m_keyOrder = map.keyOrder;
    return result;
}

Result<PromptTemplate> PromptTemplate::load(const QString& path)
{
    QFile file(path);
    Error e;
    e.file = path;
    if (!file.open(QIODevice::ReadOnly)) {
        e.message = QStringLiteral("cannot read the template: %1").arg(file.errorString());
        return e;
    }
    if (file.size() > kMaxTemplateBytes) {
        e.message = QStringLiteral("the file is too large to be a template (%1 bytes)").arg(file.size());
        return e;
    }
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        e.message = QStringLiteral("cannot read the template: %1").arg(file.errorString());
        return e;
    }
    return fromJson(json, path);
}

Status PromptTemplate::save(const QString& path) const
{
    QSaveFile file(path);
    Error e;
    e.file = path;
    if (!file.open(QIODevice::WriteOnly)) {
        e.message = QStringLiteral("cannot write the template: %1").arg(file.errorString());
        return e;
    }
    const QByteArray json = toJson();
    if (file.write(json) != json.size() || !file.commit()) {
        e.message = QStringLiteral("cannot write the template: %1").arg(file.errorString());
        return e;
    }
    return success();
}

QByteArray PromptTemplate::toJson() const
{
    return TemplateWriter(m_keyOrder, parameterNames()).write(m_root);
}

PromptTemplate::Kind PromptTemplate::kind() const
{
    return m_root.contains(kMessages) ? Kind::Chat : Kind::Completion;
}

QString PromptTemplate::description() const
{
    return metadata().value(kDescription).toString();
}

void PromptTemplate::setDescription(const QString& description)
{
    QJsonObject metadata = this->metadata();
    if (description.isEmpty())
        metadata.remove(kDescription);
    else
        metadata.insert(kDescription, description);
    setMetadata(metadata);
}

QJsonValue PromptTemplate::metadataValue(const QString& key) const
{
    return metadata().value(key);
}

void PromptTemplate::setMetadataValue(const QString& key, const QJsonValue& value)
{
    QJsonObject metadata = this->metadata();
    if (value.isUndefined())
        metadata.remove(key);
    else
        metadata.insert(key, value);
    setMetadata(metadata);
}

QStringList PromptTemplate::parameterNames() const
{
    QStringList names;
    if (kind() == Kind::Completion) {
        names = placeholderNames(prompt());
    } else {
        const QJsonArray messages = this->messages();
        for (const QJsonValue& message : messages)
            names += namesInContent(message.toObject().value(QLatin1String("content")));
    }
    names.removeDuplicates(); // keeps the first of each, so the order of first appearance
    return names;
}

QList<ParameterSpec> PromptTemplate::parameters() const
{
    QList<ParameterSpec> specs;
    const QStringList names = parameterNames();
    for (const QString& name : names)
        specs.append(parameter(name));
    return specs;
}

ParameterSpec PromptTemplate::parameter(const QString& name) const
{
    ParameterSpec spec;
    spec.name = name;
    const QJsonObject entry = metadata().value(kParameters).toObject().value(name).toObject();
    spec.description = entry.value(kDescription).toString();
    spec.hasDefault = entry.contains(kDefault);
    if (spec.hasDefault)
        spec.defaultValue = defaultText(entry.value(kDefault));
    spec.multiline = entry.value(kMultiline).toBool();
    spec.fromFile = entry.value(kFile).toBool();
    return spec;
}

void PromptTemplate::setParameterSpec(const ParameterSpec& spec)
{
    QJsonObject metadata = this->metadata();
    QJsonObject parameters = metadata.value(kParameters).toObject();
    QJsonObject entry = parameters.value(spec.name).toObject();
    const auto set = [&entry](QLatin1String key, bool keep, const QJsonValue& value) {
        if (keep)
            entry.insert(key, value);
        else
            entry.remove(key);
    };
    set(kDescription, !spec.description.isEmpty(), spec.description);
    set(kDefault, spec.hasDefault, spec.defaultValue);
    set(kMultiline, spec.multiline, true);
    set(kFile, spec.fromFile, true);
    if (entry.isEmpty())
        parameters.remove(spec.name);
    else
        parameters.insert(spec.name, entry);
    if (parameters.isEmpty())
        metadata.remove(kParameters);
    else
        metadata.insert(kParameters, parameters);
    setMetadata(metadata);
}

QJsonArray PromptTemplate::messages() const
{
    return m_root.value(kMessages).toArray();
}

void PromptTemplate::setMessages(const QJsonArray& messages)
{
    replaceBodyKey(kPrompt, kMessages);
    // The loaded key order stays: an edited message keeps its keys where they were,
    // and for a moved one a stale order only affects layout, never content.
    m_root.insert(kMessages, messages);
}

QString PromptTemplate::prompt() const
{
    return m_root.value(kPrompt).toString();
}

void PromptTemplate::setPrompt(const QString& prompt)
{
    replaceBodyKey(kMessages, kPrompt);
    m_root.insert(kPrompt, prompt);
}

QJsonObject PromptTemplate::requestParameters() const
{
    QJsonObject parameters = m_root;
    parameters.remove(kMessages);
    parameters.remove(kPrompt);
    parameters.remove(kMetadata);
    return parameters;
}

void PromptTemplate::setRequestParameter(const QString& key, const QJsonValue& value)
{
    if (isReservedKey(key))
        return;
    QStringList& order = m_keyOrder[QString()];
    if (value.isUndefined()) {
        m_root.remove(key);
        order.removeAll(key);
        return;
    }
    if (!order.contains(key)) {
        // Keep request parameters together: after the last one, else first of all.
        qsizetype at = 0;
        for (qsizetype i = 0; i < order.size(); ++i) {
            if (!isReservedKey(order.at(i)))
                at = i + 1;
        }
        order.insert(at, key);
    }
    m_root.insert(key, value);
}

QHash<QString, QString> PromptTemplate::effectiveValues(const QHash<QString, QString>& values) const
{
    QHash<QString, QString> effective;
    const QJsonObject parameters = metadata().value(kParameters).toObject();
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        if (entry.contains(kDefault))
            effective.insert(it.key(), defaultText(entry.value(kDefault)));
    }
    effective.insert(values);
    return effective;
}

QJsonObject PromptTemplate::render(const QHash<QString, QString>& values) const
{
    const QHash<QString, QString> effective = effectiveValues(values);
    QJsonObject body = requestParameters();
    if (kind() == Kind::Completion) {
        body.insert(kPrompt, renderPlaceholders(prompt(), effective));
        return body;
    }
    QJsonArray messages = this->messages();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        QJsonObject message = messages.at(i).toObject();
        if (message.contains(QLatin1String("content"))) {
            message.insert(
                QLatin1String("content"), renderContent(message.value(QLatin1String("content")), effective));
            messages.replace(i, message);
        }
    }
    body.insert(kMessages, messages);
    return body;
}

QJsonObject PromptTemplate::metadata() const
{
    return m_root.value(kMetadata).toObject();
}

void PromptTemplate::setMetadata(const QJsonObject& metadata)
{
    QStringList& order = m_keyOrder[QString()];
    if (metadata.isEmpty()) {
        m_root.remove(kMetadata);
        order.removeAll(kMetadata);
        return;
    }
    m_root.insert(kMetadata, metadata);
    if (!order.contains(kMetadata))
        order.append(kMetadata);
}

void PromptTemplate::replaceBodyKey(const QString& oldKey, const QString& newKey)
{
    if (m_root.contains(oldKey)) {
        m_root.remove(oldKey);
        const QString prefix = oldKey + QLatin1Char('[');
        m_keyOrder.removeIf(
            [&](const auto& it) { return it.key() == oldKey || it.key().startsWith(prefix); });
    }
    QStringList& order = m_keyOrder[QString()];
    const qsizetype at = order.indexOf(oldKey);
    if (at >= 0)
        order.replace(at, newKey);
    else if (!order.contains(newKey))
        order.append(newKey);
}

} // namespace tb
