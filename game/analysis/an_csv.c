/* an_csv.c: RFC 4180 reader over a file held in memory; fields are unescaped in place.
 * Depends on libc only. */
#include "game/analysis/an_csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/file.h"
#include "engine/core/limits.h"

struct AnCsv {
    char *buf; /* the text, NUL-terminated; fields are rewritten in place */
    size_t len, pos;
    int line;
};

AnCsv *an_csv_from_text(const char *text, size_t len)
{
    AnCsv *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->buf = malloc(len + 1);
    if (!c->buf) {
        free(c);
        return NULL;
    }
    memcpy(c->buf, text, len);
    c->buf[len] = '\0';
    c->len = len;
    c->line = 1;
    if (len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
        c->pos = 3; /* byte order mark */
    return c;
}

/* Takes TEXT (LEN bytes, NUL-terminated, malloc'd) as C's buffer. */
static AnCsv *adopt(char *text, size_t len)
{
    AnCsv *c = calloc(1, sizeof *c);
    if (!c) {
        free(text);
        return NULL;
    }
    c->buf = text;
    c->len = len;
    c->line = 1;
    if (len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
        c->pos = 3; /* byte order mark */
    return c;
}

/* What is wrong with the header at the start of TEXT (LEN bytes), or NULL when it reads.
 * Only as many bytes as the longest readable header are looked at, on a copy: a row is
 * rewritten in place as it is read. */
static const char *header_problem(const char *text, size_t len, char *why, size_t cap)
{
    size_t most = (size_t)AN_CSV_FIELDS_MAX * (LIMITS_TEXT_MAX + 3) + 2;
    AnCsv *probe = an_csv_from_text(text, len < most ? len : most);
    if (!probe)
        return "out of memory";
    size_t i = probe->pos;
    while (i < probe->len && strchr(" \t\r\n", probe->buf[i]))
        i++;
    const char *bad = NULL;
    if (i == probe->len) {
        bad = "it is empty: it has no header row (id,context,reply,labels)";
    } else {
        AnCsvRow row;
        if (an_csv_next(probe, &row) < 0) {
            snprintf(why, cap, "its header (line 1) cannot be read: %.100s", row.why);
            bad = why;
        }
    }
    an_csv_close(probe);
    return bad;
}

AnCsv *an_csv_load(const char *path, char *why, size_t cap)
{
    char *text = NULL, reason[160], local[200];
    size_t len = 0;
    if (!why || !cap) {
        why = local;
        cap = sizeof local;
    }
    int rc = file_read_capped(path, LIMITS_CSV_FILE, &text, &len, reason, sizeof reason);
    if (rc != FILE_OK) {
        int e = errno;
        snprintf(why, cap, "%s", reason);
        errno = rc == FILE_ERR_OPEN      ? e
                : rc == FILE_ERR_NOMEM   ? ENOMEM
                : rc == FILE_ERR_TOO_BIG ? EFBIG
                                         : EINVAL;
        return NULL;
    }
    const char *bad = header_problem(text, len, reason, sizeof reason);
    if (bad) {
        snprintf(why, cap, "%s", bad);
        free(text);
        errno = strncmp(bad, "it is empty", 11) == 0 ? ENODATA : EINVAL;
        return NULL;
    }
    AnCsv *c = adopt(text, len);
    if (!c) {
        snprintf(why, cap, "out of memory");
        errno = ENOMEM;
    }
    return c;
}

AnCsv *an_csv_open(const char *path)
{
    return an_csv_load(path, NULL, 0);
}

void an_csv_close(AnCsv *c)
{
    if (!c)
        return;
    free(c->buf);
    free(c);
}

/* Skips to the start of the next line (after a malformed row). */
static void skip_line(AnCsv *c)
{
    while (c->pos < c->len && c->buf[c->pos] != '\n')
        c->pos++;
    if (c->pos < c->len) {
        c->pos++;
        c->line++;
    }
}

/* Reads a quoted field starting after its opening quote; returns 0 or -1. */
static int quoted(AnCsv *c, char **out)
{
    char *w = c->buf + c->pos;
    *out = w;
    for (;;) {
        if (c->pos >= c->len)
            return -1;
        char ch = c->buf[c->pos++];
        if (ch == '"') {
            if (c->pos < c->len && c->buf[c->pos] == '"') {
                *w++ = '"';
                c->pos++;
                continue;
            }
            *w = '\0';
            return 0;
        }
        if (ch == '\n')
            c->line++;
        *w++ = ch;
    }
}

int an_csv_next(AnCsv *c, AnCsvRow *row)
{
    row->count = 0;
    row->line = c->line;
    row->why[0] = '\0';
    if (c->pos >= c->len)
        return 0;
    for (;;) {
        char *field;
        size_t flen;
        int bad = 0;
        if (c->buf[c->pos] == '"') {
            c->pos++;
            bad = quoted(c, &field) < 0;
            flen = bad ? 0 : strlen(field); /* quoted() ended it */
        } else {
            field = c->buf + c->pos;
            while (c->pos < c->len && c->buf[c->pos] != ',' && c->buf[c->pos] != '\n' &&
                   c->buf[c->pos] != '\r')
                bad |= c->buf[c->pos++] == '"';
            flen = (size_t)(c->buf + c->pos - field);
        }
        char end = c->pos < c->len ? c->buf[c->pos] : '\n';
        if (end == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n')
            c->buf[c->pos++] = '\0', end = '\n';
        const char *why =
            bad ? "a quote that is not closed, or a quote inside a field that is not quoted"
            : (end != ',' && end != '\n' && end != '\r') ? "text after a closing quote"
            : row->count >= AN_CSV_FIELDS_MAX            ? "more than 32 fields"
            : flen > LIMITS_TEXT_MAX ? "a field longer than the 2,000 bytes of a player's words"
                                     : NULL;
        if (why) {
            snprintf(row->why, sizeof row->why, "%s", why);
            skip_line(c);
            return -1;
        }
        if (c->pos < c->len)
            c->buf[c->pos++] = '\0';
        row->fields[row->count++] = field;
        if (end != ',') {
            c->line++;
            return 1;
        }
    }
}

int an_labels_has(const char *list, const char *tag)
{
    size_t n = strlen(tag);
    for (const char *p = list; *p;) {
        const char *e = strchr(p, '|');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && strncmp(p, tag, n) == 0)
            return 1;
        p += k + (e ? 1 : 0);
    }
    return 0;
}
