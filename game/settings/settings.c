/* settings.c: the settings file (see settings.h), read and written with jansson.
 *
 * Depends on: jansson, engine/core/utf8, libc, POSIX (rename). */
#include "game/settings/settings.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "engine/core/utf8.h"

void settings_defaults(Settings *s)
{
    memset(s, 0, sizeof *s);
    s->text_size = 1.0f;
}

static void path_of(const char *dir, char *out, size_t n)
{
    snprintf(out, n, "%s/%s", dir && *dir ? dir : ".", SETTINGS_FILE);
}

/* Appends "; " and the problem to MSG (the first one with the file's name). */
static void problem(char *msg, size_t n, const char *path, const char *what)
{
    size_t used = strlen(msg);
    if (used == 0)
        snprintf(msg, n, "%s: %s", path, what);
    else if (used + 3 < n)
        snprintf(msg + used, n - used, "; %s", what);
}

static void read_names(json_t *names, Settings *s, const char *path, char *msg, size_t n)
{
    size_t count = json_is_array(names) ? json_array_size(names) : 0;
    if (!json_is_array(names) || count > 2) {
        problem(msg, n, path, "names must be a list of at most two names; they are forgotten");
        return;
    }
    for (size_t i = 0; i < count; i++) {
        json_t *v = json_array_get(names, i);
        const char *name = json_string_value(v);
        if (!name || strlen(name) >= SETTINGS_NAME_MAX || strchr(name, '\n')) {
            problem(msg, n, path, "a name is not a short line of text; the names are forgotten");
            memset(s->names, 0, sizeof s->names);
            return;
        }
        utf8_copy(s->names[i], sizeof s->names[i], name);
    }
}

int settings_load(const char *dir, Settings *s, char *msg, size_t n)
{
    char path[1200];
    path_of(dir, path, sizeof path);
    settings_defaults(s);
    if (msg && n)
        msg[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f && errno == ENOENT)
        return 0; /* a first run */
    if (!f) {
        snprintf(msg, n, "%s: cannot be read (%s); using the defaults", path, strerror(errno));
        return -1;
    }
    json_error_t e;
    json_t *o = json_loadf(f, JSON_REJECT_DUPLICATES, &e);
    fclose(f);
    if (!o || !json_is_object(o)) {
        if (o)
            snprintf(msg, n, "%s: not a settings file (it holds no {...}); using the defaults",
                     path);
        else
            snprintf(msg, n, "%s:%d:%d: %s; using the defaults", path, e.line, e.column, e.text);
        json_decref(o);
        return -1;
    }
    json_t *v = json_object_get(o, "high_contrast");
    if (v && !json_is_boolean(v))
        problem(msg, n, path, "high_contrast must be true or false; it is off");
    else if (v)
        s->high_contrast = json_is_true(v);
    v = json_object_get(o, "text_size");
    double size = json_number_value(v);
    if (v && (!json_is_number(v) || size < SETTINGS_SIZE_MIN || size > SETTINGS_SIZE_MAX))
        problem(msg, n, path,
                "text_size must be a number from 0.7 to 2.5; using the standard size");
    else if (v)
        s->text_size = (float)size;
    v = json_object_get(o, "names");
    if (v)
        read_names(v, s, path, msg, n);
    json_decref(o);
    return msg && n && msg[0] ? -1 : 0;
}

int settings_save(const char *dir, const Settings *s, char *msg, size_t n)
{
    char path[1200], tmp[1300];
    path_of(dir, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.part", path);
    json_t *names = json_array();
    for (int i = 0; names && i < 2; i++)
        if (s->names[i][0])
            json_array_append_new(names, json_string(s->names[i]));
    json_t *o = json_pack("{s:b, s:f, s:o}", "high_contrast", s->high_contrast, "text_size",
                          (double)s->text_size, "names", names);
    int rc = o ? json_dump_file(o, tmp, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;
    json_decref(o);
    if (rc == 0 && rename(tmp, path) == 0)
        return 0;
    snprintf(msg, n, "cannot save the settings in %s: %s", path,
             rc == 0 ? strerror(errno) : "the file could not be written");
    remove(tmp);
    return -1;
}
