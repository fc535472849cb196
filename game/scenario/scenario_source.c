/* scenario_source.c: what a scenario's source must be before any of it runs: a regular
 * file of at most LIMITS_SOURCE_MAX bytes, UTF-8 text with no NUL byte. A source that breaks
 * one of these would run, but could not be saved with a session (every session stores it
 * whole, as UTF-8 JSON) or would be stored cut short, so it is refused here, at the line of
 * the first bad byte, by `heard check`, the picker and play alike.
 *
 * Depends on: engine/core (file, limits, utf8), libc. */
#include "game/scenario/scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/file.h"
#include "engine/core/limits.h"

static void place(ScriptError *err, const char *name, int line)
{
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%s", name);
    err->line = line;
}

int scenario_read_file(const char *path, char **out, size_t *len, ScriptError *err)
{
    char why[160];
    *out = NULL;
    int rc = file_read_capped(path, LIMITS_SOURCE_MAX, out, len, why, sizeof why);
    if (rc == FILE_OK)
        return 0;
    if (err) {
        place(err, path, 0);
        snprintf(err->message, sizeof err->message, "%.250s: error: cannot read the file: %.150s%s",
                 path, why,
                 rc == FILE_ERR_TOO_BIG ? " (a scenario is saved whole with every session)" : "");
    }
    return rc == FILE_ERR_NOMEM ? SCRIPT_ERR_MEMORY : SCRIPT_ERR_IO;
}

int scenario_check_source(const char *name, const char *source, size_t len, ScriptError *err)
{
    char msg[200], n[32], limit[32];
    size_t at = 0;
    int rc = limits_check_text(source, len, LIMITS_SOURCE_MAX, "the file", msg, sizeof msg, &at);
    if (rc == LIMITS_OK)
        return 0;
    if (!err)
        return SCENARIO_ERR_INVALID;
    if (rc == LIMITS_ERR_LONG) {
        place(err, name, 0);
        snprintf(err->message, sizeof err->message,
                 "%.300s: error: the file is %s bytes; a scenario may be at most %s (it is "
                 "saved whole with every session)",
                 name, limits_format_count(len, n, sizeof n),
                 limits_format_size(LIMITS_SOURCE_MAX, limit, sizeof limit));
        return SCENARIO_ERR_INVALID;
    }
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < at; i++) {
        if (source[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    place(err, name, line);
    size_t column = at - line_start + 1;
    if (rc == LIMITS_ERR_NUL)
        snprintf(err->message, sizeof err->message,
                 "%.300s:%d: error: the file holds a NUL byte (column %zu); a scenario is text, "
                 "with no NUL bytes",
                 name, line, column);
    else
        snprintf(err->message, sizeof err->message,
                 "%.300s:%d: error: the file is not UTF-8 text (byte 0x%02X at column %zu); save "
                 "it as UTF-8",
                 name, line, (unsigned)(unsigned char)source[at], column);
    return SCENARIO_ERR_INVALID;
}
