/* cmd_train.c: `heard train` fits the analyser's models (game/analysis/an_learn.h) and
 * writes them to a weights file, or measures a way of fitting them on files it leaves out.
 *
 *   heard train COUPLES.csv... [--counselling DATA.csv...] -o scripts/rules/weights.txt
 *   heard train --lofo COUPLES.csv...      each file left out in turn: fit on the others,
 *                                           score it with the models alone, per tag
 *   heard train --halves --counselling DATA.csv...
 *                                           each half of the transcripts left out in turn
 *   settings: --c X  --rounds N  --min-files N  --min-rows N  --pos-weight X
 *
 * The couples files make the "couples" domain (every tag of LABELS.md they label); the
 * counselling files the "counselling" domain (an_learn_counselling). The settings apply to
 * the couples models and to --lofo and --halves; the output is deterministic: the same files
 * and settings give the same bytes, and the header says how it was made. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_learn.h"
#include "game/cli/commands.h"
#include "game/cli/labelled.h"
#include "game/cli/root.h"
#include "game/rules/rules.h"

static const char *const COUNSELLING_TAGS[] = {"reflection"};

typedef struct Options {
    const char *couples[LABELLED_FILES_MAX], *counselling[LABELLED_FILES_MAX];
    int ncouples, ncounselling;
    const char *out;
    int lofo, halves;
    AnFitParams fit;
} Options;

static int usage(void)
{
    fprintf(stderr, "usage: heard train COUPLES.csv... [--counselling DATA.csv...] -o WEIGHTS.txt\n"
                    "       heard train --lofo COUPLES.csv...\n"
                    "       heard train --halves --counselling DATA.csv...\n"
                    "settings: --c X --rounds N --min-files N --min-rows N --pos-weight X\n");
    return 2;
}

static int parse(Options *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->fit = an_learn_defaults();
    int counselling = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-o") == 0 && v)
            o->out = v, i++;
        else if (strcmp(a, "--lofo") == 0)
            o->lofo = 1;
        else if (strcmp(a, "--halves") == 0)
            o->halves = 1;
        else if (strcmp(a, "--counselling") == 0)
            counselling = 1;
        else if (strcmp(a, "--c") == 0 && v)
            o->fit.c = atof(v), i++;
        else if (strcmp(a, "--rounds") == 0 && v)
            o->fit.rounds = atoi(v), i++;
        else if (strcmp(a, "--min-files") == 0 && v)
            o->fit.min_files = atoi(v), i++;
        else if (strcmp(a, "--min-rows") == 0 && v)
            o->fit.min_rows = atoi(v), i++;
        else if (strcmp(a, "--pos-weight") == 0 && v)
            o->fit.pos_weight = atof(v), i++;
        else if (a[0] != '-' && counselling && o->ncounselling < LABELLED_FILES_MAX)
            o->counselling[o->ncounselling++] = a;
        else if (a[0] != '-' && !counselling && o->ncouples < LABELLED_FILES_MAX)
            o->couples[o->ncouples++] = a;
        else
            return -1;
    }
    if (o->fit.c <= 0 || o->fit.rounds < 0 || o->fit.min_files < 1 || o->fit.min_rows < 1)
        return -1;
    if (o->lofo)
        return o->ncouples > 1 ? 0 : -1;
    if (o->halves)
        return o->ncounselling > 0 ? 0 : -1;
    return o->ncouples > 0 && o->out ? 0 : -1;
}

/* ---- measuring ----------------------------------------------------------------------- */

typedef struct Counts {
    int tp, fp, fn;
} Counts;

static double f1(Counts c)
{
    return c.tp ? 2.0 * c.tp / (2.0 * c.tp + c.fp + c.fn) : 0.0;
}

/* Fits on TRAIN (NT rows), scores TEST (NS rows) with the models alone and adds the counts
 * per tag to C. */
static int measure(const Labelled *d, const int *train, int nt, const int *test, int ns,
                   const char *const *tags, int ntags, const AnFitParams *p, Counts *c)
{
    AnModels *ms = an_models_create();
    if (!ms || an_learn_models(d->ds, train, nt, d->startup, tags, ntags, p, "x", ms) < 0) {
        an_models_destroy(ms);
        return -1;
    }
    for (int t = 0; t < ntags; t++) {
        double thr = an_models_threshold(ms, 0, t);
        AnFit fit;
        /* the same fit an_learn_models made, to score rows of the dataset directly */
        int scope = an_learn_scope(tags[t]), m = 0;
        int *rows = malloc(((size_t)nt + 1) * sizeof *rows);
        if (!rows) {
            an_models_destroy(ms);
            return -1;
        }
        for (int j = 0; j < nt; j++)
            if ((d->startup[train[j]] && (scope & 2)) || (!d->startup[train[j]] && (scope & 1)))
                rows[m++] = train[j];
        int rc = an_fit(d->ds, rows, m, tags[t], p, &fit);
        free(rows);
        if (rc < 0) {
            an_models_destroy(ms);
            return -1;
        }
        for (int j = 0; j < ns; j++) {
            int r = test[j], s = d->startup[r];
            if (!((s && (scope & 2)) || (!s && (scope & 1))))
                continue;
            double score = an_fit_score(d->ds, &fit, r);
            int got = 1.0 / (1.0 + exp(-score)) >= thr, gold = an_dataset_has(d->ds, r, tags[t]);
            c[t].tp += got && gold;
            c[t].fp += got && !gold;
            c[t].fn += !got && gold;
        }
        an_fit_free(&fit);
    }
    an_models_destroy(ms);
    return 0;
}

static void report(const char *const *names, int nparts, const char *const *tags, int ntags,
                   Counts (*c)[AN_MODEL_TAGS_MAX])
{
    printf("%-18s", "tag");
    for (int k = 0; k < nparts; k++)
        printf(" %10.10s", names[k]);
    printf("   mean F1  mean P  mean R\n");
    double macro = 0;
    for (int t = 0; t < ntags; t++) {
        double mf = 0, mp = 0, mr = 0;
        printf("%-18s", tags[t]);
        for (int k = 0; k < nparts; k++) {
            Counts x = c[k][t];
            printf(" %10.3f", f1(x));
            mf += f1(x);
            mp += x.tp + x.fp ? (double)x.tp / (x.tp + x.fp) : 0;
            mr += x.tp + x.fn ? (double)x.tp / (x.tp + x.fn) : 0;
        }
        printf("   %7.3f %7.3f %7.3f\n", mf / nparts, mp / nparts, mr / nparts);
        macro += mf / nparts;
    }
    printf("%-18s %*s   %7.3f\n", "macro F1", 11 * nparts - 1, "", macro / ntags);
}

/* Leaves each file (LOFO) or each half of the groups out in turn. */
static int held_out(const Options *o, const Labelled *d)
{
    const char *const *tags = AN_LEARN_COUPLES_TAGS;
    int ntags = AN_LEARN_COUPLES_TAG_COUNT;
    if (o->halves) {
        tags = COUNSELLING_TAGS;
        ntags = 1;
    }
    int nparts = o->halves ? 2 : d->nfiles, first = o->halves ? o->ncouples : 0;
    Counts(*c)[AN_MODEL_TAGS_MAX] = calloc((size_t)nparts, sizeof *c);
    int *train = malloc(((size_t)d->n + 1) * sizeof *train);
    int *test = malloc(((size_t)d->n + 1) * sizeof *test);
    const char *names[LABELLED_FILES_MAX] = {"half 1", "half 2"};
    int rc = c && train && test ? 0 : -1;
    for (int k = 0; k < nparts && rc == 0; k++) {
        int nt = 0, ns = 0;
        for (int i = 0; i < d->n; i++) {
            if (an_dataset_file(d->ds, i) < first)
                continue; /* --halves measures the counselling files */
            int part = o->halves ? an_dataset_group(d->ds, i) % 2 : an_dataset_file(d->ds, i);
            if (part == k)
                test[ns++] = i;
            else
                train[nt++] = i;
        }
        if (!o->halves) {
            const char *slash = strrchr(d->paths[k], '/');
            names[k] = slash ? slash + 1 : d->paths[k];
        }
        rc = measure(d, train, nt, test, ns, tags, ntags, &o->fit, c[k]);
    }
    if (rc == 0)
        report(names, nparts, tags, ntags, c);
    free(c);
    free(train);
    free(test);
    return rc;
}

/* ---- writing ------------------------------------------------------------------------- */

/* Fits the couples domain on the couples files and, when there are counselling files, the
 * counselling domain (an_learn_counselling), into MS. */
static int fit_all(const Options *o, Rules *r, AnModels *ms)
{
    Labelled d = {0};
    int rc = 0;
    for (int i = 0; i < o->ncouples && rc == 0; i++)
        rc = labelled_read(&d, r, o->couples[i]);
    for (int i = 0; i < o->ncounselling && rc == 0; i++)
        rc = labelled_read(&d, r, o->counselling[i]);
    int *krows = rc == 0 ? malloc(((size_t)d.n + 1) * sizeof *krows) : NULL;
    int *crows = rc == 0 ? malloc(((size_t)d.n + 1) * sizeof *crows) : NULL;
    int nk = 0, nc = 0;
    if (!krows || !crows)
        rc = -1;
    for (int i = 0; rc == 0 && i < d.n; i++) {
        if (an_dataset_file(d.ds, i) < o->ncouples)
            krows[nk++] = i;
        else
            crows[nc++] = i;
    }
    if (rc == 0)
        rc = an_learn_models(d.ds, krows, nk, d.startup, AN_LEARN_COUPLES_TAGS,
                             AN_LEARN_COUPLES_TAG_COUNT, &o->fit, "couples", ms);
    if (rc == 0 && nc > 0)
        rc = an_learn_counselling(d.ds, crows, nc, krows, nk, d.startup, ms);
    free(krows);
    free(crows);
    labelled_free(&d);
    return rc;
}

static int write_weights(const Options *o, const AnModels *ms, int argc, char **argv)
{
    char header[2048];
    int n = snprintf(header, sizeof header,
                     "weights.txt: the analyser's learned models (docs/analyser.md). Made by:\n"
                     "  heard train");
    for (int i = 1; i < argc && n < (int)sizeof header - 200; i++)
        n += snprintf(header + n, sizeof header - (size_t)n, " %s", argv[i]);
    snprintf(header + n, sizeof header - (size_t)n,
             "\nfrom the project root; the same data "
             "and command give the same bytes.");
    FILE *fp = fopen(o->out, "wb");
    if (!fp) {
        fprintf(stderr, "heard train: cannot write %s\n", o->out);
        return -1;
    }
    int rc = an_models_write(ms, header, fp);
    if (fclose(fp) != 0 || rc < 0) {
        fprintf(stderr, "heard train: writing %s failed\n", o->out);
        return -1;
    }
    printf("heard train: wrote %s\n", o->out);
    return 0;
}

int cmd_train(int argc, char **argv)
{
    Options o;
    if (parse(&o, argc, argv) < 0)
        return usage();
    ScriptError err;
    Rules *r = rules_load_unfitted(cli_root(), &err);
    if (!r) {
        fprintf(stderr, "heard train: %s\n", err.message);
        return 2;
    }
    int rc = 0;
    if (o.lofo || o.halves) {
        Labelled d = {0};
        for (int i = 0; i < o.ncouples && rc == 0; i++)
            rc = labelled_read(&d, r, o.couples[i]);
        for (int i = 0; o.halves && i < o.ncounselling && rc == 0; i++)
            rc = labelled_read(&d, r, o.counselling[i]);
        if (rc == 0)
            rc = held_out(&o, &d);
        labelled_free(&d);
    } else {
        AnModels *ms = an_models_create();
        rc = ms ? 0 : -1;
        if (rc == 0)
            rc = fit_all(&o, r, ms);
        if (rc == 0)
            rc = write_weights(&o, ms, argc, argv);
        an_models_destroy(ms);
    }
    rules_destroy(r);
    if (rc < 0)
        fprintf(stderr, "heard train: failed (out of memory, or a fit was refused)\n");
    return rc == 0 ? 0 : 2;
}
