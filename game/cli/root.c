/* root.c: finds the project root (see root.h). */
#include "game/cli/root.h"

#include <stdlib.h>

#ifndef HEARD_SOURCE_DIR
#define HEARD_SOURCE_DIR "."
#endif

const char *cli_root(void)
{
    const char *env = getenv("HEARD_ROOT");
    return env && *env ? env : HEARD_SOURCE_DIR;
}
