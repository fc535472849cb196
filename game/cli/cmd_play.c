/* cmd_play.c: `heard play SCENARIO [--headless] [--input FILE] ...`. */
#include <stdio.h>
#include <string.h>

#include "game/cli/commands.h"
#include "game/cli/game_options.h"

int cmd_play(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("Usage: heard play SCENARIO [OPTIONS]\n"
                   "Plays SCENARIO (a file, or the id of a scenario in scripts/scenarios).\n"
                   "With --input FILE the events come from FILE, one a line:\n"
                   "  type TEXT | key NAME | wait MS | shot FILE | # comment\n\nOptions:\n");
            game_options_usage(stdout);
            return 0;
        }
    GameOptions opt;
    if (game_options_parse(argc - 1, argv + 1, &opt, "heard play") != 0)
        return 2;
    if (!opt.scenario) {
        fprintf(stderr, "heard play: which scenario? (a file or an id; see 'heard play --help')\n");
        return 2;
    }
    return game_run(&opt, opt.scenario);
}
