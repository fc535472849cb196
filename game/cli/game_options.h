/* game_options.h: the options shared by `heard` and `heard play`, and starting the game
 * window with them. */
#ifndef HEARD_GAME_OPTIONS_H
#define HEARD_GAME_OPTIONS_H

#include <stdio.h>

typedef struct GameOptions {
    int headless;
    long frames;
    const char *screenshot;
    const char *input;
    const char *data_dir;
    int width, height;
    int high_contrast;
    int realtime, trace;
    int text_runs;        /* --text-runs: write FILE.runs beside each screenshot */
    const char *scenario; /* heard play: a file path or a scenario id */
    const char *replay;   /* heard replay: open this session file in the replay viewer */
} GameOptions;

/* Parses ARGC/ARGV (without the program or command name). Unknown options and bad values
 * print a message naming the option to stderr and return -1. Positional arguments go to
 * opt->scenario (only one allowed). PROG names the command in messages. */
int game_options_parse(int argc, char **argv, GameOptions *opt, const char *prog);

void game_options_usage(FILE *out);

/* Opens the window and runs the game until it ends; returns the exit code. With SCENARIO
 * set, starts straight at the players screen of that scenario. */
int game_run(const GameOptions *opt, const char *scenario);

#endif
