// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The small datasets compiled into the binary (":/samples"), copied out to a real
// folder so they can be memory-mapped and opened like any other file.

#include <QStringList>

namespace tb {

class SampleDatasets
{
public:
    // Copies every bundled sample that is not in `folder` yet (existing copies, which
    // the user may have edited, are left alone) and returns the paths of all of them.
    static QStringList install(const QString& folder);
};

} // namespace tb
