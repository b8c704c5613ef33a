// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandlineapp.h"

#include "cli/convertcommand.h"
#include "cli/dedupecommand.h"
#include "cli/exitcode.h"
#include "cli/modelscommand.h"
#include "cli/paramscommand.h"
#include "cli/preparecommand.h"
#include "cli/runcommand.h"
#include "cli/splitcommand.h"
#include "cli/validatecommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <memory>

namespace tb::cli {

namespace {

std::unique_ptr<CliCommand> createCommand(const QString& name)
{
    if (name == QLatin1String("run"))
        return std::make_unique<RunCommand>();
    if (name == QLatin1String("params"))
        return std::make_unique<ParamsCommand>();
    if (name == QLatin1String("models"))
        return std::make_unique<ModelsCommand>();
    if (name == QLatin1String("validate"))
        return std::make_unique<ValidateCommand>();
    if (name == QLatin1String("prepare"))
        return std::make_unique<PrepareCommand>();
    if (name == QLatin1String("dedupe"))
        return std::make_unique<DedupeCommand>();
    if (name == QLatin1String("split"))
        return std::make_unique<SplitCommand>();
    if (name == QLatin1String("convert"))
        return std::make_unique<ConvertCommand>();
    return nullptr;
}

const QStringList& commandNames()
{
    static const QStringList names { QStringLiteral("run"), QStringLiteral("params"),
        QStringLiteral("models"), QStringLiteral("validate"), QStringLiteral("prepare"),
        QStringLiteral("dedupe"), QStringLiteral("split"), QStringLiteral("convert") };
    return names;
}

QString overview()
{
    QString text = QStringLiteral("Usage: tunebench [FILE]            start the desktop app\n"
                                  "       tunebench COMMAND [options]  run a command without a display\n\n"
                                  "Commands:\n");
    for (const QString& name : commandNames())
        text += QStringLiteral("  %1  %2\n").arg(name, -8).arg(createCommand(name)->summary());
    text += QStringLiteral(
        "\n'tunebench COMMAND --help' describes a command.\n"
        "Exit codes: 0 ok, 1 data has errors, 2 usage, 3 API or network error,\n"
        "            4 unreadable or invalid input file, 5 no API key or keychain failure.\n");
    return text;
}

bool isHelpArgument(const QString& argument)
{
    return argument == QLatin1String("--help") || argument == QLatin1String("-h")
        || argument == QLatin1String("help");
}

} // namespace

bool CommandLineApp::handles(const QString& firstArgument)
{
    return commandNames().contains(firstArgument) || isHelpArgument(firstArgument)
        || firstArgument == QLatin1String("--version");
}

int CommandLineApp::exec(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tunebench"));
    QCoreApplication::setApplicationName(QStringLiteral("tunebench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TUNEBENCH_VERSION));

    // Progress chatter stays out of a command's output; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("tunebench.*.debug=false\ntunebench.*.info=false"));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const QString first = arguments.first();
    QTextStream out(stdout);
    if (first == QLatin1String("--version")) {
        out << "tunebench " << TUNEBENCH_VERSION << '\n';
        return Ok;
    }
    if (isHelpArgument(first)) {
        out << overview();
        return Ok;
    }
    std::unique_ptr<CliCommand> command = createCommand(first);
    QObject::connect(
        command.get(), &CliCommand::finished, &app, [](int code) { QCoreApplication::exit(code); });
    command->start(arguments);
    return app.exec();
}

} // namespace tb::cli
