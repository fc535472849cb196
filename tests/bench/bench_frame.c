/* bench_frame.c: CPU time from a keystroke to the next frame with a long transcript on
 * screen. Builds a headless App (SDL's dummy driver, the software renderer, 1280x720),
 * plays the microwave scenario stretched to 13 rounds through the real queue and screens
 * until 60 turns are in the transcript, then times many single keystroke -> draw cycles
 * (typing a letter, then Backspace, so the field stays the same) with
 * CLOCK_PROCESS_CPUTIME_ID. Run from the repository root:
 *   build-release/tests/bench_frame [CYCLES]     (default 2000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/core/file.h"
#include "game/scenario/scenario.h"
#include "engine/sdl/app.h"
#include "game/screens/screens.h"
#include "game/session/session.h"

#define ROUNDS_PLAYED 12 /* five turns each: a note, startup, reply, rating, closure */

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Queues TEXT as the app does a paste: EV_TEXT events of up to 31 bytes (ASCII here). */
static void type(App *app, const char *text)
{
    Event ev[64];
    size_t n = 0, len = strlen(text);
    for (size_t i = 0; i < len && n < 64; i += EVENT_TEXT_MAX - 1) {
        memset(&ev[n], 0, sizeof ev[n]);
        ev[n].kind = EV_TEXT;
        snprintf(ev[n].text, sizeof ev[n].text, "%.*s", (int)(EVENT_TEXT_MAX - 1), text + i);
        n++;
    }
    app_step(app, ev, n);
}

static void key(App *app, int k)
{
    Event e;
    memset(&e, 0, sizeof e);
    e.kind = EV_KEY;
    e.key = k;
    app_step(app, &e, 1);
}

/* Writes the microwave scenario with ROUNDS rounds to PATH. */
static int write_long_scenario(const char *path, int rounds)
{
    size_t len;
    char *src = file_read("scripts/scenarios/microwave.lua", &len);
    char *at = src ? strstr(src, "rounds = 2,") : NULL;
    FILE *f = at ? fopen(path, "w") : NULL;
    if (!f) {
        free(src);
        return -1;
    }
    fprintf(f, "%.*srounds = %d,%s", (int)(at - src), src, rounds, at + strlen("rounds = 2,"));
    fclose(f);
    free(src);
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Counts the turns saved in the one session file in DIR. */
static size_t saved_turns(const char *dir)
{
    char cmd[600], path[1024] = "";
    snprintf(cmd, sizeof cmd, "ls %s/*.jsonl 2>/dev/null", dir);
    FILE *p = popen(cmd, "r");
    if (!p || !fgets(path, sizeof path, p)) {
        if (p)
            pclose(p);
        return 0;
    }
    pclose(p);
    path[strcspn(path, "\n")] = '\0';
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    size_t n = s ? s->n_turns : 0;
    session_free(s);
    return n;
}

int main(int argc, char **argv)
{
    int cycles = argc > 1 ? atoi(argv[1]) : 2000;
    if (cycles < 10)
        cycles = 10;
    char dir[] = "/tmp/heard-bench-frame-XXXXXX", scenario[300], err[512];
    if (!mkdtemp(dir))
        return 1;
    snprintf(scenario, sizeof scenario, "%s/long.lua", dir);
    if (write_long_scenario(scenario, ROUNDS_PLAYED + 1) != 0) {
        fprintf(stderr, "bench_frame: run from the repository root\n");
        return 1;
    }
    AppConfig cfg = {.headless = 1, .root = ".", .data_dir = dir, .width = 1280, .height = 720};
    App *app = app_create(&cfg, err, sizeof err);
    if (!app) {
        fprintf(stderr, "bench_frame: %s\n", err);
        return 1;
    }
    ScenarioInfo info;
    if (scenario_info_load(scenario, &info) != 0) {
        fprintf(stderr, "bench_frame: %s\n", info.error);
        return 1;
    }
    app_push(app, title_screen_create(app));
    app_push(app, players_screen_create(app, &info));
    type(app, "Alex");
    key(app, KEY_RETURN);
    type(app, "Sam");
    key(app, KEY_RETURN);
    key(app, KEY_RETURN); /* the one-time note */
    for (int r = 0; r < ROUNDS_PLAYED; r++) {
        type(app, "I want a new microwave, ours broke again and I had nothing warm to eat.");
        key(app, KEY_RETURN);
        type(app, "You're fed up that the microwave broke again and you want a new one. "
                  "Did I get it?");
        key(app, KEY_RETURN);
        key(app, '1'); /* Got it */
        key(app, '2'); /* no more */
        type(app, "I'll look at microwaves online tonight and we can pick one tomorrow.");
        key(app, KEY_RETURN);
        key(app, KEY_RETURN); /* the hand-over: the keyboard passes to the next customer */
    }
    size_t turns = saved_turns(dir);

    double *t = malloc(sizeof *t * (size_t)cycles);
    if (!t)
        return 1;
    for (int i = 0; i < 20; i++) /* warm the glyph and layout caches */
        i % 2 ? key(app, KEY_BACKSPACE) : type(app, "a");
    for (int i = 0; i < cycles; i++) {
        double t0 = cpu_ms();
        if (i % 2)
            key(app, KEY_BACKSPACE);
        else
            type(app, "a");
        t[i] = cpu_ms() - t0;
    }
    double sum = 0;
    for (int i = 0; i < cycles; i++)
        sum += t[i];
    qsort(t, (size_t)cycles, sizeof *t, cmp_double);
    printf("turns in the transcript: %zu\n", turns);
    printf("keystroke to frame (CPU, %d cycles): median %.3f ms, mean %.3f ms, p99 %.3f ms\n",
           cycles, t[cycles / 2], sum / cycles, t[cycles * 99 / 100]);
    free(t);
    app_destroy(app);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 && turns >= 60 ? 0 : 1;
}
