// The subcommands that manage accounts and check the audit trail: user, token, audit.
#pragma once

#include "cli/args.hpp"

namespace lumbung::cli {

int UserCommand(const Args& args);
int TokenCommand(const Args& args);
int AuditCommand(const Args& args);

extern const char* const kUserHelp;
extern const char* const kTokenHelp;
extern const char* const kAuditHelp;

}  // namespace lumbung::cli
