/* labelled.h: labelled replies read from CSV files (id,context,reply,labels, as in
 * ../shared/data) into a dataset of the models' instances, for `heard train` and
 * `heard eval`. Each file keeps its index, so a measure can leave one whole file out; each
 * row keeps its group (for counselling transcripts, the transcript: "annomi-36-12" is
 * transcript 36), so a split can keep a transcript whole.
 *
 * Depends on: game/analysis (an_csv, an_train), game/rules. */
#ifndef HEARD_CLI_LABELLED_H
#define HEARD_CLI_LABELLED_H

#include <stddef.h>

#include "game/analysis/an_train.h"
#include "game/rules/rules.h"

#define LABELLED_FILES_MAX 16

typedef struct Labelled {
    AnDataset *ds;
    char **id, **context, **reply, **labels; /* per row, owned */
    int *startup;                            /* per row: an opening line (empty context) */
    int n, cap;
    const char *paths[LABELLED_FILES_MAX]; /* borrowed from the caller */
    int nfiles;
} Labelled;

/* Reads PATH's rows into D (as file number D->nfiles), reading each reply with R. Malformed
 * rows, and rows whose texts do not fit labelled_row_fits, are reported on stderr with their
 * line and skipped. Returns 0, or -1 with a message
 * on stderr when the file cannot be read, has no context/reply/labels header, or memory
 * runs out. */
int labelled_read(Labelled *d, Rules *r, const char *path);

/* 0 when a row's CONTEXT and REPLY fit the limit every player's words keep
 * (LIMITS_TEXT_MAX bytes of UTF-8 with no NUL), else -1 with WHY (CAP bytes) saying what is
 * wrong: such a row is reported with its line and skipped. */
int labelled_row_fits(const char *context, const char *reply, char *why, size_t cap);

/* The rows of D from file FILE (KEEP 1) or from every other file (KEEP 0) into ROWS (room
 * for d->n); returns how many. */
int labelled_rows(const Labelled *d, int file, int keep, int *rows);

void labelled_free(Labelled *d);

#endif
