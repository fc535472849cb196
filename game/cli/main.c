/* main.c: the heard executable; dispatches subcommands. */
#include <stdio.h>
#include <string.h>

#include "game/cli/commands.h"
#include "version.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "score") == 0)
        return cmd_score(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "eval") == 0)
        return cmd_eval(argc - 1, argv + 1);
    printf("heard %s\n", HEARD_VERSION);
    return 0;
}
