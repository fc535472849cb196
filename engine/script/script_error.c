/* script_error.c: turns Lua errors into ScriptError text: the message handler, the place
 * (file and line) and the traceback. Everything here only reads the stack: it allocates no
 * Lua memory and calls no metamethod, so it works at the memory cap, during a stack
 * overflow, inside the allocator, and on error objects whose __tostring misbehaves.
 *
 * Depends on: Lua 5.4.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <lua.h>

#include "engine/script/script_internal.h"

/* Appends formatted text to BUF of SIZE at *USED, truncating at the end. */
static void append(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
    if (*used + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *used, size - *used, fmt, ap);
    va_end(ap);
    if (n > 0)
        *used = (size_t)n < size - *used ? *used + (size_t)n : size - 1;
}

/* The name a frame's chunk goes by: the path for files ("@path"), the name given for
 * "=name", else Lua's short form ([string "..."]). */
static const char *chunk_name(const lua_Debug *ar)
{
    if (ar->source[0] == '@' || ar->source[0] == '=')
        return ar->source + 1;
    return ar->short_src;
}

int script_where(lua_State *L, int level, char *file, size_t size, int *line)
{
    lua_Debug ar;
    file[0] = '\0';
    *line = 0;
    if (level < 0)
        return 0;
    for (int i = level; lua_getstack(L, i, &ar); i++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(file, size, "%s", chunk_name(&ar));
            *line = ar.currentline;
            return 1;
        }
    }
    return 0;
}

/* The deepest level that exists (binary search: lua_getstack walks the list). */
static int last_level(lua_State *L)
{
    lua_Debug ar;
    int lo = 1, hi = 1;
    while (lua_getstack(L, hi, &ar)) {
        lo = hi;
        hi *= 2;
    }
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (lua_getstack(L, mid, &ar))
            lo = mid + 1;
        else
            hi = mid;
    }
    return hi - 1;
}

static void frame_line(lua_Debug *ar, char *buf, size_t size, size_t *used)
{
    int is_c = strcmp(ar->what, "C") == 0;
    if (is_c)
        append(buf, size, used, "[C]: in ");
    else if (ar->currentline > 0)
        append(buf, size, used, "%s:%d: in ", chunk_name(ar), ar->currentline);
    else
        append(buf, size, used, "%s: in ", chunk_name(ar));
    if (ar->namewhat[0] != '\0' && ar->name != NULL) {
        const char *kind = strcmp(ar->namewhat, "global") == 0 ? "function" : ar->namewhat;
        append(buf, size, used, "%s '%s'", kind, ar->name);
    } else if (strcmp(ar->what, "main") == 0) {
        append(buf, size, used, "main chunk");
    } else if (!is_c) {
        append(buf, size, used, "function <%s:%d>", chunk_name(ar), ar->linedefined);
    } else {
        append(buf, size, used, "?");
    }
    if (ar->istailcall)
        append(buf, size, used, "\n(...tail calls...)");
}

void script_traceback(lua_State *L, int level, char *buf, size_t size)
{
    enum { FIRST = 10, LAST = 11 };
    lua_Debug ar;
    size_t used = 0;
    buf[0] = '\0';
    if (level < 0 || !lua_getstack(L, level, &ar))
        return;
    int last = last_level(L);
    int skip_from = last - level > FIRST + LAST ? level + FIRST : -1;
    for (int i = level; lua_getstack(L, i, &ar); i++) {
        if (i == skip_from) {
            int to = last - LAST + 1;
            append(buf, size, &used, "%s...(skipping %d levels)", used ? "\n" : "", to - i);
            i = to - 1;
            continue;
        }
        if (!lua_getinfo(L, "Slnt", &ar))
            continue;
        if (used > 0)
            append(buf, size, &used, "\n");
        frame_line(&ar, buf, size, &used);
    }
}

/* Text of the error object at IDX without calling metamethods or allocating. */
static void error_text(lua_State *L, int idx, char *out, size_t size)
{
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        size_t len;
        const char *msg = lua_tolstring(L, idx, &len);
        snprintf(out, size, "%.*s", (int)(len < size ? len : size - 1), msg);
        break;
    }
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            snprintf(out, size, "%lld", (long long)lua_tointeger(L, idx));
        else
            snprintf(out, size, "%.14g", (double)lua_tonumber(L, idx));
        break;
    default:
        snprintf(out, size, "error object is a %s value", lua_typename(L, lua_type(L, idx)));
        break;
    }
}

/* When TEXT starts with "NAME:LINE:", stores NAME and LINE and returns 1. A Lua string
 * chunk's name ([string "..."]) may itself hold colons, so it is skipped whole. */
static int parse_place(const char *text, char *file, size_t size, int *line)
{
    const char *p = text;
    if (strncmp(p, "[string \"", 9) == 0) {
        const char *close = strstr(p, "\"]");
        if (close == NULL)
            return 0;
        p = close + 2;
    }
    for (; *p != '\0' && *p != '\n'; p++) {
        if (*p != ':' || p == text || !isdigit((unsigned char)p[1]))
            continue;
        const char *q = p + 1;
        long n = 0;
        while (isdigit((unsigned char)*q) && n < 100000000)
            n = n * 10 + (*q++ - '0');
        if (*q == ':') {
            snprintf(file, size, "%.*s", (int)(p - text), text);
            *line = (int)n;
            return 1;
        }
    }
    return 0;
}

void script_describe(lua_State *L, int idx, int level, ScriptError *out)
{
    char text[sizeof out->message];
    char where[sizeof out->file];
    int where_line = 0;
    error_text(L, idx, text, sizeof text);
    int placed = script_where(L, level, where, sizeof where, &where_line);
    memset(out, 0, sizeof *out);
    if (parse_place(text, out->file, sizeof out->file, &out->line)) {
        snprintf(out->message, sizeof out->message, "%s", text);
        /* Lua shortens long paths in messages ("...x.lua"); prefer the full one. */
        size_t n = strlen(out->file);
        size_t m = strlen(where);
        if (placed && where_line == out->line && n > 3 && strncmp(out->file, "...", 3) == 0 &&
            m >= n - 3 && strcmp(where + m - (n - 3), out->file + 3) == 0)
            snprintf(out->file, sizeof out->file, "%s", where);
    } else if (placed) {
        snprintf(out->file, sizeof out->file, "%s", where);
        out->line = where_line;
        size_t used = 0;
        append(out->message, sizeof out->message, &used, "%s:%d: %s", where, where_line, text);
    } else {
        snprintf(out->message, sizeof out->message, "%s", text);
    }
    script_traceback(L, level, out->traceback, sizeof out->traceback);
}

int script_msgh(lua_State *L)
{
    Script *s = script_from(L);
    /* Level 0 is this handler; level 1 is where the error was raised. */
    script_describe(L, 1, 1, &s->pending);
    s->has_pending = 1;
    return 1;
}
