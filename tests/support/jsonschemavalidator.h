// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small JSON-Schema validator for tests, covering the subset used by
// shared/api/openai-subset.json: local $ref, type, properties, required,
// additionalProperties, items/prefixItems, enum/const, anyOf/oneOf/allOf/not,
// numeric and length bounds, pattern, plus the OpenAPI 3.0 leftovers
// `nullable: true` and boolean `exclusiveMinimum`/`exclusiveMaximum`.

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace tb::test {

struct SchemaError
{
    QString path;    // JSON path of the offending value, e.g. "$.messages[0].role"
    QString message;
};

class JsonSchemaValidator
{
public:
    // The whole document is one resource: every "$ref" is a local "#/..." pointer into it.
    explicit JsonSchemaValidator(QJsonObject document);
    static Result<JsonSchemaValidator> fromFile(const QString& path);

    const QJsonObject& document() const { return m_document; }

    // "#/components/schemas/Model" (or without '#'); undefined when it does not resolve.
    QJsonValue resolve(const QString& pointer) const;

    // OpenAPI helpers: paths[path][method].requestBody.content[contentType].schema and
    // paths[path][method].responses[status].content[contentType].schema.
    QJsonValue requestSchema(const QString& path, const QString& method,
                             const QString& contentType = QStringLiteral("application/json")) const;
    QJsonValue responseSchema(const QString& path, const QString& method, const QString& status = QStringLiteral("200"),
                              const QString& contentType = QStringLiteral("application/json")) const;

    QList<SchemaError> validate(const QJsonValue& instance, const QJsonValue& schema) const;
    QList<SchemaError> validate(const QJsonValue& instance, const QString& schemaPointer) const;

    // One error per line, "path: message" — for QVERIFY2 messages.
    static QString format(const QList<SchemaError>& errors);

private:
    void check(const QJsonValue& instance, const QJsonValue& schema, const QString& path, QList<SchemaError>* errors,
               int depth) const;
    void checkObject(const QJsonObject& instance, const QJsonObject& schema, const QString& path,
                     QList<SchemaError>* errors, int depth) const;
    QJsonValue followRefs(QJsonValue value) const;

    QJsonObject m_document;
};

} // namespace tb::test
