/* game_options.c: parsing the game's options and running the App with them. */
#include "game/cli/game_options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/stop.h"
#include "game/cli/root.h"
#include "game/settings/settings.h"
#include "game/scenario/scenario.h"
#include "engine/sdl/app.h"
#include "game/screens/screens.h"

void game_options_usage(FILE *out)
{
    fprintf(out, "  --headless          no window: SDL's dummy video driver, software renderer\n"
                 "  --frames N          draw N frames, then exit (with --headless)\n"
                 "  --screenshot FILE   write the last frame to FILE (PNG when FILE ends in\n"
                 "                      .png, else BMP)\n"
                 "  --input FILE        play the events in FILE (type, key, click, wheel, wait\n"
                 "                      and shot lines)\n"
                 "  --data-dir DIR      save sessions in DIR instead of the user data folder\n"
                 "  --size WxH          window size (default 1280x720, at least 800x600)\n"
                 "  --high-contrast     start with the high-contrast theme (F2 toggles it)\n"
                 "  --realtime          with --input: 'wait' lines take their real time\n"
                 "  --trace             print the session file, then 'saved turn N' as each turn\n"
                 "                      reaches the disk\n"
                 "  --text-runs         with each screenshot FILE, write FILE.runs: every line\n"
                 "                      of text drawn, with its rectangle (for tests)\n");
}

static int need_value(int i, int argc, char **argv, const char *prog)
{
    if (i + 1 >= argc) {
        fprintf(stderr, "%s: %s needs a value (see '%s --help')\n", prog, argv[i], prog);
        return -1;
    }
    return 0;
}

static int parse_size(const char *s, int *w, int *h)
{
    char *end;
    errno = 0;
    long a = strtol(s, &end, 10);
    if (errno || *end != 'x')
        return -1;
    long b = strtol(end + 1, &end, 10);
    if (errno || *end || a < 800 || b < 600 || a > 8192 || b > 8192)
        return -1;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

int game_options_parse(int argc, char **argv, GameOptions *opt, const char *prog)
{
    memset(opt, 0, sizeof *opt);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--headless") == 0) {
            opt->headless = 1;
        } else if (strcmp(a, "--high-contrast") == 0) {
            opt->high_contrast = 1;
        } else if (strcmp(a, "--text-runs") == 0) {
            opt->text_runs = 1;
        } else if (strcmp(a, "--realtime") == 0) {
            opt->realtime = 1;
        } else if (strcmp(a, "--trace") == 0) {
            opt->trace = 1;
        } else if (strcmp(a, "--frames") == 0) {
            if (need_value(i, argc, argv, prog) != 0)
                return -1;
            char *end;
            opt->frames = strtol(argv[++i], &end, 10);
            if (*end || opt->frames < 1) {
                fprintf(stderr, "%s: --frames takes a whole number of at least 1, not '%s'\n", prog,
                        argv[i]);
                return -1;
            }
        } else if (strcmp(a, "--screenshot") == 0 || strcmp(a, "--input") == 0 ||
                   strcmp(a, "--data-dir") == 0) {
            if (need_value(i, argc, argv, prog) != 0)
                return -1;
            const char **slot = a[2] == 's'   ? &opt->screenshot
                                : a[2] == 'i' ? &opt->input
                                              : &opt->data_dir;
            *slot = argv[++i];
        } else if (strcmp(a, "--size") == 0) {
            if (need_value(i, argc, argv, prog) != 0)
                return -1;
            if (parse_size(argv[++i], &opt->width, &opt->height) != 0) {
                fprintf(stderr, "%s: --size takes WIDTHxHEIGHT of at least 800x600, not '%s'\n",
                        prog, argv[i]);
                return -1;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "%s: unknown option '%s' (see '%s --help')\n", prog, a, prog);
            return -1;
        } else if (!opt->scenario) {
            opt->scenario = a;
        } else {
            fprintf(stderr, "%s: unexpected argument '%s'\n", prog, a);
            return -1;
        }
    }
    if (opt->frames && !opt->headless && !opt->input)
        opt->headless = 1; /* counting frames only makes sense without a player */
    return 0;
}

/* SCENARIO is a path to a .lua file or the id of a scenario in ROOT/scripts/scenarios.
 * Returns 0 with INFO filled, or with INFO->error saying why it cannot be played: -2 when
 * the file cannot be read, -1 when it was read and failed (its error goes on screen). */
/* Appends " (scenarios here: a, b, ...)" to MSG, so a mistyped id shows the right ones. */
static void list_ids(const char *root, char *msg, size_t n)
{
    char dir[1024];
    ScenarioInfo *list;
    size_t count;
    snprintf(dir, sizeof dir, "%s/scripts/scenarios", root);
    if (scenario_list(dir, &list, &count) != 0)
        return;
    size_t len = strlen(msg);
    for (size_t i = 0, shown = 0; i < count && len + 4 < n; i++) {
        if (!list[i].ok)
            continue;
        int w =
            snprintf(msg + len, n - len, "%s%s", shown++ ? ", " : " (scenarios here: ", list[i].id);
        len = w < 0 || (size_t)w >= n - len ? n - 1 : len + (size_t)w;
    }
    if (len + 2 < n && count)
        snprintf(msg + len, n - len, ")");
    scenario_list_free(list);
}

static int find_scenario(const char *root, const char *scenario, ScenarioInfo *info)
{
    char path[1024];
    memset(info, 0, sizeof *info);
    if (strchr(scenario, '/') || strstr(scenario, ".lua"))
        snprintf(path, sizeof path, "%s", scenario);
    else
        snprintf(path, sizeof path, "%s/scripts/scenarios/%s.lua", root, scenario);
    int rc = scenario_info_load(path, info);
    if (info->ok)
        return 0;
    if (!info->error[0])
        snprintf(info->error, sizeof info->error, "%.400s: cannot be played", path);
    if (rc == SCRIPT_ERR_IO && !strchr(scenario, '/') && !strstr(scenario, ".lua"))
        list_ids(root, info->error, sizeof info->error);
    return rc == SCRIPT_ERR_IO ? -2 : -1;
}

/* Remembers the contrast and the text size the player just chose (the names are the
 * players screen's), keeping whatever else the file holds. */
static void remember_look(void *ud, App *app, int high_contrast, float zoom)
{
    (void)ud;
    Settings s;
    char msg[700];
    settings_load(app_data_dir(app), &s, msg, sizeof msg); /* a bad file is written anew */
    s.high_contrast = high_contrast;
    s.text_size = zoom;
    if (settings_save(app_data_dir(app), &s, msg, sizeof msg) != 0)
        fprintf(stderr, "heard: warning: %s\n", msg);
}

int game_run(const GameOptions *opt, const char *scenario)
{
    AppConfig cfg = {
        .headless = opt->headless,
        .frames = opt->frames,
        .screenshot = opt->screenshot,
        .input = opt->input,
        .root = cli_root(),
        .data_dir = opt->data_dir,
        .width = opt->width,
        .height = opt->height,
        .high_contrast = opt->high_contrast,
        .realtime = opt->realtime,
        .trace = opt->trace,
        .text_runs = opt->text_runs,
        .look_changed = remember_look,
    };
    char err[1024];
    /* before SDL starts, which then leaves the handlers alone: SIGTERM and SIGINT close the
     * game from any screen, headless or idle, and stop a scenario that is running */
    stop_install();
    App *app = app_create(&cfg, err, sizeof err);
    if (!app) {
        fprintf(stderr, "heard: %s\n", err);
        return 2;
    }
    Settings saved; /* the look the players chose last time, from the data folder */
    char notice[700];
    int bad = settings_load(app_data_dir(app), &saved, notice, sizeof notice);
    app_set_look(app, opt->high_contrast || saved.high_contrast, saved.text_size);
    if (bad) {
        fprintf(stderr, "heard: warning: %s\n", notice);
        app_set_notice(app, notice);
    }
    app_push(app, title_screen_create(app));
    if (opt->replay)
        app_push(app, replay_screen_create(app, opt->replay));
    if (scenario) {
        ScenarioInfo info;
        int found = find_scenario(cfg.root, scenario, &info);
        if (found == -2) {
            fprintf(stderr, "heard play: %s\n", info.error);
            app_destroy(app);
            return 2;
        }
        if (found == 0) {
            app_push(app, players_screen_create(app, &info));
        } else { /* a scenario that fails as it loads stops on the error screen, not the game */
            ScriptError e;
            memset(&e, 0, sizeof e);
            snprintf(e.message, sizeof e.message, "%s", info.error);
            snprintf(e.file, sizeof e.file, "%.255s", info.path);
            app_push(app, error_screen_create(&e, NULL, NULL));
        }
    }
    int rc = app_run(app);
    app_destroy(app);
    return rc;
}
