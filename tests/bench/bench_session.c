/* bench_session.c: how long saving costs. Writes a 200-turn session (with the typing events
 * between turns) and prints the median and worst time to write one turn, sync included,
 * and the time to load the whole file back. Run: ./build/tests/bench_session [FOLDER]
 * (default: a new folder under /tmp, removed afterwards; give a folder on the disk you
 * care about, such as the game's data folder, to measure that disk). Not a ctest entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "game/session/session.h"

#define TURNS 200
#define EVENTS_PER_TURN 40

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static Turn make_turn(int i, char *text, size_t size)
{
    Turn t = {0};
    snprintf(text, size,
             "If I got it, you feel let down that the microwave broke again (turn %d), and "
             "you need us to pick a new one this week. Did I get it? Is there more?",
             i + 1);
    t.round = i / 10 + 1;
    t.player = i % 2;
    t.role = i % 2 ? ROLE_AGENT : ROLE_CUSTOMER;
    snprintf(t.kind, sizeof t.kind, "%s", i % 2 ? "reply" : "startup");
    t.text = (char *)text; /* borrowed: only written */
    t.ms = (uint32_t)(i * 15000);
    for (int m = 0; m < 4; m++) {
        Move *mv = &t.moves.items[t.moves.count++];
        snprintf(mv->tag, sizeof mv->tag, "%s", m % 2 ? "reflection" : "check");
        mv->points = 2;
        snprintf(mv->reason, sizeof mv->reason, "'you feel let down' gives back a feeling");
        t.moves.total += 2;
    }
    return t;
}

/* Writes the session into DIR; fills TIMES with each turn's write time in ms. */
static int write_session(const char *dir, double *times, char *path, size_t path_size)
{
    SessionHeader h = {0};
    char source[4096];
    memset(source, '-', sizeof source - 1);
    source[sizeof source - 1] = '\0';
    h.scenario_id = "bench";
    h.scenario_source = source;
    h.players[0] = "Ana";
    h.players[1] = "Ben";
    char err[512], text[512];
    SessionWriter *w = session_writer_create(dir, &h, path, path_size, err, sizeof err);
    if (!w) {
        fprintf(stderr, "bench_session: %s\n", err);
        return -1;
    }
    for (int i = 0; i < TURNS; i++) {
        Turn t = make_turn(i, text, sizeof text);
        for (int e = 0; e < EVENTS_PER_TURN; e++) {
            Event ev = {.kind = EV_TEXT, .ms = t.ms - (uint32_t)(EVENTS_PER_TURN - e) * 100};
            snprintf(ev.text, sizeof ev.text, "%c", 'a' + e % 26);
            session_write_event(w, &ev);
        }
        double t0 = now_ms();
        if (session_write_turn(w, &t) != 0) {
            fprintf(stderr, "bench_session: %s\n", session_writer_error(w));
            session_writer_destroy(w);
            return -1;
        }
        times[i] = now_ms() - t0;
    }
    session_write_end(w, 800, TURNS * 15000);
    return session_writer_destroy(w);
}

int main(int argc, char **argv)
{
    char tmp[] = "/tmp/heard-bench-XXXXXX", path[4096];
    const char *dir = argc > 1 ? argv[1] : mkdtemp(tmp);
    double times[TURNS];
    if (!dir || write_session(dir, times, path, sizeof path) != 0)
        return 1;
    double t0 = now_ms();
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    double load = now_ms() - t0;
    if (!s) {
        fprintf(stderr, "bench_session: %s\n", rep.error);
        return 1;
    }
    size_t turns = s->n_turns, events = s->n_events;
    session_free(s);
    qsort(times, TURNS, sizeof times[0], cmp_double);
    printf("session file: %s\n", path);
    printf("write one turn (with fsync): median %.3f ms, worst %.3f ms over %d turns\n",
           (times[TURNS / 2 - 1] + times[TURNS / 2]) / 2, times[TURNS - 1], TURNS);
    printf("load: %.3f ms for %zu turns and %zu events\n", load, turns, events);
    if (argc <= 1) {
        unlink(path);
        rmdir(dir);
    }
    return 0;
}
