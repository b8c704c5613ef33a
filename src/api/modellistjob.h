// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// GET /models: the models the account (or local server) offers.

#include "api/apijob.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>

namespace tb {

struct ModelInfo
{
    QString id;
    QString ownedBy;
    qint64 created = 0; // unix seconds; 0 when the server does not say
};

class ModelListJob : public ApiJob
{
    Q_OBJECT
public:
    explicit ModelListJob(ApiClient* client, QObject* parent = nullptr);

Q_SIGNALS:
    // Models sorted by id; `response` is the list object as received.
    void finished(const QList<tb::ModelInfo>& models, const QJsonObject& response);

protected:
    void handleSuccess(const QByteArray& body, bool transportError) override;
};

} // namespace tb

Q_DECLARE_METATYPE(tb::ModelInfo)
