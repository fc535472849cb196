/* an_learn.c: fitting the tags of a domain with thresholds chosen on held-out scores (see
 * an_learn.h). Depends on an_train, an_model, libc and libm. */
#include "game/analysis/an_learn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FOLDS_BY_GROUP 4
/* Thresholds put precision a little before recall (F-beta with beta 0.7): naming a move a
 * player did not make costs more trust than missing one. */
#define BETA 0.7

const char *const AN_LEARN_COUPLES_TAGS[] = {
    "reflection",  "feeling",      "check",        "question",   "validation",
    "thanks",      "apology",      "ownership",    "next_step",  "counter_complaint",
    "defensive",   "criticism",    "contempt",     "minimizing", "fix_it",
    "overpromise", "stonewalling", "soft_startup", "request"};
const int AN_LEARN_COUPLES_TAG_COUNT =
    (int)(sizeof AN_LEARN_COUPLES_TAGS / sizeof AN_LEARN_COUPLES_TAGS[0]);

int an_learn_scope(const char *tag)
{
    if (strcmp(tag, "soft_startup") == 0 || strcmp(tag, "request") == 0)
        return 2;
    if (strcmp(tag, "criticism") == 0 || strcmp(tag, "contempt") == 0)
        return 3;
    return 1;
}

AnFitParams an_learn_defaults(void)
{
    AnFitParams p = {0};
    p.c = 0.5;
    p.rounds = 2;
    p.min_files = 2;
    p.min_rows = 2;
    p.pos_weight = 1.0;
    return p;
}

/* The rows of ROWS a model of TAG learns from. */
static int rows_for(const char *tag, const int *rows, int nrows, const int *startup, int *out)
{
    int scope = an_learn_scope(tag), n = 0;
    for (int j = 0; j < nrows; j++) {
        int s = startup[rows[j]];
        if ((s && (scope & 2)) || (!s && (scope & 1)))
            out[n++] = rows[j];
    }
    return n;
}

/* Which fold row R belongs to: its file when the rows span several, else its group. */
static int fold_of(const AnDataset *ds, int r, int by_file)
{
    if (by_file)
        return an_dataset_file(ds, r);
    unsigned g = (unsigned)an_dataset_group(ds, r);
    return (int)((g * 2654435761u) >> 28) % FOLDS_BY_GROUP;
}

/* The threshold (a decision value) for TAG on ROWS, from scores of each fold's rows by a fit
 * on the other folds. */
static int held_out_threshold(const AnDataset *ds, const int *rows, int n, const char *tag,
                              const AnFitParams *p, double *threshold)
{
    int by_file = 0;
    for (int j = 1; j < n; j++)
        by_file |= an_dataset_file(ds, rows[j]) != an_dataset_file(ds, rows[0]);
    int *train = malloc(((size_t)n + 1) * sizeof *train);
    double *s = malloc(((size_t)n + 1) * sizeof *s);
    int *gold = malloc(((size_t)n + 1) * sizeof *gold);
    int *done = calloc((size_t)n + 1, sizeof *done);
    int rc = -1, m = 0;
    if (!train || !s || !gold || !done)
        goto out;
    for (int j = 0; j < n; j++) {
        if (done[j])
            continue;
        int fold = fold_of(ds, rows[j], by_file), nt = 0;
        for (int k = 0; k < n; k++)
            if (fold_of(ds, rows[k], by_file) != fold)
                train[nt++] = rows[k];
        AnFit fit;
        if (nt == 0 || an_fit(ds, train, nt, tag, p, &fit) < 0)
            goto out;
        for (int k = 0; k < n; k++)
            if (fold_of(ds, rows[k], by_file) == fold) {
                done[k] = 1;
                s[m] = an_fit_score(ds, &fit, rows[k]);
                gold[m++] = an_dataset_has(ds, rows[k], tag);
            }
        an_fit_free(&fit);
    }
    *threshold = an_best_threshold(s, gold, m, BETA);
    rc = 0;
out:
    free(train);
    free(s);
    free(gold);
    free(done);
    return rc;
}

static double probability(double decision)
{
    return isfinite(decision) ? 1.0 / (1.0 + exp(-decision)) : 2.0; /* 2: never fires */
}

int an_learn_hurts(const char *tag)
{
    static const char *const HURTS[] = {"counter_complaint", "defensive",   "criticism",
                                        "contempt",          "minimizing",  "fix_it",
                                        "overpromise",       "stonewalling"};
    for (size_t i = 0; i < sizeof HURTS / sizeof HURTS[0]; i++)
        if (strcmp(tag, HURTS[i]) == 0)
            return 1;
    return 0;
}

/* Pairs of TAGS the rows ROWS (count N) never give one reply, bar the odd one: each tag is
 * labelled on at least EXCLUSIVE_MIN rows and they share at most EXCLUSIVE_SHARE of the rarer
 * tag's rows. Learnt from the training rows like the weights. When a move that hurts meets
 * one that helps, the hurting one stays; otherwise the surer one. */
#define EXCLUSIVE_MIN 10
#define EXCLUSIVE_SHARE 0.02
static int exclusive_pairs(const AnDataset *ds, const int *rows, int n, const char *const *tags,
                           int ntags, const char *domain, AnModels *out)
{
    for (int a = 0; a < ntags; a++)
        for (int b = a + 1; b < ntags; b++) {
            int ca = 0, cb = 0, both = 0;
            for (int j = 0; j < n; j++) {
                int ha = an_dataset_has(ds, rows[j], tags[a]);
                int hb = an_dataset_has(ds, rows[j], tags[b]);
                ca += ha, cb += hb, both += ha && hb;
            }
            int rarer = ca < cb ? ca : cb;
            if (rarer < EXCLUSIVE_MIN || both > EXCLUSIVE_SHARE * rarer)
                continue;
            /* a move that hurts stays: "what about the times I cook?" is no question */
            int ha = an_learn_hurts(tags[a]), hb = an_learn_hurts(tags[b]);
            int rc = hb && !ha ? an_models_add_exclusive(out, domain, tags[b], tags[a], 1)
                               : an_models_add_exclusive(out, domain, tags[a], tags[b], ha && !hb);
            if (rc < 0)
                return -1;
        }
    return 0;
}

int an_learn_models(const AnDataset *ds, const int *rows, int nrows, const int *startup,
                    const char *const *tags, int n, const AnFitParams *p, const char *domain,
                    AnModels *out)
{
    int nf = an_dataset_features(ds);
    int *mine = malloc(((size_t)nrows + 1) * sizeof *mine);
    const char **names = malloc(((size_t)nf + 1) * sizeof *names);
    int rc = mine && names ? 0 : -1;
    for (int i = 0; rc == 0 && i < nf; i++)
        names[i] = an_dataset_feature_name(ds, i);
    for (int t = 0; rc == 0 && t < n; t++) {
        int m = rows_for(tags[t], rows, nrows, startup, mine);
        double threshold;
        AnFit fit;
        if (held_out_threshold(ds, mine, m, tags[t], p, &threshold) < 0 ||
            an_fit(ds, mine, m, tags[t], p, &fit) < 0) {
            rc = -1;
            break;
        }
        rc =
            an_models_add(out, domain, tags[t], fit.bias, probability(threshold), names, fit.w, nf);
        an_fit_free(&fit);
    }
    if (rc == 0)
        rc = exclusive_pairs(ds, rows, nrows, tags, n, domain, out);
    free(mine);
    free(names);
    return rc;
}

AnFitParams an_learn_counselling_defaults(void)
{
    AnFitParams p = an_learn_defaults();
    p.c = 0.1;
    return p;
}

int an_learn_counselling(const AnDataset *ds, const int *crows, int nc, const int *krows, int nk,
                         const int *startup, AnModels *out)
{
    static const char *const REFLECTION[] = {"reflection"};
    static const char *const HURTING[] = {"counter_complaint", "defensive",  "criticism",
                                          "contempt",          "minimizing", "fix_it"};
    AnFitParams pc = an_learn_counselling_defaults(), pk = an_learn_defaults();
    if (an_learn_models(ds, crows, nc, startup, REFLECTION, 1, &pc, "counselling", out) < 0)
        return -1;
    if (nk == 0)
        return 0;
    int *all = malloc(((size_t)nc + (size_t)nk) * sizeof *all);
    if (!all)
        return -1;
    memcpy(all, krows, (size_t)nk * sizeof *all);
    memcpy(all + nk, crows, (size_t)nc * sizeof *all);
    int rc = an_learn_models(ds, all, nc + nk, startup, HURTING,
                             (int)(sizeof HURTING / sizeof HURTING[0]), &pk, "counselling", out);
    free(all);
    return rc;
}
