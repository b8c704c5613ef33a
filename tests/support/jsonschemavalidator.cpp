// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonschemavalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace tb::test {

namespace {

constexpr int kMaxDepth = 200;

bool isInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::isfinite(number) && std::floor(number) == number;
}

bool hasType(const QJsonValue& value, const QString& type)
{
    if (type == QLatin1String("null"))
        return value.isNull();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer"))
        return isInteger(value);
    if (type == QLatin1String("string"))
        return value.isString();
    return true; // unknown type names do not constrain
}

QString typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return isInteger(value) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: return QStringLiteral("undefined");
    }
    return QString();
}

QString brief(const QJsonValue& value)
{
    QString text;
    if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

QString propertyPath(const QString& path, const QString& key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(key).hasMatch())
        return path + QLatin1Char('.') + key;
    return path + QStringLiteral("[\"") + key + QStringLiteral("\"]");
}

} // namespace

JsonSchemaValidator::JsonSchemaValidator(QJsonObject document)
    : m_document(std::move(document))
{
}

Result<JsonSchemaValidator> JsonSchemaValidator::fromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error error;
        error.message = file.errorString();
        error.file = path;
        return error;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        Error error;
        error.message = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
        error.file = path;
        return error;
    }
    return JsonSchemaValidator(doc.object());
}

QJsonValue JsonSchemaValidator::resolve(const QString& pointer) const
{
    QString text = pointer;
    if (text.startsWith(QLatin1Char('#')))
        text.remove(0, 1);
    QJsonValue current = m_document;
    if (text.isEmpty())
        return current;
    const QStringList tokens = text.mid(1).split(QLatin1Char('/'));
    for (QString token : tokens) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (current.isObject()) {
            current = current.toObject().value(token);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            current = ok ? current.toArray().at(index) : QJsonValue(QJsonValue::Undefined);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
        if (current.isUndefined())
            return current;
    }
    return current;
}

QJsonValue JsonSchemaValidator::followRefs(QJsonValue value) const
{
    for (int i = 0; i < 32 && value.isObject() && value.toObject().contains(QStringLiteral("$ref")); ++i)
        value = resolve(value.toObject().value(QStringLiteral("$ref")).toString());
    return value;
}

QJsonValue JsonSchemaValidator::requestSchema(const QString& path, const QString& method,
                                              const QString& contentType) const
{
    const QJsonObject operation = m_document.value(QStringLiteral("paths")).toObject().value(path).toObject().value(method).toObject();
    const QJsonObject body = followRefs(operation.value(QStringLiteral("requestBody"))).toObject();
    return body.value(QStringLiteral("content")).toObject().value(contentType).toObject().value(QStringLiteral("schema"));
}

QJsonValue JsonSchemaValidator::responseSchema(const QString& path, const QString& method, const QString& status,
                                               const QString& contentType) const
{
    const QJsonObject operation = m_document.value(QStringLiteral("paths")).toObject().value(path).toObject().value(method).toObject();
    const QJsonObject response =
        followRefs(operation.value(QStringLiteral("responses")).toObject().value(status)).toObject();
    return response.value(QStringLiteral("content")).toObject().value(contentType).toObject().value(QStringLiteral("schema"));
}

QList<SchemaError> JsonSchemaValidator::validate(const QJsonValue& instance, const QJsonValue& schema) const
{
    QList<SchemaError> errors;
    if (schema.isUndefined()) {
        errors.append({QStringLiteral("$"), QStringLiteral("schema not found")});
        return errors;
    }
    check(instance, schema, QStringLiteral("$"), &errors, 0);
    return errors;
}

QList<SchemaError> JsonSchemaValidator::validate(const QJsonValue& instance, const QString& schemaPointer) const
{
    return validate(instance, resolve(schemaPointer));
}

QString JsonSchemaValidator::format(const QList<SchemaError>& errors)
{
    QStringList lines;
    for (const SchemaError& error : errors)
        lines << error.path + QStringLiteral(": ") + error.message;
    return lines.join(QLatin1Char('\n'));
}

void JsonSchemaValidator::check(const QJsonValue& instance, const QJsonValue& schemaValue, const QString& path,
                                QList<SchemaError>* errors, int depth) const
{
    if (depth > kMaxDepth) {
        errors->append({path, QStringLiteral("schema nesting too deep (recursive $ref?)")});
        return;
    }
    if (schemaValue.isBool()) {
        if (!schemaValue.toBool())
            errors->append({path, QStringLiteral("no value is allowed here")});
        return;
    }
    if (!schemaValue.isObject())
        return;
    const QJsonObject schema = schemaValue.toObject();

    // OpenAPI 3.0: nullable: true means "or null".
    if (instance.isNull() && schema.value(QStringLiteral("nullable")).toBool())
        return;

    if (schema.contains(QStringLiteral("$ref"))) {
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        const QJsonValue target = resolve(ref);
        if (target.isUndefined())
            errors->append({path, QStringLiteral("unresolvable $ref %1").arg(ref)});
        else
            check(instance, target, path, errors, depth + 1);
    }

    if (schema.contains(QStringLiteral("type"))) {
        const QJsonValue type = schema.value(QStringLiteral("type"));
        QStringList types;
        if (type.isArray()) {
            const QJsonArray array = type.toArray();
            for (const QJsonValue& t : array)
                types << t.toString();
        } else {
            types << type.toString();
        }
        bool matches = false;
        for (const QString& t : std::as_const(types))
            matches = matches || hasType(instance, t);
        if (!matches) {
            errors->append({path, QStringLiteral("expected %1, got %2").arg(types.join(QLatin1Char('|')), typeName(instance))});
            return; // further keywords would only repeat the type mismatch
        }
    }

    if (schema.contains(QStringLiteral("enum"))) {
        const QJsonArray values = schema.value(QStringLiteral("enum")).toArray();
        if (!values.contains(instance))
            errors->append({path, QStringLiteral("%1 is not one of %2").arg(brief(instance), brief(values))});
    }
    if (schema.contains(QStringLiteral("const")) && schema.value(QStringLiteral("const")) != instance)
        errors->append({path, QStringLiteral("%1 is not %2").arg(brief(instance), brief(schema.value(QStringLiteral("const"))))});

    if (instance.isDouble()) {
        const double number = instance.toDouble();
        const QJsonValue minimum = schema.value(QStringLiteral("minimum"));
        const QJsonValue maximum = schema.value(QStringLiteral("maximum"));
        const QJsonValue exclusiveMinimum = schema.value(QStringLiteral("exclusiveMinimum"));
        const QJsonValue exclusiveMaximum = schema.value(QStringLiteral("exclusiveMaximum"));
        // OpenAPI 3.0 form: exclusiveMinimum: true next to minimum: m means "> m".
        const bool minExclusiveFlag = exclusiveMinimum.isBool() && exclusiveMinimum.toBool();
        const bool maxExclusiveFlag = exclusiveMaximum.isBool() && exclusiveMaximum.toBool();
        if (minimum.isDouble()) {
            if (minExclusiveFlag ? number <= minimum.toDouble() : number < minimum.toDouble())
                errors->append({path, QStringLiteral("%1 is below the %2minimum %3")
                                          .arg(brief(instance), minExclusiveFlag ? QStringLiteral("exclusive ") : QString(),
                                               brief(minimum))});
        }
        if (maximum.isDouble()) {
            if (maxExclusiveFlag ? number >= maximum.toDouble() : number > maximum.toDouble())
                errors->append({path, QStringLiteral("%1 is above the %2maximum %3")
                                          .arg(brief(instance), maxExclusiveFlag ? QStringLiteral("exclusive ") : QString(),
                                               brief(maximum))});
        }
        if (exclusiveMinimum.isDouble() && number <= exclusiveMinimum.toDouble())
            errors->append({path, QStringLiteral("%1 must be greater than %2").arg(brief(instance), brief(exclusiveMinimum))});
        if (exclusiveMaximum.isDouble() && number >= exclusiveMaximum.toDouble())
            errors->append({path, QStringLiteral("%1 must be less than %2").arg(brief(instance), brief(exclusiveMaximum))});
    }

    if (instance.isString()) {
        const QString text = instance.toString();
        const qsizetype length = text.toUcs4().size();
        if (schema.contains(QStringLiteral("minLength")) && length < schema.value(QStringLiteral("minLength")).toInt())
            errors->append({path, QStringLiteral("string shorter than %1").arg(schema.value(QStringLiteral("minLength")).toInt())});
        if (schema.contains(QStringLiteral("maxLength")) && length > schema.value(QStringLiteral("maxLength")).toInt())
            errors->append({path, QStringLiteral("string longer than %1").arg(schema.value(QStringLiteral("maxLength")).toInt())});
        if (schema.contains(QStringLiteral("pattern"))) {
            const QRegularExpression pattern(schema.value(QStringLiteral("pattern")).toString());
            if (pattern.isValid() && !pattern.match(text).hasMatch())
                errors->append({path, QStringLiteral("%1 does not match /%2/").arg(brief(instance), pattern.pattern())});
        }
    }

    if (instance.isArray()) {
        const QJsonArray array = instance.toArray();
        if (schema.contains(QStringLiteral("minItems")) && array.size() < schema.value(QStringLiteral("minItems")).toInt())
            errors->append({path, QStringLiteral("fewer than %1 items").arg(schema.value(QStringLiteral("minItems")).toInt())});
        if (schema.contains(QStringLiteral("maxItems")) && array.size() > schema.value(QStringLiteral("maxItems")).toInt())
            errors->append({path, QStringLiteral("more than %1 items").arg(schema.value(QStringLiteral("maxItems")).toInt())});
        const QJsonArray prefixItems = schema.value(QStringLiteral("prefixItems")).toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = path + QStringLiteral("[%1]").arg(i);
            if (i < prefixItems.size())
                check(array.at(i), prefixItems.at(i), itemPath, errors, depth + 1);
            else if (schema.contains(QStringLiteral("items")))
                check(array.at(i), schema.value(QStringLiteral("items")), itemPath, errors, depth + 1);
        }
    }

    if (instance.isObject())
        checkObject(instance.toObject(), schema, path, errors, depth);

    if (schema.contains(QStringLiteral("allOf"))) {
        const QJsonArray all = schema.value(QStringLiteral("allOf")).toArray();
        for (const QJsonValue& sub : all)
            check(instance, sub, path, errors, depth + 1);
    }
    auto countMatches = [&](const QJsonArray& alternatives, QStringList* firstErrors) {
        int matches = 0;
        for (const QJsonValue& sub : alternatives) {
            QList<SchemaError> subErrors;
            check(instance, sub, path, &subErrors, depth + 1);
            if (subErrors.isEmpty())
                ++matches;
            else
                *firstErrors << subErrors.first().path + QStringLiteral(": ") + subErrors.first().message;
        }
        return matches;
    };
    if (schema.contains(QStringLiteral("anyOf"))) {
        QStringList reasons;
        const QJsonArray alternatives = schema.value(QStringLiteral("anyOf")).toArray();
        if (countMatches(alternatives, &reasons) == 0)
            errors->append({path, QStringLiteral("matches none of anyOf (%1)").arg(reasons.join(QStringLiteral("; ")))});
    }
    if (schema.contains(QStringLiteral("oneOf"))) {
        QStringList reasons;
        const QJsonArray alternatives = schema.value(QStringLiteral("oneOf")).toArray();
        const int matches = countMatches(alternatives, &reasons);
        if (matches == 0)
            errors->append({path, QStringLiteral("matches none of oneOf (%1)").arg(reasons.join(QStringLiteral("; ")))});
        else if (matches > 1)
            errors->append({path, QStringLiteral("matches %1 alternatives of oneOf, expected exactly one").arg(matches)});
    }
    if (schema.contains(QStringLiteral("not"))) {
        QList<SchemaError> subErrors;
        check(instance, schema.value(QStringLiteral("not")), path, &subErrors, depth + 1);
        if (subErrors.isEmpty())
            errors->append({path, QStringLiteral("must not match the \"not\" schema")});
    }
}

void JsonSchemaValidator::checkObject(const QJsonObject& instance, const QJsonObject& schema, const QString& path,
                                      QList<SchemaError>* errors, int depth) const
{
    const QJsonArray required = schema.value(QStringLiteral("required")).toArray();
    for (const QJsonValue& name : required) {
        if (!instance.contains(name.toString()))
            errors->append({path, QStringLiteral("missing required property \"%1\"").arg(name.toString())});
    }
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
    for (auto it = instance.constBegin(); it != instance.constEnd(); ++it) {
        const QString childPath = propertyPath(path, it.key());
        if (properties.contains(it.key()))
            check(it.value(), properties.value(it.key()), childPath, errors, depth + 1);
        else if (additional.isBool() && !additional.toBool())
            errors->append({childPath, QStringLiteral("property \"%1\" is not allowed").arg(it.key())});
        else if (additional.isObject())
            check(it.value(), additional, childPath, errors, depth + 1);
    }
    if (schema.contains(QStringLiteral("minProperties")) && instance.size() < schema.value(QStringLiteral("minProperties")).toInt())
        errors->append({path, QStringLiteral("fewer than %1 properties").arg(schema.value(QStringLiteral("minProperties")).toInt())});
    if (schema.contains(QStringLiteral("maxProperties")) && instance.size() > schema.value(QStringLiteral("maxProperties")).toInt())
        errors->append({path, QStringLiteral("more than %1 properties").arg(schema.value(QStringLiteral("maxProperties")).toInt())});
}

} // namespace tb::test
