/* labelled.c: reading labelled CSV rows into a dataset (see labelled.h). */
#include "game/cli/labelled.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/limits.h"
#include "game/analysis/an_csv.h"

static int column(const AnCsvRow *row, const char *name)
{
    for (int i = 0; i < row->count; i++)
        if (strcmp(row->fields[i], name) == 0)
            return i;
    return -1;
}

/* The group of a row: the transcript of "annomi-36-12" (the id without its last part),
 * else the row itself. */
static int group_of(const char *id, int row)
{
    const char *dash = strrchr(id, '-');
    if (!dash || dash == id)
        return row;
    unsigned h = 2166136261u;
    for (const char *p = id; p < dash; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    return (int)(h & 0x7FFFFFFF);
}

static int grow(Labelled *d)
{
    if (d->n < d->cap)
        return 0;
    int cap = d->cap ? d->cap * 2 : 1024;
    char ***lists[4] = {&d->id, &d->context, &d->reply, &d->labels};
    for (int k = 0; k < 4; k++) {
        char **p = realloc(*lists[k], (size_t)cap * sizeof **lists[k]);
        if (!p)
            return -1;
        *lists[k] = p;
    }
    int *s = realloc(d->startup, (size_t)cap * sizeof *s);
    if (!s)
        return -1;
    d->startup = s;
    d->cap = cap;
    return 0;
}

/* LABELS with "question" added when it names a kind of question but not the tag itself:
 * the models learn whether a reply asks as one tag, and its form says which kind. */
static const char *with_question(const char *labels, char *buf, size_t cap)
{
    if (an_labels_has(labels, "question") ||
        (!an_labels_has(labels, "question_open") && !an_labels_has(labels, "question_closed")))
        return labels;
    snprintf(buf, cap, "%s|question", labels);
    return buf;
}

static int add_row(Labelled *d, Rules *r, const char *const f[4], int file)
{
    const AnVector *v = rules_vectorize(r, f[1], f[2]);
    if (!v || grow(d) < 0)
        return -1;
    char labels[1024];
    int row = an_dataset_add(d->ds, v, with_question(f[3], labels, sizeof labels), file,
                             group_of(f[0], d->n));
    if (row < 0)
        return -1;
    d->id[d->n] = strdup(f[0]);
    d->context[d->n] = strdup(f[1]);
    d->reply[d->n] = strdup(f[2]);
    d->labels[d->n] = strdup(f[3]);
    d->startup[d->n] = f[1][0] == '\0';
    d->n++;
    return d->id[d->n - 1] && d->context[d->n - 1] && d->reply[d->n - 1] && d->labels[d->n - 1]
               ? 0
               : -1;
}

int labelled_read(Labelled *d, Rules *r, const char *path)
{
    if (d->nfiles == LABELLED_FILES_MAX) {
        fprintf(stderr, "heard: %s: at most %d data files\n", path, LABELLED_FILES_MAX);
        return -1;
    }
    if (!d->ds && !(d->ds = an_dataset_create()))
        return -1;
    AnCsv *c = an_csv_open(path);
    if (!c) {
        fprintf(stderr, "heard: cannot read %s\n", path);
        return -1;
    }
    int file = d->nfiles++, col[4] = {-1, -1, -1, -1}, header = 1, rc;
    d->paths[file] = path;
    AnCsvRow row;
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
                fprintf(stderr, "%s:%d: the header must name context, reply and labels\n", path,
                        row.line);
                an_csv_close(c);
                return -1;
            }
            continue;
        }
        const char *f[4];
        for (int k = 0; k < 4; k++)
            f[k] = col[k] >= 0 && col[k] < row.count ? row.fields[col[k]] : "";
        char why[200];
        if (labelled_row_fits(f[1], f[2], why, sizeof why) < 0) {
            fprintf(stderr, "%s:%d: %s; row skipped\n", path, row.line, why);
            continue;
        }
        if (add_row(d, r, f, file) < 0) {
            fprintf(stderr, "heard: out of memory at %s:%d\n", path, row.line);
            an_csv_close(c);
            return -1;
        }
    }
    an_csv_close(c);
    return 0;
}

int labelled_row_fits(const char *context, const char *reply, char *why, size_t cap)
{
    if (limits_check_text(reply, strlen(reply), LIMITS_TEXT_MAX, "the reply", why, cap, NULL) !=
            LIMITS_OK ||
        limits_check_text(context, strlen(context), LIMITS_TEXT_MAX, "the context", why, cap,
                          NULL) != LIMITS_OK)
        return -1;
    return 0;
}

int labelled_rows(const Labelled *d, int file, int keep, int *rows)
{
    int n = 0;
    for (int i = 0; i < d->n; i++)
        if ((an_dataset_file(d->ds, i) == file) == (keep != 0))
            rows[n++] = i;
    return n;
}

void labelled_free(Labelled *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->id[i]);
        free(d->context[i]);
        free(d->reply[i]);
        free(d->labels[i]);
    }
    free(d->id);
    free(d->context);
    free(d->reply);
    free(d->labels);
    free(d->startup);
    an_dataset_destroy(d->ds);
    memset(d, 0, sizeof *d);
}
