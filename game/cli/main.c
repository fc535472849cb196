/* main.c: the heard executable. Without a subcommand it starts the game; subcommands
 * (score, eval, play, ...) live in cmd_<name>.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/cli/commands.h"
#include "game/cli/game_options.h"
#include "game/cli/root.h"
#include "version.h"

static void usage(FILE *out)
{
    fprintf(out, "Usage: heard [OPTIONS]                 start the game\n"
                 "       heard play SCENARIO [OPTIONS]   play one scenario (file or id)\n"
                 "       heard score --context TEXT REPLY [--role agent|customer] [--json]\n"
                 "       heard eval DATA.csv [--json] [--errors N]\n"
                 "       heard check [--json] FILE... | --all  test scenario files\n"
                 "       heard train DATA.csv... -o WEIGHTS.lua   fit the analyser's models\n"
                 "       heard replay FILE [--verify]    re-score a saved session, or print it\n"
                 "       heard export FILE --format md|html [-o OUT]  a session for a coach\n"
                 "\n"
                 "Heard is a listening game for two people on one screen: one voices a complaint,\n"
                 "the other shows they heard it, and the game names the moves each reply made.\n"
                 "\n"
                 "Options:\n");
    game_options_usage(out);
    fprintf(out, "  -h, --help          show this help and exit\n"
                 "  -V, --version       print the version and the folder of the game's data\n"
                 "                      (scripts/ and assets/; HEARD_ROOT overrides it), and exit\n"
                 "\n"
                 "Run 'heard COMMAND --help' for a command's own options.\n");
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {
        {"play", cmd_play},   {"score", cmd_score},   {"eval", cmd_eval},     {"train", cmd_train},
        {"check", cmd_check}, {"replay", cmd_replay}, {"export", cmd_export},
    };
    if (argc > 1 && argv[1][0] != '-') {
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (strcmp(argv[1], commands[i].name) == 0)
                return commands[i].run(argc - 1, argv + 1);
        fprintf(stderr, "heard: unknown command '%s' (see 'heard --help')\n", argv[1]);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
            printf("heard %s\ngame data: %s\n", HEARD_VERSION, cli_root());
            return 0;
        }
    }
    GameOptions opt;
    if (game_options_parse(argc - 1, argv + 1, &opt, "heard") != 0)
        return 2;
    return game_run(&opt, NULL);
}
