/* an_csv.h: a small RFC 4180 CSV reader for labelled data: quoted fields with "" escapes,
 * commas and line breaks inside quotes, LF or CRLF row ends. A malformed row is reported
 * with its line number and skipped, so one bad row never stops a run.
 *
 * Depends on: libc only. */
#ifndef HEARD_AN_CSV_H
#define HEARD_AN_CSV_H

#include <stddef.h>

#define AN_CSV_FIELDS_MAX 32

typedef struct AnCsv AnCsv;

typedef struct AnCsvRow {
    const char *fields[AN_CSV_FIELDS_MAX]; /* borrowed, valid until the next an_csv_next */
    int count;
    int line; /* line number where the row starts (1-based) */
} AnCsvRow;

/* Reads the file at PATH. NULL when it cannot be read (errno tells why). Free with
 * an_csv_close (NULL is a no-op). */
AnCsv *an_csv_open(const char *path);

/* As an_csv_open for LEN bytes of TEXT (copied). NULL when out of memory. */
AnCsv *an_csv_from_text(const char *text, size_t len);

void an_csv_close(AnCsv *c);

/* Reads the next row into ROW. Returns 1 for a row, 0 at the end, and -1 for a malformed
 * row (unterminated quote, text after a closing quote, too many fields), whose ROW->line
 * says where it began; the reader has then moved past it. */
int an_csv_next(AnCsv *c, AnCsvRow *row);

/* True when LIST, labels joined by '|' as in the data files ("reflection|feeling"), holds
 * TAG exactly. */
int an_labels_has(const char *list, const char *tag);

#endif
