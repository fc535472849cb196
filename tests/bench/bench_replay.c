/* bench_replay.c: how long `heard replay --verify` takes on a long session. Plays a
 * 20-round scenario with scripted answers (two "Partly" loops a round, a toaster parked
 * now and then) through a Match (the real flow, rules and session writer, as the game
 * plays), until the file holds at least 200 turns; then times loading that file,
 * loading the rules and re-running every turn, several times, and prints the medians.
 * Target: under 50 ms in all. Run from the source folder (it reads scripts/):
 *   ./build/tests/bench_replay [RUNS]
 * Not a ctest entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "game/match/match.h"
#include "game/match/replay.h"
#include "game/session/session.h"

#define MIN_TURNS 200
#define RUNS_DEFAULT 9

static const char SCENARIO[] =
    "return {\n"
    "  id = \"bench\", title = \"A long evening\", difficulty = 1, rounds = 20,\n"
    "  description = \"Twenty rounds about the microwave, for timing replays.\",\n"
    "}\n";

static const char *const CUSTOMER[] = {
    "I want a new microwave, ours broke again.",
    "It's more that I always end up fixing everything myself.",
    "I feel tired when the dishes pile up, and I'd love help after dinner.",
};
static const char *const AGENT[] = {
    "You're fed up that the microwave broke again and you want a new one. Did I get it?",
    "Well, my toaster doesn't work either.",
    "So you feel like fixing things always lands on you. Did I get that right?",
    "I'll look at microwaves online tonight and we can pick one tomorrow.",
};

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

/* Answers the match's current ask the way the script says. Returns match_answer_*'s code. */
static int answer(Match *m, int step, int *ratings_this_round)
{
    const FlowAsk *k = flow_ask(match_flow(m));
    uint32_t ms = (uint32_t)step * 4000;
    if (k->kind == ASK_TEXT) {
        const char *text = k->role == ROLE_CUSTOMER ? CUSTOMER[step % 3] : AGENT[step % 4];
        return match_answer_text(m, text, ms, NULL);
    }
    if (k->kind == ASK_RATE) /* Partly twice, then Got it */
        return match_answer_choice(m, (*ratings_this_round)++ < 2 ? 1 : 0, ms, NULL);
    int pick = strstr(k->title, "Is there more?") ? 1 : 0; /* no more; park; bring back */
    return match_answer_choice(m, pick, ms, NULL);
}

/* Plays the scripted session into a new file in DIR; its path goes to PATH. */
static int make_session(const char *dir, Rules *rules, char *path, size_t size)
{
    MatchConfig cfg = {.root = ".",
                       .rules = rules,
                       .scenario_source = SCENARIO,
                       .scenario_name = "bench.lua",
                       .names = {"Alex", "Sam"},
                       .first = 0,
                       .seed = 20261122ULL,
                       .save_dir = dir};
    ScriptError err;
    Match *m = match_create(&cfg, &err);
    if (!m || !match_save_path(m)[0]) {
        fprintf(stderr, "bench_replay: %s\n", m ? match_save_warning(m) : err.message);
        match_destroy(m);
        return -1;
    }
    snprintf(path, size, "%s", match_save_path(m));
    int rc = 0, ratings = 0, round = 1;
    for (int step = 0; rc == 0 && !flow_finished(match_flow(m)); step++) {
        if (flow_round(match_flow(m)) != round) {
            round = flow_round(match_flow(m));
            ratings = 0;
        }
        rc = answer(m, step, &ratings);
    }
    size_t nt = flow_turn_count(match_flow(m));
    if (rc == 0 && match_save_warning(m)[0]) {
        fprintf(stderr, "bench_replay: %s\n", match_save_warning(m));
        rc = -1;
    }
    match_destroy(m);
    if (rc == 0 && nt < MIN_TURNS) {
        fprintf(stderr, "bench_replay: the script made only %zu turns\n", nt);
        rc = -1;
    }
    return rc;
}

/* One timed verify: load, rules, replay. Fills the three times; returns 0 when identical. */
static int verify_once(const char *path, double t[3], size_t *turns)
{
    double t0 = now_ms();
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    double t1 = now_ms();
    ScriptError err;
    Rules *rules = s ? rules_load(".", &err) : NULL;
    double t2 = now_ms();
    ReplayResult res;
    int rc = rules ? replay_run(s, path, rules, ".", &res) : -1;
    double t3 = now_ms();
    t[0] = t1 - t0;
    t[1] = t2 - t1;
    t[2] = t3 - t2;
    int ok = rc == 0 && res.identical;
    if (!ok)
        fprintf(stderr, "bench_replay: %s\n", !s ? rep.error : !rules ? err.message : res.error);
    *turns = s ? s->n_turns : 0;
    if (rules)
        replay_result_free(&res);
    rules_destroy(rules);
    session_free(s);
    return ok ? 0 : -1;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : RUNS_DEFAULT;
    if (runs < 1 || runs > 1000)
        runs = RUNS_DEFAULT;
    char tmp[] = "/tmp/heard-bench-replay-XXXXXX", path[4096];
    ScriptError err;
    Rules *rules = rules_load(".", &err);
    if (!mkdtemp(tmp) || !rules) {
        fprintf(stderr, "bench_replay: %s (run from the source folder)\n",
                rules ? "cannot make a temporary folder" : err.message);
        return 1;
    }
    int rc = make_session(tmp, rules, path, sizeof path);
    rules_destroy(rules);
    double load[1000], rl[1000], replay[1000], total[1000];
    size_t turns = 0;
    for (int i = 0; rc == 0 && i < runs; i++) {
        double t[3];
        rc = verify_once(path, t, &turns);
        load[i] = t[0];
        rl[i] = t[1];
        replay[i] = t[2];
        total[i] = t[0] + t[1] + t[2];
    }
    if (rc == 0) {
        printf("session: %zu turns (%s)\n", turns, path);
        printf("verify, median of %d runs: %.2f ms (load %.2f ms, rules %.2f ms, "
               "re-run and compare %.2f ms); target < 50 ms\n",
               runs, median(total, runs), median(load, runs), median(rl, runs),
               median(replay, runs));
    }
    unlink(path);
    rmdir(tmp);
    return rc == 0 ? 0 : 1;
}
