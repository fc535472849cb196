/* moves.h: what the analyser and rules say about one reply: the moves they saw, each with
 * points and a one-line reason quoting the player's words. Plain values, no allocation,
 * shared by the rules, the flow, sessions, screens and the command line. */
#ifndef HEARD_MOVES_H
#define HEARD_MOVES_H

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

#endif
