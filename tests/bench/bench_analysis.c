/* bench_analysis.c: replies per second of processor time (one core) for the C features
 * alone and with the models and the Lua rules, and the processor time of one pass over a
 * labelled file. Run from the repo root:
 *   build/tests/bench_analysis [DATA.csv]   (default ../shared/data/annomi-dev.csv) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "game/analysis/an_csv.h"
#include "game/analysis/an_features.h"
#include "game/rules/rules.h"

#define MAX_ROWS 4096

/* Processor time of this process: replies per second of one core, whatever else the
 * machine is running (a busy machine stretches wall-clock time, not this). */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Reads context/reply pairs (columns 1 and 2) from PATH; returns the count. */
static int read_pairs(const char *path, char **ctx, char **rep)
{
    AnCsv *c = an_csv_open(path);
    if (!c)
        return 0;
    AnCsvRow row;
    int n = 0, rc, header = 1;
    while ((rc = an_csv_next(c, &row)) != 0 && n < MAX_ROWS) {
        if (rc < 0 || row.count < 3 || header) {
            header = 0;
            continue;
        }
        ctx[n] = strdup(row.fields[1]);
        rep[n] = strdup(row.fields[2]);
        n++;
    }
    an_csv_close(c);
    return n;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "../shared/data/annomi-dev.csv";
    static char *ctx[MAX_ROWS], *rep[MAX_ROWS];
    int n = read_pairs(path, ctx, rep);
    if (n == 0) {
        static const char *C = "I'm so tired of doing all the dishes after dinner every night.";
        static const char *R =
            "Sounds like you're worn out from carrying the dishes alone. Is that it?";
        ctx[0] = strdup(C), rep[0] = strdup(R), n = 1;
        printf("(%s not readable: using one built-in exchange)\n", path);
    }
    ScriptError err;
    Rules *r = rules_load(".", &err);
    if (!r) {
        fprintf(stderr, "bench_analysis: %s\n", err.message);
        return 1;
    }
    /* features alone: the same lexicon the rules use, loaded through them */
    MoveList ml;
    int reps = 200000 / n + 1, total = 0;
    AnLexicon *lx = an_lexicon_create();
    an_lexicon_add_word(lx, "feeling", "tired", "tiredness", 1);
    AnMatcher *m = an_matcher_create(lx);
    an_matcher_compile(m);
    AnAnalyser *a = an_analyser_create(lx, m);
    double t0 = now();
    for (int k = 0; k < reps; k++)
        for (int i = 0; i < n; i++, total++)
            an_analyse(a, ctx[i], rep[i]);
    double t1 = now();
    printf("features (tokenize, stem, echo, copy; tiny lexicon): %.0f replies/s\n",
           total / (t1 - t0));
    int reps2 = 40000 / n + 1, total2 = 0;
    t0 = now();
    for (int k = 0; k < reps2; k++)
        for (int i = 0; i < n; i++, total2++)
            rules_score(r, ctx[i], rep[i], ROLE_AGENT, &ml, &err);
    t1 = now();
    printf("features + full lexicon + Lua rules: %.0f replies/s\n", total2 / (t1 - t0));
    t0 = now();
    for (int i = 0; i < n; i++)
        rules_score(r, ctx[i], rep[i], ROLE_AGENT, &ml, &err);
    t1 = now();
    printf("one pass over %d rows of %s: %.3f s\n", n, path, t1 - t0);
    an_analyser_destroy(a);
    an_matcher_destroy(m);
    an_lexicon_destroy(lx);
    rules_destroy(r);
    for (int i = 0; i < n; i++)
        free(ctx[i]), free(rep[i]);
    return 0;
}
