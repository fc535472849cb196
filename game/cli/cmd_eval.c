/* cmd_eval.c: `heard eval DATA.csv [--json] [--errors N]` runs the game's analyser and rules
 * over labelled rows (id,context,reply,labels) and prints precision, recall and F1 per tag
 * with micro and macro averages. An empty context means a startup (the customer speaks).
 * The tag "question" (never shown to players) is a reply that asks: a sentence that is a
 * question in form, or any '?' on a statement but a bare "Yeah?" (rules_asks): a statement
 * about the partner put to them with a '?' ("So you think it began four years ago?") asks
 * them to confirm, and is also reflection and question_closed for players (LABELS.md). The
 * older reading, any question_open/question_closed move, is reported beside it as
 * "question as moves".
 * reflection_simple/reflection_complex are sub-kinds the rules do not split, so they are
 * listed as not scored. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "game/analysis/an_csv.h"
#include "game/analysis/an_learn.h"
#include "game/cli/labelled.h"
#include "game/cli/commands.h"
#include "game/cli/root.h"
#include "game/rules/rules.h"

#define TAGS_MAX 48

typedef struct TagStat {
    char name[MOVE_TAG_MAX];
    int tp, fp, fn;
    char **errors; /* up to max_errors lines */
    int nerrors;
} TagStat;

typedef struct Eval {
    TagStat tags[TAGS_MAX];
    int ntags, rows, bad_rows, max_errors;
    int reflection_rows, hurt_on_reflection; /* rows labelled reflection; of them, flagged as
                                              * counter_complaint, defensive or criticism */
    int cols[4];                             /* id, context, reply, labels */
    int qm_tp, qm_fp, qm_fn; /* "question" read as any question_open/question_closed move */
} Eval;

static const char *const UNSCORED[] = {"reflection_simple", "reflection_complex"};

static int unscored(const char *tag)
{
    return strcmp(tag, UNSCORED[0]) == 0 || strcmp(tag, UNSCORED[1]) == 0;
}

static TagStat *tag_of(Eval *e, const char *name)
{
    for (int i = 0; i < e->ntags; i++)
        if (strcmp(e->tags[i].name, name) == 0)
            return &e->tags[i];
    if (e->ntags == TAGS_MAX || strlen(name) >= MOVE_TAG_MAX)
        return NULL;
    TagStat *t = &e->tags[e->ntags++];
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", name);
    return t;
}

static void note_error(Eval *e, TagStat *t, const char *kind, const char *id, const char *reply,
                       const char *gold, const char *pred)
{
    if (t->nerrors >= e->max_errors)
        return;
    if (!t->errors && !(t->errors = calloc((size_t)e->max_errors, sizeof(char *))))
        return;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s %s: \"%.300s\" gold=[%s] got=[%s]", kind, id, reply, gold, pred);
    t->errors[t->nerrors] = strdup(buf);
    if (t->errors[t->nerrors])
        t->nerrors++;
}

static void count_row(Eval *e, const char *id, const char *reply, const char *gold,
                      const char *pred)
{
    /* every tag named on either side */
    for (int side = 0; side < 2; side++) {
        const char *list = side ? pred : gold;
        char tag[MOVE_TAG_MAX];
        for (const char *p = list; *p;) {
            const char *x = strchr(p, '|');
            size_t k = x ? (size_t)(x - p) : strlen(p);
            if (k > 0 && k < sizeof tag) {
                memcpy(tag, p, k);
                tag[k] = '\0';
                if (!unscored(tag))
                    tag_of(e, tag);
            }
            p += k + (x ? 1 : 0);
        }
    }
    if (an_labels_has(gold, "reflection")) {
        e->reflection_rows++;
        e->hurt_on_reflection += an_labels_has(pred, "counter_complaint") ||
                                 an_labels_has(pred, "defensive") ||
                                 an_labels_has(pred, "criticism");
    }
    for (int i = 0; i < e->ntags; i++) {
        TagStat *t = &e->tags[i];
        int g = an_labels_has(gold, t->name), p = an_labels_has(pred, t->name);
        t->tp += g && p;
        t->fp += !g && p;
        t->fn += g && !p;
        if (g != p)
            note_error(e, t, p ? "FP" : "FN", id, reply, gold, pred);
    }
}

/* Fills OUT with the moves and, when the reply asks, "question"; *QMOVES says whether a
 * question_open/question_closed move was among them. */
static void predict(Rules *r, const char *context, const char *reply, char *out, size_t cap,
                    int *qmoves)
{
    MoveList ml;
    ScriptError err;
    out[0] = '\0';
    *qmoves = 0;
    Role role = *context ? ROLE_AGENT : ROLE_CUSTOMER;
    if (rules_score(r, context, reply, role, &ml, &err) != 0) {
        fprintf(stderr, "heard eval: %s\n", err.message);
        return;
    }
    for (int i = 0; i < ml.count; i++) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s", n ? "|" : "", ml.items[i].tag);
        *qmoves |= strncmp(ml.items[i].tag, "question_", 9) == 0;
    }
    if (rules_asks(r, context, reply) > 0) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%squestion", n ? "|" : "");
    }
}

static int find_columns(Eval *e, const AnCsvRow *row)
{
    static const char *const NAMES[] = {"id", "context", "reply", "labels"};
    for (int k = 0; k < 4; k++) {
        e->cols[k] = -1;
        for (int i = 0; i < row->count; i++)
            if (strcmp(row->fields[i], NAMES[k]) == 0)
                e->cols[k] = i;
        if (e->cols[k] < 0 && k > 0)
            return -1;
    }
    return 0;
}

static void progress(int done, int line)
{
    (void)line;
    if (done % 50 == 0)
        fprintf(stderr, "\r%d rows", done);
}

static int run_file(Eval *e, Rules *r, const char *path)
{
    AnCsv *c = an_csv_open(path);
    if (!c) {
        fprintf(stderr, "heard eval: cannot read %s\n", path);
        return -1;
    }
    AnCsvRow row;
    int rc, header = 1, tty = isatty(2);
    char pred[512];
    while ((rc = an_csv_next(c, &row)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "%s:%d: malformed CSV row skipped\n", path, row.line);
            e->bad_rows++;
            continue;
        }
        if (header) {
            header = 0;
            if (find_columns(e, &row) < 0) {
                fprintf(stderr, "%s:%d: header must name context, reply and labels\n", path,
                        row.line);
                an_csv_close(c);
                return -1;
            }
            continue;
        }
        if (row.count == 1 && row.fields[0][0] == '\0')
            continue;
        int maxc = e->cols[1] > e->cols[2] ? e->cols[1] : e->cols[2];
        maxc = maxc > e->cols[3] ? maxc : e->cols[3];
        if (row.count <= maxc) {
            fprintf(stderr, "%s:%d: row has %d fields, expected %d; skipped\n", path, row.line,
                    row.count, maxc + 1);
            e->bad_rows++;
            continue;
        }
        const char *id = e->cols[0] >= 0 ? row.fields[e->cols[0]] : "?";
        char why[200];
        if (labelled_row_fits(row.fields[e->cols[1]], row.fields[e->cols[2]], why, sizeof why) <
            0) {
            fprintf(stderr, "%s:%d: %s; row skipped\n", path, row.line, why);
            e->bad_rows++;
            continue;
        }
        int qmoves, gq = an_labels_has(row.fields[e->cols[3]], "question");
        predict(r, row.fields[e->cols[1]], row.fields[e->cols[2]], pred, sizeof pred, &qmoves);
        count_row(e, id, row.fields[e->cols[2]], row.fields[e->cols[3]], pred);
        e->qm_tp += gq && qmoves;
        e->qm_fp += !gq && qmoves;
        e->qm_fn += gq && !qmoves;
        e->rows++;
        if (tty)
            progress(e->rows, row.line);
    }
    if (tty)
        fprintf(stderr, "\r%d rows\n", e->rows);
    an_csv_close(c);
    return 0;
}

static double ratio(int a, int b)
{
    return b ? (double)a / b : 0.0;
}

static void prf(int tp, int fp, int fn, double *p, double *r, double *f)
{
    *p = ratio(tp, tp + fp);
    *r = ratio(tp, tp + fn);
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static json_t *stat_json(int tp, int fp, int fn, double p, double r, double f)
{
    return json_pack("{s:i, s:i, s:i, s:f, s:f, s:f}", "tp", tp, "fp", fp, "fn", fn, "precision", p,
                     "recall", r, "f1", f);
}

static void report(const Eval *e, int json)
{
    int TP = 0, FP = 0, FN = 0, nmac = 0;
    double mp = 0, mr = 0, mf = 0, p, r, f;
    json_t *tags = json_object();
    if (!json)
        printf("%-18s %5s %5s %5s %9s %7s %6s\n", "tag", "tp", "fp", "fn", "precision", "recall",
               "f1");
    json_t *extra = json_object();
    for (int i = 0; i < e->ntags; i++) {
        const TagStat *t = &e->tags[i];
        if (t->tp + t->fn == 0) { /* never labelled in this data: listed apart */
            json_object_set_new(extra, t->name, json_integer(t->fp));
            continue;
        }
        prf(t->tp, t->fp, t->fn, &p, &r, &f);
        TP += t->tp, FP += t->fp, FN += t->fn;
        mp += p, mr += r, mf += f, nmac++;
        if (json)
            json_object_set_new(tags, t->name, stat_json(t->tp, t->fp, t->fn, p, r, f));
        else
            printf("%-18s %5d %5d %5d %9.3f %7.3f %6.3f\n", t->name, t->tp, t->fp, t->fn, p, r, f);
    }
    double Mp, Mr, Mf, qp, qr, qf;
    prf(TP, FP, FN, &Mp, &Mr, &Mf);
    prf(e->qm_tp, e->qm_fp, e->qm_fn, &qp, &qr, &qf);
    int q_labelled = e->qm_tp + e->qm_fn > 0;
    if (nmac)
        mp /= nmac, mr /= nmac, mf /= nmac;
    if (json) {
        json_t *o = json_pack(
            "{s:i, s:i, s:o, s:o, s:o, s:o, s:{s:i, s:i, s:f}}", "rows", e->rows, "skipped",
            e->bad_rows, "tags", tags, "micro", stat_json(TP, FP, FN, Mp, Mr, Mf), "macro",
            json_pack("{s:f, s:f, s:f}", "precision", mp, "recall", mr, "f1", mf), "unlabelled",
            extra, "hurt_on_reflection", "rows", e->reflection_rows, "fired", e->hurt_on_reflection,
            "rate", ratio(e->hurt_on_reflection, e->reflection_rows));
        if (q_labelled)
            json_object_set_new(o, "question_as_moves",
                                stat_json(e->qm_tp, e->qm_fp, e->qm_fn, qp, qr, qf));
        char *s = json_dumps(o, JSON_INDENT(2));
        if (s)
            puts(s);
        free(s);
        json_decref(o);
        return;
    }
    json_decref(tags);
    const char *k;
    json_t *v;
    printf("%-18s", "never labelled:");
    json_object_foreach(extra, k, v) printf(" %s %d", k, (int)json_integer_value(v));
    printf("\n");
    json_decref(extra);
    printf("rows labelled reflection flagged counter_complaint/defensive/criticism: %d of %d "
           "(%.1f%%)\n",
           e->hurt_on_reflection, e->reflection_rows,
           100.0 * ratio(e->hurt_on_reflection, e->reflection_rows));
    if (q_labelled)
        printf("%-18s %5d %5d %5d %9.3f %7.3f %6.3f  (any question_open/question_closed move; "
               "for comparison)\n",
               "question as moves", e->qm_tp, e->qm_fp, e->qm_fn, qp, qr, qf);
    printf("%-18s %5d %5d %5d %9.3f %7.3f %6.3f\n", "micro", TP, FP, FN, Mp, Mr, Mf);
    printf("%-18s %5s %5s %5s %9.3f %7.3f %6.3f\n", "macro", "", "", "", mp, mr, mf);
    printf("%d rows, %d skipped; reflection_simple and reflection_complex are not scored "
           "(the rules say reflection)\n",
           e->rows, e->bad_rows);
}

static void print_errors(const Eval *e)
{
    for (int i = 0; i < e->ntags; i++) {
        const TagStat *t = &e->tags[i];
        if (t->nerrors)
            printf("\n== %s ==\n", t->name);
        for (int k = 0; k < t->nerrors; k++)
            printf("  %s\n", t->errors[k]);
    }
}

static void free_eval(Eval *e)
{
    for (int i = 0; i < e->ntags; i++) {
        for (int k = 0; k < e->tags[i].nerrors; k++)
            free(e->tags[i].errors[k]);
        free(e->tags[i].errors);
    }
    free(e);
}

/* ---- held out: leave each file (or half of the transcripts) out ---------------------- */

typedef struct Fold {
    const char *name;
    Eval *e;
} Fold;

/* Scores the rows ROWS of D with R's current models into E. */
static void eval_rows(Eval *e, Rules *r, const Labelled *d, const int *rows, int n)
{
    char pred[512];
    for (int j = 0; j < n; j++) {
        int i = rows[j], qmoves, gq = an_labels_has(d->labels[i], "question");
        predict(r, d->context[i], d->reply[i], pred, sizeof pred, &qmoves);
        count_row(e, d->id[i], d->reply[i], d->labels[i], pred);
        e->qm_tp += gq && qmoves;
        e->qm_fp += !gq && qmoves;
        e->qm_fn += gq && !qmoves;
        e->rows++;
    }
}

/* Per tag, the mean over the folds that label it of precision, recall and F1. */
static void report_mean(const Fold *folds, int n, int json)
{
    const Eval *first = folds[0].e;
    double macro = 0;
    int nmacro = 0;
    json_t *tags = json_object();
    if (!json) {
        printf("\n== mean over %d held-out parts ==\n%-18s", n, "tag");
        for (int k = 0; k < n; k++)
            printf(" %10.10s", folds[k].name);
        printf("  %9s %7s %6s\n", "precision", "recall", "f1");
    }
    for (int t = 0; t < first->ntags; t++) {
        const char *name = first->tags[t].name;
        double mp = 0, mr = 0, mf = 0;
        int m = 0, labelled = 0;
        for (int k = 0; k < n; k++) {
            TagStat *ts = tag_of(folds[k].e, name);
            labelled |= ts && ts->tp + ts->fn > 0;
        }
        if (!labelled)
            continue; /* predicted, never labelled: each part's report lists it */
        if (!json)
            printf("%-18s", name);
        for (int k = 0; k < n; k++) {
            TagStat *ts = tag_of(folds[k].e, name);
            double p, r, f;
            if (!ts || ts->tp + ts->fn == 0) {
                if (!json)
                    printf(" %10s", "-");
                continue;
            }
            prf(ts->tp, ts->fp, ts->fn, &p, &r, &f);
            mp += p, mr += r, mf += f, m++;
            if (!json)
                printf(" %10.3f", f);
        }
        if (m)
            mp /= m, mr /= m, mf /= m;
        if (m)
            macro += mf, nmacro++;
        if (json && m)
            json_object_set_new(
                tags, name, json_pack("{s:f, s:f, s:f}", "precision", mp, "recall", mr, "f1", mf));
        else if (!json)
            printf("  %9.3f %7.3f %6.3f\n", mp, mr, mf);
    }
    if (json) {
        json_t *o =
            json_pack("{s:o, s:f}", "tags", tags, "macro_f1", nmacro ? macro / nmacro : 0.0);
        char *str = json_dumps(o, JSON_INDENT(2));
        if (str)
            printf("\"mean\": %s\n", str);
        free(str);
        json_decref(o);
    } else {
        json_decref(tags);
        printf("%-18s %*s  %9s %7s %6.3f\n", "macro f1", 11 * n - 1, "", "", "",
               nmacro ? macro / nmacro : 0.0);
    }
}

/* The models for one part. LOFO: the couples models fitted on TRAIN. Halves: the couples
 * models fitted on the couples files (KROWS; the loaded ones when there are none) and the
 * counselling models fitted on the counselling rows of TRAIN with the couples rows. */
static AnModels *fit_part(Rules *r, const Labelled *d, const int *train, int nt, const int *krows,
                          int nk, int halves)
{
    AnFitParams p = an_learn_defaults();
    AnModels *ms = an_models_create();
    if (!ms)
        return NULL;
    int rc;
    if (halves) {
        const AnModels *loaded = rules_models(r);
        if (nk > 0)
            rc = an_learn_models(d->ds, krows, nk, d->startup, AN_LEARN_COUPLES_TAGS,
                                 AN_LEARN_COUPLES_TAG_COUNT, &p, "couples", ms);
        else
            rc = loaded ? an_models_copy_domain(ms, loaded, "couples") : 0;
        if (rc == 0)
            rc = an_learn_counselling(d->ds, train, nt, krows, nk, d->startup, ms);
    } else {
        rc = an_learn_models(d->ds, train, nt, d->startup, AN_LEARN_COUPLES_TAGS,
                             AN_LEARN_COUPLES_TAG_COUNT, &p, "couples", ms);
    }
    if (rc < 0) {
        an_models_destroy(ms);
        return NULL;
    }
    return ms;
}

/* Leaves each file (LOFO) or each half of the counselling transcripts (HALVES; the files
 * from COUNSELLING on are counselling files, those before it couples files) out in turn. */
static int held_out(Rules *r, const char *const *paths, int npaths, int counselling, int halves,
                    int json, int max_errors)
{
    Labelled d = {0};
    int rc = 0;
    for (int i = 0; i < npaths && rc == 0; i++)
        rc = labelled_read(&d, r, paths[i]);
    int nparts = halves ? 2 : d.nfiles;
    Fold folds[LABELLED_FILES_MAX] = {{0}};
    int *train = malloc(((size_t)d.n + 1) * sizeof *train);
    int *test = malloc(((size_t)d.n + 1) * sizeof *test);
    int *krows = malloc(((size_t)d.n + 1) * sizeof *krows), nk = 0;
    if (!train || !test || !krows || nparts < 2)
        rc = -1;
    for (int i = 0; rc == 0 && halves && i < d.n; i++)
        if (an_dataset_file(d.ds, i) < counselling)
            krows[nk++] = i;
    if (halves)
        rules_set_domain(r, "counselling");
    if (json && rc == 0)
        printf("{\"folds\": [\n");
    for (int k = 0; k < nparts && rc == 0; k++) {
        int nt = 0, ns = 0;
        for (int i = 0; i < d.n; i++) {
            if (halves && an_dataset_file(d.ds, i) < counselling)
                continue;
            int part = halves ? an_dataset_group(d.ds, i) % 2 : an_dataset_file(d.ds, i);
            if (part == k)
                test[ns++] = i;
            else
                train[nt++] = i;
        }
        const char *slash = halves ? NULL : strrchr(d.paths[k], '/');
        folds[k].name = halves ? (k ? "half 2" : "half 1") : slash ? slash + 1 : d.paths[k];
        AnModels *ms = fit_part(r, &d, train, nt, krows, nk, halves);
        folds[k].e = calloc(1, sizeof(Eval));
        if (!ms || !folds[k].e) {
            an_models_destroy(ms);
            rc = -1;
            break;
        }
        folds[k].e->max_errors = max_errors;
        rules_set_models(r, ms);
        eval_rows(folds[k].e, r, &d, test, ns);
        if (json)
            printf("%s{\"left_out\": \"%s\", \"report\":\n", k ? ",\n" : "", folds[k].name);
        else
            printf("\n== left out: %s (fitted on the other %s) ==\n", folds[k].name,
                   halves ? "half" : "files");
        report(folds[k].e, json);
        if (json)
            printf("}");
        else
            print_errors(folds[k].e);
    }
    if (rc == 0) {
        if (json)
            printf("],\n");
        report_mean(folds, nparts, json);
        if (json)
            printf("}\n");
    } else {
        fprintf(stderr, "heard eval: could not fit the held-out models (out of memory?)\n");
    }
    for (int k = 0; k < nparts; k++)
        if (folds[k].e)
            free_eval(folds[k].e);
    free(train);
    free(test);
    free(krows);
    labelled_free(&d);
    return rc;
}

static int usage(void)
{
    fprintf(stderr,
            "usage: heard eval DATA.csv... [--json] [--errors N] [--domain couples|counselling]\n"
            "       heard eval --lofo COUPLES.csv... [--json] [--errors N]\n"
            "       heard eval --halves [COUPLES.csv...] --counselling DATA.csv... [--json] "
            "[--errors N]\n");
    return 2;
}

int cmd_eval(int argc, char **argv)
{
    const char *paths[LABELLED_FILES_MAX], *domain = "couples";
    int npaths = 0, json = 0, lofo = 0, halves = 0, max_errors = 0, counselling = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--lofo") == 0)
            lofo = 1;
        else if (strcmp(argv[i], "--halves") == 0)
            halves = 1;
        else if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc)
            max_errors = atoi(argv[++i]);
        else if (strcmp(argv[i], "--counselling") == 0)
            counselling = npaths;
        else if (strcmp(argv[i], "--domain") == 0 && i + 1 < argc)
            domain = argv[++i];
        else if (argv[i][0] != '-' && npaths < LABELLED_FILES_MAX)
            paths[npaths++] = argv[i];
        else
            return usage();
    }
    if (npaths == 0 || (lofo && halves) || (lofo && npaths < 2) ||
        (halves && (counselling < 0 || counselling == npaths)) || (!halves && counselling >= 0))
        return usage();
    ScriptError err;
    Rules *r = rules_load(cli_root(), &err);
    if (!r) {
        fprintf(stderr, "heard eval: %s\n", err.message);
        return 2;
    }
    if (rules_set_domain(r, domain) < 0) {
        fprintf(stderr, "heard eval: unknown domain '%s' (couples or counselling)\n", domain);
        rules_destroy(r);
        return 2;
    }
    int rc = 0;
    if (lofo || halves) {
        rc = held_out(r, paths, npaths, counselling, halves, json, max_errors);
    } else {
        Eval *e = calloc(1, sizeof *e);
        rc = e ? 0 : -1;
        if (e)
            e->max_errors = max_errors;
        for (int i = 0; i < npaths && rc == 0; i++)
            rc = run_file(e, r, paths[i]);
        if (rc == 0) {
            report(e, json);
            if (!json)
                print_errors(e);
        }
        if (e)
            free_eval(e);
    }
    rules_destroy(r);
    return rc == 0 ? 0 : 2;
}
