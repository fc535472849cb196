/* text_runs.c: the log of text drawn per frame (see text_runs.h). libc only. */
#include "engine/sdl/text_runs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Frame {
    TextRun *runs;
    size_t count, cap;
    size_t lost; /* runs that did not fit or could not be copied */
    int width, height;
} Frame;

struct TextRuns {
    Frame drawing, last;
};

TextRuns *text_runs_create(void)
{
    return calloc(1, sizeof(TextRuns));
}

static void frame_clear(Frame *f)
{
    for (size_t i = 0; i < f->count; i++)
        free(f->runs[i].text);
    f->count = 0;
    f->lost = 0;
}

void text_runs_destroy(TextRuns *l)
{
    if (!l)
        return;
    frame_clear(&l->drawing);
    frame_clear(&l->last);
    free(l->drawing.runs);
    free(l->last.runs);
    free(l);
}

void text_runs_add(TextRuns *l, const char *text, size_t len, Rect rect, Rect box, unsigned flags,
                   Color color)
{
    Frame *f = &l->drawing;
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 64;
        TextRun *runs = cap <= TEXT_RUNS_MAX ? realloc(f->runs, cap * sizeof *runs) : NULL;
        if (!runs) {
            f->lost++;
            return;
        }
        f->runs = runs;
        f->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        f->lost++;
        return;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    f->runs[f->count++] = (TextRun){copy, rect, box, flags, color};
}

void text_runs_end_frame(TextRuns *l, int width, int height)
{
    Frame done = l->drawing;
    done.width = width;
    done.height = height;
    frame_clear(&l->last);
    l->drawing = l->last; /* reuse the old frame's array */
    l->last = done;
}

size_t text_runs_last(const TextRuns *l, const TextRun **runs)
{
    *runs = l->last.runs;
    return l->last.count;
}

/* Writes S with '\', tab and newline escaped. */
static void put_escaped(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\\\", fp);
        else if (*s == '\t')
            fputs("\\t", fp);
        else if (*s == '\n')
            fputs("\\n", fp);
        else
            fputc(*s, fp);
    }
}

int text_runs_write(const TextRuns *l, const char *path, char *err, size_t errlen)
{
    const Frame *f = &l->last;
    if (f->lost) {
        snprintf(err, errlen, "could not write %s: %zu lines of text were not recorded", path,
                 f->lost);
        return -1;
    }
    FILE *fp = fopen(path, "w");
    if (!fp) {
        snprintf(err, errlen, "could not write %s: %s", path, strerror(errno));
        return -1;
    }
    fprintf(fp, "window\t%d\t%d\n", f->width, f->height);
    for (size_t i = 0; i < f->count; i++) {
        const TextRun *r = &f->runs[i];
        const char *flags = r->flags == (TEXT_RUN_SCROLL | TEXT_RUN_DROPPED) ? "scroll,dropped"
                            : r->flags == TEXT_RUN_SCROLL                    ? "scroll"
                            : r->flags == TEXT_RUN_DROPPED                   ? "dropped"
                                                                             : "-";
        fprintf(fp, "run\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t#%02x%02x%02x\t", r->rect.x,
                r->rect.y, r->rect.w, r->rect.h, r->box.x, r->box.y, r->box.w, r->box.h, flags,
                r->color.r, r->color.g, r->color.b);
        put_escaped(fp, r->text);
        fputc('\n', fp);
    }
    int failed = ferror(fp);
    if (fclose(fp) != 0 || failed) {
        snprintf(err, errlen, "could not write %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}
