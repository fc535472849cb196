/* moves.h: what the analyser and rules say about one reply: the moves they saw, each with
 * points and a one-line reason quoting the player's words. Plain values, no allocation,
 * shared by the rules, scenarios, the flow, sessions, screens and the command line.
 *
 * Also the one table of move tags (the tags of LABELS.md and docs/moves.md, in their
 * order, then the tags of the partner's word: docs/scoring.md), which orders every list of
 * moves the game shows or saves; beside each tag the words players read for it ("said it
 * back"), which the screens and the export show; and the ending every reason carries,
 * " → said it back +3", written from the move's final points.
 *
 * Depends on: engine/core/utf8, libc. */
#ifndef HEARD_MOVES_H
#define HEARD_MOVES_H

#include <stddef.h>

#define MOVE_TAG_MAX 24
#define MOVE_REASON_MAX 256
#define MOVES_MAX 16
#define MOVES_POINTS_MAX 1000 /* a move's points are kept within ±this (moves_restate) */

/* Who wrote the reply being scored. */
typedef enum Role { ROLE_CUSTOMER = 0, ROLE_AGENT = 1 } Role;

typedef struct Move {
    char tag[MOVE_TAG_MAX];       /* a tag of docs/moves.md: "reflection", "counter_complaint" */
    int points;                   /* positive helps, negative hurts */
    char reason[MOVE_REASON_MAX]; /* "You gave back 'microwave' ... → reflection +3" */
} Move;

typedef struct MoveList {
    Move items[MOVES_MAX];
    int count;
    int total; /* sum of points */
} MoveList;

/* What kind of move a tag is. */
typedef enum MoveGroup {
    MOVE_LISTENING, /* the listener's helping moves (reflection ... team): the points the
                       partner's rating weighs */
    MOVE_HURTING,   /* counter_complaint ... stonewalling: they cost their points whatever
                       the rating */
    MOVE_SPEAKING,  /* the speaker's moves: soft_startup, request */
    MOVE_SCORING,   /* what the partner's word and the game's rules of play add: felt_heard,
                       heard_partly, not_heard_yet, toaster_cancels, repair */
    MOVE_UNKNOWN    /* a tag not in the table */
} MoveGroup;

/* The tags of the partner's word (docs/scoring.md), as the pipeline writes them. */
#define MOVE_FELT_HEARD "felt_heard"
#define MOVE_HEARD_PARTLY "heard_partly"
#define MOVE_NOT_HEARD_YET "not_heard_yet"
#define MOVE_TOASTER_CANCELS "toaster_cancels"
#define MOVE_REPAIR "repair"

/* Their default points, which a scenario's `points` may change: a Got it earns the
 * listener the felt-heard bonus; a repair after a slip earns the repair bonus. (The other
 * three are worked out from the moves they weigh and take no `points`.) */
#define MOVE_FELT_HEARD_POINTS 2
#define MOVE_REPAIR_POINTS 2

/* Every move tag, in the order of LABELS.md, then the tags of the partner's word (a static
 * array, borrowed); sets *COUNT. */
const char *const *moves_tags(size_t *count);

/* The words players read for TAG: "said it back" for reflection, "toaster — your own
 * complaint" for counter_complaint (static, borrowed); a tag not in the table comes back as
 * it is. */
const char *moves_name(const char *tag);

/* TAG's group, MOVE_UNKNOWN for a tag not in the table. */
MoveGroup moves_group(const char *tag);

/* Whether a scenario's `points` may set TAG: every tag but the three worked out from the
 * moves they weigh (heard_partly, not_heard_yet, toaster_cancels). */
int moves_points_settable(const char *tag);

/* Whether TAG is one of moves_tags. */
int moves_is_tag(const char *tag);

/* TAG's place in moves_tags, from 0; a tag not in the table ranks after all of them. */
int moves_tag_rank(const char *tag);

/* Puts ML's moves in the order of moves_tags (stable: tags not in the table keep their
 * order, after the others), so a reply lists its moves the same way whatever order they
 * were found in. */
void moves_sort(MoveList *ml);

/* Sets ML->total to the sum of its moves' points. */
void moves_sum(MoveList *ml);

/* Writes the ending of a reason for TAG worth POINTS into BUF (SIZE bytes), in the words
 * players read: " → toaster — your own complaint −4", " → said it back +3", " → checked:
 * did I get it? 0" (a true minus sign). Returns BUF. */
char *moves_reason_ending(const char *tag, int points, char *buf, size_t size);

/* Rewrites each move's reason to end with the ending of its final points: the ending the
 * rules wrote (after the last " → ") is replaced, or one is added, cutting the words before
 * it at a character boundary with "…" when the whole would not fit. Tags and reasons are
 * made valid UTF-8 without control characters first (bad bytes as U+FFFD), so a turn can
 * always be saved, and points are kept within ±MOVES_POINTS_MAX. Then sums the total.
 * The last step before a turn is shown or saved, so a reason always quotes the points the
 * turn counts. */
void moves_restate(MoveList *ml);

#endif
