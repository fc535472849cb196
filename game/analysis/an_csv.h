/* an_csv.h: a small RFC 4180 CSV reader for labelled data: quoted fields with "" escapes,
 * commas and line breaks inside quotes, LF or CRLF row ends. A malformed row is reported
 * with its line number and skipped, so one bad row never stops a run. A field longer than
 * LIMITS_TEXT_MAX (2,000 bytes, the game's one limit on a player's words) makes its row
 * malformed. A file is read whole only when it is a regular file of at most
 * LIMITS_CSV_FILE bytes, holding a header row that can be read.
 *
 * Depends on: libc, engine/core (file, limits). */
#ifndef HEARD_AN_CSV_H
#define HEARD_AN_CSV_H

#include <stddef.h>

#define AN_CSV_FIELDS_MAX 32

typedef struct AnCsv AnCsv;

typedef struct AnCsvRow {
    const char *fields[AN_CSV_FIELDS_MAX]; /* borrowed, valid until the next an_csv_next */
    int count;
    int line;      /* line number where the row starts (1-based) */
    char why[160]; /* when an_csv_next returned -1: what is wrong with the row */
} AnCsvRow;

/* Reads the file at PATH: a regular file of at most LIMITS_CSV_FILE bytes whose first row
 * (the header) can be read. Returns NULL when it cannot be used, with WHY (CAP bytes, may
 * be NULL) saying why without the path: "it is empty: it has no header row", "its header
 * (line 1) has more than 32 fields", "it is a FIFO (a named pipe), not a regular file".
 * Free with an_csv_close (NULL is a no-op). */
AnCsv *an_csv_load(const char *path, char *why, size_t cap);

/* an_csv_load without the reason; errno then tells roughly why (ENODATA: no header row,
 * EINVAL: not a regular file or a header that cannot be read, EFBIG: too large). */
AnCsv *an_csv_open(const char *path);

/* As an_csv_open for LEN bytes of TEXT (copied). NULL when out of memory. */
AnCsv *an_csv_from_text(const char *text, size_t len);

void an_csv_close(AnCsv *c);

/* Reads the next row into ROW. Returns 1 for a row, 0 at the end, and -1 for a malformed
 * row (unterminated quote, text after a closing quote, too many fields, a field longer
 * than LIMITS_TEXT_MAX), whose ROW->line says where it began and ROW->why what is wrong;
 * the reader has then moved past it. */
int an_csv_next(AnCsv *c, AnCsvRow *row);

/* True when LIST, labels joined by '|' as in the data files ("reflection|feeling"), holds
 * TAG exactly. */
int an_labels_has(const char *list, const char *tag);

#endif
