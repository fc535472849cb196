/* root.h: where the game's scripts/ and assets/ live, for every subcommand. */
#ifndef HEARD_CLI_ROOT_H
#define HEARD_CLI_ROOT_H

/* The project root: env HEARD_ROOT when set and non-empty, else the source folder the
 * binary was built from (HEARD_SOURCE_DIR), else ".". Borrowed; never NULL. */
const char *cli_root(void);

#endif
