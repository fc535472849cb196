/* an_csv.c: RFC 4180 reader over a file held in memory; fields are unescaped in place.
 * Depends on libc only. */
#include "game/analysis/an_csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

AnCsv *an_csv_open(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *text = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[65536];
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (len + n > cap) {
            cap = (len + n) * 2;
            char *t = realloc(text, cap);
            if (!t) {
                free(text);
                fclose(fp);
                return NULL;
            }
            text = t;
        }
        memcpy(text + len, chunk, n);
        len += n;
    }
    fclose(fp);
    AnCsv *c = an_csv_from_text(text ? text : "", len);
    free(text);
    return c;
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
    if (c->pos >= c->len)
        return 0;
    for (;;) {
        char *field;
        int bad = 0;
        if (c->buf[c->pos] == '"') {
            c->pos++;
            bad = quoted(c, &field) < 0;
        } else {
            field = c->buf + c->pos;
            while (c->pos < c->len && c->buf[c->pos] != ',' && c->buf[c->pos] != '\n' &&
                   c->buf[c->pos] != '\r')
                bad |= c->buf[c->pos++] == '"';
        }
        char end = c->pos < c->len ? c->buf[c->pos] : '\n';
        if (end == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n')
            c->buf[c->pos++] = '\0', end = '\n';
        if (bad || (end != ',' && end != '\n' && end != '\r') || row->count >= AN_CSV_FIELDS_MAX) {
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
