/* flow_lua.c: the flow's coroutine and the `heard` table it calls (see the comment at the
 * top of scripts/lib/floor.lua for what each function does). Thin bindings: they check
 * arguments, call flow.c, push results. heard.ask, heard.rate and heard.choose fill the
 * FlowRun's ask and yield; the answer comes back through a continuation, so a flow can
 * ask from inside pcall. Players are 1 and 2 in Lua, 0 and 1 in C. heard.turn scores through
 * the flow's one callback (the match's turn pipeline), handing it this sandbox and the
 * scenario table for the scenario's own rules and points. Every function has two upvalues:
 * the FlowRun and the scenario table.
 *
 * Depends on: Lua 5.4, engine/script, game/scenario, flow.c. */
#include "game/flow/flow_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "engine/core/limits.h"
#include "engine/core/utf8.h"

static const char *const rating_tags[] = {"got_it", "partly", "not_yet"};
static const char *const rating_labels[] = {"Got it", "Partly", "Not yet"};

static FlowRun *run_of(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* Copies SRC into DST (CAP bytes), shortening at a UTF-8 character boundary with "…". */
static void copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n < cap) {
        memcpy(dst, src, n + 1);
        return;
    }
    n = utf8_floor(src, n, cap - 4); /* room for "…" (3 bytes) and the terminator */
    memcpy(dst, src, n);
    memcpy(dst + n, "\xE2\x80\xA6", 4);
}

/* ---- reading a spec table (argument 1) ----------------------------------------------------- */

static int spec_player(lua_State *L, const char *fn, int fallback)
{
    lua_getfield(L, 1, "player");
    int isint = 0;
    lua_Integer p = lua_tointegerx(L, -1, &isint);
    if (lua_isnil(L, -1) && fallback >= 0) {
        p = fallback + 1;
        isint = 1;
    }
    if (!isint || (p != 1 && p != 2))
        return luaL_error(L,
                          "heard.%s: player must be 1 or 2 (heard.customer() or "
                          "heard.agent())",
                          fn);
    lua_pop(L, 1);
    return (int)p - 1;
}

static Role spec_role(lua_State *L, const FlowRun *r, int player, const char *fn)
{
    lua_getfield(L, 1, "role");
    const char *role = lua_tostring(L, -1);
    Role out = player == r->customer ? ROLE_CUSTOMER : ROLE_AGENT;
    if (role && strcmp(role, "customer") == 0)
        out = ROLE_CUSTOMER;
    else if (role && strcmp(role, "agent") == 0)
        out = ROLE_AGENT;
    else if (!lua_isnil(L, -1))
        luaL_error(L, "heard.%s: role must be \"customer\" or \"agent\"", fn);
    lua_pop(L, 1);
    return out;
}

/* No limit on length: a text the game cuts to fit (a title, a hint, a choice). */
#define ANY_LENGTH ((size_t)-1)

/* Raises an error at the script's line unless TEXT (LEN bytes), named WHAT, is UTF-8 with
 * no NUL byte and at most MAX bytes long: every text a script hands the game is checked
 * here, where it enters, so what is kept can always be shown and saved. */
static void check_words(lua_State *L, const char *fn, const char *what, const char *text,
                        size_t len, size_t max)
{
    char msg[240];
    if (limits_check_text(text, len, max, what, msg, sizeof msg, NULL) != LIMITS_OK)
        luaL_error(L, "heard.%s: %s", fn, msg);
}

/* Pushes spec[KEY] and returns it as text (checked by check_words against MAX); NULL when
 * absent and not REQUIRED. */
static const char *spec_text(lua_State *L, const char *key, int required, const char *fn,
                             size_t max)
{
    int type = lua_getfield(L, 1, key);
    if (type == LUA_TNIL && !required)
        return NULL;
    if (type != LUA_TSTRING && type != LUA_TNUMBER)
        luaL_error(L, "heard.%s: %s must be a text, not %s", fn, key, luaL_typename(L, -1));
    size_t len = 0;
    const char *text = lua_tolstring(L, -1, &len);
    check_words(L, fn, key, text, len, max);
    return text;
}

/* Keeps a turn (flow_run_add_turn), raising its error at the script's line: the memory
 * cap's, or the session's limit on turns and text. */
static void keep_turn(lua_State *L, FlowRun *r, const char *fn, int player, Role role,
                      const char *kind, const char *text, const char *context, const MoveList *ml)
{
    int rc = flow_run_add_turn(r, player, role, kind, text, context, ml);
    if (rc == SCRIPT_ERR_MEMORY)
        script_raise_memory(L);
    else if (rc == FLOW_ERR_LIMIT)
        luaL_error(L, "heard.%s: %s", fn, r->limit_msg);
    else if (rc != 0)
        luaL_error(L, "heard.%s: out of memory while keeping a turn", fn);
}

/* The asks yield the coroutine; from any other coroutine the answer could never arrive. */
static void check_flow_thread(lua_State *L, const FlowRun *r, const char *fn)
{
    if (L != r->co)
        luaL_error(L,
                   "heard.%s must be called by the scenario's flow itself, not from a "
                   "coroutine it created",
                   fn);
}

/* Copies the list spec[KEY] of at most FLOW_CHOICES_MAX texts (each at most MAX bytes)
 * into the ask's choices and into the table at stack index KEEP (for the continuation).
 * Returns the count. */
static int spec_choices(lua_State *L, const char *key, int keep, int required, const char *fn,
                        size_t max)
{
    FlowRun *r = run_of(L);
    int type = lua_getfield(L, 1, key);
    if (type == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return 0;
    }
    lua_Integer n = type == LUA_TTABLE ? luaL_len(L, -1) : 0;
    if (n < (required ? 1 : 0) || n > FLOW_CHOICES_MAX)
        return luaL_error(L, "heard.%s: %s must be a list of 1 to %d texts", fn, key,
                          FLOW_CHOICES_MAX);
    for (int i = 1; i <= n; i++) {
        if (lua_geti(L, -1, i) != LUA_TSTRING)
            return luaL_error(L, "heard.%s: %s[%d] must be a text", fn, key, i);
        char what[48];
        snprintf(what, sizeof what, "%s[%d]", key, i);
        size_t len = 0;
        const char *text = lua_tolstring(L, -1, &len);
        check_words(L, fn, what, text, len, max);
        copy_text(r->ask.choices[i - 1], sizeof r->ask.choices[0], lua_tostring(L, -1));
        lua_rawseti(L, keep, i);
    }
    lua_pop(L, 1);
    r->ask.nchoices = (int)n;
    return (int)n;
}

/* Starts a new ask from argument 1's player, title and hint. Its kind is set by the caller
 * just before yielding, so an ask that fails its checks leaves no ask behind. */
static void begin_ask(lua_State *L, const char *fn, int default_player, const char *default_title)
{
    FlowRun *r = run_of(L);
    check_flow_thread(L, r, fn);
    int player = spec_player(L, fn, default_player);
    Role role = spec_role(L, r, player, fn);
    const char *title = spec_text(L, "title", default_title == NULL, fn, ANY_LENGTH);
    const char *hint = spec_text(L, "hint", 0, fn, ANY_LENGTH);
    FlowAsk *k = &r->ask;
    memset(k, 0, sizeof *k);
    k->player = player;
    k->role = role;
    copy_text(k->title, sizeof k->title, title ? title : default_title);
    copy_text(k->hint, sizeof k->hint, hint ? hint : "");
}

/* ---- the asks ----------------------------------------------------------------------------- */

static int ask_k(lua_State *L, int status, lua_KContext ctx)
{
    (void)status, (void)ctx;
    FlowRun *r = run_of(L);
    const FlowAnswer *a = r->answer;
    r->ask.kind = ASK_NONE;
    if (a->kind == FLOW_ANSWER_TEXT)
        lua_pushstring(L, a->text);
    else
        lua_rawgeti(L, 2, a->index + 1); /* a picked prompt reads as if typed */
    return 1;
}

/* heard.ask{player=, role=, title=, hint=, prompts=, optional=, prefill=} -> text */
static int l_flow_ask(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L); /* 2: the prompts, for ask_k */
    begin_ask(L, "ask", -1, NULL);
    spec_choices(L, "prompts", 2, 0, "ask", LIMITS_TEXT_MAX); /* a prompt picked is an answer */
    lua_getfield(L, 1, "optional");
    run_of(L)->ask.optional = lua_toboolean(L, -1);
    const char *prefill = spec_text(L, "prefill", 0, "ask", LIMITS_TEXT_MAX);
    if (prefill)
        copy_text(run_of(L)->ask.prefill, sizeof run_of(L)->ask.prefill, prefill);
    lua_settop(L, 2);
    run_of(L)->ask.kind = ASK_TEXT;
    return lua_yieldk(L, 0, 0, ask_k);
}

/* The turn a rating by RATER rates: turn R->rates when the flow named one, else the latest
 * "reply" of the other player in this round that no rating has rated yet; NULL when there
 * is none. */
static const Turn *rated_turn(const FlowRun *r, int rater)
{
    if (r->rates > 0)
        return (size_t)r->rates <= r->nturns ? &r->turns[r->rates - 1] : NULL;
    for (size_t i = r->nturns; i > 0; i--) {
        const Turn *t = &r->turns[i - 1];
        if (t->round != r->round || strcmp(t->kind, "rating") == 0)
            return NULL;
        if (strcmp(t->kind, "reply") == 0 && t->player != rater)
            return t;
    }
    return NULL;
}

/* A ScenarioTurn of R's match: the turns so far and the names come with it. */
static ScenarioTurn scenario_turn(const FlowRun *r, const char *text, const char *context,
                                  const char *kind, Role role, int player)
{
    ScenarioTurn st = {text,     context,  kind,      role, player,
                       r->round, r->turns, r->nturns, NULL, {r->names[0], r->names[1]}};
    return st;
}

/* Keeps the rating TAG as a turn of the one who rated and, under today's rules of play,
 * scores it through the flow's pipeline (the partner's word weighs the listening points of
 * the reply it rates: docs/scoring.md); what it did to the listener's points is kept as a
 * "rated" turn of the listener, when it did anything. */
static int rate_k(lua_State *L, int status, lua_KContext ctx)
{
    (void)status, (void)ctx;
    FlowRun *r = run_of(L);
    const char *tag = rating_tags[r->answer->index];
    int player = r->ask.player;
    Role role = r->ask.role;
    r->ask.kind = ASK_NONE;
    ScenarioTurn st = scenario_turn(r, tag, "", "rating", role, player);
    st.rated = rated_turn(r, player);
    int listener = st.rated ? st.rated->player : 1 - player;
    MoveList ml;
    memset(&ml, 0, sizeof ml);
    if (r->scoring >= 2 && flow_run_score(r, L, lua_upvalueindex(2), &st, &ml) != 0)
        return luaL_error(L, "heard.rate: the rating could not be scored: %s",
                          r->score_err.message);
    keep_turn(L, r, "rate", player, role, "rating", tag, "", NULL);
    if (ml.count > 0)
        keep_turn(L, r, "rate", listener, role == ROLE_CUSTOMER ? ROLE_AGENT : ROLE_CUSTOMER,
                  "rated", tag, "", &ml);
    lua_pushstring(L, tag);
    return 1;
}

/* heard.rate{player=, title=, hint=, rates=} -> "got_it" | "partly" | "not_yet"; RATES is the
 * number of the turn rated (heard.turn's third result), by default the latest reply. */
static int l_flow_rate(lua_State *L)
{
    if (lua_isnoneornil(L, 1))
        lua_newtable(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    begin_ask(L, "rate", run_of(L)->customer, "Did I get it?");
    FlowRun *r = run_of(L);
    lua_getfield(L, 1, "rates");
    int isint = 0;
    lua_Integer rates = lua_tointegerx(L, -1, &isint);
    if (!lua_isnil(L, -1) && (!isint || rates < 1 || (size_t)rates > r->nturns))
        return luaL_error(L, "heard.rate: rates must be the number of a turn so far (1 to %d)",
                          (int)r->nturns);
    r->rates = lua_isnil(L, -1) ? 0 : (int)rates;
    FlowAsk *k = &r->ask;
    for (int i = 0; i < 3; i++)
        copy_text(k->choices[i], sizeof k->choices[i], rating_labels[i]);
    k->nchoices = 3;
    lua_settop(L, 1);
    k->kind = ASK_RATE;
    return lua_yieldk(L, 0, 0, rate_k);
}

static int choose_k(lua_State *L, int status, lua_KContext ctx)
{
    (void)status, (void)ctx;
    FlowRun *r = run_of(L);
    r->ask.kind = ASK_NONE;
    lua_pushinteger(L, r->answer->index + 1);
    return 1;
}

/* heard.choose{player=, title=, hint=, choices={...}} -> 1-based index */
static int l_flow_choose(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L);
    begin_ask(L, "choose", -1, NULL);
    spec_choices(L, "choices", 2, 1, "choose", ANY_LENGTH);
    lua_settop(L, 2);
    run_of(L)->ask.kind = ASK_CHOICE;
    return lua_yieldk(L, 0, 0, choose_k);
}

/* ---- turns and the parking lot --------------------------------------------------------------- */

/* heard.turn{player=, role=, kind=, text=, context=} -> moves, total, the turn's number */
static int l_flow_turn(lua_State *L)
{
    FlowRun *r = run_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    int player = spec_player(L, "turn", -1);
    Role role = spec_role(L, r, player, "turn");
    const char *kind = spec_text(L, "kind", 1, "turn", ANY_LENGTH);
    const char *text = spec_text(L, "text", 1, "turn", LIMITS_TEXT_MAX);
    const char *context = spec_text(L, "context", 0, "turn", LIMITS_TEXT_MAX);
    if (strlen(kind) == 0 || strlen(kind) >= sizeof r->turns[0].kind)
        return luaL_error(L, "heard.turn: kind must be a short word like \"reply\"");
    ScenarioTurn st = scenario_turn(r, text, context ? context : "", kind, role, player);
    MoveList ml;
    if (flow_run_score(r, L, lua_upvalueindex(2), &st, &ml) != 0)
        return luaL_error(L, "heard.turn: the turn could not be scored: %s", r->score_err.message);
    keep_turn(L, r, "turn", player, role, kind, text, context, &ml);
    scenario_push_moves(L, &ml);
    lua_pushinteger(L, ml.total);
    lua_pushinteger(L, (lua_Integer)r->nturns);
    return 3;
}

/* heard.say(text): a note in the transcript */
static int l_flow_say(lua_State *L)
{
    size_t len = 0;
    const char *text = luaL_checklstring(L, 1, &len);
    check_words(L, "say", "the note", text, len, LIMITS_NOTE_MAX);
    keep_turn(L, run_of(L), "say", -1, ROLE_CUSTOMER, "note", text, "", NULL);
    return 0;
}

/* heard.park{player=, text=} -> the grievance's number, for heard.unpark */
static int l_flow_park(lua_State *L)
{
    FlowRun *r = run_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    int player = spec_player(L, "park", -1);
    const char *text = spec_text(L, "text", 1, "park", LIMITS_TEXT_MAX);
    Role role = player == r->customer ? ROLE_CUSTOMER : ROLE_AGENT;
    int i = flow_run_park(r, player, text);
    if (i == SCRIPT_ERR_MEMORY)
        script_raise_memory(L);
    else if (i == FLOW_ERR_LIMIT)
        luaL_error(L, "heard.park: %s", r->limit_msg);
    else if (i < 0)
        luaL_error(L, "heard.park: out of memory while parking a grievance");
    keep_turn(L, r, "park", player, role, "park", text, "", NULL);
    lua_pushinteger(L, i + 1);
    return 1;
}

/* heard.parked(player) -> { {index=, text=}, ... } still waiting, oldest first */
static int l_flow_parked(lua_State *L)
{
    FlowRun *r = run_of(L);
    lua_Integer player = luaL_checkinteger(L, 1);
    luaL_argcheck(L, player == 1 || player == 2, 1, "player must be 1 or 2");
    lua_newtable(L);
    int n = 0;
    for (size_t i = 0; i < r->nparked; i++) {
        if (r->parked[i].player != player - 1 || r->parked[i].returned)
            continue;
        lua_createtable(L, 0, 2);
        lua_pushinteger(L, (lua_Integer)i + 1);
        lua_setfield(L, -2, "index");
        lua_pushstring(L, r->parked[i].text);
        lua_setfield(L, -2, "text");
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

/* heard.unpark(index) -> text: the grievance comes back and leaves the waiting list; under
 * today's rules of play its return is kept as an "unpark" turn of its owner, so the
 * summary knows it had its turn whatever words it comes back in. */
static int l_flow_unpark(lua_State *L)
{
    FlowRun *r = run_of(L);
    lua_Integer i = luaL_checkinteger(L, 1);
    const char *text = i >= 1 ? flow_run_unpark(r, (size_t)(i - 1)) : NULL;
    if (!text)
        return luaL_error(L, "heard.unpark: no parked grievance %d is waiting",
                          (int)(i > 0 && i < 1000000 ? i : 0));
    int owner = r->parked[i - 1].player;
    Role role = owner == r->customer ? ROLE_CUSTOMER : ROLE_AGENT;
    if (r->scoring >= 2)
        keep_turn(L, r, "unpark", owner, role, "unpark", text, "", NULL);
    lua_pushstring(L, text);
    return 1;
}

static int l_flow_swap(lua_State *L)
{
    flow_run_swap(run_of(L));
    return 0;
}

static int l_flow_customer(lua_State *L)
{
    lua_pushinteger(L, run_of(L)->customer + 1);
    return 1;
}

static int l_flow_agent(lua_State *L)
{
    lua_pushinteger(L, 2 - run_of(L)->customer);
    return 1;
}

static int l_flow_round(lua_State *L)
{
    lua_pushinteger(L, run_of(L)->round);
    return 1;
}

/* heard.first() -> the player (1 or 2) who held the floor in round 1 */
static int l_flow_first(lua_State *L)
{
    lua_pushinteger(L, run_of(L)->first + 1);
    return 1;
}

static const luaL_Reg heard_fns[] = {
    {"ask", l_flow_ask},       {"rate", l_flow_rate},
    {"choose", l_flow_choose}, {"turn", l_flow_turn},
    {"say", l_flow_say},       {"park", l_flow_park},
    {"parked", l_flow_parked}, {"unpark", l_flow_unpark},
    {"swap", l_flow_swap},     {"customer", l_flow_customer},
    {"agent", l_flow_agent},   {"round", l_flow_round},
    {"first", l_flow_first},   {NULL, NULL},
};

/* ---- starting and resuming ------------------------------------------------------------------- */

typedef struct Setup {
    FlowRun *run;
    const char *floor_name;
} Setup;

/* Reads the scenario's timer (already checked by scenario_load). */
static void read_scenario(lua_State *L, FlowRun *r, int sc)
{
    lua_pushstring(L, "turn_seconds");
    lua_rawget(L, sc);
    r->turn_seconds = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
}

/* Protected: (Setup *, scenario, floor module) -> nothing. Builds `heard` and the coroutine
 * with play(heard, scenario, floor) waiting to start. */
static int l_flow_setup(lua_State *L)
{
    Setup *su = lua_touserdata(L, 1);
    FlowRun *r = su->run;
    if (lua_type(L, 3) != LUA_TTABLE || lua_getfield(L, 3, "play") != LUA_TFUNCTION)
        return luaL_error(L,
                          "%s: error: the floor module must return a table with a play "
                          "function",
                          su->floor_name);
    lua_settop(L, 3);
    read_scenario(L, r, 2);
    lua_newtable(L); /* 4: heard */
    lua_pushlightuserdata(L, r);
    lua_pushvalue(L, 2); /* heard.turn runs the scenario's rules */
    luaL_setfuncs(L, heard_fns, 2);
    lua_createtable(L, 2, 0);
    for (int i = 0; i < 2; i++) {
        lua_pushstring(L, r->names[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, 4, "names");
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "random"); /* the sandbox's math.random draws on the session seed */
    lua_setfield(L, 4, "random");
    lua_pop(L, 1);
    lua_pushstring(L, "play");
    if (lua_rawget(L, 2) != LUA_TFUNCTION) {
        lua_pop(L, 1);
        lua_getfield(L, 3, "play");
    }
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, -2); /* play */
    lua_pushvalue(L, 4);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_xmove(L, co, 4);
    r->co = co;
    luaL_ref(L, LUA_REGISTRYINDEX); /* keeps the thread alive as long as the state */
    return 0;
}

/* The step failed because the score callback did: ERR, which holds where the flow asked
 * for the score, becomes the callback's own error (the rules' file, line and message), with
 * the flow's place kept at the end of its traceback. Returns the callback's code. */
static int score_error(FlowRun *r, ScriptError *err)
{
    if (err) {
        char where[300];
        snprintf(where, sizeof where, "%.255s:%d", err->file, err->line);
        *err = r->score_err;
        size_t n = strlen(err->traceback);
        snprintf(err->traceback + n, sizeof err->traceback - n, "%sscored for heard.turn at %s",
                 n ? "\n" : "", where);
    }
    return r->score_rc;
}

/* Runs the coroutine with NARGS on its stack until it asks or ends. */
static int run_resume(FlowRun *r, int nargs, ScriptError *err)
{
    int nres = 0, done = 0;
    r->score_rc = 0;
    int rc = script_resume(r->script, r->co, nargs, &nres, &done, err);
    if (rc != 0 && r->score_rc != 0)
        return score_error(r, err);
    if (rc != 0)
        return rc;
    lua_pop(r->co, nres);
    if (done) {
        memset(&r->ask, 0, sizeof r->ask);
        r->finished = 1;
        return 0;
    }
    if (r->ask.kind == ASK_NONE) {
        if (err) {
            memset(err, 0, sizeof *err);
            snprintf(err->file, sizeof err->file, "%.255s", r->info.path);
            snprintf(err->message, sizeof err->message,
                     "%.300s: error: the flow paused without asking anything; wait for players "
                     "with heard.ask, heard.rate or heard.choose, not coroutine.yield",
                     r->info.path);
        }
        return SCRIPT_ERR_RUNTIME;
    }
    return 0;
}

int flow_lua_start(FlowRun *r, FlowChunk scenario, FlowChunk floor, uint64_t seed, ScriptError *err)
{
    ScriptLimits limits = {0, 0};
    r->script = script_create(limits, seed);
    if (!r->script) {
        if (err) {
            memset(err, 0, sizeof *err);
            snprintf(err->message, sizeof err->message, "Out of memory for the scenario.");
        }
        return SCRIPT_ERR_MEMORY;
    }
    int rc = scenario_load(r->script, scenario.name, scenario.src, scenario.len, &r->info, err);
    if (rc == 0)
        rc = scenario_check_source(floor.name, floor.src, floor.len, err);
    if (rc == 0)
        rc = script_run_string(r->script, floor.src, floor.len, floor.name, 1, err);
    if (rc != 0)
        return rc;
    lua_State *L = script_lua(r->script);
    Setup su = {r, floor.name};
    lua_pushcfunction(L, l_flow_setup);
    lua_pushlightuserdata(L, &su);
    lua_pushvalue(L, -4); /* the scenario table */
    lua_pushvalue(L, -4); /* the floor module */
    rc = script_call(r->script, 3, 0, err);
    lua_pop(L, 2);
    return rc != 0 ? rc : run_resume(r, 3, err); /* play's three arguments */
}

int flow_lua_resume(FlowRun *r, const FlowAnswer *a, ScriptError *err)
{
    r->answer = a;
    int rc = run_resume(r, 0, err);
    r->answer = NULL;
    return rc;
}

void flow_lua_close(FlowRun *r)
{
    script_destroy(r->script);
    r->script = NULL;
    r->co = NULL;
}
