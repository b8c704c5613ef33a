// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON string escaping for the JSONL writers (dataset converter, legacy prepare, the bench's
// test-data generator). Header-only and Qt-free so that the generator needs no core library.

#include <string_view>

namespace tb::json {

enum class Escaping {
    Minimal, // \" \\ \n \r \t, and \u00XX for the other control bytes
    Ujson, // as pandas' ujson writes with force_ascii=False: also \/, \b and \f
};

// Appends the escaped bytes of UTF-8 text, without quotes, to a QByteArray or std::string.
template <typename Out> void appendEscaped(Out& out, std::string_view utf8, Escaping escaping)
{
    static const char kHex[] = "0123456789abcdef";
    const bool ujson = escaping == Escaping::Ujson;
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (ujson && c == '/') {
            out += "\\/";
        } else if (ujson && c == '\b') {
            out += "\\b";
        } else if (ujson && c == '\f') {
            out += "\\f";
        } else if (c < 0x20) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else {
            out += char(c);
        }
    }
}

} // namespace tb::json
