/* cmd_replay.c: `heard replay FILE [--verify] [--headless]`. With --verify, re-runs the
 * saved session with today's rules and says whether every turn comes out the same, or
 * names the first that does not. Without it, prints the recorded transcript (the
 * on-screen viewer opens from the game's library). Exit codes: 0 identical (or the
 * transcript was printed), 1 a turn differs or the session no longer replays, 2 the file
 * or the rules cannot be read, or a usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/cli/commands.h"
#include "game/cli/game_options.h"
#include "game/cli/root.h"
#include "game/rules/rules.h"
#include "game/session/export.h"
#include "game/match/replay.h"
#include "game/session/session.h"

static void help(void)
{
    printf("Usage: heard replay FILE [--verify] [--headless]\n"
           "Replays a saved session (a .jsonl file from the game's data folder).\n"
           "\n"
           "  --verify    re-run the session from its stored scenario, flow and answers\n"
           "              with the current rules, and compare every turn with the recording:\n"
           "              kind, player, role, text, the moves with their points, the turn's\n"
           "              points. Prints 'identical: N turns', or names the first turn that\n"
           "              differs. A session saved before the flow was stored runs\n"
           "              scripts/lib/floor.lua as it is now (a note says so).\n"
           "  --headless  print the transcript instead of opening the replay viewer\n"
           "  -h, --help  show this help and exit\n"
           "\n"
           "Without --verify, the session plays back in the replay viewer (Space play/pause,\n"
           "1-4 speed 1x-8x, Left/Right step, T jump to a turn, Esc back); with --headless, or\n"
           "when there is no display, the recorded transcript is printed instead.\n"
           "\n"
           "Exit codes: 0 identical (or transcript printed); 1 a turn differs, or the\n"
           "session no longer replays (its line is named); 2 the file or the rules cannot be\n"
           "read, or a usage error.\n");
}

static int usage_error(const char *what)
{
    fprintf(stderr, "heard replay: %s\nusage: heard replay FILE [--verify] [--headless]\n", what);
    return 2;
}

static void print_warnings(const SessionLoadReport *rep)
{
    for (int i = 0; i < rep->n_warnings; i++)
        fprintf(stderr, "heard replay: warning: %s\n", rep->warnings[i]);
    if (rep->more_warnings)
        fprintf(stderr, "heard replay: warning: %d more warnings not shown\n", rep->more_warnings);
}

/* What --verify prints when something differs (exit 1). */
static void report_difference(const Session *s, const ReplayResult *res, const Rules *rules)
{
    char line[1024];
    printf("%s\n", replay_describe_diff(s, res, line, sizeof line));
    if (res->team_score != s->team_score)
        printf("team score: recorded %d; now %d\n", s->team_score, res->team_score);
    if (res->stopped)
        printf("the re-run then stopped: %s\n", res->error);
    if (res->rules_changed)
        printf("the rules changed since this session was recorded (rules %s; now %s)\n",
               s->header.rules_hash ? s->header.rules_hash : "?", rules_hash(rules));
}

static int verify(const Session *s, const char *path)
{
    ScriptError err;
    Rules *rules = rules_load(cli_root(), &err);
    if (!rules) {
        fprintf(stderr, "heard replay: cannot load the rules: %s\n", err.message);
        return 2;
    }
    ReplayResult res;
    int rc = replay_run(s, path, rules, cli_root(), &res), code;
    if (res.floor_from_root && rc != REPLAY_ERR_ARG && rc != REPLAY_ERR_NOMEM) {
        const char *root = cli_root();
        size_t n = strlen(root);
        fprintf(stderr,
                "heard replay: note: %s stores no flow of its own (saved by Heard %s); it was "
                "replayed with %s%sscripts/lib/floor.lua as it is now\n",
                path, s->header.game_version ? s->header.game_version : "?", root,
                n && root[n - 1] == '/' ? "" : "/");
    }
    if (rc == REPLAY_ERR_SCENARIO || rc == REPLAY_ERR_ANSWER) {
        printf("does not replay: %s\n", res.error);
        code = 1;
    } else if (rc != 0) {
        fprintf(stderr, "heard replay: %s\n", res.error);
        code = 2;
    } else if (res.identical) {
        printf("identical: %zu turns\n", res.n_recorded);
        if (res.unrecorded)
            fprintf(stderr,
                    "heard replay: note: the session stopped before its last %zu turns "
                    "were saved; the re-run made them\n",
                    res.unrecorded);
        code = 0;
    } else {
        report_difference(s, &res, rules);
        code = 1;
    }
    replay_result_free(&res);
    rules_destroy(rules);
    return code;
}

/* Whether a window can be opened: without one, the transcript is printed instead. */
static int has_display(void)
{
    const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

int cmd_replay(int argc, char **argv)
{
    const char *path = NULL;
    int want_verify = 0, headless = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            help();
            return 0;
        } else if (strcmp(argv[i], "--verify") == 0) {
            want_verify = 1;
        } else if (strcmp(argv[i], "--headless") == 0) {
            headless = 1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "heard replay: unknown option '%s'\n", argv[i]);
            return usage_error("see 'heard replay --help'");
        } else if (path) {
            return usage_error("give one session file");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return usage_error("which session file?");
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s) {
        fprintf(stderr, "heard replay: %s\n", rep.error);
        return 2;
    }
    print_warnings(&rep);
    int code;
    if (want_verify) {
        code = verify(s, path);
    } else {
        if (!headless && has_display()) {
            session_free(s);
            GameOptions opt = {.replay = path};
            return game_run(&opt, NULL);
        }
        code = export_write(s, EXPORT_TEXT, path, stdout) == 0 ? 0 : 2;
    }
    session_free(s);
    return code;
}
