/* moves.c: the table of move tags and what is done with it: ordering a reply's moves and
 * writing the points at the end of their reasons.
 *
 * Depends on: engine/core/utf8, libc. */
#include "game/turn/moves.h"

#include <stdio.h>
#include <string.h>

#include "engine/core/utf8.h"

#define ARROW " \xE2\x86\x92 "  /* " → " */
#define MINUS "\xE2\x88\x92"    /* "−" */
#define ELLIPSIS "\xE2\x80\xA6" /* "…" */

/* The tags of LABELS.md in its order: the listener's helping moves, the hurting moves,
 * then the speaker's. */
static const char *const move_tags[] = {
    "reflection",        "feeling",    "check",       "question_open",
    "question_closed",   "validation", "thanks",      "apology",
    "ownership",         "next_step",  "reasoned_no", "team",
    "counter_complaint", "defensive",  "criticism",   "contempt",
    "minimizing",        "fix_it",     "overpromise", "stonewalling",
    "soft_startup",      "request",
};

#define MOVE_TAG_COUNT (sizeof move_tags / sizeof move_tags[0])

const char *const *moves_tags(size_t *count)
{
    *count = MOVE_TAG_COUNT;
    return move_tags;
}

int moves_tag_rank(const char *tag)
{
    size_t i = 0;
    while (i < MOVE_TAG_COUNT && strcmp(move_tags[i], tag) != 0)
        i++;
    return (int)i;
}

int moves_is_tag(const char *tag)
{
    return moves_tag_rank(tag) < (int)MOVE_TAG_COUNT;
}

void moves_sort(MoveList *ml)
{
    /* insertion sort: at most MOVES_MAX moves, and stable */
    for (int i = 1; i < ml->count; i++) {
        Move m = ml->items[i];
        int rank = moves_tag_rank(m.tag), j = i;
        for (; j > 0 && moves_tag_rank(ml->items[j - 1].tag) > rank; j--)
            ml->items[j] = ml->items[j - 1];
        ml->items[j] = m;
    }
}

void moves_sum(MoveList *ml)
{
    ml->total = 0;
    for (int i = 0; i < ml->count; i++)
        ml->total += ml->items[i].points;
}

char *moves_reason_ending(const char *tag, int points, char *buf, size_t size)
{
    char name[MOVE_TAG_MAX];
    snprintf(name, sizeof name, "%s", tag);
    for (char *p = name; *p; p++)
        *p = *p == '_' ? '-' : *p;
    if (points < 0)
        snprintf(buf, size, ARROW "%s " MINUS "%d", name, -points);
    else
        snprintf(buf, size, ARROW "%s %s%d", name, points > 0 ? "+" : "", points);
    return buf;
}

/* The start of the last " → " in S, or S's end when it has none. */
static size_t ending_at(const char *s)
{
    size_t n = strlen(s), at = n;
    for (const char *p = strstr(s, ARROW); p; p = strstr(p + 1, ARROW))
        at = (size_t)(p - s);
    return at;
}

static void restate(Move *m)
{
    char ending[64];
    moves_reason_ending(m->tag, m->points, ending, sizeof ending);
    size_t words = ending_at(m->reason), room = MOVE_REASON_MAX - 1 - strlen(ending);
    const char *more = "";
    if (words > room) {
        words = utf8_floor(m->reason, words, room - (sizeof ELLIPSIS - 1));
        more = ELLIPSIS;
    }
    char out[MOVE_REASON_MAX];
    snprintf(out, sizeof out, "%.*s%s%s", (int)words, m->reason, more, ending);
    memcpy(m->reason, out, sizeof out);
}

void moves_restate(MoveList *ml)
{
    for (int i = 0; i < ml->count; i++)
        restate(&ml->items[i]);
    moves_sum(ml);
}
