// The `lumbung` command: its subcommands and their help.
#pragma once

namespace lumbung::cli {

// Exit statuses of every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Runs the command line; returns the exit status.
int Main(int argc, char** argv);

}  // namespace lumbung::cli
