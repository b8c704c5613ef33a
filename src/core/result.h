// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Value-type outcome of a core operation: either a value or an Error that says
// what went wrong and where (file, line, column, JSON path), never both.

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace tb {

struct Error
{
    QString message; // one human sentence, no secrets
    QString file; // empty when not about a file
    int line = 0; // 1-based; 0 = unknown
    int column = 0; // 1-based; 0 = unknown
    QString path; // JSON path such as "messages[2].content"; empty when not about a field

    // "file:line:column: path: message", leaving out what is unknown.
    QString toString() const;

    // An error about nothing in particular: no file, line or field.
    static Error plain(const QString& message);
    // An error about a whole file, such as one that cannot be opened.
    static Error inFile(const QString& file, const QString& message);
};

template <typename T> class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Error error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but can fail.
using Status = Result<std::monostate>;
inline Status success()
{
    return std::monostate {};
}

} // namespace tb
