/* check.c: `heard check` (see check.h): the field checks of the picker, the examples through
 * the real rules, and a dry run of the flow with scripted answers, each problem turned into a
 * compiler-style message a coach can act on.
 *
 * Depends on: game/match (the turn pipeline, a match for the dry run), game/scenario
 * (loading, the text scanner), engine/script, libc. Lua only through check_lua.c. */
#include "game/check/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/stop.h"
#include "game/check/check_internal.h"
#include "game/match/match.h"
#include "game/scenario/scenario.h"
#include "game/scenario/scenario_text.h"

/* The dry run's scripted words: a reflection for the listener, a softened startup for the
 * speaker. */
#define AGENT_LINE                                                                                 \
    "So you feel let down by what happened, and you want it sorted out. Did I get that right?"
#define CUSTOMER_LINE "I feel tired when this happens, and I'd love us to sort it out together."

#define PROMPT_FITS 159 /* bytes of a prompt the game shows whole (flow.h's choices) */
#define HINT_FITS 255   /* bytes of a hint the game shows whole (flow.h's hint) */

struct Checker {
    char root[512];
    Rules *rules;
};

Checker *check_create(const char *root, ScriptError *err)
{
    Checker *c = calloc(1, sizeof *c);
    if (!c) {
        if (err) {
            memset(err, 0, sizeof *err);
            snprintf(err->message, sizeof err->message, "out of memory");
        }
        return NULL;
    }
    snprintf(c->root, sizeof c->root, "%s", root && *root ? root : ".");
    c->rules = rules_load(c->root, err);
    if (!c->rules) {
        free(c);
        return NULL;
    }
    return c;
}

void check_destroy(Checker *c)
{
    if (!c)
        return;
    rules_destroy(c->rules);
    free(c);
}

void check_result_free(CheckResult *out)
{
    if (!out)
        return;
    for (size_t i = 0; i < out->nexamples; i++) {
        free(out->examples[i].context);
        free(out->examples[i].reply);
        free(out->examples[i].known_miss);
    }
    free(out->examples);
    free(out->messages);
    memset(out, 0, sizeof *out);
}

const char *check_level_name(CheckLevel level)
{
    return level == CHECK_ERROR ? "error" : level == CHECK_WARNING ? "warning" : "note";
}

int check_message_format(const CheckMessage *m, char *buf, size_t cap)
{
    if (m->line > 0)
        return snprintf(buf, cap, "%s:%d: %s: %s", m->file, m->line, check_level_name(m->level),
                        m->text);
    return snprintf(buf, cap, "%s: %s: %s", m->file, check_level_name(m->level), m->text);
}

int check_result_format(const CheckResult *r, char *buf, size_t cap)
{
    if (r->passed)
        return snprintf(buf, cap, "%s: passed: %zu example%s, the flow ended after %d answers%s",
                        r->path, r->nexamples, r->nexamples == 1 ? "" : "s", r->flow_answers,
                        r->warnings ? " (see the warnings)" : "");
    return snprintf(buf, cap, "%s: failed: %d error%s, %d warning%s", r->path, r->errors,
                    r->errors == 1 ? "" : "s", r->warnings, r->warnings == 1 ? "" : "s");
}

/* ---- messages ------------------------------------------------------------------------- */

/* Appends a message at FILE:LINE. An error that finds no room is still counted, so the
 * file fails either way. */
static void add(CheckResult *r, CheckLevel level, const char *file, int line, const char *fmt, ...)
{
    if (level == CHECK_ERROR)
        r->errors++;
    else if (level == CHECK_WARNING)
        r->warnings++;
    if (r->nmessages == r->capmessages) {
        size_t cap = r->capmessages ? r->capmessages * 2 : 8;
        CheckMessage *bigger = realloc(r->messages, cap * sizeof *bigger);
        if (!bigger)
            return;
        r->messages = bigger;
        r->capmessages = cap;
    }
    CheckMessage *m = &r->messages[r->nmessages++];
    memset(m, 0, sizeof *m);
    m->level = level;
    snprintf(m->file, sizeof m->file, "%s", file);
    m->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->text, sizeof m->text, fmt, ap);
    va_end(ap);
}

/* TEXT without a leading "FILE:LINE: " or "FILE: " place and a leading "error: ". */
static const char *without_place(const char *text, const char *file, int line)
{
    size_t n = strlen(file);
    if (n && strncmp(text, file, n) == 0) {
        const char *p = text + n;
        char num[24];
        snprintf(num, sizeof num, ":%d: ", line);
        if (line > 0 && strncmp(p, num, strlen(num)) == 0)
            text = p + strlen(num);
        else if (strncmp(p, ": ", 2) == 0)
            text = p + 2;
    }
    if (strncmp(text, "error: ", 7) == 0)
        text += 7;
    return text;
}

/* What the sandbox leaves out, and what to say when a scenario reaches for it. */
static const struct {
    const char *name, *why;
} forbidden[] = {
    {"io", "a scenario cannot read or write files"},
    {"os", "a scenario cannot run programs, read the clock or leave the game"},
    {"require", "a scenario cannot load other files; keep everything in this one file"},
    {"package", "a scenario cannot load other files; keep everything in this one file"},
    {"dofile", "a scenario cannot load other files; keep everything in this one file"},
    {"loadfile", "a scenario cannot load other files; keep everything in this one file"},
    {"debug", "a scenario cannot use Lua's debug library"},
};

/* Writes a plain explanation into OUT when TEXT is Lua's "attempt to ... (global 'io')". */
static int explain_forbidden(const char *text, char *out, size_t cap)
{
    for (size_t i = 0; i < sizeof forbidden / sizeof forbidden[0]; i++) {
        char needle[40];
        snprintf(needle, sizeof needle, "(global '%s')", forbidden[i].name);
        if (strstr(text, needle)) {
            snprintf(out, cap,
                     "'%s' is not available to scenarios: %s. Take it out: whatever a scenario "
                     "needs, the game hands to it (see \"The sandbox\" in docs/scenarios.md)",
                     forbidden[i].name, forbidden[i].why);
            return 1;
        }
    }
    return 0;
}

/* The first line of ERR's traceback that is in PATH; its line number, or 0. */
static int traceback_line_in(const ScriptError *err, const char *path)
{
    size_t n = strlen(path);
    for (const char *p = err->traceback; p && *p;) {
        if (strncmp(p, path, n) == 0 && p[n] == ':' && p[n + 1] >= '0' && p[n + 1] <= '9')
            return atoi(p + n + 1);
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    return 0;
}

/* The name quoted in Lua's "(KIND 'NAME')" within TEXT, copied into OUT; 0 when absent. */
static int quoted_name(const char *text, const char *kind, char *out, size_t cap)
{
    char open[32];
    snprintf(open, sizeof open, "(%s '", kind);
    const char *p = strstr(text, open);
    const char *end = p ? strchr(p + strlen(open), '\'') : NULL;
    if (!end)
        return 0;
    p += strlen(open);
    snprintf(out, cap, "%.*s", (int)(end - p), p);
    return 1;
}

/* A note that says how to fix the commonest mistakes behind TEXT, or nothing. */
static void add_fix_note(CheckResult *r, const char *file, int line, const char *text)
{
    char name[64];
    if (strncmp(text, "unknown field '", 15) == 0 && !strstr(text, "did you mean")) {
        if (strstr(text, "in an example"))
            add(r, CHECK_NOTE, file, line,
                "an example's fields are context, reply, role, moves, rating and known_miss");
        else
            add(r, CHECK_NOTE, file, line,
                "a scenario's fields are id, title, description, difficulty, rounds, prompts, "
                "hints, customer_hints, points, turn_seconds, examples, example_reflection, "
                "play and rules; keep "
                "notes for yourself in -- comments");
    } else if (strstr(text, "attempt to call a nil value") &&
               quoted_name(text, "global", name, sizeof name)) {
        add(r, CHECK_NOTE, file, line,
            "there is no function '%s' here: check its spelling, and write your own functions "
            "above the line that uses them",
            name);
    } else if (strstr(text, "a nil value") && quoted_name(text, "field", name, sizeof name)) {
        add(r, CHECK_NOTE, file, line,
            "'%s' has no value here: check the spelling of the field (the fields are listed in "
            "docs/scenarios.md)",
            name);
    }
}

/* Adds the script error ERR (code CODE) of the scenario PATH: at the error's own file and
 * line, with a note pointing back into the scenario when the error is elsewhere. */
static void add_script_error(CheckResult *r, const char *path, int code, const ScriptError *err)
{
    const char *file = err->file[0] ? err->file : path;
    const char *text = without_place(err->message, file, err->line);
    char plain[sizeof r->messages[0].text];
    if (explain_forbidden(text, plain, sizeof plain))
        text = plain;
    add(r, CHECK_ERROR, file, err->line, "%s", text[0] ? text : "the scenario stopped");
    add_fix_note(r, file, err->line, text);
    if (code == SCRIPT_ERR_SYNTAX)
        add(r, CHECK_NOTE, file, err->line,
            "Lua could not read the file here: look at this line and the one above for a "
            "missing comma between fields, or a quote or bracket that is not closed");
    if (strcmp(file, path) == 0)
        return;
    int line = traceback_line_in(err, path);
    if (line > 0)
        add(r, CHECK_NOTE, path, line, "the scenario called it from here");
    else
        add(r, CHECK_NOTE, path, 0, "the error happened while checking this scenario");
}

/* ---- 1. fields ------------------------------------------------------------------------ */

/* The line of "NAME:LINE:" at the start of MESSAGE, or 0. */
static int message_line(const char *message, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(message, name, n) != 0 || message[n] != ':')
        return 0;
    return atoi(message + n + 1);
}

/* Loads the scenario as the picker does, with its limits. Returns 0 when it checks out. */
static int check_fields(const char *path, const char *src, size_t len, CheckResult *r)
{
    ScenarioInfo info;
    int rc = scenario_info_load_source(path, src, len, &info);
    if (rc == 0)
        return 0;
    ScriptError err;
    memset(&err, 0, sizeof err);
    snprintf(err.file, sizeof err.file, "%s", path);
    err.line = message_line(info.error, path);
    snprintf(err.message, sizeof err.message, "%s", info.error);
    add_script_error(r, path, rc, &err);
    return -1;
}

/* Warnings about a scenario that works but may not do what the coach meant. */
static void check_warnings(const char *path, const char *src, size_t len, const CheckTable *t,
                           CheckResult *r)
{
    int back = scenario_text_return_line(src, len);
    if (t->nexamples == 0)
        add(r, CHECK_WARNING, path,
            t->has_examples ? scenario_text_field_line(src, len, "examples", 1, 1) : back,
            "no examples: add a few, e.g. examples = { { context = \"...\", reply = \"...\", "
            "moves = { \"reflection\" } } }, so heard check can test how replies are scored");
    int at = scenario_text_field_line(src, len, "prompts", 1, 1);
    for (int i = 0; i < t->nprompts; i++) {
        if (t->prompt_len[i] > PROMPT_FITS)
            add(r, CHECK_WARNING, path, at,
                "prompts[%d] is %zu bytes long and will be cut short on screen; keep a prompt "
                "under %d bytes (about 25 words)",
                i + 1, t->prompt_len[i], PROMPT_FITS + 1);
    }
    at = scenario_text_field_line(src, len, "hints", 1, 1);
    for (int i = 0; i < t->nhints; i++) {
        if (t->hint_len[i] > HINT_FITS)
            add(r, CHECK_WARNING, path, at,
                "hints[%d] is %zu bytes long and will be cut short on screen; keep a hint "
                "under %d bytes",
                i + 1, t->hint_len[i], HINT_FITS + 1);
    }
}

/* ---- 2. examples ---------------------------------------------------------------------- */

static int found_tag(const MoveList *ml, const char *tag)
{
    for (int i = 0; i < ml->count; i++) {
        if (strcmp(ml->items[i].tag, tag) == 0)
            return 1;
    }
    return 0;
}

static int expected_tag(const CheckExample *ex, const char *tag)
{
    for (int i = 0; i < ex->nexpected; i++) {
        if (strcmp(ex->expected[i], tag) == 0)
            return 1;
    }
    return 0;
}

/* Appends "TEXT" to BUF (CAP bytes) after a ", " when BUF is not empty. */
static void list_add(char *buf, size_t cap, const char *fmt, ...)
{
    size_t used = strlen(buf);
    if (used + 3 >= cap)
        return;
    if (used) {
        memcpy(buf + used, ", ", 3);
        used += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, cap - used, fmt, ap);
    va_end(ap);
}

/* Judges EX against what was found and, when it fails, says why at its line. */
static void judge_example(const char *path, CheckExample *ex, CheckResult *r)
{
    char want[200] = "", got[240] = "", missing[200] = "", unwanted[200] = "";
    for (int i = 0; i < ex->nexpected; i++) {
        list_add(want, sizeof want, "%s", ex->expected[i]);
        if (!found_tag(&ex->found, ex->expected[i]))
            list_add(missing, sizeof missing, "%s", ex->expected[i]);
    }
    for (int i = 0; i < ex->found.count; i++) {
        const Move *m = &ex->found.items[i];
        list_add(got, sizeof got, "%s %+d", m->tag, m->points);
        if (m->points < 0 && moves_group(m->tag) == MOVE_HURTING && !expected_tag(ex, m->tag))
            list_add(unwanted, sizeof unwanted, "%s", m->tag);
    }
    ex->passed = !missing[0] && !unwanted[0];
    if (ex->passed && ex->known_miss)
        add(r, CHECK_WARNING, path, ex->line,
            "example %d passes now: take away its known_miss (\"%s\")", ex->index, ex->known_miss);
    if (ex->passed)
        return;
    char why[420] = "";
    if (missing[0])
        snprintf(why, sizeof why, "missing %s", missing);
    if (unwanted[0])
        snprintf(why + strlen(why), sizeof why - strlen(why), "%s%s hurts and is not expected",
                 missing[0] ? "; " : "", unwanted);
    if (ex->known_miss) {
        add(r, CHECK_WARNING, path, ex->line,
            "example %d is a known miss of the analyser (%s): it expects %s, the rules found %s",
            ex->index, ex->known_miss, want[0] ? want : "no hurting moves",
            got[0] ? got : "no moves");
        return;
    }
    add(r, CHECK_ERROR, path, ex->line,
        "example %d does not pass: it expects %s, the rules found %s (%s)", ex->index,
        want[0] ? want : "no hurting moves", got[0] ? got : "no moves", why);
    for (int i = 0; i < ex->found.count; i++)
        add(r, CHECK_NOTE, path, ex->line, "%s", ex->found.items[i].reason);
    add(r, CHECK_NOTE, path, ex->line,
        "if the reply really makes the moves listed (see docs/moves.md), keep the example and tell "
        "whoever tunes the analyser; if not, change the reply or its moves");
}

/* The turn an example stands for: the customer is player 1, the agent player 2; a
 * customer's words are a startup without context and "more" with one, an agent's a reply. */
static ScenarioTurn example_turn(const CheckExample *ex)
{
    ScenarioTurn turn = {.text = ex->reply,
                         .context = ex->context,
                         .kind = "reply",
                         .role = ex->role,
                         .player = 1,
                         .round = 1};
    if (ex->role == ROLE_CUSTOMER) {
        turn.kind = ex->context[0] ? "more" : "startup";
        turn.player = 0;
    }
    return turn;
}

/* What the partner's word EX->rating adds to the reply EX (scored as TURN): the rating,
 * scored by the pipeline with the reply as the turn it rates, its moves added to EX's found
 * ones (docs/scoring.md). Returns 0 or match_score_alone's error. */
static int add_rating(Checker *c, Script *s, CheckExample *ex, const ScenarioTurn *turn,
                      ScriptError *err)
{
    Turn reply;
    memset(&reply, 0, sizeof reply);
    snprintf(reply.kind, sizeof reply.kind, "%s", turn->kind);
    reply.text = ex->reply;
    reply.player = turn->player;
    reply.round = 1;
    reply.moves = ex->found;
    ScenarioTurn rating = {.text = ex->rating,
                           .context = "",
                           .kind = "rating",
                           .role = ROLE_CUSTOMER,
                           .player = 1 - turn->player,
                           .round = 1,
                           .rated = &reply};
    MoveList word;
    int rc = match_score_alone(c->rules, s, &rating, &word, err);
    for (int i = 0; rc == 0 && i < word.count && ex->found.count < MOVES_MAX; i++)
        ex->found.items[ex->found.count++] = word.items[i];
    moves_sort(&ex->found);
    moves_sum(&ex->found);
    return rc;
}

/* Scores every example of T (moved into R) through the match's turn pipeline, as in play
 * (the scenario's table is on top of S); reports those that do not pass. */
static void check_examples(Checker *c, Script *s, const char *path, const char *src, size_t len,
                           CheckTable *t, CheckResult *r)
{
    r->examples = t->examples;
    r->nexamples = t->nexamples;
    t->examples = NULL;
    t->nexamples = 0;
    int from = scenario_text_field_line(src, len, "examples", 1, 1);
    int *lines = r->nexamples ? calloc(r->nexamples, sizeof *lines) : NULL;
    if (lines) /* one pass: one search per example read the source again each time */
        scenario_text_field_lines(src, len, "reply", from, lines, r->nexamples);
    for (size_t i = 0; i < r->nexamples; i++) {
        CheckExample *ex = &r->examples[i];
        int line = lines ? lines[i] : 0;
        ex->line = line ? line : from;
        ScriptError err;
        ScenarioTurn turn = example_turn(ex);
        int rc = match_score_alone(c->rules, s, &turn, &ex->found, &err);
        if (rc == 0 && ex->rating[0])
            rc = add_rating(c, s, ex, &turn, &err);
        if (rc != 0) {
            add_script_error(r, path, rc, &err);
            if (rc == SCRIPT_ERR_STOPPED) /* the watchdog, or a SIGTERM: nothing more runs */
                break;
            if (strcmp(err.file, path) == 0) /* not the rules': the scenario's own */
                add(r, CHECK_NOTE, path, ex->line,
                    "this happened in the scenario's rules, while scoring example %d", ex->index);
            continue;
        }
        judge_example(path, ex, r);
    }
    free(lines);
}

/* ---- 3. the flow's dry run ------------------------------------------------------------ */

typedef struct DryRun {
    int partly_given;
    char seen[64][128]; /* titles of the choices asked so far */
    int nseen;
} DryRun;

/* Whether a choice titled TITLE was asked before; remembers it. */
static int seen_before(DryRun *d, const char *title)
{
    for (int i = 0; i < d->nseen; i++) {
        if (strcmp(d->seen[i], title) == 0)
            return 1;
    }
    if (d->nseen == (int)(sizeof d->seen / sizeof d->seen[0]))
        return 1;
    snprintf(d->seen[d->nseen++], sizeof d->seen[0], "%s", title);
    return 0;
}

/* Gives the scripted answer to M's current ask (see check_file). */
static int answer(Match *m, DryRun *d, uint32_t ms, ScriptError *err)
{
    const FlowAsk *k = flow_ask(match_flow(m));
    switch (k->kind) {
    case ASK_TEXT:
        if (k->nchoices > 0)
            return match_answer_choice(m, 0, ms, err);
        return match_answer_text(m, k->role == ROLE_AGENT ? AGENT_LINE : CUSTOMER_LINE, ms, err);
    case ASK_RATE:
        if (flow_round(match_flow(m)) > 1 && !d->partly_given) {
            d->partly_given = 1;
            return match_answer_choice(m, 1, ms, err);
        }
        return match_answer_choice(m, 0, ms, err);
    case ASK_CHOICE:
        return match_answer_choice(m, seen_before(d, k->title) ? k->nchoices - 1 : 0, ms, err);
    default:
        return match_answer_text(m, "", ms, err); /* refused: the flow says why */
    }
}

/* Where to point at the flow as a whole: `play =`, or else the table's `return`. */
static int flow_line(const char *src, size_t len, const CheckTable *t)
{
    int line = t->has_play ? scenario_text_field_line(src, len, "play", 1, 1) : 0;
    return line ? line : scenario_text_return_line(src, len);
}

static void check_flow(Checker *c, const char *path, const char *src, size_t len,
                       const CheckTable *t, CheckResult *r)
{
    DryRun d = {0, {{0}}, 0};
    MatchConfig cfg = {0};
    cfg.root = c->root;
    cfg.rules = c->rules;
    cfg.scenario_path = path;
    cfg.scenario_source = src;
    cfg.scenario_source_len = len;
    cfg.names[0] = "Alex";
    cfg.names[1] = "Sam";
    cfg.seed = 1;
    ScriptError err;
    Match *m = match_create(&cfg, &err);
    if (!m) {
        add_script_error(r, path, SCRIPT_ERR_RUNTIME, &err);
        add(r, CHECK_NOTE, path, 0,
            "this happened in the dry run of the flow, before its first question");
        return;
    }
    char last[128] = "";
    while (!flow_finished(match_flow(m)) && r->flow_answers < CHECK_FLOW_ANSWERS) {
        snprintf(last, sizeof last, "%s", flow_ask(match_flow(m))->title);
        int rc = answer(m, &d, (uint32_t)r->flow_answers * 1000u, &err);
        if (rc != 0) {
            add_script_error(r, path, rc, &err);
            add(r, CHECK_NOTE, path, 0,
                "this happened in the dry run of the flow, at answer %d (to '%s')",
                r->flow_answers + 1, last);
            match_destroy(m);
            return;
        }
        r->flow_answers++;
    }
    r->flow_finished = flow_finished(match_flow(m));
    match_destroy(m);
    if (!r->flow_finished)
        add(r, CHECK_ERROR, path, flow_line(src, len, t),
            "the flow did not end after %d answers (the last question was '%s'); look for a "
            "loop in play that never ends, or one that only a particular answer can end",
            CHECK_FLOW_ANSWERS, last);
    else if (r->flow_answers == 0)
        add(r, CHECK_WARNING, path, flow_line(src, len, t),
            "the flow ended without asking the players anything; wait for them with "
            "heard.ask, heard.rate or heard.choose");
}

/* ---- a file --------------------------------------------------------------------------- */

/* Reads the checked table in a sandbox of the game's own size, then runs 2. and 3. */
static void check_loaded(Checker *c, const char *path, const char *src, size_t len, CheckResult *r)
{
    ScriptLimits limits = {0, 0};
    Script *s = script_create(limits, 0);
    if (!s) {
        add(r, CHECK_ERROR, path, 0, "out of memory while checking the scenario");
        return;
    }
    CheckTable t;
    ScriptError err;
    int rc = scenario_load(s, path, src, len, NULL, &err);
    if (rc == 0) {
        rc = check_lua_read(s, &t, &err);
        if (rc != 0)
            check_table_free(&t);
    }
    if (rc != 0) {
        script_destroy(s);
        add_script_error(r, path, rc, &err);
        return;
    }
    r->loaded = 1;
    check_warnings(path, src, len, &t, r);
    check_examples(c, s, path, src, len, &t, r);
    script_destroy(s);
    if (!stop_requested())
        check_flow(c, path, src, len, &t, r);
    check_table_free(&t);
}

int check_file(Checker *c, const char *path, CheckResult *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->path, sizeof out->path, "%s", path);
    size_t len = 0;
    char *src = NULL;
    ScriptError err;
    if (scenario_read_file(path, &src, &len, &err) != 0) {
        add(out, CHECK_ERROR, path, 0, "%s", without_place(err.message, path, 0));
    } else if (check_fields(path, src, len, out) == 0) {
        check_loaded(c, path, src, len, out);
    }
    free(src);
    out->passed = out->errors == 0;
    return out->errors > 0 && out->nmessages == 0 ? CHECK_ERR_MEMORY : 0; /* no room */
}
