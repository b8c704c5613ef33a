// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "modellistjob.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tb {

ModelListJob::ModelListJob(ApiClient* client, QObject* parent)
    : ApiJob(client, QByteArrayLiteral("GET"), QStringLiteral("/models"), parent)
{
}

void ModelListJob::handleSuccess(const QByteArray& body, bool transportError)
{
    Q_UNUSED(transportError);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    // Ollama and friends sometimes answer with a bare array; accept both.
    const QJsonArray data = doc.isObject() ? doc.object().value(QStringLiteral("data")).toArray() : doc.array();
    if (parseError.error != QJsonParseError::NoError || (doc.isObject() && !doc.object().value(QStringLiteral("data")).isArray())) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidResponse;
        error.message = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("the model list is not valid JSON (%1)").arg(parseError.errorString())
            : QStringLiteral("the model list has no \"data\" array");
        fail(error);
        return;
    }
    QList<ModelInfo> models;
    for (const QJsonValue& value : data) {
        const QJsonObject object = value.toObject();
        ModelInfo model;
        model.id = object.value(QStringLiteral("id")).toString();
        model.ownedBy = object.value(QStringLiteral("owned_by")).toString();
        model.created = qint64(object.value(QStringLiteral("created")).toDouble());
        if (!model.id.isEmpty())
            models.append(model);
    }
    std::sort(models.begin(), models.end(), [](const ModelInfo& a, const ModelInfo& b) { return a.id < b.id; });
    markSucceeded();
    Q_EMIT finished(models, doc.object());
}

} // namespace tb
