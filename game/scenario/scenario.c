/* scenario.c: reading scenario files and listing a folder of them for the picker. Each file
 * is loaded in its own small sandbox (scenario_lua.c checks the table), so one broken file
 * is shown with its error and never hides the others.
 *
 * Depends on: engine/script, scenario_text.c, libc, POSIX dirent. */
#include "game/scenario/scenario.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"
#include "game/scenario/scenario_text.h"

/* A scenario's top level only builds a table: these limits are generous for that and keep
 * a runaway file from stalling the picker. */
#define SCENARIO_LIST_MEMORY ((size_t)8 * 1024 * 1024)
#define SCENARIO_LIST_INSTRUCTIONS 2000000L

const char *scenario_suggest(const char *word, const char *const *words, size_t count)
{
    const char *best = NULL;
    int best_d = 99;
    for (size_t i = 0; i < count; i++) {
        int d = scenario_text_distance(word, words[i]);
        if (d < best_d) {
            best_d = d;
            best = words[i];
        }
    }
    /* a typo is a slip or two, not a different word: "promts", "titel", "dificulty" */
    size_t len = strlen(word);
    int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    return best_d <= limit ? best : NULL;
}

/* Starts OUT for PATH: the base name stands in as the title until the table is read. */
static void info_begin(ScenarioInfo *out, const char *path)
{
    memset(out, 0, sizeof *out);
    utf8_copy(out->path, sizeof out->path, path);
    const char *base = strrchr(path, '/');
    utf8_copy(out->title, sizeof out->title, base ? base + 1 : path);
    out->rounds = SCENARIO_ROUNDS_DEFAULT;
}

int scenario_info_load_source(const char *name, const char *source, size_t len, ScenarioInfo *out)
{
    info_begin(out, name);
    ScriptLimits limits = {SCENARIO_LIST_MEMORY, SCENARIO_LIST_INSTRUCTIONS};
    Script *s = script_create(limits, 0);
    if (!s) {
        utf8_copy(out->error, sizeof out->error, "out of memory while loading a scenario");
        return SCRIPT_ERR_MEMORY;
    }
    int rc = scenario_load(s, name, source, len, out, NULL);
    script_destroy(s);
    return rc;
}

int scenario_info_load(const char *path, ScenarioInfo *out)
{
    size_t len;
    char *src;
    ScriptError err;
    int rc = scenario_read_file(path, &src, &len, &err);
    if (rc != 0) {
        info_begin(out, path);
        snprintf(out->error, sizeof out->error, "%s", err.message);
        return rc;
    }
    rc = scenario_info_load_source(path, src, len, out);
    free(src);
    return rc;
}

static int ends_with_lua(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lua") == 0 && name[0] != '.';
}

static int info_compare(const void *pa, const void *pb)
{
    const ScenarioInfo *a = pa, *b = pb;
    if (a->ok != b->ok)
        return b->ok - a->ok; /* good files first */
    if (a->ok) {
        if (a->difficulty != b->difficulty)
            return a->difficulty - b->difficulty;
        int t = strcmp(a->title, b->title);
        if (t != 0)
            return t;
    }
    return strcmp(a->path, b->path);
}

/* Appends one loaded entry for DIR/NAME to *LIST. Returns 0 or SCRIPT_ERR_MEMORY. */
static int list_add(ScenarioInfo **list, size_t *count, size_t *cap, const char *dir,
                    const char *name)
{
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        ScenarioInfo *bigger = realloc(*list, ncap * sizeof **list);
        if (!bigger)
            return SCRIPT_ERR_MEMORY;
        *list = bigger;
        *cap = ncap;
    }
    char path[512];
    size_t dlen = strlen(dir);
    const char *sep = dlen && dir[dlen - 1] == '/' ? "" : "/";
    snprintf(path, sizeof path, "%s%s%s", dir, sep, name);
    scenario_info_load(path, &(*list)[*count]); /* failures are kept with their error */
    (*count)++;
    return 0;
}

int scenario_list(const char *dir, ScenarioInfo **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return SCRIPT_ERR_IO;
    ScenarioInfo *list = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (ends_with_lua(e->d_name))
            rc = list_add(&list, &n, &cap, dir, e->d_name);
    }
    closedir(d);
    if (rc != 0) {
        free(list);
        return rc;
    }
    if (n)
        qsort(list, n, sizeof *list, info_compare);
    *out = list;
    *count = n;
    return 0;
}

void scenario_list_free(ScenarioInfo *list)
{
    free(list);
}
