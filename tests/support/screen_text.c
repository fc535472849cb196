/* screen_text.c: the helpers of screen_text.h. libc and cmocka. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/support/screen_text.h"

#define LINE_MAX_BYTES 8192

/* Undoes the escapes of the .runs format in place: \\, \t, \n. */
static void unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Parses one "run" line into R. Returns 0, or -1 when it is malformed. */
static int parse_run(char *line, StRun *r)
{
    int v[8], used = 0;
    char flags[32];
    unsigned color = 0;
    if (sscanf(line, "run\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%31[^\t]\t#%6x\t%n", &v[0], &v[1], &v[2],
               &v[3], &v[4], &v[5], &v[6], &v[7], flags, &color, &used) != 10 ||
        used == 0)
        return -1;
    r->color = color;
    r->rect = (StRect){v[0], v[1], v[2], v[3]};
    r->box = (StRect){v[4], v[5], v[6], v[7]};
    r->scroll = strstr(flags, "scroll") != NULL;
    r->dropped = strstr(flags, "dropped") != NULL;
    line[strcspn(line, "\n")] = '\0';
    unescape(line + used);
    r->text = strdup(line + used);
    return r->text ? 0 : -1;
}

ScreenText *st_load(const char *shot)
{
    char path[1100];
    snprintf(path, sizeof path, "%s.runs", shot);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("%s: no text runs were written (run heard with --text-runs)", path);
    ScreenText *s = calloc(1, sizeof *s);
    assert_non_null(s);
    static char line[LINE_MAX_BYTES];
    size_t cap = 0;
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (lineno == 1) {
            if (sscanf(line, "window\t%d\t%d", &s->width, &s->height) != 2)
                fail_msg("%s:1: expected 'window W H'", path);
            continue;
        }
        if (s->count == cap) {
            cap = cap ? cap * 2 : 64;
            s->runs = realloc(s->runs, cap * sizeof *s->runs);
            assert_non_null(s->runs);
        }
        if (parse_run(line, &s->runs[s->count]) != 0)
            fail_msg("%s:%d: not a run line: %s", path, lineno, line);
        s->count++;
    }
    fclose(f);
    if (lineno == 0)
        fail_msg("%s: empty", path);
    return s;
}

void st_free(ScreenText *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++)
        free(s->runs[i].text);
    free(s->runs);
    free(s);
}

static StRect intersect(StRect a, StRect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return (StRect){x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
}

static int inside(StRect in, StRect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

/* The part of R a player sees: none for a dropped line, the part inside a scrolling view's
 * box, else the whole rectangle (a line cut off is reported on its own). */
static StRect visible(const StRun *r)
{
    if (r->dropped)
        return (StRect){0, 0, 0, 0};
    return r->scroll ? intersect(r->rect, r->box) : r->rect;
}

int st_visible(const StRun *r)
{
    StRect v = visible(r);
    return v.w > 0 && v.h > 0;
}

const StRun *st_find(const ScreenText *s, const char *words)
{
    for (size_t i = 0; i < s->count; i++)
        if (st_visible(&s->runs[i]) && strstr(s->runs[i].text, words))
            return &s->runs[i];
    return NULL;
}

const StRun *st_find_exact(const ScreenText *s, const char *text)
{
    for (size_t i = 0; i < s->count; i++)
        if (st_visible(&s->runs[i]) && strcmp(s->runs[i].text, text) == 0)
            return &s->runs[i];
    return NULL;
}

int st_has(const ScreenText *s, const char *phrase)
{
    if (st_find(s, phrase))
        return 1;
    size_t len = 1;
    for (size_t i = 0; i < s->count; i++)
        len += strlen(s->runs[i].text) + 1;
    char *all = malloc(len), *w = all;
    assert_non_null(all);
    for (size_t i = 0; i < s->count; i++) {
        if (!st_visible(&s->runs[i]))
            continue;
        size_t n = strlen(s->runs[i].text);
        memcpy(w, s->runs[i].text, n);
        w += n;
        *w++ = ' ';
    }
    *w = '\0';
    int found = strstr(all, phrase) != NULL;
    free(all);
    return found;
}

/* Appends a formatted problem to OUT. */
static void add(char *out, size_t n, int *count, const char *fmt, ...)
{
    size_t used = strlen(out);
    va_list ap;
    va_start(ap, fmt);
    if (used + 1 < n)
        vsnprintf(out + used, n - used, fmt, ap);
    va_end(ap);
    used = strlen(out);
    if (used + 1 < n)
        strcat(out, "\n");
    (*count)++;
}

/* A line past its box. A scrolling view may cut at its top and bottom, never its sides. */
static int cut_by_box(const StRun *r)
{
    if (!r->scroll)
        return !inside(r->rect, r->box);
    return r->rect.x < r->box.x || r->rect.x + r->rect.w > r->box.x + r->box.w;
}

int st_problems(const ScreenText *s, char *out, size_t n)
{
    int count = 0;
    StRect window = {0, 0, s->width, s->height};
    out[0] = '\0';
    for (size_t i = 0; i < s->count; i++) {
        const StRun *r = &s->runs[i];
        if (r->dropped && !r->scroll)
            add(out, n, &count, "left out (no room in its box): \"%s\"", r->text);
        if (!st_visible(r))
            continue;
        if (!inside(visible(r), window))
            add(out, n, &count, "past the window's edge at %d,%d %dx%d: \"%s\"", r->rect.x,
                r->rect.y, r->rect.w, r->rect.h, r->text);
        else if (cut_by_box(r))
            add(out, n, &count, "cut off by its box %d,%d %dx%d at %d,%d %dx%d: \"%s\"", r->box.x,
                r->box.y, r->box.w, r->box.h, r->rect.x, r->rect.y, r->rect.w, r->rect.h, r->text);
        for (size_t j = i + 1; j < s->count; j++) {
            if (!st_visible(&s->runs[j]))
                continue;
            StRect both = intersect(visible(r), visible(&s->runs[j]));
            if (both.w > 0 && both.h > 0)
                add(out, n, &count, "overlap of %dx%d at %d,%d: \"%s\" and \"%s\"", both.w, both.h,
                    both.x, both.y, r->text, s->runs[j].text);
        }
    }
    return count;
}

void st_assert_readable(const char *shot, int width, int height, const char *const *phrases,
                        size_t count)
{
    ScreenText *s = st_load(shot);
    if (s->width != width || s->height != height)
        fail_msg("%s: the window is %dx%d, expected %dx%d", shot, s->width, s->height, width,
                 height);
    static char problems[16384];
    int n = st_problems(s, problems, sizeof problems);
    if (n > 0)
        fail_msg("%s: %d problems with the text on screen:\n%s", shot, n, problems);
    for (size_t i = 0; i < count; i++)
        if (!st_has(s, phrases[i]))
            fail_msg("%s: \"%s\" is not on screen", shot, phrases[i]);
    st_free(s);
}

int st_assert_whole_lines(const char *shot)
{
    ScreenText *st = st_load(shot);
    int in_view = 0;
    for (size_t i = 0; i < st->count; i++) {
        const StRun *r = &st->runs[i];
        if (!r->scroll || r->dropped)
            continue;
        in_view++;
        if (r->rect.y < r->box.y || r->rect.y + r->rect.h > r->box.y + r->box.h)
            fail_msg("%s: \"%s\" at y %d..%d is cut by its view, y %d..%d", shot, r->text,
                     r->rect.y, r->rect.y + r->rect.h, r->box.y, r->box.y + r->box.h);
    }
    st_free(st);
    return in_view;
}
