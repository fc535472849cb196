/* turn.h: one turn of a match — who said what, in which role and kind of turn, and the
 * moves the rules saw in it — the one type the flow records, the session file saves and
 * loads, replay compares, export and the statistics count, and the screens draw.
 *
 * Depends on: game/turn/moves.h, libc. */
#ifndef HEARD_TURN_H
#define HEARD_TURN_H

#include <stdint.h>

#include "game/turn/moves.h"

#define TURN_KIND_MAX 16

enum { TURN_ERR_MEMORY = -70 }; /* out of memory for a turn's texts */

typedef struct Turn {
    int n;                    /* 1-based number in the match, as the session file counts */
    int round;                /* the round it belongs to, from 1 */
    int player;               /* 0 or 1; -1 for a note from the game itself */
    Role role;                /* the role the player had in this turn */
    char kind[TURN_KIND_MAX]; /* "startup", "reply", "more", "closure", "rating" (text
                                 "got_it", "partly" or "not_yet", by the one who rates),
                                 "rated" (the same word, as the listener's turn: what it did
                                 to their points), "note", "park" or "unpark" (a parked
                                 toaster brought back) */
    char *text;               /* what the player typed, UTF-8 (may be ""); owned by whoever
                                 holds the turn (the flow, the Session, a ReplayResult) */
    char *context;            /* what the text answered ("" for nothing), owned likewise;
                                 NULL when not known: session files do not keep it */
    uint32_t ms;              /* the time stamp of the answer that led to this turn */
    MoveList moves;           /* the moves the rules saw; moves.total is the turn's points */
    long line;                /* the line of the session file it was read from, else 0 */
} Turn;

/* Fills T (zeroed first) with copies of TEXT and CONTEXT (NULL: none) and KIND (cut to
 * fit). Returns 0, or TURN_ERR_MEMORY (T then owns nothing). */
int turn_init(Turn *t, const char *kind, const char *text, const char *context);

/* Copies SRC into DST with copies of its texts. Returns 0, or TURN_ERR_MEMORY (DST then
 * owns nothing). */
int turn_copy(Turn *dst, const Turn *src);

/* Frees T's texts and sets them to NULL. NULL is a no-op. */
void turn_clear(Turn *t);

#endif
