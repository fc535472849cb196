/* scenario_text.c: a scanner over Lua source that skips comments, strings and numbers and
 * hands back identifiers with their line, so messages can point at `title =` in the file.
 * It does not parse Lua; it only has to be right about where text is not code. */
#include "game/scenario/scenario_text.h"

#include <ctype.h>
#include <string.h>

typedef struct Scanner {
    const char *p, *end;
    int line;
} Scanner;

/* Length of the opening long bracket at P ("[[", "[==[") or 0 when P does not open one;
 * *LEVEL gets the number of '='. */
static size_t long_open(const Scanner *sc, const char *p, int *level)
{
    if (p >= sc->end || *p != '[')
        return 0;
    const char *q = p + 1;
    int n = 0;
    while (q < sc->end && *q == '=') {
        q++;
        n++;
    }
    if (q >= sc->end || *q != '[')
        return 0;
    *level = n;
    return (size_t)(q - p) + 1;
}

/* Skips to just past the long bracket closing at LEVEL, counting lines. */
static void skip_long(Scanner *sc, int level)
{
    while (sc->p < sc->end) {
        char c = *sc->p++;
        if (c == '\n') {
            sc->line++;
        } else if (c == ']') {
            const char *q = sc->p;
            int n = 0;
            while (q < sc->end && *q == '=') {
                q++;
                n++;
            }
            if (n == level && q < sc->end && *q == ']') {
                sc->p = q + 1;
                return;
            }
        }
    }
}

/* Skips a quoted string whose opening QUOTE was just read. */
static void skip_quoted(Scanner *sc, char quote)
{
    while (sc->p < sc->end) {
        char c = *sc->p++;
        if (c == '\\' && sc->p < sc->end) {
            if (*sc->p == '\n')
                sc->line++;
            sc->p++;
        } else if (c == quote || c == '\n') {
            if (c == '\n')
                sc->line++;
            return;
        }
    }
}

static int is_ident_start(char c)
{
    return isalpha((unsigned char)c) || c == '_';
}
static int is_ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* Skips a comment whose "--" was just read. */
static void skip_comment(Scanner *sc)
{
    int level;
    size_t n = long_open(sc, sc->p, &level);
    if (n) {
        sc->p += n;
        skip_long(sc, level);
        return;
    }
    while (sc->p < sc->end && *sc->p != '\n')
        sc->p++;
}

/* Advances to the next identifier; sets *ID, *IDLEN and *LINE. Returns 0 at the end. */
static int next_ident(Scanner *sc, const char **id, size_t *idlen, int *line)
{
    while (sc->p < sc->end) {
        char c = *sc->p;
        int level;
        size_t n;
        if (c == '\n') {
            sc->line++;
            sc->p++;
        } else if (c == '-' && sc->p + 1 < sc->end && sc->p[1] == '-') {
            sc->p += 2;
            skip_comment(sc);
        } else if (c == '"' || c == '\'') {
            sc->p++;
            skip_quoted(sc, c);
        } else if ((n = long_open(sc, sc->p, &level)) != 0) {
            sc->p += n;
            skip_long(sc, level);
        } else if (isdigit((unsigned char)c)) {
            while (sc->p < sc->end && (is_ident_char(*sc->p) || *sc->p == '.'))
                sc->p++;
        } else if (is_ident_start(c)) {
            *id = sc->p;
            while (sc->p < sc->end && is_ident_char(*sc->p))
                sc->p++;
            *idlen = (size_t)(sc->p - *id);
            *line = sc->line;
            return 1;
        } else {
            sc->p++;
        }
    }
    return 0;
}

/* Whether the text after an identifier (at P) is an assignment: blanks, '=', not '=='. */
static int assigned_at(const Scanner *sc)
{
    const char *p = sc->p;
    while (p < sc->end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p < sc->end && *p == '=' && (p + 1 >= sc->end || p[1] != '=');
}

int scenario_text_field_line(const char *src, size_t len, const char *field, int from, int nth)
{
    Scanner sc = {src, src + len, 1};
    const char *id;
    size_t idlen;
    int line;
    size_t flen = strlen(field);
    int seen = 0;
    while (next_ident(&sc, &id, &idlen, &line)) {
        if (line < from || idlen != flen || memcmp(id, field, flen) != 0)
            continue;
        if (assigned_at(&sc) && ++seen >= nth)
            return line;
    }
    return 0;
}

size_t scenario_text_field_lines(const char *src, size_t len, const char *field, int from,
                                 int *lines, size_t n)
{
    Scanner sc = {src, src + len, 1};
    const char *id;
    size_t idlen, found = 0;
    int line;
    size_t flen = strlen(field);
    for (size_t i = 0; i < n; i++)
        lines[i] = 0;
    while (found < n && next_ident(&sc, &id, &idlen, &line)) {
        if (line < from || idlen != flen || memcmp(id, field, flen) != 0)
            continue;
        if (assigned_at(&sc))
            lines[found++] = line;
    }
    return found;
}

int scenario_text_return_line(const char *src, size_t len)
{
    Scanner sc = {src, src + len, 1};
    const char *id;
    size_t idlen;
    int line, found = 0;
    while (next_ident(&sc, &id, &idlen, &line)) {
        if (idlen == 6 && memcmp(id, "return", 6) == 0)
            found = line;
    }
    return found;
}

int scenario_text_distance(const char *a, const char *b)
{
    enum { CAP = 64 };
    size_t la = strlen(a), lb = strlen(b);
    if (la >= CAP || lb >= CAP)
        return 99;
    int d[CAP][CAP];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            /* a swap of two neighbours ("titel") counts as one edit */
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb] > 99 ? 99 : d[la][lb];
}
