/* scenario_rules_lua.c: a scenario's own rules (its `rules` field), run in the scenario's
 * sandbox on each scored turn: the turn and the moves handed to each rule, and the add and
 * drop that change them (the contract is at the top of scenario.h). While the rules run,
 * the moves live in a userdata, so an add or drop that a rule keeps past its turn can reach
 * no caller's memory.
 *
 * Depends on: Lua 5.4, engine/core/utf8, scenario.c (the move tags). */
#include "game/scenario/scenario.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "engine/core/utf8.h"

#define POINTS_LIMIT 20 /* as for the `points` field */
#define ELLIPSIS "\xE2\x80\xA6"

typedef struct RuleRun {
    MoveList moves;
    int live; /* 0 once the rules have run */
} RuleRun;

enum { UP_RUN = 1, UP_MOVES, UP_POINTS }; /* the upvalues of add and drop */

/* ---- the moves ------------------------------------------------------------------------- */

/* The index of TAG's move in ML, or ML->count when it has none. */
static int find(const MoveList *ml, const char *tag)
{
    int i = 0;
    while (i < ml->count && strcmp(ml->items[i].tag, tag) != 0)
        i++;
    return i;
}

/* Refills the list at index T with copies of ML's moves. Entries past them are cleared up
 * to MOVES_MAX, the most the list ever held: never up to the table's length, which a rule
 * can make as large as it likes (2^50 with a hundred keys) by writing into the table. */
static void fill_moves(lua_State *L, int t, const MoveList *ml)
{
    for (int i = 0; i < ml->count; i++) {
        lua_createtable(L, 0, 3);
        lua_pushstring(L, ml->items[i].tag);
        lua_setfield(L, -2, "tag");
        lua_pushinteger(L, ml->items[i].points);
        lua_setfield(L, -2, "points");
        lua_pushstring(L, ml->items[i].reason);
        lua_setfield(L, -2, "reason");
        lua_rawseti(L, t, i + 1);
    }
    for (int i = ml->count + 1; i <= MOVES_MAX; i++) {
        lua_pushnil(L);
        lua_rawseti(L, t, i);
    }
}

void scenario_push_moves(lua_State *L, const MoveList *moves)
{
    lua_createtable(L, moves->count, 0);
    fill_moves(L, lua_gettop(L), moves);
}

/* Writes REASON (LEN bytes) and " → tag ±N" into DST as the standard rules write theirs:
 * line breaks as spaces, ill-formed bytes as U+FFFD (a rule may quote a player's words cut
 * anywhere), and a reason too long for the screen cut at a character with "…". */
static void write_reason(char *dst, const char *reason, size_t len, const char *tag, int points)
{
    char suffix[96];
    moves_reason_ending(tag, points, suffix, sizeof suffix);
    char raw[MOVE_REASON_MAX], fixed[UTF8_REPAIR_BOUND(MOVE_REASON_MAX)];
    size_t n = len < sizeof raw - 1 ? len : sizeof raw - 1;
    memcpy(raw, reason, n);
    raw[n] = '\0';
    n = utf8_strip_controls(raw, n);
    n = utf8_repair(raw, n, fixed, NULL);
    size_t room = MOVE_REASON_MAX - 1 - strlen(suffix);
    const char *more = "";
    if (n > room || len >= sizeof raw) {
        n = utf8_floor(fixed, n, n < room - 3 ? n : room - 3); /* room for "…" */
        more = ELLIPSIS;
    }
    snprintf(dst, MOVE_REASON_MAX, "%.*s%s%s", (int)n, fixed, more, suffix);
}

/* ---- add and drop ---------------------------------------------------------------------- */

static RuleRun *rule_run(lua_State *L, const char *fn)
{
    RuleRun *u = lua_touserdata(L, lua_upvalueindex(UP_RUN));
    if (!u->live)
        luaL_error(L, "%s works only while its rule runs; call it inside the rule", fn);
    return u;
}

/* Argument 1 of FN: a move tag of docs/moves.md, or an error that suggests the closest. */
static const char *check_tag(lua_State *L, const char *fn)
{
    if (lua_type(L, 1) != LUA_TSTRING)
        luaL_error(L, "%s: the move must be a name in quotes, like \"apology\", not %s", fn,
                   luaL_typename(L, 1));
    const char *tag = lua_tostring(L, 1);
    if (moves_is_tag(tag))
        return tag;
    size_t n;
    const char *const *tags = moves_tags(&n);
    const char *near = scenario_suggest(tag, tags, n);
    luaL_error(L, "%s: unknown move '%s'%s%s%s; the moves are listed in docs/moves.md", fn, tag,
               near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
    return NULL;
}

/* add(tag, points, reason): adds TAG in its place in the order of the tags, or replaces the
 * move of the same tag; the scenario's `points` for TAG win over POINTS. */
static int l_rules_add(lua_State *L)
{
    RuleRun *u = rule_run(L, "add");
    const char *tag = check_tag(L, "add");
    int isint = 0;
    lua_Integer points = lua_type(L, 2) == LUA_TNUMBER ? lua_tointegerx(L, 2, &isint) : 0;
    if (!isint || points < -POINTS_LIMIT || points > POINTS_LIMIT)
        return luaL_error(L, "add: points must be a whole number from -%d to %d, not %s",
                          POINTS_LIMIT, POINTS_LIMIT,
                          lua_type(L, 2) == LUA_TNUMBER ? lua_tostring(L, 2) : luaL_typename(L, 2));
    size_t len = 0;
    const char *reason = lua_type(L, 3) == LUA_TSTRING ? lua_tolstring(L, 3, &len) : NULL;
    if (!reason || len == 0)
        return luaL_error(L, "add: the reason must be a text that says why, like \"You named a "
                             "time: 'at ten'\"");
    lua_pushstring(L, tag);
    if (lua_rawget(L, lua_upvalueindex(UP_POINTS)) == LUA_TNUMBER && lua_isinteger(L, -1))
        points = lua_tointeger(L, -1);
    MoveList *ml = &u->moves;
    int at = find(ml, tag);
    if (at == ml->count && ml->count == MOVES_MAX)
        return luaL_error(L, "add: a reply holds at most %d moves; drop one first", MOVES_MAX);
    ml->count += at == ml->count;
    Move *m = &ml->items[at];
    snprintf(m->tag, sizeof m->tag, "%s", tag);
    m->points = (int)points;
    write_reason(m->reason, reason, len, tag, (int)points);
    moves_sort(ml);
    fill_moves(L, lua_upvalueindex(UP_MOVES), ml);
    return 0;
}

/* drop(tag) -> whether there was such a move */
static int l_rules_drop(lua_State *L)
{
    RuleRun *u = rule_run(L, "drop");
    const char *tag = check_tag(L, "drop");
    MoveList *ml = &u->moves;
    int i = find(ml, tag);
    int found = i < ml->count;
    if (found) {
        memmove(&ml->items[i], &ml->items[i + 1], (size_t)(ml->count - i - 1) * sizeof *ml->items);
        ml->count--;
        fill_moves(L, lua_upvalueindex(UP_MOVES), ml);
    }
    lua_pushboolean(L, found);
    return 1;
}

/* ---- running the rules ------------------------------------------------------------------ */

static void push_turn(lua_State *L, const ScenarioTurn *t)
{
    lua_createtable(L, 0, 5);
    lua_pushstring(L, t->text);
    lua_setfield(L, -2, "text");
    lua_pushstring(L, t->context ? t->context : "");
    lua_setfield(L, -2, "context");
    lua_pushstring(L, t->role == ROLE_CUSTOMER ? "customer" : "agent");
    lua_setfield(L, -2, "role");
    lua_pushstring(L, t->kind);
    lua_setfield(L, -2, "kind");
    lua_pushinteger(L, t->player + 1);
    lua_setfield(L, -2, "player");
}

/* Runs the `rules` of the scenario table at SC (an absolute index) on MOVES. */
static void rules_run(lua_State *L, int sc, const ScenarioTurn *turn, MoveList *moves)
{
    int top = lua_gettop(L);
    lua_pushstring(L, "rules");
    int type = lua_rawget(L, sc); /* top + 1 */
    if (type != LUA_TFUNCTION && type != LUA_TTABLE) {
        lua_settop(L, top);
        if (type != LUA_TNIL)
            luaL_error(L, "the scenario's rules must be a function or a list of functions");
        moves_sum(moves);
        return;
    }
    RuleRun *u = lua_newuserdatauv(L, sizeof *u, 0); /* top + 2 */
    u->moves = *moves;
    u->live = 1;
    moves_sort(&u->moves);
    lua_newtable(L); /* top + 3: the moves the rules see */
    lua_pushstring(L, "points");
    if (lua_rawget(L, sc) != LUA_TTABLE) { /* top + 4 */
        lua_pop(L, 1);
        lua_newtable(L);
    }
    lua_pushvalue(L, top + 2);
    lua_pushvalue(L, top + 3);
    lua_pushvalue(L, top + 4);
    lua_pushcclosure(L, l_rules_add, 3); /* top + 5 */
    lua_pushvalue(L, top + 2);
    lua_pushvalue(L, top + 3);
    lua_pushcclosure(L, l_rules_drop, 2); /* top + 6 */
    lua_Integer n = type == LUA_TFUNCTION ? 1 : (lua_Integer)lua_rawlen(L, top + 1);
    for (lua_Integer i = 1; i <= n; i++) {
        if (type == LUA_TFUNCTION)
            lua_pushvalue(L, top + 1);
        else if (lua_rawgeti(L, top + 1, i) != LUA_TFUNCTION)
            luaL_error(L, "the scenario's rules[%d] must be a function, not %s", (int)i,
                       luaL_typename(L, -1));
        push_turn(L, turn);
        fill_moves(L, top + 3, &u->moves); /* what an earlier rule wrote into it is undone */
        lua_pushvalue(L, top + 3);
        lua_pushvalue(L, top + 5);
        lua_pushvalue(L, top + 6);
        lua_call(L, 4, 0);
    }
    u->live = 0;
    *moves = u->moves;
    moves_sum(moves);
    lua_settop(L, top);
}

/* Gives each move of MOVES the points of the scenario table at SC (an absolute index) for
 * its tag, when it has some. Raw reads only: runs no Lua code. */
static void points_apply(lua_State *L, int sc, MoveList *moves)
{
    lua_pushstring(L, "points");
    if (lua_rawget(L, sc) == LUA_TTABLE) {
        for (int i = 0; i < moves->count; i++) {
            lua_pushstring(L, moves->items[i].tag);
            if (lua_rawget(L, -2) == LUA_TNUMBER && lua_isinteger(L, -1))
                moves->items[i].points = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

int scenario_points(lua_State *L, int sc, const char *tag, int fallback)
{
    sc = lua_absindex(L, sc);
    int points = fallback;
    lua_pushstring(L, "points");
    if (lua_rawget(L, sc) == LUA_TTABLE) {
        lua_pushstring(L, tag);
        if (lua_rawget(L, -2) == LUA_TNUMBER && lua_isinteger(L, -1))
            points = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return points;
}

void scenario_score(lua_State *L, int sc, const ScenarioTurn *turn, MoveList *moves)
{
    sc = lua_absindex(L, sc);
    rules_run(L, sc, turn, moves);
    points_apply(L, sc, moves);
    moves_sum(moves);
}
