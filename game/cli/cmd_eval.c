/* cmd_eval.c: `heard eval`. */
#include <stdio.h>
#include "game/cli/commands.h"

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "heard eval: not available in this build\n");
    return 2;
}
