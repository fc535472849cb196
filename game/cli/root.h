/* root.h: where the game finds scripts/ and assets/. */
#ifndef HEARD_ROOT_H
#define HEARD_ROOT_H

/* The folder holding scripts/ and assets/: $HEARD_ROOT when set, else the source tree the
 * binary was built from (HEARD_SOURCE_DIR), else the folder above the executable, else ".".
 * Borrowed, static storage. */
const char *cli_root(void);

#endif
