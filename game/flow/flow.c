/* flow.c: the turn flow's state: the answer log, the turns, the toaster parking lot and the
 * scores, and the replay that makes undo, reload and error recovery one mechanism (a fresh
 * FlowRun re-run on the log with the same seed). The coroutine itself lives in flow_lua.c.
 *
 * Depends on: flow_lua.c, game/scenario, engine/script, libc. */
#include "game/flow/flow.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/limits.h"
#include "game/flow/flow_run.h"

struct Flow {
    char *path, *name, *floor_path;
    char *names[2];
    int first;
    uint64_t seed;
    FlowScoreFn score;
    void *score_ud;
    int scoring;  /* 1 or FLOW_SCORING_NOW */
    char *source; /* the scenario as run now */
    size_t source_len;
    char *floor; /* the flow library as run now: given, or read from floor_path */
    size_t floor_len;
    char *floor_name; /* its chunk name: floor_path, or FlowConfig.floor_name */
    int floor_given;  /* it came from FlowConfig, not the file: reload keeps it */
    FlowAnswer *log;
    size_t nlog, caplog;
    FlowRun *run;
    int paused;
};

static char *dup_mem(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Fills ERR for a problem that is not a script's, with no file or line. Returns CODE. */
static int flow_error(ScriptError *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    memset(err, 0, sizeof *err);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

/* Reads the flow library PATH whole into *OUT (malloc'd, NUL-terminated) and *LEN, with the
 * limits of a scenario file. Returns 0, or SCRIPT_ERR_IO with ERR naming the file and the
 * reason. */
static int read_floor(const char *path, char **out, size_t *len, ScriptError *err)
{
    return scenario_read_file(path, out, len, err);
}

/* ---- the run: turns, parking lot, scoring (called from the bindings) ------------------- */

/* Takes BYTES of text (and EXTRA bytes of bookkeeping) against the session's limits and the
 * script's memory cap. Returns 0, FLOW_ERR_LIMIT (R->limit_msg says why) or
 * SCRIPT_ERR_MEMORY; nothing is taken then. */
static int hold_text(FlowRun *r, size_t bytes, size_t extra)
{
    char a[32], b[32];
    if (bytes > LIMITS_SESSION_TEXT - r->text_bytes) {
        snprintf(r->limit_msg, sizeof r->limit_msg,
                 "the turns of a session hold at most %s of text, and this one would hold %s "
                 "bytes; look for a loop that adds notes or turns without end",
                 limits_format_size(LIMITS_SESSION_TEXT, a, sizeof a),
                 limits_format_count(r->text_bytes + bytes, b, sizeof b));
        return FLOW_ERR_LIMIT;
    }
    if (r->script && script_hold(r->script, bytes + extra) != 0)
        return SCRIPT_ERR_MEMORY;
    r->text_bytes += bytes;
    return 0;
}

/* Gives back what hold_text took. */
static void unhold_text(FlowRun *r, size_t bytes, size_t extra)
{
    if (r->script)
        script_release(r->script, bytes + extra);
    r->text_bytes -= bytes;
}

int flow_run_add_turn(FlowRun *r, int player, Role role, const char *kind, const char *text,
                      const char *context, const MoveList *moves)
{
    char n[32];
    if (r->nturns >= LIMITS_SESSION_TURNS) {
        snprintf(r->limit_msg, sizeof r->limit_msg,
                 "a session holds at most %s turns; look for a loop that adds notes or turns "
                 "without end",
                 limits_format_count(LIMITS_SESSION_TURNS, n, sizeof n));
        return FLOW_ERR_LIMIT;
    }
    if (r->nturns == r->capturns) {
        size_t cap = r->capturns ? r->capturns * 2 : 32;
        Turn *bigger = realloc(r->turns, cap * sizeof *bigger);
        if (!bigger)
            return FLOW_ERR_MEMORY;
        r->turns = bigger;
        r->capturns = cap;
    }
    if (!context)
        context = "";
    size_t bytes = strlen(text) + strlen(context) + 2;
    int rc = hold_text(r, bytes, sizeof(Turn));
    if (rc != 0)
        return rc;
    Turn *t = &r->turns[r->nturns];
    if (turn_init(t, kind, text, context) != 0) {
        unhold_text(r, bytes, sizeof(Turn));
        return FLOW_ERR_MEMORY;
    }
    t->n = (int)r->nturns + 1;
    t->round = r->round;
    t->player = player;
    t->role = role;
    if (moves)
        t->moves = *moves;
    t->ms = r->now;
    r->nturns++;
    return 0;
}

int flow_run_score(FlowRun *r, struct lua_State *L, int scenario, const ScenarioTurn *turn,
                   MoveList *out)
{
    memset(out, 0, sizeof *out);
    if (!r->score)
        return 0;
    memset(&r->score_err, 0, sizeof r->score_err);
    int rc = r->score(r->score_ud, L, scenario, turn, out, &r->score_err);
    if (rc < 0) {
        memset(out, 0, sizeof *out);
        r->score_rc = rc;
        return rc;
    }
    if (out->count < 0 || out->count > MOVES_MAX)
        out->count = out->count < 0 ? 0 : MOVES_MAX;
    return 0;
}

int flow_run_park(FlowRun *r, int player, const char *text)
{
    if (r->nparked == r->capparked) {
        size_t cap = r->capparked ? r->capparked * 2 : 8;
        FlowParked *bigger = realloc(r->parked, cap * sizeof *bigger);
        if (!bigger)
            return FLOW_ERR_MEMORY;
        r->parked = bigger;
        r->capparked = cap;
    }
    size_t len = strlen(text);
    int rc = hold_text(r, len + 1, sizeof *r->parked);
    if (rc != 0)
        return rc;
    char *copy = dup_mem(text, len);
    if (!copy) {
        unhold_text(r, len + 1, sizeof *r->parked);
        return FLOW_ERR_MEMORY;
    }
    r->parked[r->nparked] = (FlowParked){copy, player, 0};
    return (int)r->nparked++;
}

const char *flow_run_unpark(FlowRun *r, size_t i)
{
    if (i >= r->nparked || r->parked[i].returned)
        return NULL;
    r->parked[i].returned = 1;
    return r->parked[i].text;
}

void flow_run_swap(FlowRun *r)
{
    r->customer = 1 - r->customer;
    r->round++;
}

static void run_destroy(FlowRun *r)
{
    if (!r)
        return;
    flow_lua_close(r);
    for (size_t i = 0; i < r->nturns; i++)
        turn_clear(&r->turns[i]);
    free(r->turns);
    for (size_t i = 0; i < r->nparked; i++)
        free(r->parked[i].text);
    free(r->parked);
    free(r);
}

/* ---- answers ----------------------------------------------------------------------------- */

static int blank(const char *s)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    return *s == '\0';
}

/* Whether answer A fits what R waits for. Returns 0 or a FLOW_ERR_* code with ERR filled. */
static int answer_fits(const FlowRun *r, const FlowAnswer *a, ScriptError *err)
{
    const FlowAsk *k = &r->ask;
    if (r->finished || k->kind == ASK_NONE)
        return flow_error(err, FLOW_ERR_FINISHED, "The scenario has ended; nothing to answer.");
    if (a->kind == FLOW_ANSWER_TEXT) {
        if (k->kind != ASK_TEXT)
            return flow_error(err, FLOW_ERR_KIND, "'%s' waits for a choice, not text.", k->title);
        if (blank(a->text) && !k->optional)
            return flow_error(err, FLOW_ERR_EMPTY, "'%s' needs a few words before going on.",
                              k->title);
        return 0;
    }
    if (a->index < 0 || a->index >= k->nchoices)
        return flow_error(err, FLOW_ERR_RANGE, "'%s' has %d choices; there is no choice %d.",
                          k->title, k->nchoices, a->index + 1);
    return 0;
}

/* The scenario and the flow library F runs now. */
static FlowChunk scenario_chunk(const Flow *f)
{
    return (FlowChunk){f->source, f->source_len, f->name};
}

static FlowChunk floor_chunk(const Flow *f)
{
    return (FlowChunk){f->floor, f->floor_len, f->floor_name};
}

/* Builds a fresh run of SCENARIO over FLOOR into *OUT and replays the first N answers of F's
 * log. STRICT: an answer that does not fit is an error; otherwise replay stops there and
 * *DONE (may be NULL) tells how far it got. Returns 0 or an error code with ERR filled
 * (*OUT is NULL). */
static int run_build(const Flow *f, FlowChunk scenario, FlowChunk floor, size_t n, int strict,
                     FlowRun **out, size_t *done, ScriptError *err)
{
    *out = NULL;
    FlowRun *r = calloc(1, sizeof *r);
    if (!r)
        return flow_error(err, FLOW_ERR_MEMORY, "Out of memory while starting the scenario.");
    r->round = 1;
    r->customer = f->first;
    r->first = f->first;
    r->scoring = f->scoring;
    r->names[0] = f->names[0];
    r->names[1] = f->names[1];
    r->score = f->score;
    r->score_ud = f->score_ud;
    int rc = flow_lua_start(r, scenario, floor, f->seed, err);
    size_t i = 0;
    for (; rc == 0 && i < n; i++) {
        int fits = answer_fits(r, &f->log[i], err);
        if (fits != 0) {
            if (strict)
                rc = fits;
            break;
        }
        r->now = f->log[i].ms;
        rc = flow_lua_resume(r, &f->log[i], err);
    }
    if (rc != 0) {
        run_destroy(r);
        return rc;
    }
    if (done)
        *done = i;
    *out = r;
    return 0;
}

static void answer_free(FlowAnswer *a)
{
    free(a->text);
    a->text = NULL;
}

/* Appends A to the log, hands it to the flow, and on a script error drops it again and
 * rebuilds the last good state. */
static int give_answer(Flow *f, FlowAnswer a, ScriptError *err)
{
    if (f->paused) {
        answer_free(&a);
        return flow_error(err, FLOW_ERR_PAUSED,
                          "The game is paused for a time-out; resume "
                          "to answer.");
    }
    int rc = answer_fits(f->run, &a, err);
    if (rc == 0 && f->nlog == f->caplog) {
        size_t cap = f->caplog ? f->caplog * 2 : 64;
        FlowAnswer *bigger = realloc(f->log, cap * sizeof *bigger);
        if (!bigger)
            rc = flow_error(err, FLOW_ERR_MEMORY, "Out of memory while keeping an answer.");
        else {
            f->log = bigger;
            f->caplog = cap;
        }
    }
    if (rc != 0) {
        answer_free(&a);
        return rc;
    }
    f->log[f->nlog++] = a;
    f->run->now = a.ms;
    rc = flow_lua_resume(f->run, &f->log[f->nlog - 1], err);
    if (rc == 0)
        return 0;
    answer_free(&f->log[--f->nlog]);
    /* the coroutine died with the error: re-run the log to get back where we were */
    FlowRun *again;
    if (run_build(f, scenario_chunk(f), floor_chunk(f), f->nlog, 1, &again, NULL, NULL) == 0) {
        run_destroy(f->run);
        f->run = again;
    }
    return rc;
}

int flow_answer_text(Flow *f, const char *text, uint32_t ms, ScriptError *err)
{
    char msg[200];
    if (!text)
        text = "";
    if (limits_check_text(text, strlen(text), LIMITS_TEXT_MAX, "The answer", msg, sizeof msg,
                          NULL) != LIMITS_OK)
        return flow_error(err, FLOW_ERR_LIMIT, "%s.", msg);
    FlowAnswer a = {FLOW_ANSWER_TEXT, strdup(text), 0, ms};
    if (!a.text)
        return flow_error(err, FLOW_ERR_MEMORY, "Out of memory while keeping an answer.");
    return give_answer(f, a, err);
}

int flow_answer_choice(Flow *f, int index, uint32_t ms, ScriptError *err)
{
    FlowAnswer a = {FLOW_ANSWER_CHOICE, NULL, index, ms};
    return give_answer(f, a, err);
}

int flow_back(Flow *f, ScriptError *err)
{
    if (f->nlog == 0)
        return flow_error(err, FLOW_ERR_NOTHING, "Nothing to undo yet.");
    FlowRun *r;
    int rc = run_build(f, scenario_chunk(f), floor_chunk(f), f->nlog - 1, 1, &r, NULL, err);
    if (rc != 0)
        return rc;
    run_destroy(f->run);
    f->run = r;
    answer_free(&f->log[--f->nlog]);
    return 0;
}

/* Re-runs F's answer log on the scenario SRC (owned, taken) and the flow library FLOOR (owned,
 * taken; NULL keeps the one F runs) and, when that runs, makes them F's sources. Answers
 * the edited flow no longer asks for are dropped from the end of the log. Returns 0, or an
 * error with ERR while F stays as it was (SRC and FLOOR are freed). */
static int reload_with(Flow *f, char *src, size_t len, char *floor, size_t floor_len,
                       ScriptError *err)
{
    FlowRun *r;
    size_t done = 0;
    FlowChunk scenario = {src, len, f->name};
    FlowChunk lib = floor ? (FlowChunk){floor, floor_len, f->floor_name} : floor_chunk(f);
    int rc = run_build(f, scenario, lib, f->nlog, 0, &r, &done, err);
    if (rc != 0) {
        free(src);
        free(floor);
        return rc;
    }
    while (f->nlog > done)
        answer_free(&f->log[--f->nlog]);
    run_destroy(f->run);
    f->run = r;
    free(f->source);
    f->source = src;
    f->source_len = len;
    if (floor) {
        free(f->floor);
        f->floor = floor;
        f->floor_len = floor_len;
    }
    return 0;
}

int flow_reload(Flow *f, ScriptError *err)
{
    size_t len = f->source_len, floor_len = f->floor_len;
    char *src = NULL;
    int rc = 0;
    if (f->path)
        rc = scenario_read_file(f->path, &src, &len, err);
    else if (!(src = dup_mem(f->source, len)))
        rc = flow_error(err, FLOW_ERR_MEMORY, "Out of memory while reloading the scenario.");
    if (rc != 0)
        return rc;
    char *floor = NULL;
    rc = f->floor_given ? 0 : read_floor(f->floor_path, &floor, &floor_len, err);
    if (rc != 0) {
        free(src);
        return rc;
    }
    return reload_with(f, src, len, floor, floor_len, err);
}

int flow_reload_sources(Flow *f, const char *scenario_src, size_t scenario_len,
                        const char *floor_src, size_t floor_len, ScriptError *err)
{
    if (scenario_src && scenario_len == 0)
        scenario_len = strlen(scenario_src);
    if (floor_src && floor_len == 0)
        floor_len = strlen(floor_src);
    size_t len = scenario_src ? scenario_len : f->source_len;
    char *src = dup_mem(scenario_src ? scenario_src : f->source, len);
    char *floor = floor_src ? dup_mem(floor_src, floor_len) : NULL;
    if (!src || (floor_src && !floor)) {
        free(src);
        free(floor);
        return flow_error(err, FLOW_ERR_MEMORY, "Out of memory while reloading the scenario.");
    }
    int rc = reload_with(f, src, len, floor, floor_len, err);
    if (rc == 0 && floor_src)
        f->floor_given = 1; /* in memory from now on: a later flow_reload keeps it */
    return rc;
}

void flow_set_paused(Flow *f, int paused)
{
    f->paused = paused != 0;
}

int flow_paused(const Flow *f)
{
    return f->paused;
}

/* ---- life cycle -------------------------------------------------------------------------- */

/* The path of scripts/lib/floor.lua under ROOT, malloc'd. */
static char *floor_path_of(const char *root)
{
    static const char tail[] = "scripts/lib/floor.lua";
    if (!root || !*root || strcmp(root, ".") == 0)
        return strdup(tail);
    size_t n = strlen(root);
    char *p = malloc(n + sizeof tail + 1);
    if (p)
        snprintf(p, n + sizeof tail + 1, "%s%s%s", root, root[n - 1] == '/' ? "" : "/", tail);
    return p;
}

/* Copies the flow library into F: CFG's in-memory source, else the file under the root. */
static int configure_floor(Flow *f, const FlowConfig *cfg, ScriptError *err)
{
    f->floor_path = floor_path_of(cfg->root);
    if (!f->floor_path)
        return flow_error(err, FLOW_ERR_MEMORY, "Out of memory while starting the scenario.");
    if (!cfg->floor_source) {
        f->floor_name = strdup(f->floor_path);
        if (!f->floor_name)
            return flow_error(err, FLOW_ERR_MEMORY, "Out of memory while starting the scenario.");
        return read_floor(f->floor_path, &f->floor, &f->floor_len, err);
    }
    f->floor_given = 1;
    f->floor_len = cfg->floor_source_len ? cfg->floor_source_len : strlen(cfg->floor_source);
    f->floor = dup_mem(cfg->floor_source, f->floor_len);
    f->floor_name = strdup(cfg->floor_name ? cfg->floor_name : f->floor_path);
    if (!f->floor || !f->floor_name)
        return flow_error(err, FLOW_ERR_MEMORY, "Out of memory while starting the scenario.");
    return 0;
}

/* Copies CFG into F, reading the scenario source and the flow library. Returns 0 or an
 * error code. */
static int flow_configure(Flow *f, const FlowConfig *cfg, ScriptError *err)
{
    if (!cfg->scenario_path && !cfg->scenario_source)
        return flow_error(err, FLOW_ERR_CONFIG, "No scenario given: set a path or a source.");
    if (!cfg->names[0] || !cfg->names[1] || cfg->first < 0 || cfg->first > 1)
        return flow_error(err, FLOW_ERR_CONFIG,
                          "A flow needs two player names and a first "
                          "customer of 0 or 1.");
    f->first = cfg->first;
    f->seed = cfg->seed;
    f->score = cfg->score;
    f->score_ud = cfg->score_ud;
    if (cfg->scoring < 0 || cfg->scoring > FLOW_SCORING_NOW)
        return flow_error(err, FLOW_ERR_CONFIG,
                          "This session was played under rules of play %d; this Heard knows 1 "
                          "to %d: update Heard to replay it.",
                          cfg->scoring, FLOW_SCORING_NOW);
    f->scoring = cfg->scoring ? cfg->scoring : FLOW_SCORING_NOW;
    const char *name = cfg->scenario_name   ? cfg->scenario_name
                       : cfg->scenario_path ? cfg->scenario_path
                                            : "scenario";
    f->path = cfg->scenario_path ? strdup(cfg->scenario_path) : NULL;
    f->name = strdup(name);
    f->names[0] = strdup(cfg->names[0]);
    f->names[1] = strdup(cfg->names[1]);
    if ((cfg->scenario_path && !f->path) || !f->name || !f->names[0] || !f->names[1])
        return flow_error(err, FLOW_ERR_MEMORY, "Out of memory while starting the scenario.");
    if (cfg->scenario_source) {
        f->source_len =
            cfg->scenario_source_len ? cfg->scenario_source_len : strlen(cfg->scenario_source);
        f->source = dup_mem(cfg->scenario_source, f->source_len);
    } else {
        int rc = scenario_read_file(cfg->scenario_path, &f->source, &f->source_len, err);
        if (rc != 0)
            return rc;
    }
    if (!f->source)
        return flow_error(err, FLOW_ERR_MEMORY, "Out of memory.");
    return configure_floor(f, cfg, err);
}

Flow *flow_create(const FlowConfig *cfg, ScriptError *err)
{
    Flow *f = calloc(1, sizeof *f);
    if (!f) {
        flow_error(err, FLOW_ERR_MEMORY, "Out of memory while starting the scenario.");
        return NULL;
    }
    if (flow_configure(f, cfg, err) != 0 ||
        run_build(f, scenario_chunk(f), floor_chunk(f), 0, 1, &f->run, NULL, err) != 0) {
        flow_destroy(f);
        return NULL;
    }
    return f;
}

void flow_destroy(Flow *f)
{
    if (!f)
        return;
    run_destroy(f->run);
    for (size_t i = 0; i < f->nlog; i++)
        answer_free(&f->log[i]);
    free(f->log);
    free(f->source);
    free(f->path);
    free(f->name);
    free(f->names[0]);
    free(f->names[1]);
    free(f->floor_path);
    free(f->floor);
    free(f->floor_name);
    free(f);
}

/* ---- reading ------------------------------------------------------------------------------ */

const FlowAsk *flow_ask(const Flow *f)
{
    return &f->run->ask;
}

int flow_finished(const Flow *f)
{
    return f->run->finished;
}

int flow_round(const Flow *f)
{
    return f->run->round;
}

int flow_rounds(const Flow *f)
{
    return f->run->info.rounds;
}

int flow_customer(const Flow *f)
{
    return f->run->customer;
}

int flow_scoring(const Flow *f)
{
    return f->scoring;
}

const char *flow_name(const Flow *f, int player)
{
    return player == 0 || player == 1 ? f->names[player] : "";
}

size_t flow_turn_count(const Flow *f)
{
    return f->run->nturns;
}

const Turn *flow_turn(const Flow *f, size_t i)
{
    return i < f->run->nturns ? &f->run->turns[i] : NULL;
}

const Turn *flow_turns(const Flow *f, size_t *n)
{
    *n = f->run->nturns;
    return f->run->turns;
}

int flow_team_score(const Flow *f)
{
    int sum = 0;
    for (size_t i = 0; i < f->run->nturns; i++)
        sum += f->run->turns[i].moves.total;
    return sum;
}

int flow_player_score(const Flow *f, int player)
{
    int sum = 0;
    for (size_t i = 0; i < f->run->nturns; i++) {
        if (f->run->turns[i].player == player)
            sum += f->run->turns[i].moves.total;
    }
    return sum;
}

size_t flow_parked_count(const Flow *f)
{
    return f->run->nparked;
}

const char *flow_parked_text(const Flow *f, size_t i, int *player, int *returned)
{
    if (i >= f->run->nparked)
        return NULL;
    if (player)
        *player = f->run->parked[i].player;
    if (returned)
        *returned = f->run->parked[i].returned;
    return f->run->parked[i].text;
}

int flow_turn_seconds(const Flow *f)
{
    return f->run->turn_seconds;
}

const ScenarioInfo *flow_scenario(const Flow *f)
{
    return &f->run->info;
}

const char *flow_scenario_source(const Flow *f, size_t *len)
{
    if (len)
        *len = f->source_len;
    return f->source;
}

const char *flow_floor_source(const Flow *f, size_t *len)
{
    if (len)
        *len = f->floor_len;
    return f->floor;
}

size_t flow_answer_count(const Flow *f)
{
    return f->nlog;
}

const FlowAnswer *flow_answer(const Flow *f, size_t i)
{
    return i < f->nlog ? &f->log[i] : NULL;
}
