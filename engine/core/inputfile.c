/* inputfile.c: parser for the event files that drive a headless game. */
#include "engine/core/inputfile.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/events.h"
#include "engine/core/file.h"

struct InputFile {
    InputCmd *cmds;
    size_t count, cap;
};

void inputfile_destroy(InputFile *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->count; i++)
        free(f->cmds[i].text);
    free(f->cmds);
    free(f);
}

static int push(InputFile *f, InputCmd c)
{
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 32;
        InputCmd *n = realloc(f->cmds, cap * sizeof *n);
        if (!n)
            return -1;
        f->cmds = n;
        f->cap = cap;
    }
    f->cmds[f->count++] = c;
    return 0;
}

static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int same_word(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 0;
    return b[n] == '\0';
}

/* "Ctrl+Shift+Left" -> key and mods. Returns 0 or -1 when a part is unknown. */
static int parse_key(const char *spec, int *key, unsigned *mods)
{
    static const struct {
        const char *name;
        unsigned bit;
    } modnames[] = {{"ctrl", MOD_CTRL}, {"shift", MOD_SHIFT}, {"alt", MOD_ALT}, {"gui", MOD_GUI}};
    *mods = 0;
    const char *p = spec;
    for (;;) {
        const char *plus = strchr(p, '+');
        if (!plus || plus == p || plus[1] == '\0')
            break; /* the last part (or a lone "+" / "=" key) names the key */
        size_t n = (size_t)(plus - p);
        unsigned bit = 0;
        for (size_t i = 0; i < sizeof modnames / sizeof modnames[0]; i++)
            if (same_word(p, modnames[i].name, n))
                bit = modnames[i].bit;
        if (!bit)
            return -1;
        *mods |= bit;
        p = plus + 1;
    }
    *key = events_key_from_name(p);
    return *key == KEY_UNKNOWN ? -1 : 0;
}

/* Reads COUNT whole numbers from MIN to MAX, separated by spaces, from ARG into OUT.
 * Returns 0, or -1 when the text holds anything else. */
static int parse_ints(const char *arg, size_t len, int count, long min, long max, int *out)
{
    char buf[64], *p = buf;
    if (len >= sizeof buf)
        return -1;
    memcpy(buf, arg, len);
    buf[len] = '\0';
    for (int i = 0; i < count; i++) {
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (end == p || errno || v < min || v > max)
            return -1;
        out[i] = (int)v;
        p = end;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    return *p ? -1 : 0;
}

/* Parses one line (without its newline) into F. Returns 0, or -1 with ERR filled. */
static int parse_line(InputFile *f, const char *line, size_t len, int lineno, const char *name,
                      char *err, size_t errlen)
{
    while (len > 0 && (line[len - 1] == '\r'))
        len--;
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i == len || line[i] == '#')
        return 0;
    size_t w = i;
    while (w < len && line[w] != ' ' && line[w] != '\t')
        w++;
    size_t cmdlen = w - i;
    const char *arg = line + (w < len ? w + 1 : w);
    size_t arglen = w < len ? len - w - 1 : 0;
    InputCmd c = {.line = lineno};
    if (cmdlen == 4 && strncmp(line + i, "type", 4) == 0) {
        c.kind = IN_TYPE;
        c.text = dup_range(arg, arglen);
    } else if (cmdlen == 4 && strncmp(line + i, "shot", 4) == 0 && arglen > 0) {
        c.kind = IN_SHOT;
        c.text = dup_range(arg, arglen);
    } else if (cmdlen == 3 && strncmp(line + i, "key", 3) == 0 && arglen > 0) {
        char spec[64];
        snprintf(spec, sizeof spec, "%.*s", (int)arglen, arg);
        c.kind = IN_KEY;
        if (parse_key(spec, &c.key, &c.mods) != 0) {
            snprintf(err, errlen,
                     "%s:%d: unknown key '%s' (use SDL key names such as Return, "
                     "Escape, F5, a, 1, optionally with Ctrl+, Shift+, Alt+)",
                     name, lineno, spec);
            return -1;
        }
    } else if (cmdlen == 5 && strncmp(line + i, "click", 5) == 0) {
        int xy[2];
        c.kind = IN_CLICK;
        if (parse_ints(arg, arglen, 2, 0, 100000, xy) != 0) {
            snprintf(err, errlen,
                     "%s:%d: 'click' takes two whole numbers, X and Y in pixels from the "
                     "window's top-left corner, not '%.*s'",
                     name, lineno, (int)(arglen > 40 ? 40 : arglen), arg);
            return -1;
        }
        c.x = xy[0];
        c.y = xy[1];
    } else if (cmdlen == 5 && strncmp(line + i, "wheel", 5) == 0) {
        c.kind = IN_WHEEL;
        if (parse_ints(arg, arglen, 1, -100, 100, &c.y) != 0 || c.y == 0) {
            snprintf(err, errlen,
                     "%s:%d: 'wheel' takes the lines to turn, from -100 to 100 and not 0 "
                     "(positive is up), not '%.*s'",
                     name, lineno, (int)(arglen > 40 ? 40 : arglen), arg);
            return -1;
        }
    } else if (cmdlen == 4 && strncmp(line + i, "wait", 4) == 0 && arglen > 0) {
        char num[32], *end;
        snprintf(num, sizeof num, "%.*s", (int)arglen, arg);
        errno = 0;
        c.kind = IN_WAIT;
        c.ms = strtol(num, &end, 10);
        if (errno || *end || c.ms < 0 || c.ms > 86400000L) {
            snprintf(err, errlen, "%s:%d: 'wait' takes milliseconds from 0 to 86400000, not '%s'",
                     name, lineno, num);
            return -1;
        }
    } else {
        snprintf(err, errlen,
                 "%s:%d: unknown command '%.*s' (expected type, key, click, wheel, wait or shot)",
                 name, lineno, (int)(cmdlen > 40 ? 40 : cmdlen), line + i);
        return -1;
    }
    if ((c.kind == IN_TYPE || c.kind == IN_SHOT) && !c.text) {
        snprintf(err, errlen, "out of memory reading %s", name);
        return -1;
    }
    if (push(f, c) != 0) {
        free(c.text);
        snprintf(err, errlen, "out of memory reading %s", name);
        return -1;
    }
    return 0;
}

InputFile *inputfile_parse(const char *text, size_t len, const char *name, char *err, size_t errlen)
{
    InputFile *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, errlen, "out of memory reading %s", name);
        return NULL;
    }
    size_t start = 0;
    int lineno = 1;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (parse_line(f, text + start, end - start, lineno, name, err, errlen) != 0) {
            inputfile_destroy(f);
            return NULL;
        }
        start = end + 1;
        lineno++;
    }
    return f;
}

InputFile *inputfile_load(const char *path, char *err, size_t errlen)
{
    size_t len = 0;
    char *buf = file_read(path, &len);
    if (!buf) {
        snprintf(err, errlen, "could not read the input file %s: %s", path, strerror(errno));
        return NULL;
    }
    InputFile *f = inputfile_parse(buf, len, path, err, errlen);
    free(buf);
    return f;
}

size_t inputfile_count(const InputFile *f)
{
    return f->count;
}

const InputCmd *inputfile_get(const InputFile *f, size_t i)
{
    return i < f->count ? &f->cmds[i] : NULL;
}
