// The `lumbung` binary: the subcommands in src/cli/ wire storage, the domain and the server.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return lumbung::cli::Main(argc, argv); }
