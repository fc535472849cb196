/* scenario_lua.c: runs a scenario chunk in the sandbox and checks the table it returns,
 * field by field, with messages that name the file and the line where the field is written.
 * The checks run inside a protected call, so even running out of memory while reading a
 * table is an error message and never a crash. Reads the table raw (no metamethods).
 *
 * Depends on: Lua 5.4, engine/script, scenario_text.c. */
#include "game/scenario/scenario.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "engine/core/limits.h"
#include "engine/core/utf8.h"
#include "game/scenario/scenario_text.h"

static const char *const known_fields[] = {
    "id",          "title",
    "description", "difficulty",
    "rounds",      "prompts",
    "hints",       "customer_hints",
    "points",      "turn_seconds",
    "examples",    "play",
    "rules",       "example_reflection",
};
#define NFIELDS (sizeof known_fields / sizeof known_fields[0])

static const char *const example_fields[] = {"context", "reply",  "role",
                                             "moves",   "rating", "known_miss"};
#define NEXAMPLE_FIELDS (sizeof example_fields / sizeof example_fields[0])

typedef struct Check {
    const char *name, *src;
    size_t len;
    ScenarioInfo info;
    int failed;
    ScriptError err;
} Check;

/* Records the first problem, at the line where FIELD is assigned (the NTH time at or after
 * line FROM) or else at the `return`. Always returns 0 so callers can `return fail(...)`. */
static int fail(Check *c, const char *field, int from, int nth, const char *fmt, ...)
{
    if (c->failed)
        return 0;
    c->failed = 1;
    int line = field ? scenario_text_field_line(c->src, c->len, field, from, nth) : 0;
    if (!line)
        line = from > 1 ? from : scenario_text_return_line(c->src, c->len);
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    memset(&c->err, 0, sizeof c->err);
    snprintf(c->err.file, sizeof c->err.file, "%s", c->name);
    c->err.line = line;
    snprintf(c->err.message, sizeof c->err.message, "%s:%d: error: %s", c->name, line, what);
    return 0;
}

/* Pushes t[key] without metamethods. */
static int raw_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

/* Checks the text S (LEN bytes) named WHAT against MAX bytes and for UTF-8; a problem is
 * recorded at FIELD's line (the NTH time at or after FROM). Returns 1 when fine. */
static int check_bytes(Check *c, const char *field, int from, int nth, const char *s, size_t len,
                       size_t max, const char *what)
{
    char msg[240];
    if (limits_check_text(s, len, max, what, msg, sizeof msg, NULL) == LIMITS_OK)
        return 1;
    return fail(c, field, from, nth, "%s", msg);
}

static int check_text(Check *c, lua_State *L, int t, const char *field, int required, char *dst,
                      size_t cap)
{
    int type = raw_field(L, t, field);
    const char *s = lua_tostring(L, -1);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return required ? fail(c, NULL, 0, 0, "missing field '%s': add %s = \"...\" to the table",
                               field, field)
                        : 1;
    }
    if (type != LUA_TSTRING)
        return fail(c, field, 1, 1, "field '%s' must be a text in quotes, not a %s", field,
                    lua_typename(L, type));
    if (*s == '\0')
        return fail(c, field, 1, 1, "field '%s' is empty; write a few words", field);
    if (strlen(s) >= cap)
        return fail(c, field, 1, 1, "field '%s' is too long (%zu bytes; at most %zu)", field,
                    strlen(s), cap - 1);
    if (strchr(s, '\n'))
        return fail(c, field, 1, 1, "field '%s' must be one line", field);
    char what[64];
    snprintf(what, sizeof what, "field '%s'", field);
    if (!check_bytes(c, field, 1, 1, s, lua_rawlen(L, -1), cap - 1, what))
        return 0;
    snprintf(dst, cap, "%s", s);
    lua_pop(L, 1);
    return 1;
}

/* Reads an optional whole number in [LO, HI] into *OUT (left alone when absent). */
static int check_int(Check *c, lua_State *L, int t, const char *field, int lo, int hi, int *out)
{
    int type = raw_field(L, t, field);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return 1;
    }
    int isint = 0;
    lua_Integer v = type == LUA_TNUMBER ? lua_tointegerx(L, -1, &isint) : 0;
    if (!isint || v < lo || v > hi)
        return fail(c, field, 1, 1, "field '%s' must be a whole number from %d to %d, not %s",
                    field, lo, hi,
                    type == LUA_TNUMBER ? lua_tostring(L, -1) : lua_typename(L, type));
    *out = (int)v;
    lua_pop(L, 1);
    return 1;
}

/* The number of entries of the table at T, or -1 when it is not a plain list 1..n. */
static int list_length(lua_State *L, int t)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, t), keys = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int isint = 0;
        lua_Integer k = lua_isinteger(L, -1) ? lua_tointegerx(L, -1, &isint) : 0;
        if (!isint || k < 1 || k > n) {
            lua_pop(L, 1);
            return -1;
        }
        keys++;
    }
    return keys == n && n <= 100000 ? (int)n : -1;
}

/* Checks an optional list of non-empty UTF-8 texts (at most MAX of them, each at most
 * TEXT_MAX bytes); an absent one becomes {}. */
static int check_text_list(Check *c, lua_State *L, int t, const char *field, int max,
                           size_t text_max)
{
    int type = raw_field(L, t, field);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushstring(L, field);
        lua_newtable(L);
        lua_rawset(L, t);
        return 1;
    }
    int n = type == LUA_TTABLE ? list_length(L, lua_gettop(L)) : -1;
    if (n < 0)
        return fail(c, field, 1, 1, "field '%s' must be a list of texts: { \"...\", \"...\" }",
                    field);
    if (n > max)
        return fail(c, field, 1, 1, "field '%s' has %d entries; at most %d fit on screen", field, n,
                    max);
    for (int i = 1; i <= n; i++) {
        int et = lua_rawgeti(L, -1, i);
        if (et != LUA_TSTRING || lua_rawlen(L, -1) == 0)
            return fail(c, field, 1, 1, "%s[%d] must be a non-empty text, not %s", field, i,
                        et == LUA_TSTRING ? "an empty one" : lua_typename(L, et));
        char what[64];
        snprintf(what, sizeof what, "%s[%d]", field, i);
        if (!check_bytes(c, field, 1, 1, lua_tostring(L, -1), lua_rawlen(L, -1), text_max, what))
            return 0;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 1;
}

/* Checks that a move tag names a move of docs/moves.md, suggesting the closest one. */
static int check_tag(Check *c, const char *where, int line, const char *tag)
{
    if (moves_is_tag(tag))
        return 1;
    size_t ntags;
    const char *const *tags = moves_tags(&ntags);
    const char *near = scenario_suggest(tag, tags, ntags);
    char hint[80] = "";
    if (near)
        snprintf(hint, sizeof hint, " (did you mean '%s'?)", near);
    return fail(c, where, line, 1, "unknown move '%s'%s; the moves are listed in docs/moves.md",
                tag, hint);
}

/* Checks points = { tag = n, ... }: known tags, whole numbers from -20 to 20. */
static int check_points(Check *c, lua_State *L, int t)
{
    int type = raw_field(L, t, "points");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return 1;
    }
    if (type != LUA_TTABLE)
        return fail(c, "points", 1, 1, "field 'points' must be a table like { reflection = 4 }");
    int pt = lua_gettop(L), from = scenario_text_field_line(c->src, c->len, "points", 1, 1);
    lua_pushnil(L);
    while (lua_next(L, pt)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            return fail(c, "points", 1, 1, "'points' keys must be move names like reflection");
        const char *tag = lua_tostring(L, -2);
        if (!check_tag(c, tag, from, tag))
            return 0;
        if (!moves_points_settable(tag))
            return fail(c, tag, from, 1,
                        "points.%s cannot be set: it is worked out from the moves of the reply "
                        "it weighs (see docs/scoring.md)",
                        tag);
        int isint = 0;
        lua_Integer v = lua_isinteger(L, -1) ? lua_tointegerx(L, -1, &isint) : 0;
        if (!isint || v < -20 || v > 20)
            return fail(c, tag, from, 1, "points.%s must be a whole number from -20 to 20", tag);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 1;
}

/* Finds a key of the table at T that is not one of NAMES; returns it (a string on the Lua
 * stack, valid while the table lives) or NULL. Among several, the one written first in the
 * file is named, so the message does not depend on Lua's hash order. */
static const char *unknown_key(Check *c, lua_State *L, int t, const char *const *names,
                               size_t count, int from, int *non_string)
{
    const char *worst = NULL;
    int worst_line = 0;
    *non_string = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            *non_string = 1;
            continue;
        }
        const char *k = lua_tostring(L, -1);
        size_t i = 0;
        while (i < count && strcmp(k, names[i]) != 0)
            i++;
        if (i < count)
            continue;
        int line = scenario_text_field_line(c->src, c->len, k, from, 1);
        if (!worst || (line && (!worst_line || line < worst_line)) ||
            (line == worst_line && strcmp(k, worst) < 0)) {
            worst = k;
            worst_line = line;
        }
    }
    return worst;
}

static int fail_unknown(Check *c, const char *key, const char *const *names, size_t count, int from,
                        const char *what)
{
    const char *near = scenario_suggest(key, names, count);
    char hint[80] = "";
    if (near)
        snprintf(hint, sizeof hint, " (did you mean '%s'?)", near);
    return fail(c, key, from, 1, "unknown field '%s' in %s%s", key, what, hint);
}

/* Checks prompts[I], a table { text = "...", speaker = "first" | "second" } (at index -1). */
static int check_prompt_table(Check *c, lua_State *L, int i)
{
    int e = lua_gettop(L), non_string;
    static const char *const fields[] = {"text", "speaker"};
    const char *bad = unknown_key(c, L, e, fields, 2, 1, &non_string);
    if (bad || non_string)
        return fail(c, "prompts", 1, 1,
                    "prompts[%d] may hold only text = \"...\" and speaker = \"first\" or "
                    "\"second\"",
                    i);
    int tt = raw_field(L, e, "text");
    if (tt != LUA_TSTRING || lua_rawlen(L, -1) == 0)
        return fail(c, "prompts", 1, 1, "prompts[%d].text must be a non-empty text", i);
    char what[48];
    snprintf(what, sizeof what, "prompts[%d].text", i);
    if (!check_bytes(c, "prompts", 1, 1, lua_tostring(L, -1), lua_rawlen(L, -1), LIMITS_TEXT_MAX,
                     what))
        return 0;
    int st = raw_field(L, e, "speaker");
    const char *who = lua_tostring(L, -1);
    if (st != LUA_TNIL &&
        (st != LUA_TSTRING || (strcmp(who, "first") != 0 && strcmp(who, "second") != 0)))
        return fail(c, "prompts", 1, 1,
                    "prompts[%d].speaker must be \"first\" (the partner who holds the floor "
                    "first) or \"second\"",
                    i);
    lua_pop(L, 2);
    return 1;
}

/* Checks prompts: a list of at most SCENARIO_PROMPTS_MAX entries, each a non-empty text or a
 * table that says whose it is (check_prompt_table); an absent one becomes {}. */
static int check_prompts(Check *c, lua_State *L, int t)
{
    int type = raw_field(L, t, "prompts");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return check_text_list(c, L, t, "prompts", SCENARIO_PROMPTS_MAX, LIMITS_TEXT_MAX);
    }
    int n = type == LUA_TTABLE ? list_length(L, lua_gettop(L)) : -1;
    if (n < 0)
        return fail(c, "prompts", 1, 1,
                    "field 'prompts' must be a list of texts: { \"...\", \"...\" }");
    if (n > SCENARIO_PROMPTS_MAX)
        return fail(c, "prompts", 1, 1, "field 'prompts' has %d entries; at most %d fit on screen",
                    n, SCENARIO_PROMPTS_MAX);
    for (int i = 1; i <= n; i++) {
        int et = lua_rawgeti(L, -1, i);
        if (et == LUA_TTABLE) {
            if (!check_prompt_table(c, L, i))
                return 0;
        } else if (et != LUA_TSTRING || lua_rawlen(L, -1) == 0) {
            return fail(c, "prompts", 1, 1,
                        "prompts[%d] must be a non-empty text, or { text = \"...\", speaker = "
                        "\"first\" }, not %s",
                        i, et == LUA_TSTRING ? "an empty one" : lua_typename(L, et));
        } else {
            char what[48];
            snprintf(what, sizeof what, "prompts[%d]", i); /* a prompt picked is an answer */
            if (!check_bytes(c, "prompts", 1, 1, lua_tostring(L, -1), lua_rawlen(L, -1),
                             LIMITS_TEXT_MAX, what))
                return 0;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 1;
}

/* Reads example_reflection, a boolean (default true), into C's info. */
static int check_example_reflection(Check *c, lua_State *L, int t)
{
    int type = raw_field(L, t, "example_reflection");
    c->info.example_reflection = type == LUA_TNIL || lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (type == LUA_TNIL || type == LUA_TBOOLEAN)
        return 1;
    return fail(c, "example_reflection", 1, 1,
                "field 'example_reflection' must be true or false, not a %s",
                lua_typename(L, type));
}

/* Checks examples[I] (the table at E), written around line LINE. */
static int check_example(Check *c, lua_State *L, int e, int i, int line)
{
    int non_string;
    const char *bad = unknown_key(c, L, e, example_fields, NEXAMPLE_FIELDS, line, &non_string);
    if (bad)
        return fail_unknown(c, bad, example_fields, NEXAMPLE_FIELDS, line, "an example");
    if (non_string)
        return fail(c, NULL, line, 0, "examples[%d] must use named fields only", i);
    int rt = raw_field(L, e, "reply");
    if (rt != LUA_TSTRING || lua_rawlen(L, -1) == 0)
        return fail(c, NULL, line, 0, "examples[%d] needs reply = \"...\" (the words to score)", i);
    char what[64];
    snprintf(what, sizeof what, "examples[%d].reply", i);
    if (!check_bytes(c, NULL, line, 0, lua_tostring(L, -1), lua_rawlen(L, -1), LIMITS_TEXT_MAX,
                     what))
        return 0;
    int ct = raw_field(L, e, "context");
    if (ct != LUA_TNIL && ct != LUA_TSTRING)
        return fail(c, NULL, line, 0, "examples[%d].context must be a text, not a %s", i,
                    lua_typename(L, ct));
    snprintf(what, sizeof what, "examples[%d].context", i);
    if (ct == LUA_TSTRING && !check_bytes(c, NULL, line, 0, lua_tostring(L, -1), lua_rawlen(L, -1),
                                          LIMITS_TEXT_MAX, what))
        return 0;
    int ot = raw_field(L, e, "role");
    const char *role = lua_tostring(L, -1);
    if (ot != LUA_TNIL &&
        (ot != LUA_TSTRING || (strcmp(role, "agent") != 0 && strcmp(role, "customer") != 0)))
        return fail(c, NULL, line, 0, "examples[%d].role must be \"agent\" or \"customer\"", i);
    int gt = raw_field(L, e, "rating");
    const char *rating = lua_tostring(L, -1);
    lua_pop(L, 1);
    if (gt != LUA_TNIL &&
        (gt != LUA_TSTRING || (strcmp(rating, "got_it") != 0 && strcmp(rating, "partly") != 0 &&
                               strcmp(rating, "not_yet") != 0)))
        return fail(c, NULL, line, 0,
                    "examples[%d].rating must be \"got_it\", \"partly\" or \"not_yet\" (the "
                    "partner's word on the reply)",
                    i);
    int kt = raw_field(L, e, "known_miss");
    if (kt != LUA_TNIL && kt != LUA_TSTRING)
        return fail(c, NULL, line, 0,
                    "examples[%d].known_miss must be a text saying what the analyser gets wrong",
                    i);
    lua_pop(L, 1);
    int mt = raw_field(L, e, "moves");
    int n = mt == LUA_TTABLE ? list_length(L, lua_gettop(L)) : -1;
    if (n < 0)
        return fail(c, NULL, line, 0,
                    "examples[%d].moves must be a list of move names, e.g. { \"reflection\" } "
                    "or {} for none",
                    i);
    for (int m = 1; m <= n; m++) {
        if (lua_rawgeti(L, -1, m) != LUA_TSTRING)
            return fail(c, NULL, line, 0, "examples[%d].moves[%d] must be a move name", i, m);
        if (!check_tag(c, NULL, line, lua_tostring(L, -1)))
            return 0;
        lua_pop(L, 1);
    }
    lua_pop(L, 4);
    return 1;
}

static int check_examples(Check *c, lua_State *L, int t)
{
    int type = raw_field(L, t, "examples");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return 1;
    }
    int n = type == LUA_TTABLE ? list_length(L, lua_gettop(L)) : -1;
    if (n < 0)
        return fail(c, "examples", 1, 1, "field 'examples' must be a list of { reply = ... }");
    if (n > SCENARIO_EXAMPLES_MAX) /* `heard check` keeps each example with what it found */
        return fail(c, "examples", 1, 1, "field 'examples' has %d entries; at most %d are checked",
                    n, SCENARIO_EXAMPLES_MAX);
    int from = scenario_text_field_line(c->src, c->len, "examples", 1, 1);
    /* each example's line, found in one pass: asking for the i-th `reply =` for each of
     * thousands of examples read the source again each time (a minute for 20,000) */
    int *lines = n > 0 ? lua_newuserdatauv(L, (size_t)n * sizeof *lines, 0) : NULL;
    int list = lua_gettop(L) - (n > 0);
    if (lines)
        scenario_text_field_lines(c->src, c->len, "reply", from, lines, (size_t)n);
    for (int i = 1; i <= n; i++) {
        int line = lines[i - 1];
        if (lua_rawgeti(L, list, i) != LUA_TTABLE)
            return fail(c, "examples", 1, 1, "examples[%d] must be a table { reply = ... }", i);
        if (!check_example(c, L, lua_gettop(L), i, line ? line : from))
            return 0;
        lua_pop(L, 1);
    }
    lua_settop(L, list - 1);
    return 1;
}

/* Checks that FIELD, when present, has one of the Lua types TYPE_A or TYPE_B. */
static int check_kind(Check *c, lua_State *L, int t, const char *field, int type_a, int type_b,
                      const char *want)
{
    int type = raw_field(L, t, field);
    lua_pop(L, 1);
    if (type == LUA_TNIL || type == type_a || type == type_b)
        return 1;
    return fail(c, field, 1, 1, "field '%s' must be %s, not a %s", field, want,
                lua_typename(L, type));
}

/* Checks rules = function(turn, moves, add, drop) ... end, or a list of such functions. */
static int check_rules(Check *c, lua_State *L, int t)
{
    int type = raw_field(L, t, "rules");
    int n = type == LUA_TTABLE ? list_length(L, lua_gettop(L)) : -1;
    for (int i = 1; i <= n; i++) {
        int et = lua_rawgeti(L, -1, i);
        lua_pop(L, 1);
        if (et != LUA_TFUNCTION)
            return fail(c, "rules", 1, 1,
                        "rules[%d] must be a function(turn, moves, add, drop), "
                        "not a %s",
                        i, lua_typename(L, et));
    }
    lua_pop(L, 1);
    if (type == LUA_TNIL || type == LUA_TFUNCTION || n >= 0)
        return 1;
    return fail(c, "rules", 1, 1,
                "field 'rules' must be a function(turn, moves, add, drop) or a list of them, "
                "not a %s",
                type == LUA_TTABLE ? "table with named fields" : lua_typename(L, type));
}

static int check_id(Check *c)
{
    for (const char *p = c->info.id; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-'))
            return fail(c, "id", 1, 1,
                        "field 'id' may hold only letters, digits, '_' and '-' (it names saved "
                        "sessions), not '%c'",
                        *p);
    }
    return 1;
}

/* The fields, in the order a coach reads them. Stops at the first problem. */
static void check_fields(Check *c, lua_State *L, int t)
{
    ScenarioInfo *in = &c->info;
    int ok = check_text(c, L, t, "id", 1, in->id, sizeof in->id) && check_id(c) &&
             check_text(c, L, t, "title", 1, in->title, sizeof in->title) &&
             check_text(c, L, t, "description", 1, in->description, sizeof in->description);
    if (ok && raw_field(L, t, "difficulty") == LUA_TNIL)
        ok = fail(c, NULL, 0, 0,
                  "missing field 'difficulty': add difficulty = 1 (appliances) "
                  "... 4 (hot topics)");
    else if (ok)
        lua_pop(L, 1);
    ok = ok && check_int(c, L, t, "difficulty", 1, 4, &in->difficulty) &&
         check_int(c, L, t, "rounds", 1, 20, &in->rounds);
    int seconds = 0;
    ok = ok && check_int(c, L, t, "turn_seconds", 5, 3600, &seconds) && check_prompts(c, L, t) &&
         check_example_reflection(c, L, t) &&
         check_text_list(c, L, t, "hints", 100, LIMITS_NOTE_MAX) &&
         check_text_list(c, L, t, "customer_hints", 100, LIMITS_NOTE_MAX) &&
         check_points(c, L, t) && check_examples(c, L, t) &&
         check_kind(c, L, t, "play", LUA_TFUNCTION, LUA_TFUNCTION, "a function") &&
         check_rules(c, L, t);
    if (ok) {
        lua_pushstring(L, "rounds");
        lua_pushinteger(L, in->rounds);
        lua_rawset(L, t);
    }
}

/* Protected: (Check *, table) -> nothing; problems are recorded in the Check. */
static int l_scenario_check(lua_State *L)
{
    Check *c = lua_touserdata(L, 1);
    if (lua_type(L, 2) != LUA_TTABLE) {
        fail(c, NULL, 0, 0, "the scenario must return a table { id = ..., title = ... }, not %s",
             lua_typename(L, lua_type(L, 2)));
        return 0;
    }
    int non_string;
    const char *bad = unknown_key(c, L, 2, known_fields, NFIELDS, 1, &non_string);
    if (bad)
        fail_unknown(c, bad, known_fields, NFIELDS, 1, "the scenario");
    else if (non_string)
        fail(c, NULL, 0, 0, "the scenario table may hold only named fields (id = ..., ...)");
    else
        check_fields(c, L, 2);
    if (c->failed && !c->info.title[0] && raw_field(L, 2, "title") == LUA_TSTRING) {
        /* what can be read still shows in the picker, cut on a character boundary */
        utf8_copy(c->info.title, sizeof c->info.title, lua_tostring(L, -1));
    }
    return 0;
}

int scenario_load(Script *s, const char *name, const char *source, size_t len, ScenarioInfo *info,
                  ScriptError *err)
{
    lua_State *L = script_lua(s);
    int top = lua_gettop(L);
    ScriptError local;
    if (!err)
        err = &local;
    Check c;
    memset(&c, 0, sizeof c);
    c.name = name;
    c.src = source;
    c.len = len;
    snprintf(c.info.path, sizeof c.info.path, "%s", name);
    c.info.rounds = SCENARIO_ROUNDS_DEFAULT;
    c.info.example_reflection = 1;
    int rc = scenario_check_source(name, source, len, err);
    if (rc == 0)
        rc = script_run_string(s, source, len, name, 1, err);
    if (rc == 0) {
        lua_pushcfunction(L, l_scenario_check);
        lua_pushlightuserdata(L, &c);
        lua_pushvalue(L, -3);
        rc = script_call(s, 2, 0, err);
        if (rc == 0 && c.failed) {
            *err = c.err;
            rc = SCENARIO_ERR_INVALID;
        }
    }
    if (rc != 0)
        lua_settop(L, top);
    if (info) {
        *info = c.info;
        info->ok = rc == 0;
        if (rc != 0) {
            /* a broken file still needs a name in the picker */
            if (!info->title[0]) {
                const char *base = strrchr(name, '/');
                snprintf(info->title, sizeof info->title, "%s", base ? base + 1 : name);
            }
            snprintf(info->error, sizeof info->error, "%s", err->message);
        }
    }
    return rc;
}
