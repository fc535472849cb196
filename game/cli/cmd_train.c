/* cmd_train.c: `heard train DATA.csv... -o scripts/rules/weights.lua [--tags a,b]
 * [--holdout even|odd|none] [--l2 X] [--precision P] [--dump FILE] [--said-back]` fits one
 * logistic model per tag over the analyser's numeric inputs (game/analysis/an_model.h) and
 * writes them as Lua data.
 *
 * Rows are id,context,reply,labels like `heard eval`; rows with an empty context (startups)
 * are left out, since the models read listener replies. The tag "question" is any of
 * question, question_open, question_closed. With --holdout even (odd), rows whose id hashes
 * even (odd) are held out: the models are fitted on the other half and the held-out rows
 * are scored twice, by the model alone and by the full rules with the new models, per file
 * ("question" by the full rules is what `heard eval` counts: a reply that asks).
 * --said-back fits "question" as a model of whether a '?' on a statement about the partner
 * asks, with the threshold that balances precision and recall for F1 (said_back_model).
 * The output is deterministic: the same data and options give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_csv.h"
#include "game/analysis/an_train.h"
#include "game/cli/commands.h"
#include "game/cli/root.h"
#include "game/rules/rules.h"

#define FILES_MAX 16

typedef struct Row {
    char *context, *reply, *labels;
    int file;
    int held; /* held out from fitting */
} Row;

typedef struct Data {
    Row *rows;
    double *x; /* rows * AN_X_COUNT */
    int n, cap;
} Data;

typedef struct Options {
    const char *paths[FILES_MAX];
    int npaths;
    const char *out, *dump;
    char tags[RULES_MODELS_MAX][AN_MODEL_TAG_MAX];
    int ntags;
    int holdout;   /* -1 none, 0 hold out even, 1 hold out odd */
    int said_back; /* --said-back: see said_back_model */
    double l2, precision;
} Options;

static int usage(void)
{
    fprintf(stderr, "usage: heard train DATA.csv... -o WEIGHTS.lua [--tags reflection,question]\n"
                    "                   [--holdout even|odd|none] [--l2 X] [--precision P]\n"
                    "                   [--dump INPUTS.csv] [--said-back]\n");
    return 2;
}

/* True when the '|'-joined LIST holds TAG ("question" also matches either kind). */
static int has_label(const char *list, const char *tag)
{
    if (an_labels_has(list, tag))
        return 1;
    return strcmp(tag, "question") == 0 &&
           (an_labels_has(list, "question_open") || an_labels_has(list, "question_closed"));
}

static unsigned long long fnv(const char *s)
{
    unsigned long long h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static int add_row(Data *d, Rules *r, const char *id, const char *ctx, const char *reply,
                   const char *labels, int file, int holdout)
{
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 512;
        Row *rows = realloc(d->rows, (size_t)cap * sizeof *rows);
        if (rows)
            d->rows = rows;
        double *x = realloc(d->x, (size_t)cap * AN_X_COUNT * sizeof *x);
        if (x)
            d->x = x;
        if (!rows || !x)
            return -1;
        d->cap = cap;
    }
    Row *row = &d->rows[d->n];
    row->context = strdup(ctx);
    row->reply = strdup(reply);
    row->labels = strdup(labels);
    row->file = file;
    row->held = holdout >= 0 && (int)(fnv(*id ? id : reply) & 1) == holdout;
    if (!row->context || !row->reply || !row->labels ||
        rules_inputs(r, ctx, reply, d->x + (size_t)d->n * AN_X_COUNT, AN_X_COUNT) < 0) {
        free(row->context), free(row->reply), free(row->labels);
        return -1;
    }
    d->n++;
    return 0;
}

static int column(const AnCsvRow *row, const char *name)
{
    for (int i = 0; i < row->count; i++)
        if (strcmp(row->fields[i], name) == 0)
            return i;
    return -1;
}

static int read_file(Data *d, Rules *r, const char *path, int file, int holdout)
{
    AnCsv *c = an_csv_open(path);
    if (!c) {
        fprintf(stderr, "heard train: cannot read %s\n", path);
        return -1;
    }
    AnCsvRow row;
    int rc, col[4] = {-1, -1, -1, -1}, header = 1;
    while ((rc = an_csv_next(c, &row)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "%s:%d: malformed CSV row skipped\n", path, row.line);
            continue;
        }
        if (header) {
            header = 0;
            static const char *const NAMES[] = {"id", "context", "reply", "labels"};
            for (int k = 0; k < 4; k++)
                col[k] = column(&row, NAMES[k]);
            if (col[1] < 0 || col[2] < 0 || col[3] < 0) {
                fprintf(stderr, "%s:%d: header must name context, reply and labels\n", path,
                        row.line);
                an_csv_close(c);
                return -1;
            }
            continue;
        }
        if (row.count <= col[1] || row.count <= col[2] || row.count <= col[3] ||
            !*row.fields[col[1]])
            continue; /* short rows and startups */
        const char *id = col[0] >= 0 && col[0] < row.count ? row.fields[col[0]] : "";
        if (add_row(d, r, id, row.fields[col[1]], row.fields[col[2]], row.fields[col[3]], file,
                    holdout) < 0) {
            fprintf(stderr, "heard train: out of memory at %s:%d\n", path, row.line);
            an_csv_close(c);
            return -1;
        }
    }
    an_csv_close(c);
    return 0;
}

/* ---- fitting and reporting ----------------------------------------------------------- */

typedef struct Counts {
    int tp, fp, fn;
} Counts;

static void print_prf(const char *what, Counts c)
{
    double p = c.tp + c.fp ? (double)c.tp / (c.tp + c.fp) : 0;
    double r = c.tp + c.fn ? (double)c.tp / (c.tp + c.fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("  %-34s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", what, p, r, f, c.tp, c.fp,
           c.fn);
}

static void count(Counts *c, int gold, int got)
{
    c->tp += gold && got;
    c->fp += !gold && got;
    c->fn += gold && !got;
}

/* With --said-back, the "question" model is fitted on the rows whose asking the words
 * leave open (a '?' on a statement about the partner) over the said_back_* inputs alone,
 * and decides only those: a reply asks when a sentence asks in form, or when it has such a
 * sentence and the model fires. */
static int said_back_model(const Options *o, const char *tag)
{
    return o->said_back && strcmp(tag, "question") == 0;
}

static double input(const Data *d, int i, int k)
{
    return d->x[(size_t)i * AN_X_COUNT + k];
}

static int fitted_row(const Data *d, const Options *o, int i, const char *tag)
{
    return !said_back_model(o, tag) || input(d, i, AN_X_SB) > 0;
}

/* What the reading with a said-back model counts for row I: asks in form, or said back
 * and the model fires at P. */
static int asks_with_model(const Data *d, int i, double p, double threshold)
{
    return input(d, i, AN_X_ASKS) > 0 || (input(d, i, AN_X_SB) > 0 && p >= threshold);
}

/* Fits TAG on the rows not held out into MD; prints the fit. Returns 0 or -1. */
static int fit(const Data *d, const Options *o, const char *tag, AnModel *md)
{
    int n = 0, pos = 0;
    double *x = malloc((size_t)(d->n ? d->n : 1) * AN_X_COUNT * sizeof *x);
    double *p = malloc((size_t)(d->n ? d->n : 1) * sizeof *p);
    unsigned char *y = malloc((size_t)(d->n ? d->n : 1));
    int rc = -1;
    if (x && p && y) {
        for (int i = 0; i < d->n; i++) {
            if (d->rows[i].held || !fitted_row(d, o, i, tag))
                continue;
            memcpy(x + (size_t)n * AN_X_COUNT, d->x + (size_t)i * AN_X_COUNT,
                   AN_X_COUNT * sizeof *x);
            y[n] = (unsigned char)has_label(d->rows[i].labels, tag);
            pos += y[n++];
        }
        memset(md, 0, sizeof *md);
        snprintf(md->tag, sizeof md->tag, "%s", tag);
        signed char sign[AN_X_COUNT];
        for (int j = 0; j < AN_X_COUNT; j++)
            sign[j] = said_back_model(o, tag) ? (signed char)(j >= AN_X_SB)
                                              : (signed char)an_model_sign(tag, j);
        int steps = an_train_logistic_signed(x, y, n, AN_X_COUNT, o->l2, sign, md->w, &md->bias);
        if (steps > 0) {
            Counts c = {0, 0, 0};
            for (int i = 0; i < n; i++)
                p[i] = an_model_score(md, x + (size_t)i * AN_X_COUNT);
            if (said_back_model(o, tag)) {
                Counts base = {0, 0, 0}; /* the fitted rows the form decides */
                for (int i = 0; i < d->n; i++)
                    if (!d->rows[i].held && !fitted_row(d, o, i, tag))
                        count(&base, has_label(d->rows[i].labels, tag), input(d, i, AN_X_ASKS) > 0);
                md->threshold = an_train_threshold_f1(p, y, n, base.tp, base.fp, base.fn);
                c = base;
            } else {
                md->threshold = an_train_threshold(p, y, n, o->precision);
            }
            for (int i = 0; i < n; i++)
                count(&c, y[i], p[i] >= md->threshold);
            printf("%s: fitted on %d rows (%d positive) in %d Newton steps; threshold %.4f\n", tag,
                   n, pos, steps, md->threshold);
            print_prf(said_back_model(o, tag) ? "form and model, rows of the fitted half"
                                              : "model alone, rows it was fitted on",
                      c);
            rc = 0;
        } else {
            fprintf(stderr, "heard train: %s: the fit failed (no rows, or out of memory)\n", tag);
        }
    }
    free(x), free(p), free(y);
    return rc;
}

/* Scores the held-out rows with the model alone and with the full rules using MODELS. */
static void report_held_out(const Data *d, const Options *o, Rules *r, const AnModel *models)
{
    if (rules_set_models(r, models, o->ntags) < 0)
        return;
    for (int file = 0; file < o->npaths; file++) {
        printf("held out of %s:\n", o->paths[file]);
        for (int t = 0; t < o->ntags; t++) {
            Counts alone = {0, 0, 0}, full = {0, 0, 0};
            for (int i = 0; i < d->n; i++) {
                const Row *row = &d->rows[i];
                if (!row->held || row->file != file)
                    continue;
                int gold = has_label(row->labels, o->tags[t]);
                double p = an_model_score(&models[t], d->x + (size_t)i * AN_X_COUNT);
                if (fitted_row(d, o, i, o->tags[t])) /* said back only, with --said-back */
                    count(&alone, gold, p >= models[t].threshold);
                MoveList ml;
                ScriptError err;
                int got = 0;
                if (said_back_model(o, o->tags[t]))
                    got = asks_with_model(d, i, p, models[t].threshold);
                else if (strcmp(o->tags[t], "question") == 0) /* as heard eval counts it */
                    got = rules_asks(r, row->context, row->reply) > 0;
                else if (rules_score(r, row->context, row->reply, ROLE_AGENT, &ml, &err) == 0)
                    for (int k = 0; k < ml.count; k++)
                        got |= has_label(ml.items[k].tag, o->tags[t]);
                count(&full, gold, got);
            }
            char what[80];
            snprintf(what, sizeof what, "%s, model alone", o->tags[t]);
            print_prf(what, alone);
            snprintf(what, sizeof what, "%s, rules with the model", o->tags[t]);
            print_prf(what, full);
        }
    }
}

/* ---- output ------------------------------------------------------------------------ */

/* --dump FILE: the inputs of every row as CSV (file, held, labels, then one column per
 * input), to look at what the models see. */
static int dump_inputs(const Data *d, const char *path)
{
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "heard train: cannot write %s\n", path);
        return -1;
    }
    fprintf(fp, "file,held,labels");
    for (int i = 0; i < AN_X_COUNT; i++)
        fprintf(fp, ",%s", an_model_input_name(i));
    fprintf(fp, ",reply\n");
    for (int r = 0; r < d->n; r++) {
        fprintf(fp, "%d,%d,%s", d->rows[r].file, d->rows[r].held, d->rows[r].labels);
        for (int i = 0; i < AN_X_COUNT; i++)
            fprintf(fp, ",%.4g", d->x[(size_t)r * AN_X_COUNT + i]);
        fputs(",\"", fp);
        for (const char *c = d->rows[r].reply; *c; c++)
            fputs(*c == '"' ? "\"\"" : (char[2]){*c, 0}, fp);
        fputs("\"\n", fp);
    }
    return fclose(fp) == 0 ? 0 : -1;
}

static int write_weights(const Options *o, const AnModel *models, int argc, char **argv)
{
    FILE *fp = fopen(o->out, "w");
    if (!fp) {
        fprintf(stderr, "heard train: cannot write %s\n", o->out);
        return -1;
    }
    fprintf(fp, "-- weights.lua: the analyser's fitted models (docs/analyser.md, \"The model\").\n"
                "-- Made from the data, not by hand; to remake it, run from the repo root:\n"
                "--  ");
    for (int i = 0; i < argc; i++)
        fprintf(fp, " %s", i == 0 ? "heard train" : argv[i]);
    fprintf(fp,
            "\n-- p(tag) = 1 / (1 + exp(-(bias + sum of weight * input))); the model says yes\n"
            "-- at p >= threshold (chosen for precision >= %.2f on the rows it was fitted on).\n"
            "return {\n  models = {\n",
            o->precision);
    for (int t = 0; t < o->ntags; t++) {
        const AnModel *m = &models[t];
        fprintf(fp, "    {\n      tag = \"%s\", bias = %.6f, threshold = %.6f,\n", m->tag, m->bias,
                m->threshold);
        fprintf(fp, "      weights = {\n");
        for (int i = 0; i < AN_X_COUNT; i++)
            fprintf(fp, "        %s = %.6f,\n", an_model_input_name(i), m->w[i]);
        fprintf(fp, "      },\n    },\n");
    }
    fprintf(fp, "  },\n}\n");
    return fclose(fp) == 0 ? 0 : -1;
}

static int parse(Options *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->holdout = -1;
    o->l2 = 1.0;
    o->precision = 0.75;
    const char *tags = "reflection,question";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-o") == 0 && v)
            o->out = v, i++;
        else if (strcmp(a, "--said-back") == 0)
            o->said_back = 1;
        else if (strcmp(a, "--dump") == 0 && v)
            o->dump = v, i++;
        else if (strcmp(a, "--tags") == 0 && v)
            tags = v, i++;
        else if (strcmp(a, "--l2") == 0 && v)
            o->l2 = atof(v), i++;
        else if (strcmp(a, "--precision") == 0 && v)
            o->precision = atof(v), i++;
        else if (strcmp(a, "--holdout") == 0 && v) {
            o->holdout = strcmp(v, "even") == 0 ? 0 : strcmp(v, "odd") == 0 ? 1 : -1;
            if (o->holdout < 0 && strcmp(v, "none") != 0)
                return -1;
            i++;
        } else if (a[0] != '-' && o->npaths < FILES_MAX)
            o->paths[o->npaths++] = a;
        else
            return -1;
    }
    for (const char *p = tags; *p && o->ntags < RULES_MODELS_MAX;) {
        size_t k = strcspn(p, ",");
        if (k > 0 && k < AN_MODEL_TAG_MAX)
            snprintf(o->tags[o->ntags++], AN_MODEL_TAG_MAX, "%.*s", (int)k, p);
        p += k + (p[k] == ',');
    }
    return o->npaths > 0 && o->out && o->ntags > 0 && o->l2 >= 0 ? 0 : -1;
}

int cmd_train(int argc, char **argv)
{
    Options o;
    if (parse(&o, argc, argv) < 0)
        return usage();
    ScriptError err;
    Rules *r = rules_load(cli_root(), &err);
    if (!r) {
        fprintf(stderr, "heard train: %s\n", err.message);
        return 2;
    }
    Data d = {0};
    AnModel models[RULES_MODELS_MAX];
    int rc = 0;
    for (int i = 0; i < o.npaths && rc == 0; i++)
        rc = read_file(&d, r, o.paths[i], i, o.holdout);
    for (int t = 0; t < o.ntags && rc == 0; t++)
        rc = fit(&d, &o, o.tags[t], &models[t]);
    if (rc == 0 && o.dump)
        rc = dump_inputs(&d, o.dump);
    if (rc == 0 && o.holdout >= 0)
        report_held_out(&d, &o, r, models);
    if (rc == 0)
        rc = write_weights(&o, models, argc, argv);
    for (int i = 0; i < d.n; i++)
        free(d.rows[i].context), free(d.rows[i].reply), free(d.rows[i].labels);
    free(d.rows);
    free(d.x);
    rules_destroy(r);
    return rc == 0 ? 0 : 2;
}
