/* cmd_score.c: `heard score`. */
#include <stdio.h>
#include "game/cli/commands.h"

int cmd_score(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "heard score: not available in this build\n");
    return 2;
}
