/* replay.c: a saved session's flow run again from its stored scenario source, flow library
 * and answers, scored by the current rules, and compared turn by turn with what the file
 * recorded.
 *
 * Depends on: game/match (which plays it through the turn pipeline), game/session. No SDL. */
#include "game/match/replay.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"

struct Replay {
    const Session *s;
    char *path; /* for messages: the session file, or "session" */
    Rules *rules;
    char *root;
    Match *match;
    size_t pos;      /* answers fed */
    size_t reloads;  /* recorded reloads applied */
    int failed;      /* an answer did not fit, or a reload did not run: every further step
                        fails the same way (REPLAY_ERR_ANSWER or REPLAY_ERR_SCENARIO) */
    char error[768]; /* why it failed */
};

/* ---- small helpers --------------------------------------------------------------------- */

static void set_err(char *err, size_t size, const char *fmt, ...)
{
    if (!err || size == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

/* Copies at most MAX bytes of SRC into DST (of SIZE) without cutting a UTF-8 character,
 * adding "..." when it was cut. */
static void clip(char *dst, size_t size, const char *src, size_t max)
{
    size_t len = strlen(src), n = len;
    int cut = 0;
    if (n > max) {
        n = max;
        cut = 1;
    }
    if (n + 4 > size) {
        n = size > 4 ? size - 4 : 0;
        cut = 1;
    }
    if (cut)
        n = utf8_floor(src, len, n);
    memcpy(dst, src, n);
    strcpy(dst + n, cut ? "..." : "");
}

static const char *player_name(const Session *s, int player)
{
    return player == 0 || player == 1 ? s->header.players[player] : "the game";
}

/* ---- stepping -------------------------------------------------------------------------- */

/* Applies the recorded reloads made when RP->pos answers were in force, as the match did in
 * play. Returns 0, or REPLAY_ERR_SCENARIO with RP failed and ERR naming the reload's line. */
static int apply_reloads(Replay *rp, char *err, size_t errsize)
{
    const Session *s = rp->s;
    for (; rp->reloads < s->n_reloads && s->reloads[rp->reloads].answers <= rp->pos;
         rp->reloads++) {
        const SessionReload *r = &s->reloads[rp->reloads];
        ScriptError se;
        memset(&se, 0, sizeof se);
        int rc = match_reload_sources(rp->match, r->scenario_source, r->floor_source, r->ms, &se);
        size_t kept = flow_answer_count(match_flow(rp->match));
        if (rc == 0 && kept < rp->pos)
            snprintf(se.message, sizeof se.message,
                     "it keeps %zu of the %zu answers given before it", kept, rp->pos);
        if (rc != 0 || kept < rp->pos) {
            set_err(rp->error, sizeof rp->error,
                    "%s:%ld: the scenario reloaded here (after answer %zu) no longer runs as "
                    "played: %s",
                    rp->path, r->line, rp->pos, se.message);
            rp->failed = REPLAY_ERR_SCENARIO;
            set_err(err, errsize, "%s", rp->error);
            return REPLAY_ERR_SCENARIO;
        }
    }
    return 0;
}

/* Starts RP's flow afresh (no answer fed; reloads made before the first answer applied).
 * Returns 0 or REPLAY_ERR_* with ERR filled. */
static int start_flow(Replay *rp, char *err, size_t errsize)
{
    const SessionHeader *h = &rp->s->header;
    const char *name = h->scenario_path && *h->scenario_path ? h->scenario_path : "scenario";
    MatchConfig cfg = {
        .root = rp->root,
        .rules = rp->rules,
        .scenario_source = h->scenario_source,
        .scenario_name = name,
        .floor_source = h->floor_source, /* NULL (an older file): the one under root */
        .floor_name = "scripts/lib/floor.lua (saved)",
        .names = {h->players[0], h->players[1]},
        .first = h->first,
        .seed = h->seed,
        .scoring = h->scoring ? h->scoring : 1, /* as the session was scored */
    };
    ScriptError se;
    memset(&se, 0, sizeof se);
    match_destroy(rp->match);
    rp->pos = 0;
    rp->reloads = 0;
    rp->failed = 0;
    rp->error[0] = '\0';
    rp->match = match_create(&cfg, &se);
    if (rp->match)
        return apply_reloads(rp, err, errsize);
    set_err(err, errsize, "%s: the stored scenario %s (%s) no longer runs: %s", rp->path, name,
            h->scenario_id ? h->scenario_id : "?", se.message);
    return REPLAY_ERR_SCENARIO;
}

/* Makes a Replay and starts its flow. Returns 0 with *OUT, or REPLAY_ERR_* with ERR. */
static int open_replay(const Session *s, const char *path, Rules *rules, const char *root,
                       Replay **out, char *err, size_t errsize)
{
    *out = NULL;
    if (!s || !rules || !s->header.scenario_source) {
        set_err(err, errsize, "replay: no session or no rules to replay with");
        return REPLAY_ERR_ARG;
    }
    Replay *rp = calloc(1, sizeof *rp);
    if (!rp || !(rp->path = strdup(path ? path : "session")) ||
        !(rp->root = strdup(root && *root ? root : "."))) {
        replay_destroy(rp);
        set_err(err, errsize, "replay: out of memory");
        return REPLAY_ERR_NOMEM;
    }
    rp->s = s;
    rp->rules = rules;
    int rc = start_flow(rp, err, errsize);
    if (rc != 0) {
        replay_destroy(rp);
        return rc;
    }
    *out = rp;
    return 0;
}

Replay *replay_create(const Session *s, const char *path, Rules *rules, const char *root, char *err,
                      size_t errsize)
{
    Replay *rp;
    open_replay(s, path, rules, root, &rp, err, errsize);
    return rp;
}

void replay_destroy(Replay *rp)
{
    if (!rp)
        return;
    match_destroy(rp->match);
    free(rp->path);
    free(rp->root);
    free(rp);
}

Match *replay_take_match(Replay *rp)
{
    Match *m = rp->match;
    rp->match = NULL;
    rp->failed = REPLAY_ERR_ARG; /* nothing left to step */
    snprintf(rp->error, sizeof rp->error, "%s: the replay's match was taken", rp->path);
    return m;
}

/* "'I want a new...'" or "choice 2" for answer A, in BUF. */
static const char *answer_words(const SessionAnswer *a, char *buf, size_t size)
{
    if (a->kind == SESSION_ANSWER_CHOICE) {
        snprintf(buf, size, "choice %d", a->index + 1);
    } else {
        char text[96];
        clip(text, sizeof text, a->text ? a->text : "", 60);
        snprintf(buf, size, "'%s'", text);
    }
    return buf;
}

int replay_step(Replay *rp, char *err, size_t errsize)
{
    if (rp->failed) {
        set_err(err, errsize, "%s", rp->error);
        return rp->failed;
    }
    if (rp->pos >= rp->s->n_answers)
        return 0;
    const SessionAnswer *a = &rp->s->answers[rp->pos];
    ScriptError se;
    memset(&se, 0, sizeof se);
    int rc = a->kind == SESSION_ANSWER_TEXT
                 ? match_answer_text(rp->match, a->text ? a->text : "", a->ms, &se)
                 : match_answer_choice(rp->match, a->index, a->ms, &se);
    if (rc == 0) {
        rp->pos++;
        rc = apply_reloads(rp, err, errsize);
        return rc == 0 ? 1 : rc;
    }
    char words[128];
    int fits = rc <= FLOW_ERR_PAUSED && rc >= FLOW_ERR_MEMORY;
    set_err(rp->error, sizeof rp->error, "%s:%ld: answer %zu (%s) %s: %s", rp->path, a->line,
            rp->pos + 1, answer_words(a, words, sizeof words),
            fits ? "no longer fits the flow" : "fails in the flow", se.message);
    rp->failed = REPLAY_ERR_ANSWER;
    set_err(err, errsize, "%s", rp->error);
    return REPLAY_ERR_ANSWER;
}

int replay_seek(Replay *rp, size_t n, char *err, size_t errsize)
{
    if (n > rp->s->n_answers)
        n = rp->s->n_answers;
    if (n < rp->pos || rp->failed) {
        int rc = start_flow(rp, err, errsize);
        if (rc != 0)
            return rc;
    }
    while (rp->pos < n) {
        int rc = replay_step(rp, err, errsize);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int replay_floor_stored(const Replay *rp)
{
    return rp->s->header.floor_source != NULL;
}

size_t replay_position(const Replay *rp)
{
    return rp->pos;
}

size_t replay_answer_total(const Replay *rp)
{
    return rp->s->n_answers;
}

const Flow *replay_flow(const Replay *rp)
{
    return match_flow(rp->match);
}

size_t replay_turn_count(const Replay *rp)
{
    return rp->match ? flow_turn_count(match_flow(rp->match)) : 0;
}

const Turn *replay_turn(const Replay *rp, size_t i)
{
    return rp->match ? flow_turn(match_flow(rp->match), i) : NULL;
}

/* ---- comparing ------------------------------------------------------------------------- */

static int cmp_move(const void *a, const void *b)
{
    const Move *x = *(const Move *const *)a, *y = *(const Move *const *)b;
    int c = strcmp(x->tag, y->tag);
    return c ? c : (x->points > y->points) - (x->points < y->points);
}

/* Whether A and B hold the same tags (as a set, duplicates counted) with the same points. */
static int same_moves(const MoveList *a, const MoveList *b)
{
    if (a->count != b->count)
        return 0;
    int n = a->count < 0 ? 0 : a->count > MOVES_MAX ? MOVES_MAX : a->count;
    const Move *sa[MOVES_MAX], *sb[MOVES_MAX];
    for (int i = 0; i < n; i++) {
        sa[i] = &a->items[i];
        sb[i] = &b->items[i];
    }
    qsort(sa, (size_t)n, sizeof sa[0], cmp_move);
    qsort(sb, (size_t)n, sizeof sb[0], cmp_move);
    for (int i = 0; i < n; i++)
        if (cmp_move(&sa[i], &sb[i]) != 0)
            return 0;
    return 1;
}

ReplayField replay_compare_turn(const Turn *recorded, const Turn *now)
{
    if (!now)
        return recorded ? REPLAY_DIFF_MISSING : REPLAY_SAME;
    if (!recorded)
        return REPLAY_DIFF_EXTRA;
    if (strcmp(recorded->kind, now->kind) != 0)
        return REPLAY_DIFF_KIND;
    if (recorded->player != now->player)
        return REPLAY_DIFF_PLAYER;
    if (recorded->role != now->role)
        return REPLAY_DIFF_ROLE;
    if (recorded->round != now->round)
        return REPLAY_DIFF_ROUND;
    if (strcmp(recorded->text ? recorded->text : "", now->text ? now->text : "") != 0)
        return REPLAY_DIFF_TEXT;
    if (!same_moves(&recorded->moves, &now->moves))
        return REPLAY_DIFF_MOVES;
    return recorded->moves.total != now->moves.total ? REPLAY_DIFF_POINTS : REPLAY_SAME;
}

/* ---- all at once ----------------------------------------------------------------------- */

/* Copies the flow's turns into RES. Returns 0 or REPLAY_ERR_NOMEM. */
static int copy_turns(const Replay *rp, ReplayResult *res)
{
    size_t n = replay_turn_count(rp);
    if (n == 0)
        return 0;
    res->turns = calloc(n, sizeof *res->turns);
    if (!res->turns)
        return REPLAY_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        if (turn_copy(&res->turns[i], replay_turn(rp, i)) != 0)
            return REPLAY_ERR_NOMEM;
        res->n_turns = i + 1;
        res->team_score += res->turns[i].moves.total;
    }
    return 0;
}

/* Finds the first turn that differs and fills RES->diff and RES->identical. When the
 * re-run stopped early, only the turns it made are compared. */
static void compare_all(const Session *s, ReplayResult *res)
{
    size_t n_now = res->n_turns, n_rec = s->n_turns;
    size_t n = n_now > n_rec ? n_now : n_rec;
    if (res->stopped)
        n = n_now < n_rec ? n_now : n_rec;
    res->identical = 1;
    for (size_t i = 0; i < n; i++) {
        ReplayField f;
        if (i >= n_now) {
            f = REPLAY_DIFF_MISSING;
        } else if (i >= n_rec) {
            if (!s->ended) { /* a stopped session may lack the turns of its last answer */
                res->unrecorded = n_now - n_rec;
                return;
            }
            f = REPLAY_DIFF_EXTRA;
        } else {
            f = replay_compare_turn(&s->turns[i], &res->turns[i]);
        }
        if (f != REPLAY_SAME) {
            res->identical = 0;
            res->diff.field = f;
            res->diff.index = i;
            res->diff.recorded = i < n_rec ? &s->turns[i] : NULL;
            res->diff.now = i < n_now ? &res->turns[i] : NULL;
            return;
        }
    }
}

int replay_run(const Session *s, const char *path, Rules *rules, const char *root,
               ReplayResult *res)
{
    if (!res)
        return REPLAY_ERR_ARG;
    memset(res, 0, sizeof *res);
    if (!s || !rules) {
        snprintf(res->error, sizeof res->error, "replay: no session or no rules to replay with");
        return REPLAY_ERR_ARG;
    }
    res->n_recorded = s->n_turns;
    res->rules_changed =
        !s->header.rules_hash || strcmp(s->header.rules_hash, rules_hash(rules)) != 0;
    res->floor_from_root = !s->header.floor_source;
    Replay *rp;
    int rc = open_replay(s, path, rules, root, &rp, res->error, sizeof res->error);
    if (rc != 0)
        return rc;
    while ((rc = replay_step(rp, res->error, sizeof res->error)) > 0)
        ;
    res->stopped = rc < 0;
    int stop_code = rc;
    rc = copy_turns(rp, res);
    replay_destroy(rp);
    if (rc != 0) {
        snprintf(res->error, sizeof res->error, "replay: out of memory");
        return rc;
    }
    compare_all(s, res);
    if (res->stopped && res->identical) {
        res->identical = 0; /* nothing diverged before: the answer (or reload) is the problem */
        return stop_code;
    }
    return 0;
}

void replay_result_free(ReplayResult *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->n_turns; i++)
        turn_clear(&res->turns[i]);
    free(res->turns);
    memset(res, 0, sizeof *res);
}

/* ---- describing the difference --------------------------------------------------------- */

/* Appends to BUF (of SIZE, holding a string) in the manner of snprintf. */
static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
}

/* "reflection +3, feeling +2 (5)" or "no moves (0)". */
static void append_moves(char *buf, size_t size, const MoveList *m, int points)
{
    if (m->count <= 0)
        append(buf, size, "no moves");
    for (int i = 0; i < m->count && i < MOVES_MAX; i++)
        append(buf, size, "%s%s %+d", i ? ", " : "", m->items[i].tag, m->items[i].points);
    append(buf, size, " (%d)", points);
}

/* What one side of the difference holds, for FIELD. */
static void append_side(char *buf, size_t size, const Session *s, ReplayField field, const Turn *v)
{
    char text[128];
    switch (field) {
    case REPLAY_DIFF_KIND:
        append(buf, size, "a %s", v->kind);
        break;
    case REPLAY_DIFF_PLAYER:
        append(buf, size, "%s", player_name(s, v->player));
        break;
    case REPLAY_DIFF_ROLE:
        append(buf, size, "%s", v->role == ROLE_CUSTOMER ? "customer" : "agent");
        break;
    case REPLAY_DIFF_ROUND:
        append(buf, size, "round %d", v->round);
        break;
    case REPLAY_DIFF_TEXT:
        clip(text, sizeof text, v->text ? v->text : "", 80);
        append(buf, size, "'%s'", text);
        break;
    default: /* moves, points, and a turn only one side has */
        append_moves(buf, size, &v->moves, v->moves.total);
        break;
    }
}

char *replay_describe_diff(const Session *s, const ReplayResult *res, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    buf[0] = '\0';
    if (!s || !res || res->identical || res->diff.field == REPLAY_SAME)
        return buf;
    const ReplayDiff *d = &res->diff;
    const Turn *t = d->now;
    const Turn *head = d->recorded ? d->recorded : t;
    int number = d->recorded ? d->recorded->n : (int)d->index + 1;
    snprintf(buf, size, "turn %d (round %d, %s, %s): ", number, head->round,
             player_name(s, head->player), head->kind);
    if (d->recorded) {
        append(buf, size, "recorded ");
        append_side(buf, size, s, d->field, d->recorded);
    } else {
        append(buf, size, "not in the file");
    }
    append(buf, size, "; now ");
    if (t)
        append_side(buf, size, s, d->field, t);
    else
        append(buf, size, "no such turn (the re-run made %zu turns)", res->n_turns);
    return buf;
}
