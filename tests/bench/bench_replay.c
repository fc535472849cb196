/* bench_replay.c: how long `heard replay --verify` takes on a long session. Plays a
 * 20-round scenario with scripted answers (two "Partly" loops a round, a toaster parked
 * now and then) through the real flow and rules, saving it with the session writer as the
 * game does, until the file holds at least 200 turns; then times loading that file,
 * loading the rules and re-running every turn, several times, and prints the medians.
 * Target: under 50 ms in all. Run from the source folder (it reads scripts/):
 *   ./build/tests/bench_replay [RUNS]
 * Not a ctest entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "game/flow/flow.h"
#include "game/rules/rules.h"
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

static int score_cb(void *ud, const char *context, const char *reply, Role role, MoveList *out)
{
    ScriptError err;
    return rules_score((Rules *)ud, context, reply, role, out, &err);
}

/* Answers the flow's current ask the way the script says. Returns flow_answer_*'s code. */
static int answer(Flow *f, int step, int *ratings_this_round)
{
    const FlowAsk *k = flow_ask(f);
    uint32_t ms = (uint32_t)step * 4000;
    if (k->kind == ASK_TEXT) {
        const char *text = k->role == ROLE_CUSTOMER ? CUSTOMER[step % 3] : AGENT[step % 4];
        return flow_answer_text(f, text, ms, NULL);
    }
    if (k->kind == ASK_RATE) /* Partly twice, then Got it */
        return flow_answer_choice(f, (*ratings_this_round)++ < 2 ? 1 : 0, ms, NULL);
    int pick = strstr(k->title, "Is there more?") ? 1 : 0; /* no more; park; bring back */
    return flow_answer_choice(f, pick, ms, NULL);
}

/* Writes the answers and turns F holds beyond *NA and *NT. Returns 0 or -1. */
static int save_progress(SessionWriter *w, const Flow *f, size_t *na, size_t *nt)
{
    for (; *na < flow_answer_count(f); (*na)++) {
        const FlowAnswer *a = flow_answer(f, *na);
        SessionAnswer sa = {.kind = a->kind == FLOW_ANSWER_TEXT ? SESSION_ANSWER_TEXT
                                                                : SESSION_ANSWER_CHOICE,
                            .text = a->text,
                            .index = a->index,
                            .ms = a->ms};
        if (session_write_answer(w, &sa) != 0)
            return -1;
    }
    for (; *nt < flow_turn_count(f); (*nt)++) {
        const FlowTurn *t = flow_turn(f, *nt);
        SessionTurn st = {0,       t->round, t->player,      t->role,  t->kind,
                          t->text, t->ms,    t->moves.total, t->moves, 0};
        if (session_write_turn(w, &st) != 0)
            return -1;
    }
    return 0;
}

/* Plays the scripted session into a new file in DIR; its path goes to PATH. */
static int make_session(const char *dir, Rules *rules, char *path, size_t size)
{
    FlowConfig cfg = {.scenario_source = SCENARIO,
                      .scenario_name = "bench.lua",
                      .root = ".",
                      .names = {"Alex", "Sam"},
                      .first = 0,
                      .seed = 20261122ULL,
                      .score = score_cb,
                      .score_ud = rules};
    ScriptError err;
    Flow *f = flow_create(&cfg, &err);
    if (!f) {
        fprintf(stderr, "bench_replay: %s\n", err.message);
        return -1;
    }
    SessionHeader h = {0};
    h.scenario_id = "bench";
    h.scenario_path = "bench.lua";
    h.scenario_source = SCENARIO;
    h.rules_hash = rules_hash(rules);
    h.players[0] = "Alex";
    h.players[1] = "Sam";
    h.seed = cfg.seed;
    char werr[512];
    SessionWriter *w = session_writer_create(dir, &h, path, size, werr, sizeof werr);
    if (!w) {
        fprintf(stderr, "bench_replay: %s\n", werr);
        flow_destroy(f);
        return -1;
    }
    size_t na = 0, nt = 0;
    int rc = save_progress(w, f, &na, &nt), ratings = 0, round = 1;
    for (int step = 0; rc == 0 && !flow_finished(f); step++) {
        if (flow_round(f) != round) {
            round = flow_round(f);
            ratings = 0;
        }
        rc = answer(f, step, &ratings);
        if (rc == 0)
            rc = save_progress(w, f, &na, &nt);
    }
    if (rc == 0)
        rc = session_write_end(w, flow_team_score(f), (uint32_t)na * 4000);
    session_writer_destroy(w);
    flow_destroy(f);
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
