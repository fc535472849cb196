/* moves.h: what the analyser and rules say about one reply: the moves they saw, each with
 * points and a one-line reason quoting the player's words. Plain values, no allocation,
 * shared by the rules, scenarios, the flow, sessions, screens and the command line.
 *
 * Also the one table of move tags (the tags of LABELS.md and docs/moves.md, in their
 * order), which orders every list of moves the game shows or saves, and the ending every
 * reason carries, " → tag +N", written from the move's final points.
 *
 * Depends on: engine/core/utf8, libc. */
#ifndef HEARD_MOVES_H
#define HEARD_MOVES_H

#include <stddef.h>

#define MOVE_TAG_MAX 24
#define MOVE_REASON_MAX 256
#define MOVES_MAX 16

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

/* Every move tag, in the order of LABELS.md (a static array, borrowed); sets *COUNT. */
const char *const *moves_tags(size_t *count);

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

/* Writes the ending of a reason for TAG worth POINTS into BUF (SIZE bytes):
 * " → counter-complaint −4", " → reflection +3", " → check 0" ('_' as '-', a true minus
 * sign). Returns BUF. */
char *moves_reason_ending(const char *tag, int points, char *buf, size_t size);

/* Rewrites each move's reason to end with the ending of its final points: the ending the
 * rules wrote (after the last " → ") is replaced, or one is added, cutting the words before
 * it at a character boundary with "…" when the whole would not fit. Then sums the total.
 * The last step before a turn is shown or saved, so a reason always quotes the points the
 * turn counts. */
void moves_restate(MoveList *ml);

#endif
