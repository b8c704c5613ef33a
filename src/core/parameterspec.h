// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a template says about one of its `{{name}}` parameters: the optional
// metadata under "x-tunebench" -> "parameters" -> name, used to build input forms.

#include <QString>

namespace tb {

struct ParameterSpec
{
    QString name; // the placeholder name, already stripped
    QString description; // one line for a form label or tooltip; may be empty
    QString defaultValue; // used by PromptTemplate::render() when no value is given
    bool hasDefault = false; // an empty default ("") is still a default
    bool multiline = false; // edit in a text area rather than a line edit
    bool fromFile = false; // the value is usually a file's text (a document chunk)

    bool operator==(const ParameterSpec&) const = default;
};

} // namespace tb
