/* scoring.c: the game's rules of play, step 5 of the turn pipeline (see scoring.h and
 * docs/scoring.md).
 *
 * Depends on: game/scenario (scenario_points), game/turn, engine/core/utf8, libc. */
#include "game/match/scoring.h"

#include <stdio.h>
#include <string.h>

#include "engine/core/utf8.h"

#define QUOTE_MAX 40 /* bytes of a player's words quoted in a reason */

static int has(const MoveList *ml, const char *tag)
{
    for (int i = 0; i < ml->count; i++)
        if (strcmp(ml->items[i].tag, tag) == 0)
            return 1;
    return 0;
}

/* Whether ML holds a move that hurts: one of the MOVE_HURTING tags, at negative points. */
static int hurts(const MoveList *ml)
{
    for (int i = 0; i < ml->count; i++)
        if (moves_group(ml->items[i].tag) == MOVE_HURTING && ml->items[i].points < 0)
            return 1;
    return 0;
}

/* Adds move TAG worth POINTS with REASON (the ending " → ... +N" is added later by
 * moves_restate), or replaces a move of that tag. Nothing when ML is full. */
static void add(MoveList *ml, const char *tag, int points, const char *reason)
{
    int i = 0;
    while (i < ml->count && strcmp(ml->items[i].tag, tag) != 0)
        i++;
    if (i == MOVES_MAX)
        return;
    Move *m = &ml->items[i];
    snprintf(m->tag, sizeof m->tag, "%s", tag);
    m->points = points;
    utf8_copy(m->reason, sizeof m->reason, reason);
    if (i == ml->count)
        ml->count++;
    moves_sort(ml);
    moves_sum(ml);
}

/* PLAYER's name from TURN, or "Your partner". */
static const char *name_of(const ScenarioTurn *turn, int player)
{
    const char *n = player == 0 || player == 1 ? turn->names[player] : NULL;
    return n && *n ? n : "Your partner";
}

int scoring_listening_points(const MoveList *moves)
{
    int sum = 0;
    for (int i = 0; i < moves->count; i++) {
        const Move *m = &moves->items[i];
        if ((moves_group(m->tag) == MOVE_LISTENING && m->points > 0) ||
            strcmp(m->tag, MOVE_TOASTER_CANCELS) == 0)
            sum += m->points;
    }
    return sum > 0 ? sum : 0;
}

/* ---- the partner's word ---------------------------------------------------------------- */

void scoring_rate(struct lua_State *L, int sc, const ScenarioTurn *turn, MoveList *out)
{
    memset(out, 0, sizeof *out);
    const char *who = name_of(turn, turn->player);
    int heard = turn->rated ? scoring_listening_points(&turn->rated->moves) : 0;
    char reason[MOVE_REASON_MAX];
    if (strcmp(turn->text, "got_it") == 0) {
        snprintf(reason, sizeof reason, "%s said Got it: %s felt heard", who, who);
        add(out, MOVE_FELT_HEARD, scenario_points(L, sc, MOVE_FELT_HEARD, MOVE_FELT_HEARD_POINTS),
            reason);
    } else if (strcmp(turn->text, "partly") == 0 && heard > 1) {
        snprintf(reason, sizeof reason,
                 "%s said Partly: half of the %d listening points of the reply count", who, heard);
        add(out, MOVE_HEARD_PARTLY, -(heard / 2), reason);
    } else if (strcmp(turn->text, "not_yet") == 0 && heard > 0) {
        snprintf(reason, sizeof reason,
                 "%s said Not yet — try again: the %d listening points of the reply do not count",
                 who, heard);
        add(out, MOVE_NOT_HEARD_YET, -heard, reason);
    }
}

/* ---- a reply beside the turns before it ------------------------------------------------ */

/* A toaster in the same reply cancels its listening points. */
static void cancel_listening(MoveList *moves)
{
    if (!has(moves, "counter_complaint") || has(moves, MOVE_TOASTER_CANCELS))
        return;
    int listening = 0;
    for (int i = 0; i < moves->count; i++)
        if (moves_group(moves->items[i].tag) == MOVE_LISTENING && moves->items[i].points > 0)
            listening += moves->items[i].points;
    if (listening == 0)
        return;
    char reason[MOVE_REASON_MAX];
    snprintf(reason, sizeof reason,
             "%s, then brought your own complaint: the toaster cancels the %d listening points",
             has(moves, "reflection") ? "You said it back" : "You listened", listening);
    add(moves, MOVE_TOASTER_CANCELS, -listening, reason);
}

/* The way MOVES makes up for a slip ("saying sorry"), or NULL when it makes none. */
static const char *repair_words(const MoveList *moves)
{
    static const struct {
        const char *tag, *words;
    } ways[] = {{"apology", "saying sorry"},
                {"ownership", "owning your part"},
                {"reflection", "saying it back"}};
    for (size_t w = 0; w < sizeof ways / sizeof ways[0]; w++)
        for (int i = 0; i < moves->count; i++)
            if (strcmp(moves->items[i].tag, ways[w].tag) == 0 && moves->items[i].points > 0)
                return ways[w].words;
    return NULL;
}

/* The earliest slip of TURN's player in TURN's round (a turn with a hurting move) that no
 * repair has made up for yet, or NULL. */
static const Turn *open_slip(const ScenarioTurn *turn)
{
    const Turn *slips[64];
    int nslips = 0, repairs = 0;
    int round = turn->round;
    for (size_t i = 0; i < turn->nbefore; i++) {
        const Turn *t = &turn->before[i];
        if (t->round != round || t->player != turn->player || strcmp(t->kind, "rating") == 0)
            continue;
        if (hurts(&t->moves) && nslips < 64)
            slips[nslips++] = t;
        repairs += has(&t->moves, MOVE_REPAIR);
    }
    return repairs < nslips ? slips[repairs] : NULL;
}

/* An apology, ownership or reflection after an unrepaired slip in the round is a repair. */
static void add_repair(struct lua_State *L, int sc, const ScenarioTurn *turn, MoveList *moves)
{
    const char *how = repair_words(moves);
    const Turn *slip = how && !hurts(moves) ? open_slip(turn) : NULL;
    if (!slip)
        return;
    char quoted[QUOTE_MAX + 8], reason[MOVE_REASON_MAX];
    size_t n = strlen(slip->text);
    size_t cut = n > QUOTE_MAX ? utf8_floor(slip->text, n, QUOTE_MAX) : n;
    snprintf(quoted, sizeof quoted, "%.*s%s", (int)cut, slip->text, cut < n ? "…" : "");
    snprintf(reason, sizeof reason, "You made up for '%s' by %s", quoted, how);
    add(moves, MOVE_REPAIR, scenario_points(L, sc, MOVE_REPAIR, MOVE_REPAIR_POINTS), reason);
}

void scoring_reply(struct lua_State *L, int sc, const ScenarioTurn *turn, MoveList *moves)
{
    cancel_listening(moves);
    add_repair(L, sc, turn, moves);
}
