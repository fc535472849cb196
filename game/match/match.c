/* match.c: a match (flow, rules, session file) and its turn pipeline; see match.h. The
 * pipeline's scenario step runs in the flow's sandbox through the flow's score callback;
 * what touches Lua directly is in match_lua.c.
 *
 * Depends on: game/flow, game/rules, game/scenario, game/session, libc. No SDL. */
#include "game/match/match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/limits.h"
#include "game/match/scoring.h"
#include "game/session/session.h"

struct Match {
    Rules *rules;
    int scoring;   /* the rules of play: 1, or FLOW_SCORING_NOW (docs/scoring.md) */
    int own_rules; /* loaded by match_create: freed with the match */
    Flow *flow;
    SessionWriter *writer; /* NULL when not saved (see save_warning) */
    char save_path[1024];
    char save_warning[768];
    size_t answers_saved; /* answers already in the file */
    size_t turns_saved;   /* turns already in the file */
    MatchSavedFn saved;
    void *saved_ud;
};

/* ---- the pipeline ---------------------------------------------------------------------- */

int match_score(Rules *rules, int scoring, struct lua_State *L, int scenario,
                const ScenarioTurn *turn, MoveList *out, ScriptError *err)
{
    /* every text that reaches the analyser is a player's words, within the one limit */
    const char *texts[2] = {turn->text, turn->context ? turn->context : ""};
    for (int i = 0; i < 2; i++) {
        char msg[240];
        if (limits_check_text(texts[i], strlen(texts[i]), LIMITS_TEXT_MAX,
                              i ? "the words it answers" : "the text", msg, sizeof msg,
                              NULL) != LIMITS_OK) {
            memset(out, 0, sizeof *out);
            if (err) {
                memset(err, 0, sizeof *err);
                snprintf(err->message, sizeof err->message, "cannot score the turn: %s", msg);
            }
            return SCRIPT_ERR_RUNTIME;
        }
    }
    if (scoring >= 2 && strcmp(turn->kind, "rating") == 0) {
        /* 5: the partner's word weighs the reply it rates; nothing to analyse */
        scoring_rate(L, scenario, turn, out);
        moves_restate(out);
        return 0;
    }
    /* 1, 2: the analyser reads the reply, the standard rules name its moves */
    int rc = rules_score(rules, turn->context, turn->text, turn->role, out, err);
    if (rc != 0)
        return rc;
    /* 3, 4: the scenario's rules, then its points (a rule's error unwinds from here) */
    scenario_score(L, scenario, turn, out);
    /* 5: a toaster cancels the listening of its reply; a repair earns its bonus (sessions
     * saved under the first rules of play keep the moves' own points) */
    if (scoring >= 2)
        scoring_reply(L, scenario, turn, out);
    /* 6: the reasons quote the points the turn counts */
    moves_restate(out);
    return 0;
}

/* The flow's score callback: every turn of the match goes through the pipeline. */
static int score_turn(void *ud, struct lua_State *L, int scenario, const ScenarioTurn *turn,
                      MoveList *out, ScriptError *err)
{
    Match *m = ud;
    return match_score(m->rules, m->scoring, L, scenario, turn, out, err);
}

/* ---- the session file ------------------------------------------------------------------ */

/* Saving stopped: says why and keeps playing without the file. */
static void write_failed(Match *m)
{
    snprintf(m->save_warning, sizeof m->save_warning,
             "Saving stopped: %s. You can keep playing; this session will not be complete "
             "on disk.",
             session_writer_error(m->writer));
    session_writer_destroy(m->writer);
    m->writer = NULL;
    m->save_path[0] = '\0'; /* nobody is told "saved to" a file that stopped half-way */
}

static void open_session(Match *m, const char *dir, int first, uint64_t seed)
{
    const ScenarioInfo *info = flow_scenario(m->flow);
    SessionHeader h;
    memset(&h, 0, sizeof h);
    h.scenario_id = info->id;
    h.scenario_path = info->path;
    h.scenario_title = info->title;
    h.scenario_source = flow_scenario_source(m->flow, NULL);
    h.floor_source = flow_floor_source(m->flow, NULL); /* so a later floor.lua still replays */
    h.rules_hash = rules_hash(m->rules);
    h.players[0] = flow_name(m->flow, 0);
    h.players[1] = flow_name(m->flow, 1);
    h.first = first;
    h.seed = seed;
    h.scoring = m->scoring;
    char err[400];
    m->writer = session_writer_create(dir, &h, m->save_path, sizeof m->save_path, err, sizeof err);
    if (!m->writer) {
        m->save_path[0] = '\0';
        snprintf(m->save_warning, sizeof m->save_warning,
                 "This session cannot be saved (%s). You can keep playing.", err);
    }
}

/* Step 7: writes the answers and turns the flow holds that the file does not, each synced
 * before the next, then the end line once the flow has ended. */
static void commit(Match *m, uint32_t ms)
{
    for (; m->writer && m->answers_saved < flow_answer_count(m->flow); m->answers_saved++) {
        const FlowAnswer *a = flow_answer(m->flow, m->answers_saved);
        SessionAnswer sa = {.kind = a->kind == FLOW_ANSWER_TEXT ? SESSION_ANSWER_TEXT
                                                                : SESSION_ANSWER_CHOICE,
                            .text = a->text,
                            .index = a->index,
                            .ms = a->ms};
        if (session_write_answer(m->writer, &sa) != 0)
            write_failed(m);
    }
    for (; m->writer && m->turns_saved < flow_turn_count(m->flow); m->turns_saved++) {
        const Turn *t = flow_turn(m->flow, m->turns_saved);
        if (session_write_turn(m->writer, t) != 0)
            write_failed(m);
        else if (m->saved)
            m->saved(m->saved_ud, m->save_path, t);
    }
    if (m->writer && flow_finished(m->flow) &&
        session_write_end(m->writer, flow_team_score(m->flow), ms) != 0)
        write_failed(m);
}

/* After the flow replayed its log with fewer answers (undo, or a reload that dropped some):
 * what it holds now is what the file holds in force. */
static void in_force(Match *m)
{
    m->answers_saved = flow_answer_count(m->flow);
    m->turns_saved = flow_turn_count(m->flow);
}

/* Records a successful reload in the file: the sources in force now and the answers kept. */
static void note_reload(Match *m, uint32_t ms)
{
    size_t answers = flow_answer_count(m->flow);
    if (answers > m->answers_saved)
        answers = m->answers_saved; /* a write failed earlier; the file has no more */
    SessionReload r = {.ms = ms,
                       .scenario_source = flow_scenario_source(m->flow, NULL),
                       .floor_source = flow_floor_source(m->flow, NULL),
                       .answers = answers};
    if (m->writer && session_write_reload(m->writer, &r) != 0)
        write_failed(m);
    if (flow_answer_count(m->flow) < m->answers_saved)
        in_force(m);
}

/* ---- life cycle ------------------------------------------------------------------------ */

Match *match_create(const MatchConfig *cfg, ScriptError *err)
{
    Match *m = calloc(1, sizeof *m);
    if (!m) {
        if (err) {
            memset(err, 0, sizeof *err);
            snprintf(err->message, sizeof err->message, "Out of memory while starting the match.");
        }
        return NULL;
    }
    m->saved = cfg->saved;
    m->saved_ud = cfg->saved_ud;
    m->rules = cfg->rules;
    m->scoring = cfg->scoring ? cfg->scoring : FLOW_SCORING_NOW;
    if (!m->rules) {
        m->rules = rules_load(cfg->root && *cfg->root ? cfg->root : ".", err);
        m->own_rules = 1;
        if (!m->rules) {
            free(m);
            return NULL;
        }
    }
    FlowConfig fc = {
        .scenario_path = cfg->scenario_path,
        .scenario_source = cfg->scenario_source,
        .scenario_source_len = cfg->scenario_source_len,
        .scenario_name = cfg->scenario_name,
        .root = cfg->root,
        .floor_source = cfg->floor_source,
        .floor_source_len = cfg->floor_source_len,
        .floor_name = cfg->floor_name,
        .names = {cfg->names[0], cfg->names[1]},
        .first = cfg->first,
        .seed = cfg->seed,
        .score = score_turn,
        .score_ud = m,
        .scoring = m->scoring,
    };
    m->flow = flow_create(&fc, err);
    if (!m->flow) {
        match_destroy(m);
        return NULL;
    }
    if (cfg->save_dir) {
        open_session(m, cfg->save_dir, cfg->first, cfg->seed);
        commit(m, 0); /* what the flow said before its first ask */
    }
    return m;
}

int match_attach(Match *m, const char *path, const Session *s, MatchSavedFn saved, void *ud,
                 char *err, size_t errsize)
{
    SessionWriter *w = session_writer_reopen(path, s, err, errsize);
    if (!w)
        return -1;
    session_writer_destroy(m->writer);
    m->writer = w;
    snprintf(m->save_path, sizeof m->save_path, "%s", path);
    m->save_warning[0] = '\0';
    m->saved = saved;
    m->saved_ud = ud;
    m->answers_saved = s->n_answers;
    size_t turns = flow_turn_count(m->flow);
    m->turns_saved = s->n_turns < turns ? s->n_turns : turns;
    uint32_t ms = s->n_answers ? s->answers[s->n_answers - 1].ms : 0;
    commit(m, ms); /* a turn the stop cut off, and the end line if the flow had ended */
    return 0;
}

void match_destroy(Match *m)
{
    if (!m)
        return;
    session_writer_destroy(m->writer);
    flow_destroy(m->flow);
    if (m->own_rules)
        rules_destroy(m->rules);
    free(m);
}

/* ---- playing --------------------------------------------------------------------------- */

int match_answer_text(Match *m, const char *text, uint32_t ms, ScriptError *err)
{
    int rc = flow_answer_text(m->flow, text, ms, err);
    if (rc == 0)
        commit(m, ms);
    return rc;
}

int match_answer_choice(Match *m, int index, uint32_t ms, ScriptError *err)
{
    int rc = flow_answer_choice(m->flow, index, ms, err);
    if (rc == 0)
        commit(m, ms);
    return rc;
}

int match_back(Match *m, uint32_t ms, ScriptError *err)
{
    int rc = flow_back(m->flow, err);
    if (rc != 0)
        return rc;
    /* the file keeps what was written; an undo line says the last answer was taken back */
    if (m->writer && session_write_undo(m->writer, ms) != 0)
        write_failed(m);
    in_force(m);
    return 0;
}

int match_reload(Match *m, uint32_t ms, ScriptError *err)
{
    int rc = flow_reload(m->flow, err);
    if (rc == 0)
        note_reload(m, ms);
    return rc;
}

int match_reload_sources(Match *m, const char *scenario_src, const char *floor_src, uint32_t ms,
                         ScriptError *err)
{
    int rc = flow_reload_sources(m->flow, scenario_src, 0, floor_src, 0, err);
    if (rc == 0)
        note_reload(m, ms);
    return rc;
}

void match_record_event(Match *m, const Event *e)
{
    /* An event that cannot be saved (SESSION_ERR_ARG: nothing was written) is left out of
     * the file; only a failing file stops the saving. */
    if (m->writer) {
        int rc = session_write_event(m->writer, e);
        if (rc != 0 && rc != SESSION_ERR_ARG)
            write_failed(m);
    }
}

void match_set_paused(Match *m, int paused)
{
    flow_set_paused(m->flow, paused);
}

/* ---- reading --------------------------------------------------------------------------- */

const Flow *match_flow(const Match *m)
{
    return m->flow;
}

Rules *match_rules(const Match *m)
{
    return m->rules;
}

const char *match_save_path(const Match *m)
{
    return m->save_path;
}

const char *match_save_warning(const Match *m)
{
    return m->save_warning;
}
