// SPDX-FileCopyrightText: 2026 Tunebench contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandlineapp.h"

#include "cli/convertcommand.h"
#include "cli/dedupecommand.h"
#include "cli/droplongcommand.h"
#include "cli/exitcode.h"
#include "cli/mergecommand.h"
#include "cli/modelscommand.h"
#include "cli/paramscommand.h"
#include "cli/preparecommand.h"
#include "cli/runcommand.h"
#include "cli/splitcommand.h"
#include "cli/tokenscommand.h"
#include "cli/validatecommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <memory>

namespace tb::cli {

namespace {

struct CommandEntry
{
    const char* name;
    std::unique_ptr<CliCommand> (*create)();
};

template<typename Command>
std::unique_ptr<CliCommand> make()
{
    return std::make_unique<Command>();
}

// Every command, in the order `tunebench --help` lists them.
constexpr CommandEntry kCommands[] = {
    { "run", &make<RunCommand> },
    { "params", &make<ParamsCommand> },
    { "models", &make<ModelsCommand> },
    { "validate", &make<ValidateCommand> },
    { "tokens", &make<TokensCommand> },
    { "prepare", &make<PrepareCommand> },
    { "dedupe", &make<DedupeCommand> },
    { "drop-long", &make<DropLongCommand> },
    { "split", &make<SplitCommand> },
    { "merge", &make<MergeCommand> },
    { "convert", &make<ConvertCommand> },
};

std::unique_ptr<CliCommand> createCommand(const QString& name)
{
    for (const CommandEntry& entry : kCommands) {
        if (name == QLatin1String(entry.name))
            return entry.create();
    }
    return nullptr;
}

QString overview()
{
    QString text = QStringLiteral("Usage: tunebench [FILE]            start the desktop app\n"
                                  "       tunebench COMMAND [options]  run a command without a display\n\n"
                                  "Commands:\n");
    for (const CommandEntry& entry : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QLatin1String(entry.name), -8).arg(entry.create()->summary());
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
    return createCommand(firstArgument) || isHelpArgument(firstArgument)
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
