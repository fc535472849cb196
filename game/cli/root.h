/* root.h: where the game's scripts/ and assets/ live, for every subcommand. */
#ifndef HEARD_CLI_ROOT_H
#define HEARD_CLI_ROOT_H

/* The folder holding scripts/ and assets/, the first of:
 *   - $HEARD_ROOT, when set and non-empty (taken as it is);
 *   - the installed data folder, found from where the running binary is: with the binary
 *     installed as PREFIX/bin/heard, PREFIX/share/heard (HEARD_DATA_FROM_BIN, relative to
 *     the binary's folder) — when it holds scripts/scenarios;
 *   - the source folder the binary was built from (HEARD_SOURCE_DIR), when it holds
 *     scripts/scenarios, so build/heard runs from anywhere;
 *   - the data folder of the install prefix the build was configured for (HEARD_DATA_DIR);
 *   - ".".
 * Found once, then the same for the whole run. Borrowed; never NULL. */
const char *cli_root(void);

#endif
